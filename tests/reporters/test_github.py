"""GitHub Actions annotations and the step summary."""

from __future__ import annotations

import dataclasses
import re

from l10ncheck.diagnostics import Report
from l10ncheck.reporters import github


def _lines(report: Report) -> list[str]:
    return github.render(report).splitlines()


def test_one_command_per_finding_with_level_by_severity(report: Report) -> None:
    lines = _lines(report)
    assert len(lines) == len(report.diagnostics)
    assert [line.split(" ", 1)[0] for line in lines] == [
        {"error": "::error", "warning": "::warning", "info": "::notice"}[d.severity.value]
        for d in report.diagnostics
    ]


def test_command_properties(report: Report) -> None:
    assert _lines(report)[0] == (
        "::error file=articles/using-metamask-with-binance/bg.md,"
        "line=12,col=1,endLine=12,endColumn=24,title=S101 missing-section::"
        "section 'What do you need to do?' (en:13) has no counterpart; "
        "nearest is 'Какво трябва да знаете'"
    )


def test_message_escaping(report: Report) -> None:
    line = next(line for line in _lines(report) if "C501" in line)
    assert line.endswith(
        "::code span changed: `100%25, ratio: 1:2` (en:28) became%0A`<script>alert(1)</script>`"
    )


def test_suggestion_follows_on_its_own_line(report: Report) -> None:
    line = next(line for line in _lines(report) if "L204" in line)
    assert line.endswith("(en:1)%0A→ [документацията](https://docs.binance.org/)")


def test_escaping_functions() -> None:
    assert github.escape_data("50% a:b, c\r\nd") == "50%25 a:b, c%0D%0Ad"
    assert github.escape_property("50% a:b, c\r\nd") == "50%25 a%3Ab%2C c%0D%0Ad"
    assert github.escape_data("%0A") == "%250A"  # "%" goes first, or this would be a newline


def test_properties_are_escaped(report: Report) -> None:
    d = dataclasses.replace(report.diagnostics[0], name="odd,name:x")
    (line,) = _lines(dataclasses.replace(report, diagnostics=(d,)))
    assert ",title=S101 odd%2Cname%3Ax::" in line
    props, _ = line[len("::error ") :].split("::", 1)
    assert [p.split("=", 1)[0] for p in props.split(",")] == [
        "file",
        "line",
        "col",
        "endLine",
        "endColumn",
        "title",
    ]


def test_step_summary_tables(report: Report) -> None:
    lines = github.step_summary(report).splitlines()
    assert lines[:3] == [
        "## l10ncheck",
        "",
        "8 findings (2 errors, 3 warnings, 3 infos) in 2 articles, 6 documents",
    ]
    assert "| article | lang | errors | warnings | infos |" in lines
    assert "| using-metamask-with-binance | en | 0 | 0 | 0 |" in lines
    assert "| using-metamask-with-binance | bg | 1 | 1 | 1 |" in lines
    assert "| газ-и-комиссии | en | 0 | 0 | 1 |" in lines
    assert "### Findings" in lines
    assert (
        "| articles/using-metamask-with-binance/zh.md:30:5 | C501 code-changed | error | "
        "code span changed: \\`100%, ratio: 1:2\\` (en:28) became<br>"
        "\\`\\<script\\>alert(1)\\</script\\>\\` |"
    ) in lines


def test_step_summary_escapes_table_breakers(report: Report) -> None:
    d = dataclasses.replace(report.diagnostics[0], message="a | b\nc")
    out = github.step_summary(dataclasses.replace(report, diagnostics=(d,)))
    row = out.splitlines()[-1]
    assert row.endswith("| a \\| b<br>c |")
    assert len(re.split(r"(?<!\\)\|", row)) == 6  # 4 cells between unescaped pipes


def test_step_summary_limit(report: Report) -> None:
    lines = github.step_summary(report, limit=3).splitlines()
    assert "### First 3 findings" in lines
    assert sum(line.startswith("| articles/") for line in lines) == 3


def test_step_summary_without_findings(report: Report) -> None:
    out = github.step_summary(dataclasses.replace(report, diagnostics=()))
    assert "No drift found in 2 articles, 6 documents." in out
    assert "### " not in out
