from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity, Span
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote, where


class ListNesting(Rule):
    """A list item sits at another nesting depth than its source item.

    Why it matters: an accidental `* -` or a changed indent turns an item into a sub-list,
    which changes the meaning of the list and how it renders.

    Example:
        en: `* [**Binance**](…), the exchange`
        nl: `* - [**Binance**](…), de beurs`  (the item became a nested list)
    """

    code = "S107"
    name = "list-nesting"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for src, tgt in ctx.block_pairs():
            if src.kind == "item" and tgt.kind == "item" and src.depth != tgt.depth:
                s = tgt.span
                yield self.report(
                    ctx, Span(s.line, s.column, s.line, s.column + 1),
                    f"list item {quote(tgt.text, 40)} is nested at depth {tgt.depth},"
                    f" its source item ({where(ctx.source, src.span)}) at depth {src.depth}",
                    source=src, anchor=block_anchor(ctx.source, src),
                )
