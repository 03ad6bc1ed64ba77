"""Bytes of a file -> normalized text, or the reason it cannot be read as Markdown.

Every later stage sees text with ``\\n`` line endings and no BOM, so line and column numbers
are the ones an editor shows: a BOM is not a column, ``\\r\\n`` and a lone ``\\r`` each end one
line. Front matter (YAML ``---`` or TOML ``+++``) is split off but its lines are kept as blank
lines in the body, so body line numbers stay the file's line numbers.

Hostile input never gets past here as an exception: a file larger than ``MAX_FILE_BYTES``
(nobody writes a Markdown article that long; parsing it would take minutes) is unreadable,
and a BOM in the middle of a file (two files concatenated) is read as a space when it opens
a line, so the heading or list marker after it still counts and columns do not shift.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BOM = "\ufeff"
# Five times the largest real article seen (an 850 kB changelog); larger is not an article.
MAX_FILE_BYTES = 4 * 1024 * 1024
# Blank lines before the opening fence are tolerated (seen in real Hugo sites).
_FRONT_MATTER = re.compile(r"\A(?:[ \t]*\n)*(---|\+\+\+)[ \t]*\n(.*?\n)?\1[ \t]*(?:\n|\Z)", re.S)
# Control characters that never occur in text (NUL and friends, not tab/newline/form feed).
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


@dataclass(frozen=True)
class Text:
    """A decoded document: ``body`` has front matter blanked out, same line count as the file."""

    body: str
    front_matter: str | None
    front_matter_format: str | None  # "yaml" | "toml" | None
    had_bom: bool
    newline: str  # the file's dominant line ending, kept for writers
    front_matter_line: int = 0  # line of the front matter's first line (after the fence)


@dataclass(frozen=True)
class Unreadable:
    """Why a file's bytes are not Markdown text; ``line``/``column`` point at the first bad byte."""

    reason: str
    line: int = 1
    column: int = 1


def decode(data: bytes) -> Text | Unreadable:
    """Decode UTF-8 (with or without BOM); report binary or invalid bytes with their position."""
    if len(data) > MAX_FILE_BYTES:
        return Unreadable(
            f"file is too large ({_megabytes(len(data))}; the limit is"
            f" {_megabytes(MAX_FILE_BYTES)}): not a Markdown article"
        )
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return Unreadable("file is UTF-32 encoded; l10ncheck reads UTF-8 Markdown")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Unreadable("file is UTF-16 encoded; l10ncheck reads UTF-8 Markdown")
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _byte_position(data, nul)
        return Unreadable("file is binary (NUL byte), not Markdown text", line, column)
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(data, exc.start)
        bad = data[exc.start : exc.start + 1].hex()
        return Unreadable(f"invalid UTF-8 (byte 0x{bad}); save the file as UTF-8", line, column)
    had_bom = raw.startswith(_BOM)
    if had_bom:
        raw = raw[1:]
    control = _BINARY.search(raw)
    if control:
        line, column = _position(raw[: control.start()])
        return Unreadable(f"file holds control character U+{ord(control.group()):04X}: binary?", line, column)
    crlf = raw.count("\r\n")
    newline = "\r\n" if crlf and crlf * 2 >= raw.count("\n") else "\n"
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if _BOM in text:
        text = text.replace("\n" + _BOM, "\n ")
    front_matter, fm_format, body = split_front_matter(text)
    first = 0
    if front_matter is not None:
        fence = len(text) - len(text.lstrip("\n \t"))  # blank lines before the fence
        first = text.count("\n", 0, fence) + 2
    return Text(body, front_matter, fm_format, had_bom, newline, first)


def split_front_matter(text: str) -> tuple[str | None, str | None, str]:
    """Return (front matter, format, body with the front matter lines blanked)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return None, None, text
    blank = "\n" * m.group(0).count("\n")
    fm_format = "yaml" if m.group(1) == "---" else "toml"
    return m.group(2) or "", fm_format, blank + text[m.end() :]


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MB"


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and character column of a byte offset (decoding what precedes it leniently)."""
    before = data[:offset]
    if before.startswith(b"\xef\xbb\xbf"):
        before = before[3:]
    return _position(before.decode("utf-8", errors="replace"))


def _position(before: str) -> tuple[int, int]:
    """Line and column just after ``before``: ``\\r\\n``, ``\\r`` and ``\\n`` each end a line."""
    if "\r" in before:
        before = before.replace("\r\n", "\n").replace("\r", "\n")
    start = before.rfind("\n") + 1
    return before.count("\n", 0, start) + 1, len(before) - start + 1
