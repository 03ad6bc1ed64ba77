from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity, Span
from l10ncheck.rules._links import matched_links
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote, where

# Sentence marks by what they do, in the scripts that write them differently: a mark pulled
# into the link must be the one the source has right after its link.
MARK_CLASSES = (".。।۔", ",、，،", ";；؛", ":：", "!！", "?？؟", "…")
PUNCTUATION = "".join(MARK_CLASSES)
_CLASS = {mark: i for i, marks in enumerate(MARK_CLASSES) for mark in marks}


class LinkPunctuation(Rule):
    """Sentence punctuation was pulled inside a link's text: `h[ier.](…)`.

    Why it matters: the period or comma becomes part of the clickable text, which looks
    broken and is read out by screen readers as part of the link. Only reported when the
    aligned source link is followed by a mark of the same kind (a full stop for `.`, `。` or
    `।`, a comma for `,` or `、`…) that its own text does not hold: a translation that ends
    a linked list item or a linked title with a mark of its own pulled nothing in, and is
    not reported. `--fix` moves the punctuation after
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
            kind = _CLASS.get(mark)
            if kind is None or s.text.rstrip()[-1:] in _CLASS or _CLASS.get(s.after) != kind:
                continue
            # The mark's own position: the last character of the link text.
            end = t.text_span
            column = max(end.end_column - 1 - (len(t.text) - len(t.text.rstrip())), 1)
            at = Span(end.end_line, column, end.end_line, column + 1)
            yield self.report(
                ctx, at,
                f"{quote(mark)} is inside the link text {quote(t.text, 40)}; the source link"
                f" ({where(ctx.source, s.span)}) keeps {quote(s.after)} outside",
                source=s.span, suggestion=f"move {quote(mark)} after the link",
                anchor=block_anchor(ctx.source, src, f"/punct:{s.url}"),
            )
