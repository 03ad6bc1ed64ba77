from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules._structure import (
    covered_by_section_gap, describe, is_comment, item_lists_with_partner, unpaired,
)
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote


class ExtraBlock(Rule):
    """The translation has a paragraph, heading, code block, table or list the source lacks.

    Why it matters: text with no source counterpart is unreviewed: a stale paragraph the
    source has since removed, or a translator's addition. Whitespace-only paragraphs are not
    blocks and never count.

    Example:
        en: two paragraphs
        ms: the same two paragraphs and a third one between them
    """

    code = "S105"
    name = "extra-block"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        covered = covered_by_section_gap(ctx, "target")
        lists_with_partner = item_lists_with_partner(ctx, "target")
        reported_lists: set[int] = set()
        for _, block in unpaired(ctx, "target"):
            if block.index in covered or is_comment(block):
                continue
            what = describe(block)
            if block.kind == "item":
                if block.list_id in lists_with_partner or block.list_id in reported_lists:
                    continue
                reported_lists.add(block.list_id)
                what = "list starting with"
            yield self.report(
                ctx, block.span, f"{what} {quote(block.text or block.code)} is not in the source",
                anchor=block_anchor(ctx.target, block, "+"),
                # A dropped horizontal rule changes the look, not the content.
                severity=Severity.INFO if block.kind == "rule" else None,
            )
