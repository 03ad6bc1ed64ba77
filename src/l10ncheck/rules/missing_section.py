from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules._structure import section_gaps, section_runs
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote, where


class MissingSection(Rule):
    """A section of the source (its heading and the blocks under it) is absent from the translation.

    Why it matters: readers of the translation miss a whole topic, often a warning or a step.
    The section is reported once, where it should stand, not block by block; sections
    missing one after the other (an old page that lacks its last chapters) are one finding.

    Example:
        en: `## Withdraw to BNB Smart Chain` followed by two paragraphs
        ru: the heading and both paragraphs are gone
    """

    code = "S101"
    name = "missing-section"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for run in section_runs(section_gaps(ctx, side="source")):
            head = run[0].heading
            count = sum(gap.count for gap in run)
            blocks = f"{count} block{'s' if count != 1 else ''}"
            if len(run) == 1:
                what = f"section {quote(head.text)} ({where(ctx.source, head.span)}) is missing"
            else:
                last = run[-1].heading
                what = (f"{len(run)} sections from {quote(head.text)} ({where(ctx.source, head.span)})"
                        f" to {quote(last.text)} ({where(ctx.source, last.span)}) are missing")
            yield self.report(ctx, run[0].where, f"{what} ({blocks})",
                              source=head, anchor=block_anchor(ctx.source, head))
