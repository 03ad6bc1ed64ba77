"""The human table format."""

from __future__ import annotations

import dataclasses

from l10ncheck.diagnostics import Report
from l10ncheck.reporters import text

METAMASK_BG = "using-metamask-with-binance · bg · articles/using-metamask-with-binance/bg.md"


def _headers(out: str) -> list[str]:
    return [line for line in out.splitlines() if " · " in line]


def test_groups_by_article_then_source_language_first(report: Report) -> None:
    assert _headers(text.render(report)) == [
        METAMASK_BG,
        "using-metamask-with-binance · zh · articles/using-metamask-with-binance/zh.md",
        "газ-и-комиссии · en · articles/газ-и-комиссии/en.md",
        "газ-и-комиссии · bg · articles/газ-и-комиссии/bg.md",
        "газ-и-комиссии · zh · articles/газ-и-комиссии/zh.md",
    ]


def test_table_rows(report: Report) -> None:
    lines = text.render(report).splitlines()
    start = lines.index(METAMASK_BG)
    assert lines[start + 1].split() == ["where", "rule", "severity", "message"]
    assert set(lines[start + 2].replace(" ", "")) == {"-"}
    assert lines[start + 3].startswith(
        "bg:12:1  S101    error       section 'What do you need to do?' (en:13)"
    )
    assert any(
        line.startswith("zh:30:5  C501    error       code span changed: `100%, ratio: 1:2`")
        for line in lines
    )
    assert "en:1:1   F601    info        file starts with a byte-order mark (U+FEFF)" in lines


def test_multiline_message_and_suggestion_stay_in_the_message_column(report: Report) -> None:
    lines = text.render(report).splitlines()
    column = lines[lines.index(METAMASK_BG) + 1].index("message")
    script = next(line for line in lines if "<script>" in line)
    assert script.index("`<script>") == column
    suggestion = next(line for line in lines if "→" in line)
    assert suggestion.index("→ [документацията](https://docs.binance.org/)") == column


def test_long_messages_wrap(report: Report) -> None:
    out = text.render(report)
    assert max(len(line) for line in out.splitlines()) <= 100
    assert "nearest\n" in out  # the S101 message is longer than 70 characters


def test_summary_line(report: Report) -> None:
    out = text.render(report)
    assert out.endswith(
        "\n\n8 findings (2 errors, 3 warnings, 3 infos) in 2 articles, 6 documents\n"
    )


def test_summary_without_findings(report: Report) -> None:
    out = text.render(dataclasses.replace(report, diagnostics=()))
    assert out == "No drift found in 2 articles, 6 documents.\n"


def test_summary_singulars(report: Report) -> None:
    one = dataclasses.replace(
        report, diagnostics=report.diagnostics[:1], articles=report.articles[:1]
    )
    assert text.render(one).endswith(
        "1 finding (1 error, 0 warnings, 0 infos) in 1 article, 3 documents\n"
    )


def test_no_ansi_without_colour(report: Report) -> None:
    assert "\x1b" not in text.render(report)


def test_colour_marks_headers_and_severities(report: Report) -> None:
    out = text.render(report, color=True)
    assert f"\x1b[1m{METAMASK_BG}\x1b[0m" in out
    assert "\x1b[31merror\x1b[0m" in out
    assert "\x1b[33mwarning\x1b[0m" in out
    assert "\x1b[34minfo\x1b[0m" in out
    # Colour codes must not shift the columns: stripping them gives the plain output back.
    assert out.replace("\x1b[1m", "").replace("\x1b[31m", "").replace("\x1b[33m", "").replace(
        "\x1b[34m", ""
    ).replace("\x1b[0m", "") == text.render(report)


def test_numbers_in_messages_stay_as_written(report: Report) -> None:
    d = dataclasses.replace(report.diagnostics[0], message="1e3")
    out = text.render(dataclasses.replace(report, diagnostics=(d,)))
    assert "bg:12:1  S101    error       1e3" in out.splitlines()
