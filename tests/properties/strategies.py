"""Hypothesis strategies: Markdown documents as a small model, rendered with known positions.

A document is a tuple of blocks (front matter, headings, paragraphs, lists with nesting,
fenced code, tables, HTML); inline content is a tuple of pieces: prose words, protected names,
numbers, links, bold, italic and inline code. Because the model is kept, a test can

* *translate* it: replace every prose word by a word of the same length in another script
  (or other Latin words), keeping structure, links, code, names and numbers, and
* *inject one drift* of a known kind (drop a link, drop a paragraph, change inline code,
  drop bold, nest a list item) and know the line where it must be reported.

Rendering returns the Markdown text and, for every block (and list item), its first line.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass, replace

from hypothesis import strategies as st

# -- the model ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    text: str  # lower-case prose: what a translator translates


@dataclass(frozen=True)
class Name:
    text: str  # a product name or token that must stay verbatim


@dataclass(frozen=True)
class Number:
    text: str


@dataclass(frozen=True)
class Link:
    words: tuple[Word, ...]
    url: str


@dataclass(frozen=True)
class Strong:
    words: tuple[Word, ...]


@dataclass(frozen=True)
class Em:
    words: tuple[Word, ...]


@dataclass(frozen=True)
class Code:
    text: str


Piece = Word | Name | Number | Link | Strong | Em | Code
Inline = tuple[Piece, ...]


@dataclass(frozen=True)
class FrontMatter:
    title: tuple[Word, ...]


@dataclass(frozen=True)
class Heading:
    level: int
    inline: Inline


@dataclass(frozen=True)
class Paragraph:
    inline: Inline
    breaks: tuple[int, ...] = ()  # soft line breaks before these piece indexes


@dataclass(frozen=True)
class Item:
    depth: int  # 0 for a top-level item
    inline: Inline


@dataclass(frozen=True)
class ListBlock:
    items: tuple[Item, ...]
    ordered: bool


@dataclass(frozen=True)
class Fence:
    info: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[Inline, ...], ...]  # the first row is the header


@dataclass(frozen=True)
class Html:
    raw: str


Block = FrontMatter | Heading | Paragraph | ListBlock | Fence | Table | Html
Doc = tuple[Block, ...]

# -- strategies -----------------------------------------------------------------------------

NAMES = ("MetaMask", "Binance", "BNB Smart Chain", "GitHub", "BEP20", "v2.1.0", "SHA-256")
words = st.text(string.ascii_lowercase, min_size=2, max_size=9).map(Word)
names = st.sampled_from(NAMES).map(Name)
numbers = st.integers(0, 99999).map(lambda n: Number(str(n)))
slugs = st.text(string.ascii_lowercase + string.digits + "-", min_size=1, max_size=12)
urls = st.one_of(
    slugs.map(lambda s: f"https://example.com/{s}"),
    slugs.map(lambda s: f"../guide/{s}.md"),
    slugs.map(lambda s: f"#{s}"),
)
phrases = st.lists(words, min_size=1, max_size=4).map(tuple)
code_text = st.text(string.ascii_letters + string.digits + "_-.=()/", min_size=1, max_size=12)

links = st.builds(Link, phrases, urls)
pieces: st.SearchStrategy[Piece] = st.one_of(
    words, words, words, words, names, numbers, links,
    st.builds(Strong, phrases), st.builds(Em, phrases), code_text.map(Code),
)


def inline(min_size: int = 1, max_size: int = 12) -> st.SearchStrategy[Inline]:
    return st.lists(pieces, min_size=min_size, max_size=max_size).map(tuple)


headings = st.builds(Heading, st.integers(1, 4), inline(1, 5))


@st.composite
def paragraphs(draw: st.DrawFn) -> Paragraph:
    content = draw(inline(1, 16))
    breaks = draw(st.lists(st.integers(1, max(1, len(content) - 1)), max_size=2, unique=True))
    return Paragraph(content, tuple(sorted(b for b in breaks if b < len(content))))


@st.composite
def lists(draw: st.DrawFn, min_items: int = 1) -> ListBlock:
    """Items whose depth grows by at most one from one item to the next."""
    count = draw(st.integers(min_items, 6))
    items = []
    depth = 0
    for i in range(count):
        if i:
            depth = draw(st.integers(0, min(depth + 1, 3)))
        items.append(Item(depth, draw(inline(1, 6))))
    return ListBlock(tuple(items), draw(st.booleans()))


fences = st.builds(
    Fence,
    st.sampled_from(["", "sh", "python"]),
    st.lists(st.text(string.ascii_letters + string.digits + " =()._-/", max_size=30),
             min_size=1, max_size=4).map(tuple),
)


@st.composite
def tables(draw: st.DrawFn) -> Table:
    columns = draw(st.integers(1, 4))
    rows = draw(st.integers(2, 4))
    cell = st.lists(st.one_of(words, words, names, numbers, links, code_text.map(Code)),
                    min_size=1, max_size=3).map(tuple)
    return Table(tuple(tuple(draw(cell) for _ in range(columns)) for _ in range(rows)))


htmls = st.sampled_from(['<div class="note"></div>', "<!-- keep this -->", "<br>",
                         '<img src="logo.png" alt="">']).map(Html)
blocks: st.SearchStrategy[Block] = st.one_of(
    headings, paragraphs(), paragraphs(), paragraphs(), lists(), fences, tables(), htmls
)


@st.composite
def documents(draw: st.DrawFn, min_blocks: int = 1, max_blocks: int = 10) -> Doc:
    body = draw(st.lists(blocks, min_size=min_blocks, max_size=max_blocks))
    if draw(st.booleans()):
        body.insert(0, FrontMatter(draw(phrases)))
    return tuple(body)


# -- rendering -------------------------------------------------------------------------------

BULLETS = ("-", "*", "+")
ORDERED = ("1.", "1)")  # alternated so that two adjacent lists stay two lists


def render_inline(content: Inline) -> str:
    return " ".join(render_piece(p) for p in content)


def render_piece(piece: Piece) -> str:
    if isinstance(piece, (Word, Name, Number)):
        return piece.text
    if isinstance(piece, Link):
        return f"[{' '.join(w.text for w in piece.words)}]({piece.url})"
    if isinstance(piece, Strong):
        return f"**{' '.join(w.text for w in piece.words)}**"
    if isinstance(piece, Em):
        return f"*{' '.join(w.text for w in piece.words)}*"
    return f"`{piece.text}`"


@dataclass(frozen=True)
class Rendered:
    text: str
    lines: tuple[int, ...]  # first line (1-based) of each block of the doc
    item_lines: tuple[tuple[int, ...], ...]  # per block: the line of each list item


def render(doc: Doc) -> Rendered:
    out: list[str] = []
    starts: list[int] = []
    items: list[tuple[int, ...]] = []
    list_index = 0
    for block in doc:
        if out:
            out.append("")
        starts.append(len(out) + 1)
        item_lines: list[int] = []
        if isinstance(block, FrontMatter):
            out += ["---", "title: " + " ".join(w.text for w in block.title), "---"]
        elif isinstance(block, Heading):
            out.append("#" * block.level + " " + render_inline(block.inline))
        elif isinstance(block, Paragraph):
            parts = [render_piece(p) for p in block.inline]
            line: list[str] = []
            for i, part in enumerate(parts):
                if i in block.breaks and line:
                    out.append(" ".join(line))
                    line = []
                line.append(part)
            out.append(" ".join(line))
        elif isinstance(block, ListBlock):
            marks = ORDERED if block.ordered else BULLETS
            marker = marks[list_index % len(marks)]
            list_index += 1
            width = len(marker) + 1
            for item in block.items:
                item_lines.append(len(out) + 1)
                out.append(" " * (width * item.depth) + marker + " " + render_inline(item.inline))
        elif isinstance(block, Fence):
            out += ["```" + block.info, *block.lines, "```"]
        elif isinstance(block, Table):
            header, *rows = block.rows
            out.append("| " + " | ".join(render_inline(c) for c in header) + " |")
            out.append("|" + " --- |" * len(header))
            out += ["| " + " | ".join(render_inline(c) for c in row) + " |" for row in rows]
        elif isinstance(block, Html):
            out.append(block.raw)
        items.append(tuple(item_lines))
    return Rendered("\n".join(out) + "\n", tuple(starts), tuple(items))


# -- translation: prose words only -------------------------------------------------------------

CYRILLIC = dict(zip(string.ascii_lowercase, "абцдефгхийклмнопярстужвьызш"))
GREEK = dict(zip(string.ascii_lowercase, "αβψδεφγηιξκλμνοπθρστυωςχυζ"))
ROT13 = dict(zip(string.ascii_lowercase, string.ascii_lowercase[13:] + string.ascii_lowercase[:13]))
SCRIPTS = {"cyrillic": CYRILLIC, "greek": GREEK, "rot13": ROT13}


def transliterate(table: dict[str, str]) -> Callable[[Word], Word]:
    """Same length, another script: the block's share of the text and its bold share stay."""
    return lambda w: Word("".join(table.get(c, c) for c in w.text))


def map_words(doc: Doc, change: Callable[[Word], Word]) -> Doc:
    def piece(p: Piece) -> Piece:
        if isinstance(p, Word):
            return change(p)
        if isinstance(p, Link):
            return Link(tuple(map(change, p.words)), p.url)
        if isinstance(p, Strong):
            return Strong(tuple(map(change, p.words)))
        if isinstance(p, Em):
            return Em(tuple(map(change, p.words)))
        return p

    def content(c: Inline) -> Inline:
        return tuple(piece(p) for p in c)

    out: list[Block] = []
    for b in doc:
        if isinstance(b, FrontMatter):
            out.append(FrontMatter(tuple(map(change, b.title))))
        elif isinstance(b, Heading):
            out.append(Heading(b.level, content(b.inline)))
        elif isinstance(b, Paragraph):
            out.append(Paragraph(content(b.inline), b.breaks))
        elif isinstance(b, ListBlock):
            out.append(ListBlock(tuple(Item(i.depth, content(i.inline)) for i in b.items),
                                 b.ordered))
        elif isinstance(b, Table):
            out.append(Table(tuple(tuple(content(c) for c in row) for row in b.rows)))
        else:
            out.append(b)
    return tuple(out)


def translate(doc: Doc, script: str) -> Doc:
    return map_words(doc, transliterate(SCRIPTS[script]))


# -- injected drift ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Drift:
    """One change to a translation: what to expect, where (block index; item index in lists)."""

    kind: str  # drop-link | drop-paragraph | change-code | drop-bold | nest-item
    block: int
    item: int = -1
    piece: int = -1

    @property
    def rule(self) -> str:
        return {"drop-link": "L201", "drop-paragraph": "S104", "change-code": "C501",
                "drop-bold": "E301", "nest-item": "S107"}[self.kind]

    @property
    def category(self) -> str:
        return {"drop-link": "link", "drop-paragraph": "structure", "change-code": "code",
                "drop-bold": "emphasis", "nest-item": "structure"}[self.kind]


def _texts(doc: Doc) -> list[tuple[int, int, Inline]]:
    """(block, item, inline) of every paragraph and list item: where inline drift can go."""
    found: list[tuple[int, int, Inline]] = []
    for b, block in enumerate(doc):
        if isinstance(block, Paragraph):
            found.append((b, -1, block.inline))
        elif isinstance(block, ListBlock):
            found += [(b, i, item.inline) for i, item in enumerate(block.items)]
    return found


def possible_drifts(doc: Doc) -> list[Drift]:
    drifts: list[Drift] = []
    for b, i, content in _texts(doc):
        for p, piece in enumerate(content):
            kind = {Link: "drop-link", Code: "change-code", Strong: "drop-bold"}.get(type(piece))
            if kind:
                drifts.append(Drift(kind, b, i, p))
    for b, block in enumerate(doc):
        if isinstance(block, Paragraph):
            drifts.append(Drift("drop-paragraph", b))
        if isinstance(block, ListBlock):
            for i in range(1, len(block.items)):
                if block.items[i].depth <= block.items[i - 1].depth:
                    drifts.append(Drift("nest-item", b, i))
    return drifts


def apply_drift(doc: Doc, drift: Drift) -> Doc:
    blocks = list(doc)
    if drift.kind == "drop-paragraph":
        del blocks[drift.block]
        return tuple(blocks)
    block = blocks[drift.block]
    if drift.kind == "nest-item":
        assert isinstance(block, ListBlock)
        items = list(block.items)
        items[drift.item] = replace(items[drift.item], depth=items[drift.item].depth + 1)
        blocks[drift.block] = replace(block, items=tuple(items))
        return tuple(blocks)
    content = (block.items[drift.item].inline if isinstance(block, ListBlock)
               else block.inline)  # type: ignore[union-attr]
    piece = content[drift.piece]
    new: tuple[Piece, ...]
    if isinstance(piece, (Link, Strong)):  # keep the words, lose the markup
        new = piece.words
    elif isinstance(piece, Code):
        new = (Code(piece.text + "x"),)
    else:  # pragma: no cover - possible_drifts only offers the kinds above
        raise TypeError(drift)
    content = content[: drift.piece] + new + content[drift.piece + 1 :]
    if isinstance(block, ListBlock):
        items = list(block.items)
        items[drift.item] = replace(items[drift.item], inline=content)
        blocks[drift.block] = replace(block, items=tuple(items))
    else:
        assert isinstance(block, Paragraph)
        breaks = tuple(b for b in block.breaks if b < len(content))
        blocks[drift.block] = Paragraph(content, breaks)
    return tuple(blocks)


# -- arbitrary input ------------------------------------------------------------------------------

# Markdown's own alphabet, so random text hits syntax often: markers, brackets, fences, tables.
MARKDOWN_CHARS = "#*_-+>`~[]()!<>|:\\ \t\n\r0123456789.)abcXYZ\"'=&;\u00a0\ufeffяß中"
markdown_soup = st.text(alphabet=MARKDOWN_CHARS, max_size=400)
any_text = st.one_of(markdown_soup, st.text(max_size=200))
any_bytes = st.one_of(
    st.binary(max_size=400),
    markdown_soup.map(lambda s: s.encode("utf-8")),
    markdown_soup.map(lambda s: s.encode("utf-16")),
    st.tuples(markdown_soup, st.binary(max_size=8), markdown_soup).map(
        lambda t: t[0].encode() + t[1] + t[2].encode()),
)
