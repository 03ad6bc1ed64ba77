"""One finding per line, `path:line:col: CODE [severity] message`, for editors and grep."""

from __future__ import annotations

from l10ncheck.diagnostics import Report
from l10ncheck.reporters._common import terminal_safe


def render(report: Report, *, color: bool = False) -> str:
    """Plain lines; newlines inside a message are shown as ``\\n`` so each finding stays one line.

    ``color`` is accepted for a uniform interface and ignored: editors parse this format.
    """
    out = []
    for d in report.diagnostics:
        where = f"{terminal_safe(d.path)}:{d.location.line}:{d.location.column}"
        message = terminal_safe(d.message.replace("\r", "\\r").replace("\n", "\\n"))
        out.append(f"{where}: {d.code} [{d.severity.value}] {message}\n")
    return "".join(out)
