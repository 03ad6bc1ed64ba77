"""The language-neutral skeleton of a document: what must survive translation.

Rules read skeletons, never parser tokens. A skeleton is a flat sequence of blocks (each with
its inline elements and their exact spans) grouped into sections by headings, plus the lists
the list items belong to. Everything is frozen; building one is pure (see ``extract``).
"""

from __future__ import annotations

import bisect
from dataclasses import MISSING, dataclass
from dataclasses import fields as dataclass_fields
from typing import Any, Callable, Generic, TypeVar

from l10ncheck import markup
from l10ncheck.diagnostics import Span


T = TypeVar("T")
_MISSING = object()


def _remembered(obj: Any, key: str, compute: Callable[[Any], T]) -> T:
    """``compute(obj)``, stored in the frozen ``obj``'s ``__dict__`` under ``key`` the first
    time (the dict of a frozen dataclass takes entries its fields do not name)."""
    slot = "_derived_" + key
    found = obj.__dict__.get(slot, _MISSING)
    if found is _MISSING:
        found = obj.__dict__[slot] = compute(obj)
    return found  # type: ignore[no-any-return]


class cached_property(Generic[T]):  # noqa: N801 (named like the functools one it replaces)
    """``functools.cached_property`` without its per-access lock (Python < 3.12 takes one):
    skeletons are built and read by one thread, and rules read these properties for every
    block of every file. The value is stored in the instance's ``__dict__`` (frozen
    dataclasses allow that), so later reads never call this descriptor again."""

    def __init__(self, func: Callable[[Any], T]):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type | None = None) -> T:
        if obj is None:
            return self  # type: ignore[return-value]
        value = obj.__dict__[self.name] = self.func(obj)
        return value


def direct_init(cls: type[T]) -> type[T]:
    """Give a frozen dataclass an ``__init__`` that fills the instance's ``__dict__`` directly.

    The generated one sets each field through ``object.__setattr__`` (to get past the frozen
    ``__setattr__``); the small classes below are built for every inline element of every
    file, and this costs half as much. Same parameters, defaults, equality and hash."""
    params: list[str] = []
    body: list[str] = []
    defaults: dict[str, Any] = {}
    for f in dataclass_fields(cls):  # type: ignore[arg-type]
        assert f.default_factory is MISSING, "plain defaults only"
        if f.default is MISSING:
            params.append(f.name)
        else:
            defaults["_default_" + f.name] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        body.append(f"    fields[{f.name!r}] = {f.name}\n")
    source = f"def __init__(self, {', '.join(params)}):\n    fields = self.__dict__\n" + "".join(body)
    namespace: dict[str, Any] = {}
    exec(source, defaults, namespace)
    namespace["__init__"].__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = namespace["__init__"]  # type: ignore[method-assign]
    return cls


@direct_init
@dataclass(frozen=True)
class Link:
    """A link or image: destination, visible text, and where both stand.

    ``before``/``after`` are the characters of running text just outside the link (``""`` at a
    block edge); the word-splitting rules read them.
    """

    url: str
    text: str
    span: Span
    text_span: Span
    before: str = ""
    after: str = ""
    image: bool = False
    autolink: bool = False
    reference: bool = False
    start: int = 0  # offsets of the link text in the block's plain text
    end: int = 0


@direct_init
@dataclass(frozen=True)
class Emphasis:
    """A bold (``strong``) or italic (``emphasis``) span with its plain text."""

    kind: str
    text: str
    span: Span
    start: int = 0  # offsets in the block's plain text
    end: int = 0


@direct_init
@dataclass(frozen=True)
class CodeSpan:
    code: str
    span: Span
    start: int = 0  # offsets in the block's plain text
    end: int = 0


@direct_init
@dataclass(frozen=True)
class Literal:
    """A run of plain text exactly as written, for rules that look for leftover syntax."""

    text: str
    span: Span


@direct_init
@dataclass(frozen=True)
class Markup:
    """A shortcode, MDX/JSX component or HTML element tag, an HTML comment (see
    ``l10ncheck.markup``), or a footnote reference (``[^1]``, ``name`` its label).
    ``kind``: shortcode | tag | comment | footnote. ``start`` orders it within
    its block (an offset in the block's text or code)."""

    kind: str
    name: str
    span: Span
    start: int = 0
    closing: bool = False


@dataclass(frozen=True)
class Block:
    """One block: a paragraph, heading, list item, code block, table, HTML block or rule.

    ``text`` is the block's plain text (link text included, markup and URLs excluded);
    :meth:`locate` turns offsets in it back into file spans. ``depth`` is the list nesting
    (0 outside lists, 1 for a top-level item); ``list_id`` names the list an item belongs to.
    ``footnote`` is the label of the footnote definition (``[^label]: …``) the block belongs
    to, "" outside footnotes; the first block of a footnote starts at its ``[^label]:``.
    """

    index: int
    kind: str  # heading | paragraph | item | code | table | html | rule
    span: Span
    text: str = ""
    level: int = 0
    depth: int = 0
    quote: int = 0
    list_id: int = -1
    ordered: bool = False
    links: tuple[Link, ...] = ()
    emphasis: tuple[Emphasis, ...] = ()
    code_spans: tuple[CodeSpan, ...] = ()
    literals: tuple[Literal, ...] = ()
    code: str = ""
    info: str = ""
    rows: int = 0
    columns: tuple[int, ...] = ()
    tags: tuple[Markup, ...] = ()  # inline HTML and JSX tags, footnote references (not in ``text``)
    footnote: str = ""
    # Offsets into ``text`` where a literal starts, with the literal's index (for locate()).
    _offsets: tuple[int, ...] = ()
    _owners: tuple[int, ...] = ()

    @classmethod
    def make(cls, **values: Any) -> Block:
        """``Block(**values)`` without the frozen dataclass's ``__init__``, which sets each
        of its 23 fields through ``object.__setattr__``: one block is made for every block
        of every file, and this is several times cheaper. The result is the same frozen,
        equal and hashable block; ``values`` must name ``index``, ``kind`` and ``span``."""
        return cls.from_dict(values)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> Block:
        """:meth:`make` without copying ``values``: the dict becomes the block's own (never
        change it afterwards)."""
        block = object.__new__(cls)
        # The fields not given read their defaults from the class, as a dataclass's do.
        object.__setattr__(block, "__dict__", values)
        return block

    def derived(self, key: str, compute: Callable[[Block], T]) -> T:
        """``compute(self)``, remembered on this block under ``key``: what a rule or the term
        learner derives from a source block once serves every language it is compared with.
        ``compute`` must depend on the block alone."""
        return _remembered(self, key, compute)

    # (Most blocks have no link and no emphasis: those skip building a generator.)
    @cached_property
    def links_only(self) -> tuple[Link, ...]:
        return tuple(link for link in self.links if not link.image) if self.links else ()

    @cached_property
    def images(self) -> tuple[Link, ...]:
        return tuple(link for link in self.links if link.image) if self.links else ()

    @cached_property
    def strong(self) -> tuple[Emphasis, ...]:
        return tuple(e for e in self.emphasis if e.kind == "strong") if self.emphasis else ()

    @cached_property
    def italic(self) -> tuple[Emphasis, ...]:
        return tuple(e for e in self.emphasis if e.kind == "emphasis") if self.emphasis else ()

    @cached_property
    def markup(self) -> tuple[Markup, ...]:
        """Shortcodes, components, HTML tags and comments of this block, in order."""
        if self.kind == "code":
            return ()
        if self.kind == "html":
            return tuple(Markup(kind, name, self._code_span(start, end), start, closing)
                         for kind, name, closing, start, end in markup.tags(self.code))
        if "{{<" not in self.text and "{{%" not in self.text:
            return self.tags  # no shortcode (tldr's {{placeholders}} are none either)
        found = [Markup(kind, name, self.locate(start, end), start, closing)
                 for kind, name, closing, start, end in markup.shortcodes(self.text)]
        return tuple(sorted(found + list(self.tags), key=lambda m: m.start))

    def _code_span(self, start: int, end: int) -> Span:
        """File span of ``code[start:end]`` for a block whose code starts at its span."""
        first = self.code.split("\n", 1)[0]
        lead = len(first) - len(first.lstrip(" \t"))  # the span starts after the indentation

        def point(offset: int) -> tuple[int, int]:
            before = self.code[:offset]
            newlines = before.count("\n")
            if newlines:
                return self.span.line + newlines, offset - before.rfind("\n")
            return self.span.line, self.span.column + max(offset - lead, 0)
        a, b = point(start), point(end)
        return Span(a[0], a[1], b[0], b[1])

    def locate(self, start: int, end: int) -> Span:
        """File span of ``text[start:end]``."""
        if not self._offsets:
            return Span(self.span.line, self.span.column, self.span.line, self.span.column)
        a = self._point(start, at_end=False)
        b = self._point(end, at_end=True)
        return Span(a[0], a[1], b[0], b[1])

    def _point(self, offset: int, at_end: bool) -> tuple[int, int]:
        i = bisect.bisect_right(self._offsets, offset) - 1
        if at_end and i > 0 and offset == self._offsets[i]:
            i -= 1  # an end offset belongs to the literal it closes
        i = max(i, 0)
        lit = self.literals[self._owners[i]]
        k = max(0, min(offset - self._offsets[i], len(lit.text)))
        before = lit.text[:k]
        newlines = before.count("\n")
        if newlines:
            return lit.span.line + newlines, len(before) - before.rfind("\n")
        return lit.span.line, lit.span.column + k


@direct_init
@dataclass(frozen=True)
class Section:
    """A heading and the blocks up to the next heading of any level (index 0: preamble)."""

    index: int
    heading: int | None  # block index of the heading, None for the preamble
    level: int
    blocks: tuple[int, ...]  # block indices inside the section, heading excluded


@direct_init
@dataclass(frozen=True)
class ListInfo:
    """A list: its items (block indices of item blocks) and nesting depth."""

    id: int
    depth: int
    ordered: bool
    span: Span
    items: tuple[int, ...]
    size: int = 0  # number of list items, including items that hold only a nested list


@dataclass(frozen=True)
class Skeleton:
    lang: str
    path: str
    blocks: tuple[Block, ...]
    sections: tuple[Section, ...]
    lists: tuple[ListInfo, ...]
    line_count: int = 0  # lines in the file, for places after the last block

    def derived(self, key: str, compute: Callable[[Skeleton], T]) -> T:
        """``compute(self)``, remembered on this skeleton under ``key`` (as
        :meth:`Block.derived`): what alignment, term learning and the rules each need."""
        return _remembered(self, key, compute)

    @cached_property
    def length(self) -> int:
        return sum(len(b.text) for b in self.blocks) or 1

    def section_of(self, block: int) -> int:
        for section in self.sections:
            if section.heading == block or block in section.blocks:
                return section.index
        return 0

