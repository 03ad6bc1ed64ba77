"""Parse tree -> Skeleton: pure, one function per node type (see ``_BLOCKS``)."""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from typing import Callable, NamedTuple

from l10ncheck.anchors import heading_attributes
from l10ncheck.diagnostics import Span
from l10ncheck.parsing import Node, parse
from l10ncheck import markup
from l10ncheck.skeleton import (
    Block, CodeSpan, Emphasis, Link, ListInfo, Literal, Markup, Section, Skeleton,
)


def build_skeleton(text: str, lang: str = "", path: str = "") -> Skeleton:
    """Parse ``text`` (normalized, see ``loading``) and return its skeleton."""
    lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    if "comment" in text:
        text = blank_comment_shortcodes(text)
    return skeleton_from_nodes(parse(text), lang, path, lines)


_COMMENT_OPEN = re.compile(r"[ \t]*\{\{([<%])\s*comment\s*[%>]\}\}")
_COMMENT_CLOSE = re.compile(r"\{\{[<%]\s*/comment\s*[%>]\}\}")
_FENCE = re.compile(r"[ \t]*(```|~~~)")


def blank_comment_shortcodes(text: str) -> str:
    """Hugo's ``{{< comment >}} … {{< /comment >}}`` (a note to writers, never rendered)
    turned into spaces, line breaks kept: what it holds is not content, and every other
    character keeps its line and column. Not inside fenced code (a page documenting the
    shortcode), and an opener never closed is left as it is."""
    lines = text.split("\n")
    closes = [j for j, line in enumerate(lines) if "/comment" in line and _COMMENT_CLOSE.search(line)]
    if not closes:
        return text
    out: list[str] = []
    fence = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _FENCE.match(line)
        if m and (not fence or m.group(1) == fence):
            fence = "" if fence else m.group(1)
        if fence or not _COMMENT_OPEN.match(line):
            out.append(line)
            i += 1
            continue
        at = bisect.bisect_left(closes, i)
        end = closes[at] if at < len(closes) else None
        if end is None:
            out.append(line)
            i += 1
            continue
        close = _COMMENT_CLOSE.search(lines[end])
        assert close is not None
        for j in range(i, end):
            out.append(" " * len(lines[j]))
        last = lines[end]
        out.append(" " * close.end() + last[close.end():])
        i = end + 1
    return "\n".join(out)


def skeleton_from_nodes(nodes: tuple[Node, ...], lang: str = "", path: str = "",
                        line_count: int = 0) -> Skeleton:
    builder = _Builder()
    for node in nodes:
        builder.block(node, _TOP)
    blocks = tuple(builder.blocks)
    return Skeleton(lang, path, blocks, _sections(blocks), tuple(builder.lists), line_count)


class _Context(NamedTuple):
    """Where a block stands: list and quote nesting. (A named tuple: one is made for every
    list item, and a frozen dataclass sets each field through ``object.__setattr__``.)"""

    depth: int = 0
    quote: int = 0
    list_id: int = -1
    ordered: bool = False
    item_marker: Span | None = None  # set for the first paragraph of a list item
    titles: bool = False  # the first of several blocks of a quote


_TOP = _Context()  # a top-level block's


@dataclass
class _Builder:
    blocks: list[Block] = field(default_factory=list)
    lists: list[ListInfo] = field(default_factory=list)
    _items: dict[int, list[int]] = field(default_factory=dict)

    def add(self, **fields: object) -> int:
        return self.add_fields(fields)

    def add_fields(self, fields: dict[str, object]) -> int:
        """Add the block made of ``fields`` (the dict becomes the block's own)."""
        index = fields["index"] = len(self.blocks)
        self.blocks.append(Block.from_dict(fields))
        return index

    def block(self, node: Node, ctx: _Context) -> None:
        handler = _BLOCKS.get(node.type)
        if handler is not None:
            handler(self, node, ctx)


# Hugo shortcodes ({{< x >}}, {{% /x %}}) and Docusaurus admonition fences (:::note) are
# structure, not prose: a paragraph made only of them becomes a "shortcode" block, compared by
# the shortcode names (parameters such as a translated title may differ).
_SHORTCODE = re.compile(r"\{\{[<%]\s*(/?[\w./-]+)[^{}]*?[%>]\}\}|^:::\s*([\w-]*)")


def _shortcode_names(text: str) -> str | None:
    """The structure names of a paragraph made only of shortcodes or an admonition marker.

    Closing shortcodes and fences (`{{% /alert %}}`, `:::`) close what an opening one
    started: they are dropped, so a closing line kept on its own never counts as an extra
    block. A GitHub alert marker (`> [!NOTE]`) and a Hugo `alert`/`note`/`warning` shortcode
    or a Docusaurus `:::note` are the same thing, an "alert" (sites move between them).
    Returns "" for a paragraph of closing markers only."""
    stripped = text.strip()
    if stripped.startswith("[!") and _GITHUB_ALERT.fullmatch(stripped):
        return "alert"
    if not stripped or not (stripped.startswith("{{") or stripped.startswith(":::")):
        return None
    names: list[str] = []

    def blank(m: re.Match[str]) -> str:
        names.append(m.group(1) or ":::" + (m.group(2) or ""))
        return " "

    rest = _SHORTCODE.sub(blank, stripped)
    if rest.strip() or not names:
        return None
    opening = [_ALERTS.get(n.lstrip(":").lower(), n) for n in names if not n.startswith("/") and n != ":::"]
    return " ".join(opening)


# GitHub's five alert types and the custom ones Obsidian, Docsy and others accept (`[!NB]`).
_GITHUB_ALERT = re.compile(r"\[![A-Za-z][\w-]{0,30}\]")
_ALERTS = {name: "alert" for name in markup.ALERTS}
# An alert shortcode opened on the line of its first paragraph: `{{% alert %}} Text…`.
_LEADING_ALERT = re.compile(r"\{\{[<%]\s*([\w-]+)[^{}]*?[%>]\}\}\s*(?=\S)")


def _alert_marker(text: str) -> int | None:
    """Where the body starts after the alert marker (`[!NOTE]`, `{{% alert %}}`) that opens
    ``text``, if one does."""
    if not text.startswith(("[!", "{{")):
        return None  # the common case, without asking either pattern
    m = _GITHUB_ALERT.match(text)
    if m is None:
        m = _LEADING_ALERT.match(text)
        if m is None or m.group(1).lower() not in markup.ALERTS:
            return None
    return m.end()




def _text_block(kind: str) -> Callable[[_Builder, Node, _Context], None]:
    def handle(builder: _Builder, node: Node, ctx: _Context) -> None:
        inline = _collect(node.children)
        plain = inline.text()
        if kind != "heading" and not inline.meaningful(plain):
            return  # whitespace-only (incl. no-break spaces) paragraphs are not blocks
        if (kind == "paragraph" and plain.endswith("}") and not plain.endswith("}}")
                and not heading_attributes(plain)[0].strip()):
            # `{#install}` or `{: .note}` on a line of its own (Goldmark, kramdown, Pandoc):
            # an attribute of the heading or block beside it, which translations may write
            # on the heading instead; not prose. (No attribute block ends in "}}", as tldr's
            # commands do: those skip the pattern.)
            return
        block_kind = kind
        span = node.span
        if ctx.item_marker is not None and kind == "paragraph":
            block_kind = "item"
            span = Span(ctx.item_marker.line, ctx.item_marker.column, span.end_line, span.end_column)
        fields = inline.fields(plain)
        info = ""
        names = _shortcode_names(plain) if kind == "paragraph" else None
        if names == "":
            return  # only closing shortcodes or fences
        marker = _alert_marker(plain) if kind == "paragraph" and names != "alert" else None
        if marker is not None:
            # `> [!NOTE]` or `{{% alert %}}` followed by text or a value shortcode in the same
            # paragraph: the alert is a block of its own, as when it stands on its own line,
            # and so is a body made only of shortcodes (`{{% param warning %}}`).
            builder.add(kind="shortcode", info="alert", span=node.span, depth=ctx.depth,
                        quote=ctx.quote, text="")
            if ctx.titles and node.span.line == node.span.end_line and _GITHUB_ALERT.match(plain):
                # `> [!TIP] Use queues`, its text in the next paragraph: the rest of the
                # marker line is the alert's title (a shortcode's title= parameter elsewhere).
                return
            names = _shortcode_names(plain[marker:])
            if names == "":
                return
        if names is not None:
            block_kind, info = "shortcode", names
        if kind == "heading":
            # `## Title {#anchor}` (Hugo, Docusaurus, kramdown): the id, and any other
            # attribute (`{.notranslate lang=en}`), is not heading text.
            if str(fields["text"]).rstrip().endswith("}"):
                fields["text"], info = heading_attributes(str(fields["text"]))
        fields.update(
            info=info, kind=block_kind, span=span, level=int(node.attrs.get("level", 0) or 0),
            depth=ctx.depth, quote=ctx.quote, list_id=ctx.list_id if block_kind == "item" else -1,
            ordered=ctx.ordered,
        )
        index = builder.add_fields(fields)
        if block_kind == "item":
            builder._items.setdefault(ctx.list_id, []).append(index)

    return handle


def _list(builder: _Builder, node: Node, ctx: _Context) -> None:
    list_id = len(builder.lists)
    ordered = bool(node.attrs.get("ordered"))
    # Reserve the id now so nested lists get later ids; fill the items in afterwards.
    builder.lists.append(ListInfo(list_id, ctx.depth + 1, ordered, node.span, ()))
    inner = _Context(ctx.depth + 1, ctx.quote, list_id, ordered)
    for item in node.children:
        first = True
        marker = item.span if item.type == "list_item" else None
        for child in item.children:
            child_ctx = inner
            if first and child.type == "paragraph":
                child_ctx = _Context(inner.depth, inner.quote, list_id, ordered, marker)
            before = len(builder.blocks)
            builder.block(child, child_ctx)
            if len(builder.blocks) > before or child.type != "paragraph":
                first = False
    builder.lists[list_id] = ListInfo(
        list_id, ctx.depth + 1, ordered, node.span, tuple(builder._items.get(list_id, ())),
        size=len(node.children),
    )


def _quote(builder: _Builder, node: Node, ctx: _Context) -> None:
    inner = _Context(ctx.depth, ctx.quote + 1, ctx.list_id, ctx.ordered)
    for i, child in enumerate(node.children):
        # The quote's first paragraph, more after it: an alert marker line there titles it.
        builder.block(child, inner._replace(titles=True) if i == 0 and len(node.children) > 1 else inner)


def _footnote(builder: _Builder, node: Node, ctx: _Context) -> None:
    """A footnote definition's blocks, each marked with its label (the translation keeps the
    label, so it pairs the footnotes); the first paragraph starts at ``[^label]:``, as a
    list item's starts at its marker."""
    label = str(node.attrs.get("label", ""))
    first = len(builder.blocks)
    for child in node.children:
        builder.block(child, ctx)
    for i in range(first, len(builder.blocks)):
        block = builder.blocks[i]
        span = block.span
        if i == first and block.kind in ("paragraph", "shortcode"):
            span = Span(node.span.line, node.span.column, span.end_line, span.end_column)
        builder.blocks[i] = Block.make(**{**block.__dict__, "footnote": label, "span": span})


def _code(builder: _Builder, node: Node, ctx: _Context) -> None:
    if not node.text.strip() and not node.attrs.get("fenced"):
        return  # an indented "code block" of whitespace shows nothing
    if not node.attrs.get("fenced") and "{{" in node.text:
        # Shortcode lines indented four spaces (`    {{% /tab %}}`): Hugo reads them before
        # Markdown does, at any indentation; they are shortcodes, not code.
        names = _shortcode_names(" ".join(node.text.split()))
        if names == "":
            return
        if names is not None:
            builder.add(kind="shortcode", info=names, span=node.span, depth=ctx.depth, quote=ctx.quote)
            return
    builder.add(kind="code", span=node.span, depth=ctx.depth, quote=ctx.quote,
                code=node.text, info=str(node.attrs.get("info", "") or ""))


# An HTML block that only closes what earlier blocks opened (`</div>`, maybe followed by a
# closing shortcode on the next line, which CommonMark keeps in the same HTML block).
_ONLY_CLOSING = re.compile(r"(?:\s*</[A-Za-z][\w:-]*\s*>|\s*\{\{[<%]\s*/[\w./-]+\s*[%>]\}\})+\s*")


def _html(builder: _Builder, node: Node, ctx: _Context) -> None:
    if node.text.strip() and not _ONLY_CLOSING.fullmatch(node.text):
        builder.add(kind="html", span=node.span, depth=ctx.depth, quote=ctx.quote, code=node.text)


def _rule(builder: _Builder, node: Node, ctx: _Context) -> None:
    builder.add(kind="rule", span=node.span, depth=ctx.depth, quote=ctx.quote)


def _table(builder: _Builder, node: Node, ctx: _Context) -> None:
    cells = [cell for row in node.children for cell in row.children]
    inline = _collect(tuple(c for cell in cells for c in (*cell.children, _SEPARATOR)))
    builder.add(kind="table", span=node.span, depth=ctx.depth, quote=ctx.quote,
                rows=len(node.children), columns=tuple(len(r.children) for r in node.children),
                **inline.fields())


# Cells are joined by a line break so that no word run (a term candidate) spans two cells.
_SEPARATOR = Node("cell_break", Span(0, 0, 0, 0))

_BLOCKS: dict[str, Callable[[_Builder, Node, _Context], None]] = {
    "heading": _text_block("heading"),
    "paragraph": _text_block("paragraph"),
    "list": _list,
    "block_quote": _quote,
    "code": _code,
    "html": _html,
    "thematic_break": _rule,
    "table": _table,
    "footnote": _footnote,
}


class _Inline:
    """Accumulates one block's plain text and inline elements in a single walk. (A plain
    class with slots: one is made for every block of every file.)"""

    __slots__ = ("parts", "length", "literals", "offsets", "owners", "links", "emphasis",
                 "code_spans", "tags")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.literals: list[Literal] = []
        self.offsets: list[int] = []
        self.owners: list[int] = []
        self.links: list[tuple[Node, int, int]] = []
        self.emphasis: list[tuple[str, Span, int, int]] = []  # kind, span, start, end
        self.code_spans: list[CodeSpan] = []
        self.tags: list[Markup] = []

    def text(self) -> str:
        return "".join(self.parts)

    def append(self, text: str, span: Span | None) -> None:
        if not text:
            return
        if span is not None and span.line > 0:
            self.offsets.append(self.length)
            self.owners.append(len(self.literals))
            self.literals.append(Literal(text, span))
        self.parts.append(text)
        self.length += len(text)

    def meaningful(self, plain: str) -> bool:
        # "&nbsp;" spacer paragraphs are as empty as a raw no-break space.
        return bool(self.links) or bool(self.code_spans) or bool(html.unescape(plain).strip())

    def fields(self, plain: str | None = None) -> dict[str, object]:
        """The block's fields; ``plain`` is :meth:`text` when the caller has it already."""
        plain = self.text() if plain is None else plain
        links = () if not self.links else tuple(
            Link(
                url=str(node.attrs.get("url", "") or ""),
                text=plain[start:end],
                span=node.span,
                text_span=node.inner or node.span,
                before=plain[start - 1] if start > 0 else "",
                after=plain[end] if end < len(plain) else "",
                image=node.type == "image",
                autolink=bool(node.attrs.get("autolink")),
                reference=bool(node.attrs.get("reference")),
                start=start,
                end=end,
            )
            for node, start, end in self.links
        )
        return {
            "text": plain,
            "links": links,
            "emphasis": () if not self.emphasis else tuple(
                Emphasis(kind, plain[start:end], span, start, end)
                for kind, span, start, end in self.emphasis),
            "code_spans": tuple(self.code_spans),
            "tags": tuple(self.tags),
            "literals": tuple(self.literals),
            "_offsets": tuple(self.offsets),
            "_owners": tuple(self.owners),
        }


def _collect(nodes: tuple[Node, ...]) -> _Inline:
    acc = _Inline()
    for node in nodes:
        _inline(acc, node)
    return acc


def _inline(acc: _Inline, node: Node) -> None:
    kind = node.type
    if kind == "text":
        acc.append(node.text, node.span)
    elif kind in ("softbreak", "linebreak"):
        acc.append(" ", None)
    elif kind == "cell_break":
        acc.append("\n", None)
    elif kind == "codespan":
        start = acc.length
        acc.append(node.text, node.inner or node.span)
        acc.code_spans.append(CodeSpan(node.text, node.span, start, acc.length))
    elif kind in ("link", "image"):
        start = acc.length
        for child in node.children:
            _inline(acc, child)
        acc.links.append((node, start, acc.length))
    elif kind in ("strong", "emphasis"):
        start = acc.length
        for child in node.children:
            _inline(acc, child)
        # The text is cut from the block's plain text once it is complete (see fields()):
        # joining it here for every span would be quadratic in a block of many bold spans.
        acc.emphasis.append((kind, node.span, start, acc.length))
    elif kind == "footnote_ref":
        # A note's number: not prose, compared as markup (a dropped one drops the note).
        acc.tags.append(Markup("footnote", node.text, node.span, acc.length))
    elif kind == "inline_html":
        found = markup.tag(node.text)
        if found is not None:
            acc.tags.append(Markup(found[0], found[1], node.span, acc.length, found[2]))
    else:  # strikethrough and plugin nodes: keep the text they wrap
        for child in node.children:
            _inline(acc, child)


def _sections(blocks: tuple[Block, ...]) -> tuple[Section, ...]:
    sections: list[Section] = []
    heading: int | None = None
    level = 0
    members: list[int] = []
    for block in blocks:
        if block.kind == "heading" and block.quote == 0 and block.depth == 0:
            sections.append(Section(len(sections), heading, level, tuple(members)))
            heading, level, members = block.index, block.level, []
        else:
            members.append(block.index)
    sections.append(Section(len(sections), heading, level, tuple(members)))
    return tuple(sections)
