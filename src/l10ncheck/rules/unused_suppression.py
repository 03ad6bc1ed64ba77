from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from l10ncheck.diagnostics import Category, Diagnostic, Location, Severity
from l10ncheck.rules.base import Rule

if TYPE_CHECKING:  # the context is built by l10ncheck.suppressions, which imports this module
    from l10ncheck.suppressions import SuppressionContext, Unused


class UnusedSuppression(Rule):
    """An `l10ncheck-disable` comment suppresses nothing, names an unknown rule, or an
    `l10ncheck-enable` comment ends no open range.

    Why it matters: a suppression outlives the drift it was written for; left in place it
    would silently hide the next real finding at that spot. A rule that does not run (see
    `--select`) is not held against a comment.

    Example:
        ru: `<!-- l10ncheck-disable-next-line L204 -->` above a paragraph whose links are whole
    """

    code = "X603"
    name = "unused-suppression"
    category = Category.TEXT
    severity = Severity.INFO

    def check_suppressions(self, ctx: SuppressionContext) -> Iterator[Diagnostic]:
        """One finding per directive (and reason) that had no effect in one file."""
        for unused in ctx.unused:
            directive = unused.directive
            anchor = f"suppression/{directive.text}/{unused.reason}/{unused.ordinal}"
            yield Diagnostic(
                code=self.code, name=self.name, category=self.category, severity=self.severity,
                article=ctx.article, lang=ctx.lang, location=Location(ctx.path, directive.span),
                message=_message(unused), suggestion=None, anchor=anchor,
            )


def _message(unused: Unused) -> str:
    directive = unused.directive
    names = ", ".join(unused.selectors)
    if unused.reason == "unknown":
        plural = "s" if len(unused.selectors) > 1 else ""
        return f"unknown rule{plural} {names} in <!-- {directive.text} -->"
    if unused.reason == "unmatched":
        what = f"no open l10ncheck-disable range for {names}" if names else "no open l10ncheck-disable range"
        return f"<!-- {directive.text} --> ends {what}"
    if names and tuple(unused.selectors) != directive.selectors:
        return f"<!-- {directive.text} --> suppresses no {names} finding"
    return f"<!-- {directive.text} --> suppresses nothing"
