"""The versioned JSON contract."""

from __future__ import annotations

import dataclasses
import json

from l10ncheck import __version__
from l10ncheck.diagnostics import Report
from l10ncheck.reporters import fingerprint
from l10ncheck.reporters import json as json_reporter

FINDING_KEYS = [
    "rule",
    "name",
    "category",
    "severity",
    "article",
    "lang",
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "source_path",
    "source_line",
    "source_column",
    "message",
    "fingerprint",
]


def test_envelope(report: Report) -> None:
    data = json.loads(json_reporter.render(report))
    assert list(data) == ["version", "tool", "source_lang", "summary", "findings"]
    assert data["version"] == 1
    assert data["tool"] == {"name": "l10ncheck", "version": __version__}
    assert data["source_lang"] == "en"
    assert data["summary"] == {
        "articles": 2,
        "documents": 6,
        "findings": 8,
        "by_severity": {"error": 2, "warning": 3, "info": 3},
        "by_category": {
            "structure": 2,
            "link": 1,
            "emphasis": 1,
            "term": 1,
            "code": 1,
            "text": 1,
            "file": 1,
        },
    }
    assert [f["rule"] for f in data["findings"]] == [d.code for d in report.diagnostics]


def test_finding_keys_in_contract_order(report: Report) -> None:
    findings = json.loads(json_reporter.render(report))["findings"]
    with_suggestion = [f for f in findings if "suggestion" in f]
    assert len(with_suggestion) == 1
    assert list(with_suggestion[0]) == [*FINDING_KEYS[:-1], "suggestion", "fingerprint"]
    assert all(list(f) == FINDING_KEYS for f in findings if "suggestion" not in f)


def test_finding_values(report: Report) -> None:
    findings = {f["rule"]: f for f in json.loads(json_reporter.render(report))["findings"]}
    link = findings["L204"]
    assert (link["line"], link["column"], link["end_line"], link["end_column"]) == (16, 6, 16, 30)
    assert (link["source_path"], link["source_line"], link["source_column"]) == (
        "articles/using-metamask-with-binance/en.md",
        1,
        70,
    )
    assert link["suggestion"] == "[документацията](https://docs.binance.org/)"
    bom = findings["F601"]
    assert (bom["source_path"], bom["source_line"], bom["source_column"]) == (None, None, None)
    assert findings["C501"]["message"] == next(
        d.message for d in report.diagnostics if d.code == "C501"
    )
    assert [f["fingerprint"] for f in findings.values()] == [
        fingerprint(d) for d in report.diagnostics
    ]


def test_layout_keeps_non_ascii_readable(report: Report) -> None:
    out = json_reporter.render(report)
    assert out.startswith('{\n  "version": 1,\n  "tool": {\n    "name": "l10ncheck",')
    assert out.endswith("}\n") and not out.endswith("\n\n")
    assert '"article": "газ-и-комиссии"' in out
    assert "'币安链'" in out
    message = "code span changed: `100%, ratio: 1:2` (en:28) became\\n`<script>alert(1)</script>`"
    assert f'"message": "{message}"' in out


def test_lone_surrogates_still_give_valid_utf8_json(report: Report) -> None:
    d = dataclasses.replace(
        report.diagnostics[0], message="bad byte \udcff here, pair \ud83d\ude00"
    )
    out = json_reporter.render(dataclasses.replace(report, diagnostics=(d,)))
    raw = out.encode("utf-8")  # would raise on a raw surrogate
    assert "\\udcff" in out
    assert json.loads(raw)["findings"][0]["message"] == "bad byte \udcff here, pair 😀"
