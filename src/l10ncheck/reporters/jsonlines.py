"""JSON Lines: one compact finding per line, no envelope, for streaming tools like jq."""

from __future__ import annotations

from l10ncheck.diagnostics import Report
from l10ncheck.reporters.json import dumps, finding


def render(report: Report, *, color: bool = False) -> str:
    """The same finding objects as the ``json`` format; ``color`` is ignored."""
    return "".join(dumps(finding(d)) + "\n" for d in report.diagnostics)
