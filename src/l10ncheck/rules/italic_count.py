from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity, Span
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, where


class ItalicCount(Rule):
    """The translated block has another number of italic spans than its source block.

    Why it matters: italics mark titles, terms and asides; languages use them differently,
    so this is information for a reviewer, not an error.

    Example:
        en: `*the centralized cryptocurrency exchange*`
        fr: `la plateforme d'échange centralisée`
    """

    code = "E304"
    name = "italic-count"
    category = Category.EMPHASIS
    severity = Severity.INFO

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for src, tgt in ctx.block_pairs():
            a, b = len(src.italic), len(tgt.italic)
            if a == b or src.kind == "code":
                continue
            s = tgt.italic[a].span if b > a else tgt.span
            yield self.report(
                ctx, s if b > a else Span(s.line, s.column, s.line, s.column),
                f"{b} italic span{'s' if b != 1 else ''} where the source"
                f" ({where(ctx.source, src.span)}) has {a}",
                source=src, anchor=block_anchor(ctx.source, src, "/italic"),
            )
