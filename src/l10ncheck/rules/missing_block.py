from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules._structure import describe_gap, gaps
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, insertion_point, where


class MissingBlock(Rule):
    """A paragraph, heading, code block, table or whole list of the source has no counterpart.

    Why it matters: a dropped paragraph is the most common way a translation silently loses a
    warning or an instruction. Alignment is by structure, so the blocks after the gap still
    pair: one dropped paragraph is one finding, and so is a dropped run of consecutive blocks
    (a description and its command). Missing list items are reported per list by
    `list-item-count`, missing sections by `missing-section`. A paragraph that the
    translation's paragraph next to it seems to hold as well, judged by length (two
    paragraphs said in one, in current or older wording), is info: "perhaps merged".

    Example:
        en: three paragraphs; the second one says "Never share your recovery phrase."
        nl: the first and third paragraphs only
    """

    code = "S104"
    name = "missing-block"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for gap in gaps(ctx, "source"):
            block = gap.first
            verb = "are" if gap.more else "is"
            yield self.report(
                ctx, insertion_point(ctx, gap.pair_index),
                f"{describe_gap(ctx, gap, 'source')} ({where(ctx.source, block.span)}) {verb} missing"
                + (" (perhaps merged into the paragraph next to it)" if gap.split else ""),
                source=block, anchor=block_anchor(ctx.source, block),
                # A dropped horizontal rule changes the look, not the content.
                # A paragraph probably split from (or merged into) its neighbour, judged by
                # length alone, is for a reviewer to confirm.
                severity=Severity.INFO if gap.split or all(b.kind == "rule" for b in gap.blocks) else None,
            )
