"""Markup a translation must keep: shortcodes, MDX/JSX components, HTML elements, comments.

Pure scanners over text, shared by ``extract`` (inline HTML and JSX tags as the parser hands
them over) and the skeleton (shortcodes in a block's text, tags in an HTML block's code).
Each piece is (kind, name, closing): ``("shortcode", "note", False)`` for ``{{< note >}}``,
``("tag", "Tabs", True)`` for ``</Tabs>``, ``("comment", "", False)`` for ``<!-- … -->``.
"""

from __future__ import annotations

import re
from typing import Iterator

SHORTCODE = re.compile(r"\{\{([<%])\s*(/?)\s*([\w./-]+)[^{}]*?[%>]\}\}", re.S)
TAG = re.compile(r"<(/?)([A-Za-z][\w.:-]*)(?=[\s/>])|<!--")

# Admonition containers: Hugo alert/note shortcodes, Docusaurus ":::note", GitHub "> [!NOTE]".
# Sites move between them, so they are one thing, an "alert", compared as blocks of their own.
ALERTS = frozenset({"alert", "note", "tip", "info", "warning", "caution", "danger", "important",
                    "callout", "admonition"})

# Elements that only style text: translations add and drop them for typographic reasons
# (a line break in a long German word, bold instead of italics in Chinese).
PRESENTATIONAL = frozenset({
    "b", "big", "br", "center", "del", "em", "font", "i", "ins", "mark", "nobr", "p", "s",
    "small", "span", "strong", "sub", "sup", "u", "wbr",
})

Piece = tuple[str, str, bool, int, int]  # kind, name, closing, start, end


# Comments that talk to tools, not to writers: each language may need its own.
_DIRECTIVE = re.compile(r"<!--\s*(?:l10ncheck|markdownlint|prettier|cspell|spell-checker|textlint|vale|"
                        r"lint|eslint|htmlhint|docs-?lint)\b", re.I)


def shortcodes(text: str) -> Iterator[Piece]:
    """Every Hugo shortcode in ``text``."""
    for m in SHORTCODE.finditer(text):
        yield "shortcode", m.group(3), m.group(2) == "/", m.start(), m.end()


def tag(raw: str) -> tuple[str, str, bool] | None:
    """(kind, name, closing) of the tag or comment ``raw`` opens with, if any."""
    m = TAG.match(raw)
    if m is None:
        return None
    if m.group(0) == "<!--":
        return None if _DIRECTIVE.match(raw) else ("comment", "", False)
    return "tag", m.group(2), m.group(1) == "/"


def tags(html: str) -> Iterator[Piece]:
    """Every tag and comment of an HTML block (comment bodies skipped, tool directives such
    as ``<!-- l10ncheck-disable -->`` or ``<!-- markdownlint-disable -->`` left out)."""
    pos = 0
    while (m := TAG.search(html, pos)) is not None:
        if m.group(0) == "<!--":
            close = html.find("-->", m.end())
            end = len(html) if close < 0 else close + 3
            if not _DIRECTIVE.match(html, m.start()):
                yield "comment", "", False, m.start(), end
            pos = end
        else:
            yield "tag", m.group(2), m.group(1) == "/", m.start(), m.end()
            pos = m.end()


def compared(kind: str, name: str, closing: bool) -> bool:
    """Is this piece compared across languages? Openers only (a closer follows its opener);
    not the purely presentational HTML elements, nor admonition containers (compared as
    blocks of their own)."""
    if closing:
        return False
    if kind == "tag":
        return name.lower() not in PRESENTATIONAL
    if kind == "shortcode":
        return name.lower() not in ALERTS
    return True


def component(name: str) -> bool:
    """An MDX/JSX component (``<Tabs>``, ``<Foo.Bar>``) rather than an HTML element."""
    return name[:1].isupper() or "." in name
