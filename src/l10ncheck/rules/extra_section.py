from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules._structure import section_gaps
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote


class ExtraSection(Rule):
    """The translation has a section (a heading and its blocks) that the source does not have.

    Why it matters: content the source never had is either stale (removed from the source
    later) or added by a translator, and nobody reviews it against the source.

    Example:
        en: sections "Install" and "Use"
        de: sections "Installation", "Verwendung" and "Fehlerbehebung"
    """

    code = "S102"
    name = "extra-section"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for gap in section_gaps(ctx, side="target"):
            head = gap.heading
            yield self.report(
                ctx, head.span,
                f"section {quote(head.text)} is not in the source"
                f" ({gap.count} block{'s' if gap.count != 1 else ''})",
                anchor=block_anchor(ctx.target, head, "+"),
            )
