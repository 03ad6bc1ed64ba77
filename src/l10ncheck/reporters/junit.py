"""JUnit XML, for CI test panels (GitLab, Jenkins): a suite per document, a failure per finding.

Every checked document gets a suite, and one with no findings a passing case, so the
panel shows what was checked and not only what failed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from l10ncheck.diagnostics import Diagnostic, Report
from l10ncheck.reporters._common import documents

# XML 1.0 cannot carry these at all, not even as character references; escaping through
# ElementTree alone would still produce a file every parser rejects.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(report: Report, *, color: bool = False) -> str:
    """The XML document as text, declaration included; ``color`` is ignored."""
    by_doc: dict[tuple[str, str], list[Diagnostic]] = defaultdict(list)
    for d in report.diagnostics:
        by_doc[d.article, d.lang].append(d)

    total = len(report.diagnostics)
    root = ET.Element("testsuites", name="l10ncheck", tests="0", failures=str(total), errors="0")
    cases = 0
    for article, lang, path in documents(report):
        found = by_doc.get((article, lang), [])
        suite = ET.SubElement(
            root,
            "testsuite",
            name=_xml(f"{article}/{lang}"),
            tests=str(max(len(found), 1)),
            failures=str(len(found)),
            errors="0",
            skipped="0",
        )
        classname = _xml(f"{article}.{lang}")
        if not found:
            ET.SubElement(suite, "testcase", name=_xml(path), classname=classname, file=_xml(path))
        for d in found:
            _failing_case(suite, d, classname)
        cases += max(len(found), 1)
    root.set("tests", str(cases))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _failing_case(suite: ET.Element, d: Diagnostic, classname: str) -> None:
    where = f"{d.path}:{d.location.line}:{d.location.column}"
    case = ET.SubElement(
        suite,
        "testcase",
        name=_xml(f"{where} {d.code} {d.name}"),
        classname=classname,
        file=_xml(d.path),
        line=str(d.location.line),
    )
    failure = ET.SubElement(case, "failure", message=_xml(d.message), type=_xml(d.code))
    details = [f"{where}: {d.code} {d.name} [{d.severity.value}, {d.category.value}]", d.message]
    if d.source is not None:
        details.append(f"aligned source: {d.source.path}:{d.source.line}:{d.source.column}")
    if d.suggestion is not None:
        details.append(f"suggestion: {d.suggestion}")
    failure.text = _xml("\n".join(details))


def _xml(text: str) -> str:
    """Text with characters XML 1.0 forbids shown as visible ``\\uXXXX`` escapes."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
