"""One line per finding."""

from __future__ import annotations

from l10ncheck.diagnostics import Report
from l10ncheck.reporters import concise


def test_one_line_per_finding_in_report_order(report: Report) -> None:
    lines = concise.render(report).splitlines()
    assert len(lines) == len(report.diagnostics)
    assert lines[0] == (
        "articles/using-metamask-with-binance/bg.md:12:1: S101 [error] section "
        "'What do you need to do?' (en:13) has no counterpart; nearest is 'Какво трябва да знаете'"
    )
    assert lines[-1] == (
        "articles/газ-и-комиссии/zh.md:1:1: S102 [info] heading '什么是燃料费？' is level 2; "
        "source '# What is gas?' (en:1) is level 1"
    )


def test_newlines_in_messages_are_escaped(report: Report) -> None:
    lines = concise.render(report).splitlines()
    assert (
        "articles/using-metamask-with-binance/zh.md:30:5: C501 [error] code span changed: "
        "`100%, ratio: 1:2` (en:28) became\\n`<script>alert(1)</script>`"
    ) in lines
