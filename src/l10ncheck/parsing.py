"""Markdown text -> a tree of :class:`Node` with exact source positions.

This is the only module that imports mistune, and the one place where positions are recovered:
mistune 3 gives none. Recovery has two steps, both anchored on the raw text mistune itself
hands on, so they never guess from rendered output:

1. Block level: every block that holds inline text (paragraph, heading, list item text, table
   cell) carries its raw lines, minus container prefixes (``> ``, list markers, indentation).
   Each raw line is found in the next unconsumed source line whose remainder starts with it
   and whose prefix holds only container syntax. That yields, per raw line, the source line and
   the column of its first character.
2. Inline level: inline tokens come in source order, and each one's raw text is a slice of the
   block's raw text. A cursor walks the block text token by token: a text token is found from
   the cursor on; a link starts at the next ``[``, ends after its ``](destination "title")``;
   emphasis starts at the next delimiter run; and so on. Offsets then map to line and column
   through step 1.

Footnote definitions (``[^label]: text``, continued by lines indented four spaces) are read
here as Hugo's goldmark, GitHub and markdown-it read them: a container of blocks, never a link
reference definition (mistune's own footnotes plugin moves them to the end of the document
and keeps only the referenced ones). A footnote reference (``[^label]`` in text, the label
defined in the document) is an inline node of its own, not text and not a link.

Columns count code points, 1-based; spans end one past the last character.
"""

from __future__ import annotations

import bisect
import re
from types import MappingProxyType
from typing import Any, Iterator, Mapping, NamedTuple

import mistune
from mistune.core import BlockState
from mistune.helpers import LINK_LABEL

from l10ncheck.diagnostics import Span

SEARCH_WINDOW = 2000
# Markdown nested deeper than this is flattened by mistune rather than recursed into.
MAX_NESTING = 24

_PREFIX = re.compile(r"[ \t>*+\-#.)0-9]*\Z")
_MARKER = re.compile(r"(?:[*+\-]|\d{1,9}[.)])(?=[ \t]|\Z)")
_DELIM = re.compile(r"[*_~]")
_INLINE_STRIP = " \r\n\t\f"


_NO_ATTRS: Mapping[str, Any] = MappingProxyType({})


class Node(NamedTuple):
    """A Markdown element with the span of its characters in the file.

    Block types: heading, paragraph, list, list_item, block_quote, code, html, table,
    table_row, table_cell, thematic_break, footnote (its blocks as children, ``label`` in its
    attrs). Inline types: text, link, image, strong, emphasis, strikethrough, codespan,
    inline_html, linebreak, softbreak, footnote_ref (``text``: the label).
    ``inner`` is the span of a link's or image's text (between the brackets).
    (A named tuple: one is built for every element of every file, and tuples are cheap;
    the hot paths pass every field by position, which costs half as much as by name.)
    """

    type: str
    span: Span
    children: tuple[Node, ...] = ()
    text: str = ""
    attrs: Mapping[str, Any] = _NO_ATTRS
    inner: Span | None = None

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()


def _markdown() -> mistune.Markdown:
    return mistune.create_markdown(
        renderer=None, plugins=["table", "strikethrough"], escape=False
    )


# A footnote definition's first line: up to three spaces, ``[^label]:``. The label has no
# whitespace (GitHub, markdown-it, PHP Markdown Extra; goldmark accepts more, rarely written).
_FOOTNOTE_LABEL = r"(?:[^\\\[\]\s]|\\.){1,500}"
_FOOTNOTE_DEFINITION = re.compile(r" {0,3}\[\^" + _FOOTNOTE_LABEL + r"\]:")
_FOOTNOTE_REF = re.compile(r"\[\^(" + _FOOTNOTE_LABEL + r")\]")
# mistune's rule for link reference definitions, a footnote definition tried first: one
# alternative of mistune's block pattern for both (a rule of its own would cost every line
# of every file a try), told apart by which label matched.
_REF_LINK_OR_FOOTNOTE = (r"^ {0,3}\[(?:\^(?P<footnote_label>" + _FOOTNOTE_LABEL + r")\]:"
                         r"|(?P<reflink_1>" + LINK_LABEL + r")\]:)")
# What ends a footnote's text at a line that is not indented (else the line continues the
# text lazily, as it would a list item's): what may interrupt a paragraph, and another
# footnote definition.
_FOOTNOTE_BREAK = ["fenced_code", "atx_heading", "thematic_break", "block_quote", "list", "block_html"]
FOOTNOTE_INDENT = 4  # the columns of a continuation line that belong to the footnote
FOOTNOTES = "l10ncheck_footnotes"  # the parse's env key of the labels defined


def _parse_ref_link_or_footnote(block: Any, m: re.Match[str], state: BlockState) -> int | None:
    if m.group("footnote_label") is None:
        return block.parse_ref_link(m, state)  # type: ignore[no-any-return]
    if state.depth() >= block.max_nested_level - 1:
        return None  # a footnote nested too deep (``[^a]: [^b]: …``): text of its parent
    return _parse_footnote(block, m, state)


def _parse_footnote(block: Any, m: re.Match[str], state: BlockState) -> int:
    """A footnote definition: its label and its content parsed as blocks of their own.

    Like a list item, the definition holds what follows its ``]:`` on the first line, the
    lines indented FOOTNOTE_INDENT columns after it (blank lines between them included) with
    that indentation removed, and lazy continuation lines of its text. It interrupts a
    paragraph (as in goldmark, GitHub and markdown-it)."""
    src, end = state.src, state.cursor_max
    pos = _line_end(src, m.end(), end)
    lines = [src[m.end():pos].lstrip(" \t")]
    lazy = not _blank(lines[0])  # the last line held text a lazy line may continue
    breaks = block.compile_sc(_FOOTNOTE_BREAK)
    while pos < end:
        nxt = _line_end(src, pos, end)
        line = src[pos:nxt]
        if _blank(line):
            # Blank lines belong to the footnote only if an indented line follows them.
            after = pos
            while after < end and _blank(src[after:_line_end(src, after, end)]):
                after = _line_end(src, after, end)
            if after >= end or _indent(src[after:_line_end(src, after, end)]) < FOOTNOTE_INDENT:
                break
            lines.append("\n" * src.count("\n", pos, after))
            pos, lazy = after, False
            continue
        if _indent(line) >= FOOTNOTE_INDENT:
            lines.append(_dedent(line, FOOTNOTE_INDENT))
        elif lazy and not breaks.match(src, pos) and not _FOOTNOTE_DEFINITION.match(src, pos):
            lines.append(line)
        else:
            break
        pos, lazy = nxt, True
    child = state.child_state("".join(lines))
    # Block quotes, lists and footnotes inside stop nesting at the limit themselves.
    block.parse(child, block.rules)
    label = m.group("footnote_label")
    state.env.setdefault(FOOTNOTES, set()).add(label)
    state.append_token({"type": "footnote", "label": label, "children": child.tokens})
    return pos


def _blank(line: str) -> bool:
    """A blank line as Markdown sees it (a no-break space is content)."""
    return not line.strip(" \t\v\f\r\n")


def _line_end(src: str, pos: int, end: int) -> int:
    """Where the line holding ``pos`` ends, its line break included."""
    at = src.find("\n", pos, end)
    return end if at < 0 else at + 1


def _indent(line: str) -> int:
    """Columns of leading whitespace (tabs to multiples of four)."""
    return len(line) - len(line.lstrip(" \t")) if "\t" not in line else (
        len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" ")))


def _dedent(line: str, columns: int) -> str:
    """``line`` without its first ``columns`` columns of indentation (a tab that spans the
    limit leaves the columns past it as spaces)."""
    column = index = 0
    while index < len(line) and column < columns and line[index] in " \t":
        column = column + 1 if line[index] == " " else column + 4 - column % 4
        index += 1
    return " " * (column - columns) + line[index:]


_MD = _markdown()
_MD.block.max_nested_level = MAX_NESTING
_MD.inline.max_nested_level = MAX_NESTING
# Instead of link reference definitions, which ``[^1]: 注記`` (no space in the text) would
# be, in every container (block quotes and list items have rule lists of their own, that
# name the rule).
_MD.block.register("ref_link", _REF_LINK_OR_FOOTNOTE, _parse_ref_link_or_footnote)


# Characters that may open an inline element (escape, code, emphasis, strikethrough, link,
# image, autolink, HTML, entity) or a line break: a line without any is one text token.
_SYNTAX = r"\\`*_~\[\]!<>&\n"
_INLINE_SYNTAX = re.compile(f"[{_SYNTAX}]")
# One code span with plain text (as above) or nothing around it: "Compress `file`:", a tldr
# example's command.
_LONE_SPAN = re.compile(f"([^{_SYNTAX}]*)`([^`]+)`([^{_SYNTAX}]*)")


def _inline_tokens(text: str, env: Any) -> list[dict[str, Any]]:
    """mistune's inline tokens of ``text``. Two shapes are read without asking mistune, as
    mistune reads them: a single line of plain words (most headings and list items) is one
    text token, and one code span with plain text around it three tokens at most."""
    if text and _INLINE_SYNTAX.search(text) is None:
        return [{"type": "text", "raw": text}]
    lone = _LONE_SPAN.fullmatch(text)
    if lone is None:
        return _MD.inline(text, env)  # type: ignore[no-any-return]
    before, code, after = lone.groups()
    # mistune's parse_codespan: line breaks are spaces, and one space is stripped from each
    # end of code that has something besides spaces and a space at both ends.
    code = code.replace("\n", " ")
    if code.strip(" ") and code.startswith(" ") and code.endswith(" "):
        code = code[1:-1]
    tokens = [{"type": "text", "raw": before}] if before else []
    tokens.append({"type": "codespan", "raw": code})
    if after:
        tokens.append({"type": "text", "raw": after})
    return tokens


def parse(text: str) -> tuple[Node, ...]:
    """Parse normalized text (``\\n`` endings, no BOM) into top-level block nodes."""
    state = BlockState()
    src = text if text.endswith("\n") else text + "\n"
    state.process(src)
    _MD.block.parse(state)
    locator = _Locator(text.split("\n"))
    return tuple(n for n in (locator.block(tok, state.env) for tok in state.tokens) if n is not None)


class _LineMap:
    """Maps offsets in a block's raw text to (line, column) in the file."""

    __slots__ = ("starts", "places", "single")

    def __init__(self, starts: list[int], places: list[tuple[int, int, int, int]]):
        self.starts = starts  # offset in raw text where each raw line starts
        # per raw line: file line (1-based), file column (1-based), characters skipped at
        # its start, and the column one past the end of that file line: a place is never
        # put past the end of its line (when a raw line could not be found, because mistune
        # reordered tokens, the place is approximate, but it stays inside the file).
        self.places = places
        self.single = places[0] if len(places) == 1 else None

    def pos(self, offset: int) -> tuple[int, int]:
        place = self.single
        if place is None:
            i = bisect.bisect_right(self.starts, offset) - 1
            place = self.places[i if i > 0 else 0]
            offset -= self.starts[i if i > 0 else 0]
        line, column, skipped, limit = place
        if offset > skipped:
            column += offset - skipped
        return line, column if column < limit else limit

    def span(self, start: int, end: int) -> Span:
        place = self.single
        if place is not None:  # most blocks: one line, pos() inlined
            line, column, skipped, limit = place
            a_col = column + start - skipped if start > skipped else column
            b_col = column + end - skipped if end > skipped else column
            if a_col > limit:
                a_col = limit
            if b_col > limit:
                b_col = limit
            return Span(line, a_col, line, b_col if b_col >= a_col else a_col)
        a_line, a_col = self.pos(start)
        b_line, b_col = self.pos(end)
        if b_line < a_line or b_line == a_line and b_col < a_col:
            return Span(a_line, a_col, a_line, a_col)  # an approximate place never ends before it starts
        return Span(a_line, a_col, b_line, b_col)


class _Locator:
    """Walks block tokens in source order, consuming source lines as it finds them."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.cursor = 0  # 0-based index of the next unconsumed source line

    # -- block level -------------------------------------------------------------------------
    def block(self, tok: dict[str, Any], env: Any) -> Node | None:
        kind = tok["type"]
        if kind == "blank_line":
            return None
        if kind in ("paragraph", "block_text", "heading"):
            return self._text_block(tok, env)
        if kind == "block_code":
            return self._code(tok)
        if kind == "block_html":
            return self._raw_lines("html", tok.get("raw", ""))
        if kind == "thematic_break":
            line = self._next_nonblank()
            return Node("thematic_break", Span(line + 1, 1, line + 1, len(self.lines[line]) + 1))
        if kind == "table":
            return self._table(tok, env)
        if kind == "footnote":
            return self._footnote(tok, env)
        if kind in ("list", "list_item", "block_quote"):
            found = []
            for child in tok.get("children", ()):
                node = self.block(child, env)
                if node is not None:
                    found.append(node)
            children = tuple(found)
            if not children:
                line = self._next_nonblank()
                span = Span(line + 1, 1, line + 1, len(self.lines[line]) + 1)
            else:
                # A list starts where its first item does, on that item's marker (below).
                first, last = children[0].span, children[-1].span
                span = Span(first.line, first.column, last.end_line, last.end_column)
            attrs = dict(tok.get("attrs") or {})
            if kind == "list":
                attrs["bullet"] = tok.get("bullet", "")
            elif kind == "list_item" and children:
                marker = _item_marker(children[0].span, self.lines)
                if marker is not None:
                    span = Span(span.line, marker[0] + 1, span.end_line, span.end_column)
                    attrs["marker"] = marker[1]
            return Node(kind, span, children, "", attrs)
        # Unknown plugin block: keep its text if any, else skip it.
        return None

    def _footnote(self, tok: dict[str, Any], env: Any) -> Node:
        """A footnote definition: found at its ``[^label]:``, which is then blanked out of
        the line (same length, so columns hold) so that its first line of text, and any
        block on that line, is found like the text after a list marker."""
        label = tok.get("label", "")
        marker = "[^" + label + "]:"
        index, at = self.cursor, -1
        for index in range(self.cursor, min(len(self.lines), self.cursor + SEARCH_WINDOW)):
            at = self.lines[index].find(marker)
            if at >= 0 and _PREFIX.match(self.lines[index], 0, at):
                break
        else:
            index, at = self._next_nonblank(), -1
        line = self.lines[index] if index < len(self.lines) else ""
        if at >= 0:
            self.lines[index] = line[:at] + " " * len(marker) + line[at + len(marker):]
        self.cursor = index
        children = tuple(n for n in (self.block(child, env) for child in tok.get("children", ()))
                         if n is not None)
        start = (index + 1, at + 1 if at >= 0 else _first_nonspace(line))
        if children:
            end = _end(children[-1].span)
        else:
            self.cursor = index + 1
            end = (index + 1, start[1] + len(marker) if at >= 0 else len(line) + 1)
        return Node("footnote", Span(*start, *end), children, attrs={"label": label})

    def _text_block(self, tok: dict[str, Any], env: Any) -> Node:
        raw = tok.get("text", "")
        stripped = raw.strip(_INLINE_STRIP)
        lead = len(raw) - len(raw.lstrip(_INLINE_STRIP))
        linemap = self._map_lines(raw, heading=tok["type"] == "heading")
        tokens = _inline_tokens(stripped, env)
        span = linemap.span(lead, lead + len(stripped))
        footnotes = env.get(FOOTNOTES)
        if (stripped and len(tokens) == 1 and tokens[0]["type"] == "text" and tokens[0].get("raw") == stripped
                and not (footnotes and "[^" in stripped)):
            # Plain text (most headings and list items): one text node spanning the block.
            children: tuple[Node, ...] = (Node("text", span, (), stripped),)
        else:
            children = _Inline(stripped, linemap, lead, footnotes).walk(tokens)
        kind = "paragraph" if tok["type"] == "block_text" else tok["type"]
        attrs = dict(tok.get("attrs") or {})
        attrs["tight"] = tok["type"] == "block_text"
        if kind == "heading":
            attrs["style"] = tok.get("style", "atx")
            if attrs["style"] == "setext":
                self.cursor += 1  # the underline
            span = Span(span.line, _first_nonspace(self.lines[span.line - 1]), span.end_line, span.end_column)
        return Node(kind, span, children, stripped, attrs)

    def _map_lines(self, raw: str, heading: bool = False) -> _LineMap:
        # Most blocks: one line (mistune may end it with a line break, which no offset of
        # the block's stripped text reaches), found where the cursor stands.
        one = raw[:-1] if raw.endswith("\n") else raw
        if "\n" not in one:
            content = one.lstrip(" \t")
            wanted = content.rstrip() if heading else content.rstrip(" \t")
            index = self.cursor
            while index < len(self.lines) and not self.lines[index].strip(" \t"):
                index += 1  # blank lines hold nothing: the search below would pass them too
            if wanted and index < len(self.lines):
                current = self.lines[index]
                at = current.find(wanted)
                if at >= 0 and _PREFIX.match(current, 0, at):
                    self.cursor = index + 1
                    return _LineMap([0], [self._place(index, at + 1, len(one) - len(content))])
        starts: list[int] = []
        places: list[tuple[int, int, int, int]] = []
        offset = 0
        for piece in raw.split("\n"):
            starts.append(offset)
            offset += len(piece) + 1
            content = piece.lstrip(" \t")
            skipped = len(piece) - len(content)
            wanted = content.rstrip() if heading else content.rstrip(" \t")
            found = self._find(wanted)
            if found is None:
                # mistune can hand a block quote over after the list that interrupted it:
                # look back a little, without moving the cursor back.
                found = self._find_before(wanted)
                if found is not None:
                    places.append(self._place(found[0], found[1] + 1, skipped))
                    continue
            if found is None:
                line = min(self.cursor, len(self.lines) - 1)
                places.append(self._place(line, _first_nonspace(self.lines[line]) if self.lines else 1, skipped))
            else:
                line, column = found
                places.append(self._place(line, column + 1, skipped))
                self.cursor = line + 1
        return _LineMap(starts, places)

    def _place(self, index: int, column: int, skipped: int) -> tuple[int, int, int, int]:
        """A raw line's place: 0-based file line ``index``, 1-based ``column``."""
        limit = len(self.lines[index]) + 1 if 0 <= index < len(self.lines) else 1 << 30
        return index + 1, column, skipped, limit

    def _find(self, content: str) -> tuple[int, int] | None:
        """Next source line (from the cursor) that holds ``content`` after a container prefix."""
        if not content:
            return None
        # Bounded: what lies between two text blocks (HTML, link definitions) is never this
        # long, and an unbounded search would make a pathological file quadratic.
        for index in range(self.cursor, min(len(self.lines), self.cursor + SEARCH_WINDOW)):
            line = self.lines[index]
            at = line.find(content)
            while at >= 0:
                if _PREFIX.match(line, 0, at):
                    return index, at
                at = line.find(content, at + 1)
            expanded = line.expandtabs(4)
            if expanded != line and expanded.find(content) >= 0:
                stripped = len(line) - len(line.lstrip(" \t>"))
                return index, stripped
        return None

    def _find_before(self, content: str) -> tuple[int, int] | None:
        if not content:
            return None
        for index in range(min(self.cursor, len(self.lines)) - 1, max(-1, self.cursor - 200), -1):
            line = self.lines[index]
            at = line.find(content)
            if at >= 0 and _PREFIX.match(line, 0, at):
                return index, at
        return None

    def _next_nonblank(self) -> int:
        index = self.cursor
        while index < len(self.lines) - 1 and not self.lines[index].strip():
            index += 1
        self.cursor = min(index + 1, len(self.lines))
        return min(index, max(len(self.lines) - 1, 0))

    def _code(self, tok: dict[str, Any]) -> Node:
        raw = tok.get("raw", "")
        body_lines = raw.split("\n")
        if raw.endswith("\n"):
            body_lines.pop()
        fenced = tok.get("style") == "fenced"
        if fenced:
            marker = tok.get("marker", "```")
            start = self._find_line(lambda line: line.lstrip(" \t>*+-0123456789.)").startswith(marker))
            end = start + len(body_lines) + 1
            for index in range(start + 1, len(self.lines)):
                if self.lines[index].lstrip(" \t>").startswith(marker[0] * len(marker)):
                    end = index
                    break
        else:
            first = next((x.strip() for x in body_lines if x.strip()), "")
            if not first:
                # Whitespace-only "code" (a line of tabs): nothing visible, no line consumed.
                line = min(self.cursor, max(len(self.lines) - 1, 0))
                return Node("code", Span(line + 1, 1, line + 1, 1), text=raw,
                            attrs={"info": "", "fenced": False})
            found = self._find(first)
            start = found[0] if found else self._next_nonblank()
            end = start + max(len(body_lines), 1) - 1
        end = max(start, min(end, len(self.lines) - 1))
        self.cursor = end + 1
        info = (tok.get("attrs") or {}).get("info", "")
        span = Span(start + 1, _first_nonspace(self.lines[start]), end + 1, len(self.lines[end]) + 1)
        return Node("code", span, text=raw, attrs={"info": info, "fenced": fenced})

    def _find_line(self, test: Any) -> int:
        for index in range(self.cursor, len(self.lines)):
            if test(self.lines[index]):
                return index
        return self._next_nonblank()

    def _raw_lines(self, kind: str, raw: str) -> Node:
        first = raw.strip("\n").split("\n", 1)[0].strip()
        found = self._find(first) if first else None
        start = found[0] if found else self._next_nonblank()
        count = max(1, len(raw.rstrip("\n").split("\n")))
        end = min(start + count - 1, len(self.lines) - 1)
        self.cursor = end + 1
        span = Span(start + 1, _first_nonspace(self.lines[start]), end + 1, len(self.lines[end]) + 1)
        return Node(kind, span, text=raw)

    def _table(self, tok: dict[str, Any], env: Any) -> Node:
        rows: list[Node] = []
        for part in tok.get("children", ()):
            row_toks = [part] if part["type"] == "table_head" else part.get("children", ())
            for row in row_toks:
                rows.append(self._table_row(row, env))
                if part["type"] == "table_head":
                    self.cursor += 1  # the delimiter row
        if not rows:
            line = self._next_nonblank()
            return Node("table", Span(line + 1, 1, line + 1, 1))
        span = Span(*_start(rows[0].span), *_end(rows[-1].span))
        return Node("table", span, tuple(rows))

    def _table_row(self, row: dict[str, Any], env: Any) -> Node:
        line_index = self._next_nonblank()
        line = self.lines[line_index]
        cells: list[Node] = []
        col = 0
        for cell in row.get("children", ()):
            raw = cell.get("text", "")
            stripped = raw.strip(_INLINE_STRIP)
            at = line.find(stripped, col) if stripped else -1
            if at < 0:
                at = line.find("|", col) + 1 if "|" in line[col:] else col
            col = at + len(stripped)
            linemap = _LineMap([0], [self._place(line_index, at + 1, 0)])
            children = _Inline(stripped, linemap, 0, env.get(FOOTNOTES)).walk(_inline_tokens(stripped, env))
            cells.append(
                Node("table_cell", linemap.span(0, len(stripped)), children, text=stripped,
                     attrs=dict(cell.get("attrs") or {}))
            )
        span = Span(line_index + 1, _first_nonspace(line), line_index + 1, len(line.rstrip()) + 1)
        return Node("table_row", span, tuple(cells))


def _item_marker(first: Span, lines: list[str]) -> tuple[int, str] | None:
    """Where the marker (``*``, ``-``, ``1.``) of a list item whose first content starts at
    ``first`` stands, and the marker: the last one before it on its line. When an item
    opens with a nested list on the same line (``* - text``), that list already starts at
    its own marker, and the item's is the one before it.
    """
    line = lines[first.line - 1] if first.line - 1 < len(lines) else ""
    limit = max(first.column - 1, 0)
    if limit == 2 and len(line) > 2 and line[0] in "*+-" and line[1] in " \t":
        return 0, line[0]  # "- text", most items: what the pattern finds there
    marker = None
    for marker in _MARKER.finditer(line, 0, limit):
        pass  # keep the last
    return (marker.start(), marker.group()) if marker is not None else None


class _Inline:
    """Token-guided cursor over one block's raw inline text."""

    def __init__(self, src: str, linemap: _LineMap, lead: int, notes: set[str] | None = None):
        self.src = src
        self.map = linemap
        self.lead = lead  # offset of ``src`` within the raw text the line map knows
        self.cursor = 0
        self.notes = notes  # the footnote labels the document defines, if any

    def span(self, start: int, end: int) -> Span:
        return self.map.span(start + self.lead, end + self.lead)

    def walk(self, tokens: list[dict[str, Any]]) -> tuple[Node, ...]:
        out: list[Node] = []
        for tok in tokens:
            if self.notes and tok["type"] == "text" and "[^" in tok.get("raw", ""):
                out.extend(self._text_with_refs(tok["raw"]))
                continue
            node = self.token(tok)
            if node is not None:
                out.append(node)
        return tuple(out)

    def _text_with_refs(self, raw: str) -> list[Node]:
        """A text token cut at its footnote references (``[^label]`` with a defined label,
        which mistune, without a definition of its own for it, hands over as text)."""
        at = self.src.find(raw, self.cursor)
        if at < 0:
            at = min(self.cursor, len(self.src))
        out: list[Node] = []
        done = 0
        for m in _FOOTNOTE_REF.finditer(raw):
            label = m.group(1)
            if self.notes is None or label not in self.notes:
                continue
            if m.start() > done:
                out.append(Node("text", self.span(at + done, at + m.start()), text=raw[done:m.start()]))
            out.append(Node("footnote_ref", self.span(at + m.start(), at + m.end()), text=label))
            done = m.end()
        if done < len(raw):
            out.append(Node("text", self.span(at + done, at + len(raw)), text=raw[done:]))
        self.cursor = min(at + len(raw), len(self.src))
        return out

    def token(self, tok: dict[str, Any]) -> Node | None:
        kind = tok["type"]
        src = self.src
        if kind == "text":
            raw = tok.get("raw", "")
            if not raw:
                return None
            at = src.find(raw, self.cursor)
            if at < 0:
                at = min(self.cursor, len(src))
            self.cursor = min(at + len(raw), len(src))
            return Node("text", self.span(at, self.cursor), (), raw)
        if kind in ("linebreak", "softbreak"):
            at = src.find("\n", self.cursor)
            start = self.cursor
            if at >= 0:
                self.cursor = at + 1
                while self.cursor < len(src) and src[self.cursor] in " \t":
                    self.cursor += 1
            return Node(kind, self.span(start, self.cursor))
        if kind == "codespan":
            at = src.find("`", self.cursor)
            if at < 0:
                return Node("codespan", self.span(self.cursor, self.cursor), text=tok.get("raw", ""))
            run = len(src) - len(src[at:].lstrip("`")) - at
            close = _find_backtick_run(src, at + run, run)
            self.cursor = close + run if close >= 0 else len(src)
            body = tok.get("raw", "")
            inner_at = src.find(body, at + run) if body else -1
            inner_at = inner_at if 0 <= inner_at <= max(close, at + run) else at + run
            return Node("codespan", self.span(at, self.cursor), (), body, _NO_ATTRS,
                        self.span(inner_at, inner_at + len(body)))
        if kind in ("emphasis", "strong", "strikethrough"):
            m = _DELIM.search(src, self.cursor)
            start = m.start() if m else self.cursor
            width = 1 if kind == "emphasis" else 2
            self.cursor = min(start + width, len(src))
            children = self.walk(tok.get("children", ()))
            m = _DELIM.search(src, self.cursor)
            end = min(m.start() + width, len(src)) if m else self.cursor
            self.cursor = end
            return Node(kind, self.span(start, end), children)
        if kind in ("link", "image"):
            return self._link(tok)
        if kind == "inline_html":
            raw = tok.get("raw", "")
            at = src.find(raw, self.cursor)
            at = at if at >= 0 else self.cursor
            self.cursor = min(at + len(raw), len(src))
            return Node("inline_html", self.span(at, self.cursor), text=raw)
        # Unknown inline token from a plugin: keep its children, if any.
        children = self.walk(tok.get("children", ()))
        if not children:
            return None
        return Node(kind, Span(*_start(children[0].span), *_end(children[-1].span)), children)

    def _link(self, tok: dict[str, Any]) -> Node:
        src = self.src
        attrs = dict(tok.get("attrs") or {})
        image = tok["type"] == "image"
        opener = "![" if image else "["
        bracket = src.find(opener, self.cursor)
        children_raw = "".join(c.get("raw", "") for c in tok.get("children", ()) if c["type"] == "text")
        angle = src.find("<", self.cursor)
        if not image and angle >= 0 and (bracket < 0 or angle < bracket) and src.startswith(
            children_raw, angle + 1
        ):
            # Autolink: <https://example.com>
            end = src.find(">", angle)
            end = end + 1 if end >= 0 else len(src)
            self.cursor = end
            span = self.span(angle, end)
            inner = self.span(angle + 1, max(angle + 1, end - 1))
            text_node = Node("text", inner, text=children_raw)
            attrs["autolink"] = True
            return Node("link", span, (text_node,), attrs=attrs, inner=inner)
        if bracket < 0:
            bracket = self.cursor
        start = bracket
        self.cursor = min(bracket + len(opener), len(src))
        inner_start = self.cursor
        children = self.walk(tok.get("children", ()))
        close = _find_close_bracket(src, self.cursor)
        inner_end = close if close >= 0 else self.cursor
        end = _link_tail_end(src, inner_end + 1) if close >= 0 else self.cursor
        self.cursor = end
        if "ref" in tok or "label" in tok:
            attrs["reference"] = tok.get("label", "")
        return Node(tok["type"], self.span(start, end), children, attrs=attrs,
                    inner=self.span(inner_start, inner_end))


def _find_backtick_run(src: str, pos: int, run: int) -> int:
    while True:
        at = src.find("`" * run, pos)
        if at < 0:
            return -1
        end = at + run
        if (at == 0 or src[at - 1] != "`") and (end >= len(src) or src[end] != "`"):
            return at
        pos = end
        while pos < len(src) and src[pos] == "`":
            pos += 1


def _find_close_bracket(src: str, pos: int) -> int:
    """The ``]`` that closes the link text, skipping escaped and nested brackets."""
    depth = 0
    i = pos
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "`":
            run = len(src) - len(src[i:].lstrip("`")) - i
            close = _find_backtick_run(src, i + run, run)
            i = close + run if close >= 0 else i + run
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return -1


def _link_tail_end(src: str, pos: int) -> int:
    """End of ``(destination "title")``, ``[label]`` or nothing after a link's ``]``."""
    if pos < len(src) and src[pos] == "(":
        depth = 0
        i = pos + 1
        quote = ""
        angle = False
        while i < len(src):
            ch = src[i]
            if ch == "\\":
                i += 2
                continue
            if quote:
                if ch == quote:
                    quote = ""
            elif angle:
                if ch == ">":
                    angle = False
            elif ch == "<" and src[pos + 1 : i].strip() == "":
                angle = True
            elif ch in "\"'" and src[i - 1] in " \t\n":
                quote = ch
            elif ch == "(":
                depth += 1
            elif ch == ")":
                if depth == 0:
                    return i + 1
                depth -= 1
            i += 1
        return len(src)
    if pos < len(src) and src[pos] == "[":
        close = src.find("]", pos)
        return close + 1 if close >= 0 else pos
    return pos


def _start(span: Span) -> tuple[int, int]:
    return span.line, span.column


def _end(span: Span) -> tuple[int, int]:
    return span.end_line, span.end_column


def _first_nonspace(line: str) -> int:
    # Only Markdown's own indentation: a no-break space is content (an "empty" NBSP line).
    return len(line) - len(line.lstrip(" \t")) + 1
