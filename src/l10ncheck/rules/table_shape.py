from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, where


class TableShape(Rule):
    """A table has another number of rows or columns than its source table.

    Why it matters: a dropped row is dropped data; a dropped or merged column shifts every
    value under the wrong header.

    Example:
        en: a 3-column table with 5 rows
        ja: the same table with 4 rows
    """

    code = "S109"
    name = "table-shape"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for src, tgt in ctx.block_pairs():
            if src.kind != "table" or tgt.kind != "table":
                continue
            src_cols = max(src.columns, default=0)
            tgt_cols = max(tgt.columns, default=0)
            if src.rows == tgt.rows and src_cols == tgt_cols:
                continue
            yield self.report(
                ctx, tgt.span,
                f"table has {tgt.rows} rows × {tgt_cols} columns, source table"
                f" ({where(ctx.source, src.span)}) has {src.rows} × {src_cols}",
                source=src, anchor=block_anchor(ctx.source, src),
            )
