from __future__ import annotations

import re
from typing import Iterator
from urllib.parse import unquote

from l10ncheck.anchors import slug
from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules._links import matched_links
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote, where
from l10ncheck.skeleton import Skeleton

_HTML_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"']+)["']""")


def anchors(skeleton: Skeleton) -> set[str]:
    """Every id a `#fragment` in this page can reach: heading slugs, explicit `{#id}`s and
    HTML `id`/`name` attributes."""
    found: set[str] = set()
    for block in skeleton.blocks:
        if block.kind == "heading":
            found.add(slug(block.text))
            found.add(re.sub(r"-+", "-", slug(block.text)))
            if block.info:
                found.add(block.info.lower())
        elif block.kind == "html":
            found.update(m.group(1).lower() for m in _HTML_ID.finditer(block.code))
    return found


class MissingAnchor(Rule):
    """A `#fragment` link points to an anchor that no heading of the translation defines,
    while the aligned source link's anchor exists in the source.

    Why it matters: translated headings get new ids, so in-page links must follow them;
    a link to a stale id scrolls nowhere. Explicit `{#id}` heading ids and HTML `id`
    attributes count as anchors.

    Example:
        en: `see [Install](#install)` with a heading `## Install`
        es: `ver [Instalar](#install)` with the heading `## Instalación` (id `instalación`)
    """

    code = "L207"
    name = "missing-anchor"
    category = Category.LINK
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        target_ids: set[str] | None = None
        source_ids: set[str] | None = None
        for src, s, t in matched_links(ctx):
            if not t.url.startswith("#") or not s.url.startswith("#"):
                continue
            if target_ids is None:
                target_ids, source_ids = anchors(ctx.target), anchors(ctx.source)
            assert source_ids is not None
            fragment = unquote(t.url[1:]).lower()
            if not fragment or fragment in target_ids:
                continue
            if unquote(s.url[1:]).lower() not in source_ids:
                continue  # the source's anchor comes from elsewhere (a shortcode, a theme)
            yield self.report(
                ctx, t.span,
                f"anchor {quote(t.url)} is not a heading of this page; the source link"
                f" ({where(ctx.source, s.span)}) goes to {quote(s.url)}",
                source=s.span, anchor=block_anchor(ctx.source, src, f"/anchor:{s.url}"),
            )
