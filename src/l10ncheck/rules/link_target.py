from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules._links import matched_links
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote, where


class LinkTargetUntranslated(Rule):
    """A relative or language-prefixed link of the translation opens a page that does not
    exist in the translation's language, while the aligned source link's page exists.

    A relative link (`../install/`) or one naming the language (`/ja/docs/install/`) stays in
    the reader's language; when that page was never translated, readers get a 404 (unless
    the site falls back to another language: list those in `fallback-langs`). Site-absolute
    links without a language (`/docs/install/`) open the default language and are fine.

    Info by default: many sites mount the source language's pages into the others (Hugo
    module mounts, Docusaurus fallbacks), where such a link works. A site without fallback
    should make it a warning: `link-target-untranslated = "warning"` under
    `[tool.l10ncheck.severity]`.

    Why it matters: broken links are what readers of partial translations hit most.

    Example:
        en: `[Install](../install/)`, `content/en/docs/install.md` exists
        ja: `[インストール](../install/)`, `content/ja/docs/install.md` does not
    """

    code = "L208"
    name = "link-target-untranslated"
    category = Category.LINK
    severity = Severity.INFO

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        site = ctx.site
        if site is None:
            return
        page = ctx.article
        for src, s, t in matched_links(ctx):
            resolved = site.resolve(t.url, page, ctx.lang)
            if resolved is None:
                continue
            slug, explicit = resolved
            lang = explicit or (ctx.lang if not t.url.startswith("/") else None)
            if lang is None or lang != ctx.lang:
                continue  # opens the default language (or another one on purpose)
            if site.has(slug, lang) or any(site.has(slug, f) for f in ctx.fallback_langs):
                continue
            source_resolved = site.resolve(s.url, page, ctx.source_lang)
            if source_resolved is None or not site.has(source_resolved[0], ctx.source_lang):
                continue  # the source link does not lead to a known page either
            yield self.report(
                ctx, t.span,
                f"link {quote(t.url)} opens {slug!r}, which has no {ctx.lang} page; the source"
                f" link ({where(ctx.source, s.span)}) opens the {ctx.source_lang} page",
                source=s.span, anchor=block_anchor(ctx.source, src, f"/target:{s.url}"),
            )
