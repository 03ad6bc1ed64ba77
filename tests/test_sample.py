"""End to end on the sample article: exactly the drift a reviewer found, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10ncheck.api import check
from l10ncheck.config import Config

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = [
    # (lang, line, column, rule, words in the message)
    ("ms", 16, 6, "T401", ['"BNB Smart Chain" (en:13)', '"Rantai Pintar BNB"']),
    ("ms", 16, 92, "T401", ['"Binance Smart Chain" (en:13)', '"Rantai Pintar Binance"']),
    ("ms", 38, 158, "T401", ['"BNB Smart Chain" (en:32)', '"Rantai Pintar Binance"']),
    ("ms", 43, 25, "T401", ['"BNB Smart Chain" (en:37)', '"Rantai Pintar BNB"']),
    ("ms", 49, 166, "T401", ['"BNB Smart Chain" (en:43)', '"Rantai Pintar BNB"']),
    ("ms", 52, 125, "L204", ['"rkar"', '"perkara"']),
    ("nl", 13, 3, "S107", ["depth 2", "(en:10) at depth 1"]),
    ("nl", 38, 401, "L204", ['"ier."', '"hier"']),
    ("nl", 38, 404, "L205", ['"."', "(en:32)"]),
    ("ru", 16, 6, "T401", ['"BNB Smart Chain" (en:13)', '"Binance Smart Chain"']),
]


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    import os

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return check(["articles/"], Config())
    finally:
        os.chdir(cwd)


def test_sample_findings_are_exactly_the_reviewed_drift(report) -> None:  # type: ignore[no-untyped-def]
    got = [(d.lang, d.location.line, d.location.column, d.code) for d in report.diagnostics]
    assert got == [e[:4] for e in EXPECTED]
    for d, (*_, words) in zip(report.diagnostics, EXPECTED):
        for word in words:
            assert word in d.message, (d.message, word)


def test_positions_point_at_the_characters_at_fault(report) -> None:  # type: ignore[no-untyped-def]
    for d in report.diagnostics:
        line = (ROOT / d.path).read_text(encoding="utf-8").split("\n")[d.location.line - 1]
        fault = line[d.location.column - 1 : d.location.span.end_column - 1]
        if d.code == "T401":
            assert fault in d.message  # the renamed text itself
        if d.code == "L204":
            assert fault in ("rkar", "ier.")
        if d.code == "L205":
            assert fault == "."
        if d.code == "S107":
            assert fault == "-"
        assert d.source is not None and d.source.path.endswith("en.md")


def test_source_positions_point_at_the_term(report) -> None:  # type: ignore[no-untyped-def]
    ru = [d for d in report.diagnostics if d.lang == "ru"][0]
    assert ru.source is not None
    line = (ROOT / ru.source.path).read_text(encoding="utf-8").split("\n")[ru.source.line - 1]
    span = ru.source.span
    assert line[span.column - 1 : span.end_column - 1] == "BNB Smart Chain"


def test_every_document_and_article_is_listed(report) -> None:  # type: ignore[no-untyped-def]
    assert [a.slug for a in report.articles] == ["using-metamask-with-binance"]
    assert [d.lang for d in report.articles[0].documents] == ["en", "ms", "nl", "ru"]


def test_sample_articles_are_the_shared_copies() -> None:
    shared = ROOT.parent / "shared" / "articles" / "using-metamask-with-binance"
    if not shared.is_dir():
        pytest.skip("shared articles not present")
    for lang in ("en", "ms", "nl", "ru"):
        ours = ROOT / "articles" / "using-metamask-with-binance" / f"{lang}.md"
        assert ours.read_bytes() == (shared / f"{lang}.md").read_bytes()
