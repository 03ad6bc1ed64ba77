"""Counts per rule and per document."""

from __future__ import annotations

import dataclasses

from l10ncheck.diagnostics import Report
from l10ncheck.reporters import statistics


def test_rules_sorted_by_count_then_code(report: Report) -> None:
    extra = dataclasses.replace(report.diagnostics[-1], anchor="sec:7")  # a second S102
    out = statistics.render(dataclasses.replace(report, diagnostics=(*report.diagnostics, extra)))
    rows = [line.split() for line in out.split("\n\n")[0].splitlines()]
    assert rows[0] == ["2", "S102", "heading-level-changed", "info"]
    assert [row[1] for row in rows[1:]] == ["C501", "E301", "F601", "L204", "S101", "T401", "X701"]
    assert all(row[0] == "1" for row in rows[1:])


def test_matrix_article_by_language(report: Report) -> None:
    matrix = statistics.render(report).split("\n\n")[1].splitlines()
    assert matrix[0].split() == ["article", "en", "bg", "zh", "total"]  # source language first
    assert matrix[2].split() == ["using-metamask-with-binance", "0", "3", "2", "5"]
    assert matrix[3].split() == ["газ-и-комиссии", "1", "1", "1", "3"]
    assert matrix[4].split() == ["total", "1", "4", "3", "8"]


def test_missing_language_is_a_dash(report: Report) -> None:
    gas, metamask = report.articles
    partial = dataclasses.replace(metamask, documents=metamask.documents[:2])
    clean = dataclasses.replace(
        report, articles=(gas, partial), diagnostics=report.diagnostics[-3:]
    )
    matrix = statistics.render(clean).split("\n\n")[1].splitlines()
    assert matrix[2].split() == ["using-metamask-with-binance", "0", "0", "-", "0"]


def test_no_findings(report: Report) -> None:
    out = statistics.render(dataclasses.replace(report, diagnostics=()))
    assert out.startswith("No findings.\n\narticle")
