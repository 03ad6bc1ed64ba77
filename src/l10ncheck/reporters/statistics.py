"""Counts instead of findings, like ``ruff --statistics``: which rules fire, and where."""

from __future__ import annotations

from collections import Counter

from tabulate import tabulate

from l10ncheck.diagnostics import Diagnostic, Report
from l10ncheck.reporters._common import lang_key


def render(report: Report, *, color: bool = False) -> str:
    """A table of rules by count, then an article-by-language matrix; ``color`` is ignored."""
    return _rules(report) + "\n" + _matrix(report)


def _rules(report: Report) -> str:
    """count, code, name, severity; most frequent first, ties by code."""
    if not report.diagnostics:
        return "No findings.\n"
    counts = Counter(d.code for d in report.diagnostics)
    first: dict[str, Diagnostic] = {}
    for d in report.diagnostics:
        first.setdefault(d.code, d)
    rows = [
        (count, code, first[code].name, first[code].severity.value)
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    align = ("right", "left", "left", "left")
    return tabulate(rows, tablefmt="plain", colalign=align, disable_numparse=True) + "\n"


def _matrix(report: Report) -> str:
    """Findings per document; "-" marks a language an article has no file for."""
    counts = Counter((d.article, d.lang) for d in report.diagnostics)
    langs_of = {a.slug: {doc.lang for doc in a.documents} for a in report.articles}
    for article, lang in counts:
        langs_of.setdefault(article, set()).add(lang)
    langs = sorted(set().union(*langs_of.values()), key=lang_key(report))

    def cell(article: str, lang: str) -> int | str:
        return counts[article, lang] if lang in langs_of[article] else "-"

    rows: list[list[int | str]] = [
        [article, *(cell(article, lang) for lang in langs), sum(counts[article, x] for x in langs)]
        for article in sorted(langs_of)
    ]
    totals = (sum(counts[article, lang] for article in langs_of) for lang in langs)
    rows.append(["total", *totals, len(report.diagnostics)])
    headers = ["article", *langs, "total"]
    align = ("left", *("right" for _ in langs), "right")
    return tabulate(rows, headers, tablefmt="simple", colalign=align, disable_numparse=True) + "\n"
