from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity, Span
from l10ncheck.rules._links import matched_links, same_destination
from l10ncheck.urls import localized_reference, localized_resource, resolve, rewritten, same_path_on_this_site
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, where
from l10ncheck.skeleton import Block, Skeleton


def _page(url: str) -> str:
    """The URL without its #fragment; a fragment-only link keeps a marker."""
    page, _, _ = url.partition("#")
    return page if page or not url.startswith("#") else "#"


class LinkUrlChanged(Rule):
    """A link points somewhere else than the aligned source link.

    Why it matters: a changed destination sends readers to the wrong page, a mistyped one
    to an error page. A link to the same page in the translation's language (`/en/` →
    `/ru/`, `/service/` → `/es/service/`) is not drift, nor is a changed `#anchor` (anchors
    follow translated headings). A link to another page of the same site in the
    translation's language (`en.wikipedia.org/wiki/Contraction` →
    `de.wikipedia.org/wiki/Kontraktion`) is reported as info, and so is a link moved to
    another site that names the translation's language (a `.de` site on a German page, a
    `fr.` subdomain, a `/fr/` path, `hl=fr`): guidance written for the translation's
    readers, which a maintainer may accept; so is a site-absolute link to the very path the
    source links on a full address (`/it/container/` for
    `https://glossary.cncf.io/container/`). `--fix` restores the source URL only when the
    difference is a provable slip on the same site (a typo of one or two characters in a
    long path segment, a doubled slash, stray whitespace, one stray trailing character),
    never for a localized or otherwise different URL. Sites whose localized URLs
    follow another scheme (another domain, a translated path) declare it with
    `[[url-rewrite]]` in the configuration; a link that matches the rewrite of the source
    link is the same destination, and so is a relative link that resolves, from the page's
    own URL, to the source's site-absolute one (`../y/` and `/docs/y/` on /docs/x/). A
    query string does not change a page of the site (`?link-check=no`), nor `utm_`
    tracking parameters an external one. When each of the two URLs stands elsewhere on the
    other page, the blocks were paired across a reordering (a list sorted otherwise): info.

    Example:
        en: `[withdrawing here](https://support.metamask.io/…/4416069050011)`
        nl: `[hier](https://support.metamask.io/…/4416069050012)`
    """

    code = "L203"
    name = "link-url-changed"
    category = Category.LINK
    severity = Severity.WARNING
    fixable = True

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for src, s, t in matched_links(ctx):
            if same_destination(_page(s.url), _page(t.url), ctx.source_lang, ctx.lang):
                continue  # anchors follow translated headings: the anchor rule's business
            if same_destination(resolve(_page(s.url), ctx.article), resolve(_page(t.url), ctx.article),
                                ctx.source_lang, ctx.lang):
                continue  # `../x/` and `/docs/x/` from /docs/y/: one page, written two ways
            if ctx.site is not None and rewritten(ctx.site.rewrites, _page(s.url), _page(t.url),
                                                  ctx.source_lang, ctx.lang):
                continue  # the site's own rule for its localized URLs (url-rewrite)
            # A difference that may be legitimate: info, with why, and no fix to suggest.
            why = (
                " (the same site in the translation's language: check it is the same topic)"
                if localized_resource(s.url, t.url, ctx.lang) else
                " (a site in the translation's language: check it says the same)"
                if localized_reference(s.url, t.url, ctx.lang) else
                " (the same path on this site: check the site is the one the source links)"
                if same_path_on_this_site(s.url, t.url, ctx.source_lang, ctx.lang) else
                # Each URL stands elsewhere on the other page: the blocks holding them were
                # paired across a reordering (a list sorted otherwise), not a link changed.
                " (both links are on both pages: the blocks may only be in another order)"
                if _elsewhere(t.url, ctx.source, src, ctx) and _elsewhere(s.url, ctx.target, None, ctx) else "")
            end = t.span
            yield self.report(
                ctx, Span(end.line, end.column, end.end_line, end.end_column),
                f"link points to {t.url}, source link ({where(ctx.source, s.span)}) to {s.url}" + why,
                source=s.span, suggestion=None if why else s.url,
                severity=Severity.INFO if why else None,
                anchor=block_anchor(ctx.source, src, f"/link:{s.url}"),
            )


def _elsewhere(url: str, skeleton: Skeleton, besides: Block | None, ctx: TranslationContext) -> bool:
    """Does a block of ``skeleton`` (other than ``besides``) link to ``url``'s page?"""
    page = _page(url)
    return any(block is not besides and same_destination(page, _page(link.url), ctx.source_lang, ctx.lang)
               for block in skeleton.blocks for link in block.links_only)
