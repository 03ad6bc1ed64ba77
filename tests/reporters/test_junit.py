"""JUnit XML as GitLab and Jenkins read it."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

from junitparser import JUnitXml

from l10ncheck.diagnostics import Report
from l10ncheck.reporters import junit


def _parse(report: Report) -> JUnitXml:
    # Parsed as the UTF-8 bytes a CI service reads from the file.
    return JUnitXml.fromstring(junit.render(report).encode("utf-8"))


def test_declaration_and_root(report: Report) -> None:
    out = junit.render(report)
    declaration, root = out.splitlines()[:2]
    assert declaration == '<?xml version="1.0" encoding="UTF-8"?>'
    assert root == '<testsuites name="l10ncheck" tests="9" failures="8" errors="0">'


def test_one_suite_per_document(report: Report) -> None:
    suites = list(_parse(report))
    assert [s.name for s in suites] == [
        "using-metamask-with-binance/en",
        "using-metamask-with-binance/bg",
        "using-metamask-with-binance/zh",
        "газ-и-комиссии/en",
        "газ-и-комиссии/bg",
        "газ-и-комиссии/zh",
    ]
    assert [(s.tests, s.failures) for s in suites] == [
        (1, 0),
        (3, 3),
        (2, 2),
        (1, 1),
        (1, 1),
        (1, 1),
    ]
    for suite in suites:  # the counts agree with the cases
        cases = list(suite)
        assert suite.tests == len(cases)
        assert suite.failures == sum(not c.is_passed for c in cases)


def test_passing_case_for_a_clean_document(report: Report) -> None:
    (case,) = next(iter(_parse(report)))
    assert case.is_passed
    assert case.name == "articles/using-metamask-with-binance/en.md"
    assert case.classname == "using-metamask-with-binance.en"


def test_failing_case_per_finding(report: Report) -> None:
    cases = [c for suite in _parse(report) for c in suite if not c.is_passed]
    assert len(cases) == len(report.diagnostics)
    link = next(c for c in cases if "L204" in c.name)
    assert link.name == "articles/using-metamask-with-binance/bg.md:16:6 L204 split-word-link"
    (failure,) = link.result
    assert failure.type == "L204"
    assert (
        failure.message
        == "link text 'до[кументацията]' splits a word; source 'Binance documentation' (en:1)"
    )
    assert failure.text.splitlines() == [
        "articles/using-metamask-with-binance/bg.md:16:6: L204 split-word-link [warning, link]",
        "link text 'до[кументацията]' splits a word; source 'Binance documentation' (en:1)",
        "aligned source: articles/using-metamask-with-binance/en.md:1:70",
        "suggestion: [документацията](https://docs.binance.org/)",
    ]


def test_markup_in_messages_is_escaped(report: Report) -> None:
    out = junit.render(report)
    assert "<script>" not in out
    code = next(c for suite in _parse(report) for c in suite if "C501" in c.name)
    (failure,) = code.result
    assert failure.message == next(d.message for d in report.diagnostics if d.code == "C501")
    assert "`<script>alert(1)</script>`" in failure.text


def test_characters_xml_cannot_hold_are_replaced(report: Report) -> None:
    d = dataclasses.replace(report.diagnostics[0], message="bell \x07 and lone \udcff")
    out = junit.render(dataclasses.replace(report, diagnostics=(d,)))
    root = ET.fromstring(out.encode("utf-8"))
    failure = root.find(".//failure")
    assert failure is not None
    assert failure.get("message") == "bell \\u0007 and lone \\udcff"


def test_file_attribute_names_the_document(report: Report) -> None:
    root = ET.fromstring(junit.render(report).encode("utf-8"))
    files = {case.get("file") for case in root.iter("testcase")}
    assert files == {doc.path for article in report.articles for doc in article.documents}
