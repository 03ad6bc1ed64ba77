from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules._structure import describe_gap, gaps
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor


class ExtraBlock(Rule):
    """The translation has a paragraph, heading, code block, table or list the source lacks.

    Why it matters: text with no source counterpart is unreviewed: a stale paragraph the
    source has since removed, or a translator's addition. Whitespace-only paragraphs are not
    blocks and never count.

    Example:
        en: two paragraphs
        ms: the same two paragraphs and a third one between them

    Consecutive extra blocks are reported once.
    """

    code = "S105"
    name = "extra-block"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for gap in gaps(ctx, "target"):
            block = gap.first
            verb = "are" if gap.more else "is"
            yield self.report(
                ctx, block.span, f"{describe_gap(ctx, gap, 'target')} {verb} not in the source"
                + (" (perhaps split from the paragraph next to it)" if gap.split else ""),
                anchor=block_anchor(ctx.target, block, "+"),
                # A horizontal rule changes the look, not the content.
                # A paragraph probably split from (or merged into) its neighbour, judged by
                # length alone, is for a reviewer to confirm.
                severity=Severity.INFO if gap.split or all(b.kind == "rule" for b in gap.blocks) else None,
            )
