"""The format table, the shared fingerprint, and what every reporter promises."""

from __future__ import annotations

import dataclasses

import pytest

from l10ncheck.diagnostics import Location, Report, Span
from l10ncheck.reporters import FORMATS, fingerprint, get_reporter, github
from l10ncheck.reporters._common import unique_fingerprints

MACHINE_FORMATS = (
    "concise",
    "json",
    "json-lines",
    "sarif",
    "junit",
    "github",
    "gitlab",
    "statistics",
)


def test_table_lists_every_format() -> None:
    assert list(FORMATS) == [
        "text",
        "concise",
        "json",
        "json-lines",
        "sarif",
        "junit",
        "github",
        "gitlab",
        "html",
        "statistics",
    ]
    assert get_reporter("sarif") is FORMATS["sarif"]


def test_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown format 'xml'.*json-lines"):
        get_reporter("xml")


@pytest.mark.parametrize("name", list(FORMATS))
def test_render_is_deterministic(report: Report, name: str) -> None:
    render = FORMATS[name]
    first = render(report)
    assert first == render(report)
    assert first.endswith("\n")
    # Equal reports built separately must give the same bytes too (no id()/set order leaks).
    assert render(dataclasses.replace(report)).encode("utf-8") == first.encode("utf-8")


@pytest.mark.parametrize("name", MACHINE_FORMATS)
def test_machine_formats_never_carry_colour(report: Report, name: str) -> None:
    assert "\x1b[" not in FORMATS[name](report, color=True)
    assert FORMATS[name](report, color=True) == FORMATS[name](report)
    assert "\x1b[" not in github.step_summary(report)


@pytest.mark.parametrize("name", list(FORMATS))
def test_empty_report_renders(report: Report, name: str) -> None:
    empty = dataclasses.replace(report, diagnostics=())
    assert isinstance(FORMATS[name](empty), str)


def _shifted(report: Report, code: str, by: int) -> tuple[str, str]:
    """Fingerprints of a finding before and after `by` lines were inserted above it."""
    d = next(d for d in report.diagnostics if d.code == code)
    span = d.location.span
    moved = dataclasses.replace(
        d,
        location=Location(
            d.path, Span(span.line + by, span.column + 3, span.end_line + by, span.end_column)
        ),
        message=d.message.replace("(en:13)", f"(en:{13 + by})"),
    )
    return fingerprint(d), fingerprint(moved)


def test_fingerprint_survives_line_shifts(report: Report) -> None:
    before, after = _shifted(report, "S101", 7)
    assert before == after
    assert len(before) == 16 and int(before, 16) >= 0


def test_fingerprint_tells_findings_apart(report: Report) -> None:
    fingerprints = [fingerprint(d) for d in report.diagnostics]
    assert len(set(fingerprints)) == len(fingerprints)
    d = report.diagnostics[0]
    assert fingerprint(dataclasses.replace(d, anchor="sec:9")) != fingerprint(d)
    assert fingerprint(dataclasses.replace(d, code="S999")) != fingerprint(d)
    assert fingerprint(
        dataclasses.replace(d, message=d.message.replace("Какво", "Как"))
    ) != fingerprint(d)


def test_fingerprint_ignores_path_spelling(report: Report) -> None:
    d = report.diagnostics[0]
    spelled = dataclasses.replace(
        d, location=Location("./" + d.path.replace("/", "\\"), d.location.span)
    )
    assert fingerprint(spelled) == fingerprint(d)


def test_unique_fingerprints_salt_repeats(report: Report) -> None:
    d = report.diagnostics[0]
    twin = dataclasses.replace(d, location=Location(d.path, Span(99, 1, 99, 2)))
    assert fingerprint(twin) == fingerprint(d)
    first, second = unique_fingerprints([d, twin])
    assert first == fingerprint(d) and second != first and len(second) == 16
