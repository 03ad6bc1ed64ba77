from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules._structure import section_gaps
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote, where


class MissingSection(Rule):
    """A section of the source (its heading and the blocks under it) is absent from the translation.

    Why it matters: readers of the translation miss a whole topic, often a warning or a step.
    The section is reported once, where it should stand, not block by block.

    Example:
        en: `## Withdraw to BNB Smart Chain` followed by two paragraphs
        ru: the heading and both paragraphs are gone
    """

    code = "S101"
    name = "missing-section"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for gap in section_gaps(ctx, side="source"):
            head = gap.heading
            yield self.report(
                ctx, gap.where,
                f"section {quote(head.text)} ({where(ctx.source, head.span)}) is missing"
                f" ({gap.count} block{'s' if gap.count != 1 else ''})",
                source=head, anchor=block_anchor(ctx.source, head),
            )
