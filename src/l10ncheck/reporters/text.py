"""The default format, for people at a terminal: one table per translated document."""

from __future__ import annotations

from collections import defaultdict

from tabulate import tabulate

from l10ncheck.diagnostics import Diagnostic, Report, Severity
from l10ncheck.reporters._common import documents, summary, terminal_safe, with_suggestion

_BOLD, _RESET = "\x1b[1m", "\x1b[0m"
_SEVERITY_COLOR = {
    Severity.ERROR: "\x1b[31m",
    Severity.WARNING: "\x1b[33m",
    Severity.INFO: "\x1b[34m",
}
_HEADERS = ("where", "rule", "severity", "message")
# Messages quote both sides of a pair and can be long; wrap them so rows stay readable.
_MESSAGE_WIDTH = 70


def render(report: Report, *, color: bool = False) -> str:
    """Findings grouped by article and language, then the summary line."""
    by_doc: dict[tuple[str, str], list[Diagnostic]] = defaultdict(list)
    for d in report.diagnostics:
        by_doc[d.article, d.lang].append(d)
    blocks = []
    for article, lang, path in documents(report):
        found = by_doc.get((article, lang))
        if not found:
            continue
        header = terminal_safe(f"{article} · {lang} · {path}")
        blocks.append(_paint(header, _BOLD, color))
        blocks.append(_table(found, color) + "\n")
    blocks.append(summary(report))
    return "\n".join(blocks) + "\n"


def _table(found: list[Diagnostic], color: bool) -> str:
    rows = [
        (
            f"{d.lang}:{d.location.line}:{d.location.column}",
            d.code,
            _paint(d.severity.value, _SEVERITY_COLOR[d.severity], color),
            terminal_safe(with_suggestion(d)),
        )
        for d in found
    ]
    # disable_numparse: "12" in a message or a code must stay text, never re-aligned as a number.
    return tabulate(
        rows,
        headers=_HEADERS,
        tablefmt="simple",
        disable_numparse=True,
        maxcolwidths=[None, None, None, _MESSAGE_WIDTH],
    )


def _paint(text: str, style: str, color: bool) -> str:
    return f"{style}{text}{_RESET}" if color else text
