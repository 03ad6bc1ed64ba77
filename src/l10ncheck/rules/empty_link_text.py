from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules._links import matched_links
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote, where


class EmptyLinkText(Rule):
    """A link has no visible text while its source link has some: `[](https://…)`.

    Why it matters: an empty link cannot be seen or clicked, and screen readers announce
    only its address.

    Example:
        en: `see [the FAQ](https://…)`
        pt: `veja [](https://…)`
    """

    code = "L206"
    name = "empty-link-text"
    category = Category.LINK
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for src, s, t in matched_links(ctx):
            if s.text.strip() and not t.text.strip():
                yield self.report(
                    ctx, t.span,
                    f"link → {t.url} has no text; source link ({where(ctx.source, s.span)})"
                    f" reads {quote(s.text, 40)}",
                    source=s.span, anchor=block_anchor(ctx.source, src, f"/empty:{s.url}"),
                )
