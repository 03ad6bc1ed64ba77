"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Follows GitHub's documented needs: every rule in ``tool.driver.rules`` with help text and
a default level, repository-relative URIs, and ``partialFingerprints`` that ignore line
numbers so alerts survive edits above them. Columns are Unicode code points, which the
run declares through ``columnKind``.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from l10ncheck import __version__
from l10ncheck.diagnostics import Diagnostic, Location, Report, RuleInfo, Severity
from l10ncheck.reporters._common import posix_path, unique_fingerprints, with_suggestion
from l10ncheck.reporters.json import dumps

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://pypi.org/project/l10ncheck/"
FINGERPRINT_KEY = "l10ncheck/v1"

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_DRIVE = re.compile(r"^[A-Za-z]:/")


def render(report: Report, *, color: bool = False) -> str:
    """One run holding every rule of the report and every finding; ``color`` is ignored."""
    rules = _rules(report)
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = [
        _result(d, index[d.code], fp)
        for d, fp in zip(report.diagnostics, unique_fingerprints(report.diagnostics), strict=True)
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "l10ncheck",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(rule) for rule in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return dumps(log, indent=2) + "\n"


def artifact_uri(path: str) -> str:
    """A URI reference for a path: relative and percent-encoded, or ``file:`` when absolute."""
    path = posix_path(path)
    if _DRIVE.match(path):
        return "file:///" + quote(path, safe="/:", errors="surrogateescape")
    if path.startswith("/"):
        return "file://" + quote(path, safe="/", errors="surrogateescape")
    # ":" is encoded too, so a first segment like "c:x" is never read as a URI scheme.
    return quote(path, safe="/", errors="surrogateescape")


def _rules(report: Report) -> list[RuleInfo]:
    """The report's rules, plus a stub for any code found without a RuleInfo.

    Every ``ruleIndex`` must resolve, or GitHub rejects the whole upload.
    """
    known = {rule.code for rule in report.rules}
    extra = {
        d.code: RuleInfo(d.code, d.name, d.category, d.severity, d.name, "", "")
        for d in report.diagnostics
        if d.code not in known
    }
    return [*report.rules, *(extra[code] for code in sorted(extra))]


def _rule(rule: RuleInfo) -> dict[str, Any]:
    """A reportingDescriptor; GitHub shows ``help`` as the alert's rule documentation."""
    # Examples are written as inline Markdown already ("`a` as `b`"), so both forms reuse them.
    example = f"Example: {rule.example}" if rule.example else ""
    title = f"**{rule.code} {rule.name}**: {rule.summary}"
    text = "\n\n".join(part for part in (rule.summary, rule.why, example) if part)
    markdown = "\n\n".join(part for part in (title, rule.why, example) if part)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why or rule.summary},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"category": rule.category.value, "tags": ["l10n", rule.category.value]},
    }


def _physical(loc: Location) -> dict[str, Any]:
    span = loc.span
    return {
        "artifactLocation": {"uri": artifact_uri(loc.path), "uriBaseId": "%SRCROOT%"},
        "region": {
            "startLine": span.line,
            "startColumn": span.column,
            "endLine": span.end_line,
            "endColumn": span.end_column,
        },
    }


def _result(d: Diagnostic, rule_index: int, fp: str) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[d.severity],
        "message": {"text": with_suggestion(d)},
        "locations": [{"physicalLocation": _physical(d.location)}],
    }
    if d.source is not None:
        result["relatedLocations"] = [
            {
                "id": 1,
                "physicalLocation": _physical(d.source),
                "message": {"text": "aligned source"},
            }
        ]
    result["partialFingerprints"] = {FINGERPRINT_KEY: fp}
    result["properties"] = {"article": d.article, "lang": d.lang, "category": d.category.value}
    return result
