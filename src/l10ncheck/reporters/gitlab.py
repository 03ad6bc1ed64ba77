"""GitLab Code Quality JSON, the subset of the Code Climate spec that merge requests show.

GitLab requires ``description``, ``check_name``, ``fingerprint``, ``severity`` and
``location.path`` with ``location.lines.begin``; it drops findings whose fingerprint
repeats, so fingerprints are made unique within the run.
"""

from __future__ import annotations

from l10ncheck.diagnostics import Report, Severity
from l10ncheck.reporters._common import posix_path, unique_fingerprints
from l10ncheck.reporters.json import dumps

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(report: Report, *, color: bool = False) -> str:
    """A JSON array of Code Quality issues, one per finding; ``color`` is ignored."""
    issues = [
        {
            "description": f"{d.code} {d.message}",
            "check_name": d.code,
            "fingerprint": fp,
            "severity": _SEVERITY[d.severity],
            "location": {
                "path": posix_path(d.path),
                "lines": {"begin": d.location.span.line, "end": d.location.span.end_line},
            },
        }
        for d, fp in zip(report.diagnostics, unique_fingerprints(report.diagnostics), strict=True)
    ]
    return dumps(issues, indent=2) + "\n"
