from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity, Span
from l10ncheck.rules._links import matched_links
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote, where

PUNCTUATION = ".,;:!?…。、，；：！？"


class LinkPunctuation(Rule):
    """Sentence punctuation was pulled inside a link's text: `h[ier.](…)`.

    Why it matters: the period or comma becomes part of the clickable text, which looks
    broken and is read out by screen readers as part of the link. Only reported when the
    aligned source link keeps that punctuation outside. `--fix` moves the punctuation after
    the link (`h[ier.](…)` becomes `[hier](…).` together with the split-word fix) when a
    space, the end of the line or closing emphasis follows the link.

    Example:
        en: `[depositing to Binance here](…).`
        nl: `over het storten van fondsen vind je h[ier.](…)`
    """

    code = "L205"
    name = "link-punctuation"
    category = Category.LINK
    severity = Severity.WARNING
    fixable = True

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for src, s, t in matched_links(ctx):
            if not t.text or len(t.text.strip()) < 2:
                continue
            mark = t.text.rstrip()[-1]
            if mark not in PUNCTUATION or s.text.rstrip()[-1:] in tuple(PUNCTUATION):
                continue
            # The mark's own position: the last character of the link text.
            end = t.text_span
            column = max(end.end_column - 1 - (len(t.text) - len(t.text.rstrip())), 1)
            at = Span(end.end_line, column, end.end_line, column + 1)
            yield self.report(
                ctx, at,
                f"{quote(mark)} is inside the link text {quote(t.text, 40)}; the source link"
                f" ({where(ctx.source, s.span)}) keeps punctuation outside",
                source=s.span, suggestion=f"move {quote(mark)} after the link",
                anchor=block_anchor(ctx.source, src, f"/punct:{s.url}"),
            )
