from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules._structure import (
    covered_by_section_gap, describe, is_comment, item_lists_with_partner, unpaired,
)
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, insertion_point, quote, where


class MissingBlock(Rule):
    """A paragraph, heading, code block, table or whole list of the source has no counterpart.

    Why it matters: a dropped paragraph is the most common way a translation silently loses a
    warning or an instruction. Alignment is by structure, so the blocks after the gap still
    pair: one dropped paragraph is one finding. Missing list items are reported per list by
    `list-item-count`, missing sections by `missing-section`.

    Example:
        en: three paragraphs; the second one says "Never share your recovery phrase."
        nl: the first and third paragraphs only
    """

    code = "S104"
    name = "missing-block"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        covered = covered_by_section_gap(ctx, "source")
        lists_with_partner = item_lists_with_partner(ctx, "source")
        reported_lists: set[int] = set()
        for i, block in unpaired(ctx, "source"):
            if block.index in covered or is_comment(block):
                continue
            what = describe(block)
            if block.kind == "item":
                if block.list_id in lists_with_partner or block.list_id in reported_lists:
                    continue
                reported_lists.add(block.list_id)
                size = ctx.source.lists[block.list_id].size
                what = f"list ({size} item{'s' if size != 1 else ''}) starting with"
            yield self.report(
                ctx, insertion_point(ctx, i),
                f"{what} {quote(block.text or block.code)} ({where(ctx.source, block.span)})"
                " is missing",
                source=block, anchor=block_anchor(ctx.source, block),
                # A dropped horizontal rule changes the look, not the content.
                severity=Severity.INFO if block.kind == "rule" else None,
            )
