"""JSON Lines: the json findings, one per line."""

from __future__ import annotations

import dataclasses
import json

from l10ncheck.diagnostics import Report
from l10ncheck.reporters import json as json_reporter
from l10ncheck.reporters import jsonlines


def test_one_compact_object_per_finding(report: Report) -> None:
    out = jsonlines.render(report)
    lines = out.splitlines()
    assert out.endswith("}\n")
    assert len(lines) == len(report.diagnostics)
    assert lines[0].startswith('{"rule":"S101","name":"missing-section","category":"structure",')
    assert all(line.startswith("{") and line.endswith("}") for line in lines)


def test_same_objects_as_the_json_contract(report: Report) -> None:
    objects = [json.loads(line) for line in jsonlines.render(report).splitlines()]
    assert objects == json.loads(json_reporter.render(report))["findings"]
    assert [list(o) for o in objects] == [
        list(f) for f in json.loads(json_reporter.render(report))["findings"]
    ]


def test_newline_in_message_does_not_split_the_line(report: Report) -> None:
    line = next(line for line in jsonlines.render(report).splitlines() if '"C501"' in line)
    assert "became\\n`<script>" in line


def test_no_findings_no_lines(report: Report) -> None:
    assert jsonlines.render(dataclasses.replace(report, diagnostics=())) == ""
