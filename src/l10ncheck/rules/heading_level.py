from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity, Span
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, where


class HeadingLevel(Rule):
    """A heading's level differs from the aligned source heading (`##` became `###`).

    Why it matters: the level builds the table of contents and the page outline; a changed
    level moves a section under another one.

    Example:
        en: `## Move assets`
        ru: `### Перемещение активов`
    """

    code = "S103"
    name = "heading-level"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for src, tgt in ctx.block_pairs():
            if src.kind == "heading" and tgt.kind == "heading" and src.level != tgt.level:
                span = Span(tgt.span.line, tgt.span.column, tgt.span.line, tgt.span.column + 1)
                yield self.report(
                    ctx, span,
                    f"heading level {tgt.level}, source has level {src.level}"
                    f" ({where(ctx.source, src.span)})",
                    source=src, anchor=block_anchor(ctx.source, src),
                )
