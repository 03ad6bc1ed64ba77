"""GitHub Actions workflow commands (annotations on the pull request) and a step summary."""

from __future__ import annotations

import re
from collections import Counter

from l10ncheck.diagnostics import Report, Severity
from l10ncheck.reporters._common import SEVERITIES, documents, posix_path, summary, with_suggestion

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
# Characters that Markdown (or the HTML GitHub allows in it) would interpret in a table cell.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
SUMMARY_LIMIT = 50


def render(report: Report, *, color: bool = False) -> str:
    """One ``::error``/``::warning``/``::notice`` command per finding; ``color`` is ignored."""
    lines = []
    for d in report.diagnostics:
        span = d.location.span
        props = {
            "file": posix_path(d.path),
            "line": span.line,
            "col": span.column,
            "endLine": span.end_line,
            "endColumn": span.end_column,
            "title": f"{d.code} {d.name}",
        }
        joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
        lines.append(f"::{_COMMAND[d.severity]} {joined}::{escape_data(with_suggestion(d))}")
    return "".join(line + "\n" for line in lines)


def escape_data(text: str) -> str:
    """Escape a command's message as the Actions runner unescapes it ("%" first)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property, where ":" and "," would end the value early."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def step_summary(report: Report, *, limit: int = SUMMARY_LIMIT) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: counts per document, then the first findings.

    Pure like ``render``: the CLI decides where the text goes. ``limit`` keeps the summary
    far below GitHub's 1 MiB cap however many findings a run has.
    """
    out = ["## l10ncheck", "", summary(report), ""]
    counts = Counter((d.article, d.lang, d.severity) for d in report.diagnostics)
    out += ["| article | lang | errors | warnings | infos |", "| --- | --- | ---: | ---: | ---: |"]
    for article, lang, _ in documents(report):
        cells = [str(counts[article, lang, s]) for s in SEVERITIES]
        out.append(f"| {_cell(article)} | {_cell(lang)} | {' | '.join(cells)} |")
    shown = report.diagnostics[:limit]
    if shown:
        heading = (
            "Findings" if len(shown) == len(report.diagnostics) else f"First {len(shown)} findings"
        )
        out += [
            "",
            f"### {heading}",
            "",
            "| where | rule | severity | message |",
            "| --- | --- | --- | --- |",
        ]
        for d in shown:
            where = _cell(f"{posix_path(d.path)}:{d.location.line}:{d.location.column}")
            message = _cell(with_suggestion(d))
            out.append(
                f"| {where} | {_cell(d.code)} {_cell(d.name)} | {d.severity.value} | {message} |"
            )
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    """Text safe inside one Markdown table cell: specials escaped, line breaks as ``<br>``."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return "<br>".join(escaped.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
