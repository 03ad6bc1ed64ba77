"""Articles with nothing in them: an empty source, empty translations, or both."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import (
    GOOD_DE,
    GOOD_EN,
    article,
    assert_clean,
    assert_good_checked,
    invoke,
)

EMPTY_BODIES = {
    "zero-bytes": b"",
    "bom-only": b"\xef\xbb\xbf",
    "blank-lines": b"\n\n\r\n\r",
    "spaces-and-nbsp": "  \n\t\n\u00a0\n".encode(),
    "front-matter-only": b"---\ntitle: Empty\n---\n",
    "toml-front-matter-only": b"+++\ntitle = 'Empty'\n+++\n\n",
}


def hostile_findings(tree: Path, files: dict[str, bytes]) -> list[dict[str, Any]]:
    article(tree, "hostile", files)
    run = invoke("articles", "--format", "json")
    assert_clean(run)
    findings = run.findings()
    assert_good_checked(findings)
    return [f for f in findings if "/hostile/" in str(f["path"])]


@pytest.mark.parametrize("body", list(EMPTY_BODIES.values()), ids=list(EMPTY_BODIES))
def test_all_translations_empty(tree: Path, body: bytes) -> None:
    findings = hostile_findings(tree, {"en": GOOD_EN.encode(), "de": body, "fr": body})
    assert {(f["rule"], f["path"], f["line"]) for f in findings} == {
        ("F704", "articles/hostile/de.md", 1),
        ("F704", "articles/hostile/fr.md", 1),
    }
    assert all(f["source_path"] == "articles/hostile/en.md" for f in findings)


def test_one_translation_empty_the_other_checked(tree: Path) -> None:
    findings = hostile_findings(tree, {"en": GOOD_EN.encode(), "de": b"", "fr": GOOD_EN.encode()})
    assert ("F704", "articles/hostile/de.md") in {(f["rule"], f["path"]) for f in findings}
    assert any(f["path"] == "articles/hostile/fr.md" for f in findings)  # untranslated text


@pytest.mark.parametrize("body", list(EMPTY_BODIES.values()), ids=list(EMPTY_BODIES))
def test_source_and_translations_empty(tree: Path, body: bytes) -> None:
    assert hostile_findings(tree, {"en": body, "de": body, "fr": b""}) == []


@pytest.mark.parametrize("body", list(EMPTY_BODIES.values()), ids=list(EMPTY_BODIES))
def test_empty_source_does_not_stop_the_run(tree: Path, body: bytes) -> None:
    findings = hostile_findings(tree, {"en": body, "de": GOOD_DE.encode()})
    assert all(f["rule"].startswith("F") for f in findings)


@pytest.mark.parametrize("body", [EMPTY_BODIES["zero-bytes"], EMPTY_BODIES["front-matter-only"]],
                         ids=["zero-bytes", "front-matter-only"])
def test_empty_source_is_a_finding(tree: Path, body: bytes) -> None:
    findings = hostile_findings(tree, {"en": body, "de": GOOD_DE.encode()})
    assert findings and all(f["category"] == "file" for f in findings)


def test_only_an_empty_source(tree: Path) -> None:
    findings = hostile_findings(tree, {"en": b""})
    assert [f["rule"] for f in findings] == ["F703"]  # the good article has a de version


def test_only_empty_translations(tree: Path) -> None:
    findings = hostile_findings(tree, {"de": b"", "fr": b"\n"})
    assert {(f["rule"], f["path"]) for f in findings} >= {
        ("F702", "articles/hostile/de.md"), ("F702", "articles/hostile/fr.md")}
