"""GitLab Code Quality JSON."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from l10ncheck.diagnostics import Location, Report, Span
from l10ncheck.reporters import fingerprint, gitlab


def _issues(report: Report) -> list[dict[str, Any]]:
    issues = json.loads(gitlab.render(report))
    assert isinstance(issues, list)
    return issues


def test_required_fields(report: Report) -> None:
    issues = _issues(report)
    assert len(issues) == len(report.diagnostics)
    for issue in issues:
        assert list(issue) == ["description", "check_name", "fingerprint", "severity", "location"]
        assert isinstance(issue["location"]["path"], str)
        assert isinstance(issue["location"]["lines"]["begin"], int)


def test_first_issue(report: Report) -> None:
    assert _issues(report)[0] == {
        "description": "S101 section 'What do you need to do?' (en:13) has no counterpart; "
        "nearest is 'Какво трябва да знаете'",
        "check_name": "S101",
        "fingerprint": fingerprint(report.diagnostics[0]),
        "severity": "major",
        "location": {
            "path": "articles/using-metamask-with-binance/bg.md",
            "lines": {"begin": 12, "end": 12},
        },
    }


def test_severity_mapping(report: Report) -> None:
    mapping = {"error": "major", "warning": "minor", "info": "info"}
    assert [i["severity"] for i in _issues(report)] == [
        mapping[d.severity.value] for d in report.diagnostics
    ]


def test_fingerprints_unique_even_for_repeated_findings(report: Report) -> None:
    d = report.diagnostics[0]
    twin = dataclasses.replace(d, location=Location(d.path, Span(40, 1, 40, 5)))
    issues = _issues(dataclasses.replace(report, diagnostics=(*report.diagnostics, twin)))
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints)


def test_paths_are_repository_relative(report: Report) -> None:
    d = dataclasses.replace(
        report.diagnostics[0], location=Location(".\\articles\\a\\bg.md", Span(1, 1, 1, 2))
    )
    assert (
        _issues(dataclasses.replace(report, diagnostics=(d,)))[0]["location"]["path"]
        == "articles/a/bg.md"
    )


def test_raw_text_is_json_escaped(report: Report) -> None:
    out = gitlab.render(report)
    assert "became\\n`<script>alert(1)</script>`" in out
    assert "'币安链'" in out
