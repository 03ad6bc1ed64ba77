"""JSON, contract version 1: an envelope with a summary and every finding.

The contract (bump ``VERSION`` on any incompatible change)::

    {"version": 1,
     "tool": {"name": "l10ncheck", "version": "..."},
     "source_lang": "en",
     "summary": {"articles", "documents", "findings",
                 "by_severity": {"error", "warning", "info"},
                 "by_category": {"structure", "link", "emphasis", "term", "code", "text", "file"}},
     "findings": [finding, ...]}

A finding holds, in this order: rule, name, category, severity, article, lang, path, line,
column, end_line, end_column, source_path, source_line, source_column (null without an
aligned source), message, suggestion (only when there is one) and fingerprint.
"""

from __future__ import annotations

import json
import re
from typing import Any

from l10ncheck import __version__
from l10ncheck.diagnostics import Diagnostic, Report
from l10ncheck.reporters._common import fingerprint

VERSION = 1

_SURROGATE = re.compile("[\ud800-\udfff]")


def finding(d: Diagnostic) -> dict[str, Any]:
    """One finding as the contract orders its keys (shared with the json-lines format)."""
    loc, src = d.location, d.source
    obj: dict[str, Any] = {
        "rule": d.code,
        "name": d.name,
        "category": d.category.value,
        "severity": d.severity.value,
        "article": d.article,
        "lang": d.lang,
        "path": d.path,
        "line": loc.span.line,
        "column": loc.span.column,
        "end_line": loc.span.end_line,
        "end_column": loc.span.end_column,
        "source_path": src.path if src else None,
        "source_line": src.line if src else None,
        "source_column": src.column if src else None,
        "message": d.message,
    }
    if d.suggestion is not None:
        obj["suggestion"] = d.suggestion
    obj["fingerprint"] = fingerprint(d)
    return obj


def dumps(obj: object, indent: int | None = None) -> str:
    """``json.dumps`` keeping non-ASCII readable, yet always encodable as UTF-8.

    Text decoded with ``surrogateescape`` can hold lone surrogates; with
    ``ensure_ascii=False`` they would pass through raw and break the UTF-8 output, so they
    are written as ``\\udXXX`` escapes (surrogates can only occur inside JSON strings).
    """
    separators = (",", ": ") if indent is not None else (",", ":")
    text = json.dumps(obj, ensure_ascii=False, indent=indent, separators=separators)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def render(report: Report, *, color: bool = False) -> str:
    """The whole report as one indented JSON document; ``color`` is ignored."""
    document = {
        "version": VERSION,
        "tool": {"name": "l10ncheck", "version": __version__},
        "source_lang": report.source_lang,
        "summary": {
            "articles": len(report.articles),
            "documents": report.documents,
            "findings": len(report.diagnostics),
            "by_severity": report.counts_by_severity(),
            "by_category": report.counts_by_category(),
        },
        "findings": [finding(d) for d in report.diagnostics],
    }
    return dumps(document, indent=2) + "\n"
