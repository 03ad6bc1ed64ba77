"""Bytes that are not clean UTF-8 Markdown: binary, other encodings, odd line endings, BOMs.

A file that cannot be read is an F701 finding pointing at the first bad byte (its line and
column as an editor shows them); a file that can be read keeps its positions exact whatever
its line endings. The good article beside it is always still checked.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from l10ncheck.loading import MAX_FILE_BYTES, Text, Unreadable, decode

from .conftest import (
    GOOD_DE,
    GOOD_EN,
    article,
    assert_clean,
    assert_good_checked,
    invoke,
    of,
)

HOSTILE = "articles/hostile/de.md"


def check(tree: Path, translation: bytes, source: str = GOOD_EN) -> list[dict[str, Any]]:
    """Check the good article and ``articles/hostile`` (source ``source``, de ``translation``)."""
    article(tree, "hostile", {"en": source.encode(), "de": translation})
    run = invoke("articles", "--format", "json")
    assert_clean(run)
    findings = run.findings()
    assert_good_checked(findings)
    return of(findings, HOSTILE)


def unreadable(findings: list[dict[str, Any]]) -> dict[str, Any]:
    (finding,) = [f for f in findings if f["rule"] == "F701"]
    assert finding["severity"] == "error" and finding["category"] == "file"
    return finding


# -- unreadable bytes ----------------------------------------------------------------------


def test_nul_bytes(tree: Path) -> None:
    finding = unreadable(check(tree, b"# Titel\n\nText\x00mit NUL.\n"))
    assert "NUL" in str(finding["message"])
    assert (finding["line"], finding["column"]) == (3, 5)


def test_binary_file(tree: Path) -> None:
    data = bytes(range(256)) * 64  # every byte value, a PNG-like blob
    finding = unreadable(check(tree, b"\x89PNG\r\n\x1a\n" + data))
    assert "binary" in str(finding["message"])


def test_invalid_utf8(tree: Path) -> None:
    finding = unreadable(check(tree, b"# Titel\n\nOk \xc3\x28 kaputt.\n"))
    assert "invalid UTF-8" in str(finding["message"]) and "0xc3" in str(finding["message"])
    assert (finding["line"], finding["column"]) == (3, 4)


def test_truncated_utf8_at_the_end(tree: Path) -> None:
    finding = unreadable(check(tree, GOOD_DE.encode() + "€".encode()[:2]))
    assert finding["line"] == 6 and finding["column"] == 1


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tree: Path, encoding: str) -> None:
    finding = unreadable(check(tree, "\ufeff".encode(encoding) + GOOD_DE.encode(encoding)))
    assert "UTF-16" in str(finding["message"])
    assert (finding["line"], finding["column"]) == (1, 1)


def test_utf16_without_bom(tree: Path) -> None:
    finding = unreadable(check(tree, GOOD_DE.encode("utf-16-le")))
    assert "binary" in str(finding["message"])


@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"])
def test_utf32_with_bom(tree: Path, encoding: str) -> None:
    finding = unreadable(check(tree, "\ufeff".encode(encoding) + GOOD_DE.encode(encoding)))
    assert "UTF-32" in str(finding["message"]) or "binary" in str(finding["message"])


def test_latin1(tree: Path) -> None:
    text = "# Titel\n\nLies den Leitfaden, bevor du anfängst.\n"
    finding = unreadable(check(tree, text.encode("latin-1")))
    assert "0xe4" in str(finding["message"])
    assert (finding["line"], finding["column"]) == (3, 33)  # the ä of "anfängst"


def test_control_character(tree: Path) -> None:
    finding = unreadable(check(tree, b"# Titel\n\nText mit \x07 Glocke.\n"))
    assert "U+0007" in str(finding["message"])
    assert (finding["line"], finding["column"]) == (3, 10)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_bad_byte_position_with_other_line_endings(tree: Path, newline: str) -> None:
    text = "# Titel\n\nOk ".replace("\n", newline).encode() + b"\xff kaputt.\n"
    finding = unreadable(check(tree, text))
    assert (finding["line"], finding["column"]) == (3, 4)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_control_character_position_with_other_line_endings(tree: Path, newline: str) -> None:
    text = "\ufeff# Titel\n\nText mit \x07 Glocke.\n".replace("\n", newline)
    finding = unreadable(check(tree, text.encode()))
    assert (finding["line"], finding["column"]) == (3, 10)


# -- readable bytes, positions kept --------------------------------------------------------

# The translation splits its link inside a word (L204) on line 3, column 11, and adds a
# paragraph (S105) on line 7: both positions must survive any mix of line endings.
MIXED = (
    "# Titel{a}"
    "{b}"
    "Lies den [Leitfa](https://example.com/guide)den, bevor du anfängst.{c}"
    "{a}"
    "Halte deine **Wiederherstellungsphrase** geheim.{b}"
    "{c}"
    "Noch ein Absatz, den es im Original nicht gibt.{a}"
)


def positions(findings: list[dict[str, Any]]) -> set[tuple[object, object, object]]:
    return {(f["rule"], f["line"], f["column"]) for f in findings}


@pytest.mark.parametrize(
    "endings",
    [("\n", "\n", "\n"), ("\r\n", "\r\n", "\r\n"), ("\r", "\r", "\r"), ("\r\n", "\n", "\r"),
     ("\r", "\r\n", "\n")],
    ids=["lf", "crlf", "cr", "crlf-lf-cr", "cr-crlf-lf"],
)
def test_mixed_line_endings_keep_positions(tree: Path, endings: tuple[str, str, str]) -> None:
    a, b, c = endings
    text = MIXED.format(a=a, b=b, c=c)
    source = GOOD_EN.replace("\n", "\r\n")
    findings = check(tree, text.encode(), source)
    assert positions(findings) >= {("L204", 3, 11), ("S105", 7, 1)}, findings
    split = next(f for f in findings if f["rule"] == "L204")
    assert (split["end_line"], split["end_column"]) == (3, 17)  # "Leitfa" is 6 characters
    assert split["source_line"] == 3


def test_leading_bom_is_not_a_column(tree: Path) -> None:
    findings = check(tree, ("\ufeff" + MIXED.format(a="\r\n", b="\r\n", c="\r\n")).encode())
    assert positions(findings) >= {("L204", 3, 11), ("S105", 7, 1)}


def test_bom_in_the_middle_of_a_file(tree: Path) -> None:
    """Two files concatenated: the second BOM must not hide the heading after it."""
    source = GOOD_EN + "\n## Next\n\nMore text with a [link](https://example.com/more).\n"
    translation = (
        "\ufeff" + MIXED.format(a="\n", b="\n", c="\n")
        + "\n\ufeff## Weiter\n\nMehr Text mit einem [Link](https://example.com/more).\n"
    )
    findings = check(tree, translation.encode(), source)
    assert positions(findings) >= {("L204", 3, 11), ("S105", 7, 1)}
    assert not [f for f in findings if f["line"] >= 9], findings  # the heading still pairs


def test_bom_inside_a_line(tree: Path) -> None:
    text = MIXED.format(a="\n", b="\n", c="\n").replace("bevor", "be\ufeffvor")
    findings = check(tree, text.encode())
    assert positions(findings) >= {("L204", 3, 11), ("S105", 7, 1)}


def test_form_feed_and_vertical_tab_are_text(tree: Path) -> None:
    findings = check(tree, MIXED.format(a="\n", b="\x0c\n", c="\x0b\n").encode())
    assert "F701" not in {f["rule"] for f in findings}


# -- names and text that hold lone surrogates --------------------------------------------------


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs byte file names")
@pytest.mark.parametrize("fmt", [
    "json", "json-lines", "junit", "gitlab", "github", "text", "concise", "statistics", "sarif",
])
def test_non_utf8_names_are_escaped_in_every_format(tree: Path, fmt: str) -> None:
    """A folder named with Latin-1 bytes: its name decodes to lone surrogates (PEP 383)."""
    folder = os.path.join(os.fsencode(tree / "articles"), b"caf\xe9")
    os.mkdir(folder)
    for lang, text in (("en", GOOD_EN), ("de", GOOD_DE)):
        with open(os.path.join(folder, lang.encode() + b".md"), "w", encoding="utf-8") as f:
            f.write(text)
    result = invoke("articles", "--format", fmt)
    assert_clean(result)
    assert result.code == 1
    out = result.stdout
    assert "\udce9" not in out  # no raw surrogate reaches the output stream
    out.encode("utf-8")
    if fmt == "json":
        findings = json.loads(out)["findings"]
        paths = {f["path"] for f in findings}
        assert "articles/caf\udce9/de.md" in paths  # escaped as \udce9 in the JSON text
        assert "\\udce9" in out
        assert_good_checked(findings)
    elif fmt == "json-lines":
        assert any(json.loads(line)["article"] == "caf\udce9" for line in out.splitlines())
    elif fmt == "sarif":
        json.loads(out)


# -- what hostile text does to a terminal -----------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_escape_sequences_in_text_never_reach_the_terminal(tree: Path, fmt: str) -> None:
    text = GOOD_DE + "\nEin \x1b[2J\x1b[31mroter\x1b[0m Absatz, den es nicht gibt.\n"
    article(tree, "hostile", {"en": GOOD_EN, "de": text})
    run = invoke("articles", "--format", fmt)
    assert_clean(run)
    assert "roter" in run.stdout  # the extra paragraph is reported
    assert "\x1b" not in run.stdout


# -- the loader itself ----------------------------------------------------------------------


def test_size_limit() -> None:
    over = decode(b"a" * (MAX_FILE_BYTES + 1))
    assert isinstance(over, Unreadable) and "too large" in over.reason
    assert (over.line, over.column) == (1, 1)
    at = decode(b"word\n" * (MAX_FILE_BYTES // 5))
    assert isinstance(at, Text)


def test_decode_never_raises_on_bom_and_newline_mixes() -> None:
    for data in (b"\xef\xbb\xbf", b"\r", b"\r\n", b"\n\r", b"\xef\xbb\xbf\r\xef\xbb\xbf\r",
                 b"---\r+++\r", b"---\r\n---\r\n", b"\xfe\xff", b"\xff\xfe\x00\x00", b""):
        result = decode(data)
        if isinstance(result, Text):
            assert "\r" not in result.body and not result.body.startswith("\ufeff")
