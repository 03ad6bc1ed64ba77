"""Heading anchors of pages: the ids a `#fragment` can reach, found without parsing Markdown.

A link to another page with a fragment (`../install/#linux`) needs the headings of that other
page in the reader's language. Parsing every page of a site for that would cost as much as
checking it, so this is a cheap pre-pass over the site's files:

1. every file of a translated article is read once and searched for link destinations with
   a path and a fragment (inline links and reference definitions); those pages, in every
   language, are the only ones whose anchors any check can ask for;
2. those pages are scanned for heading lines (ATX `## Title {#id}` and setext), skipping
   fenced code, plus HTML `id`/`name` attributes.

The index holds only the pages some link points to, so a heading edited in a page nobody
links to with a fragment changes nothing, while any change that can alter a finding changes
its digest (part of the result-cache key).
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping, NamedTuple

from l10ncheck.loading import MAX_FILE_BYTES, Text, decode

__all__ = ["Heading", "PageAnchors", "anchor_index", "digest", "fragment_links", "scan", "slug",
           "slug_variants"]


def slug(text: str) -> str:
    """The heading id most generators make (GitHub, Hugo/Goldmark, Docusaurus, MkDocs):
    lower case, punctuation dropped, spaces to hyphens; letters of every script kept."""
    text = text.strip().lower()
    if not text.isascii():  # keep combining marks too: Bengali, Hindi, Thai vowel signs
        text = "".join(ch for ch in text if ch in "-_ " or unicodedata.category(ch)[0] in "LMN")
    else:
        text = re.sub(r"[^\w\- ]", "", text)
    return re.sub(r"\s", "-", text)


def slug_variants(text: str) -> set[str]:
    """The ids generators make of one heading text: the slug, with runs of hyphens collapsed
    (Hugo's `github-ascii`, Docusaurus), and with accents dropped (MkDocs' `toc`)."""
    base = slug(text)
    found = {base, re.sub(r"-+", "-", base)}
    if not text.isascii():
        folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
        # Only accents dropped ("Instalación"), not whole words of another script ("Linux 版"
        # would become "linux", hiding that the heading was translated).
        if sum(map(str.isalnum, folded)) == sum(map(str.isalnum, text)):
            found.add(re.sub(r"-+", "-", slug(folded)))
    found.discard("")
    return found


class Heading(NamedTuple):
    """One heading of a page: where it is, its explicit id (`{#id}`, "" when none) and the id
    a generator makes of its text (a tuple: the index travels to every worker process)."""

    line: int
    explicit: str
    generated: str
    text: str


@dataclass(frozen=True)
class PageAnchors:
    """The anchors of one page in one language."""

    path: str
    headings: tuple[Heading, ...]
    ids: frozenset[str]  # every id a fragment can reach (lower case)

    def has(self, fragment: str) -> bool:
        return fragment.lower() in self.ids

    def heading_of(self, fragment: str) -> int | None:
        """Index of the heading whose id is ``fragment``, if a heading makes it."""
        fragment = fragment.lower()
        for i, heading in enumerate(self.headings):
            if fragment == heading.explicit.lower() or (
                    not heading.explicit and fragment in slug_variants(heading.text)):
                return i
        for i, heading in enumerate(self.headings):  # the text's id next to an explicit one
            if fragment in slug_variants(heading.text):
                return i
        return None


# Link destinations with a path and a #fragment: `](path#x` and `]: path#x` (reference
# definitions). Over-inclusive on purpose: an extra page in the index costs nothing.
_FRAGMENT_LINK = re.compile(rb"\](?:\([ \t]*<?|:[ \t]*<?)([^\s()<>#\]]+#[^\s()<>]*)")
# A line that can open a heading or a code fence; the pattern starts with a literal "\n"
# so the regex engine jumps from line to line instead of trying every character.
_LINE = re.compile(r"\n(?:[ ]{0,3}(#{1,6})(?:[ \t]([^\n]*))?$|[ \t]*(`{3,}|~{3,})([^\n]*)$"
                   r"|[ ]{0,3}(=+|-+)[ \t]*$)", re.M)
_CLOSING = re.compile(r"(?:[ \t]+#+)?[ \t]*$")
# A trailing attribute block: `{#id}`, `{ #id }`, `{: #id .class }` (kramdown, attr_list),
# `{.notranslate lang=en #id}` (Goldmark): the id is not heading text, nor are the others.
_ATTR = r"""(?:[#.][^\s"'{}]+|[\w:.-]+=(?:"[^"]*"|'[^']*'|[^\s"'{}]+))"""
_ATTRIBUTES = re.compile(r"[ \t]*\{:?[ \t]*(" + _ATTR + r"(?:[ \t]+" + _ATTR + r")*)[ \t]*\}[ \t]*$")
_ID = re.compile(r"(?:^|[ \t])#([^\s\"'{}]+)")
_HTML_ID = re.compile(r"""<[A-Za-z][^<>]*?\b(?:id|name)[ \t]*=[ \t]*["']([^"'<>]+)["']""")
# Inline Markdown in heading text, reduced to the text a generator slugs.
_IMAGE_OR_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|!?\[([^\]]*)\]\[[^\]]*\]")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_EMPHASIS = re.compile(r"[*`~]+|(?<!\w)_+|_+(?!\w)")
# A line that ends a paragraph rather than continuing it: no setext heading above it.
_NOT_PARAGRAPH = re.compile(r"[ ]{0,3}(?:[#>|<]|[-*+][ \t]|\d{1,9}[.)][ \t]|`{3,}|~{3,})|[ \t]*$|[ ]{4}")


def heading_attributes(text: str) -> tuple[str, str]:
    """A heading's text without its trailing attribute block, and the block's id ("" when
    none): `Install {#setup}` -> ("Install", "setup"); `Lint {.notranslate lang=en}` ->
    ("Lint", "")."""
    found = _ATTRIBUTES.search(text)
    if not found:
        return text, ""
    ident = _ID.search(found.group(1))
    return text[: found.start()], ident.group(1) if ident else ""


def fragment_links(data: bytes) -> set[str]:
    """Destinations with a path and a `#fragment` in a Markdown file's bytes."""
    return {url.decode("utf-8", "replace") for url in _FRAGMENT_LINK.findall(data)}


def _plain(markdown: str) -> str:
    text = _IMAGE_OR_LINK.sub(lambda m: m.group(1) or m.group(2) or "", markdown)
    return " ".join(_EMPHASIS.sub("", _TAG.sub("", text)).split())


def scan(body: str, path: str = "") -> PageAnchors:
    """The headings and anchors of a page's text (front matter already blanked)."""
    text = "\n" + body
    headings: list[Heading] = []
    fence: tuple[str, int] | None = None
    line, counted = 1, 1  # the line number of text[counted]
    for m in _LINE.finditer(text):
        if m.group(3):  # a fence line opens or closes code
            marker = m.group(3)
            if fence is None:
                if not (marker[0] == "`" and "`" in m.group(4)):
                    fence = (marker[0], len(marker))
            elif marker[0] == fence[0] and len(marker) >= fence[1] and not m.group(4).strip():
                fence = None
            continue
        if fence is not None:
            continue
        line += text.count("\n", counted, m.start() + 1)
        counted = m.start() + 1
        if m.group(1):
            raw, at = _CLOSING.sub("", m.group(2) or ""), line
        else:  # setext: the paragraph lines above the underline, when there are some
            above: list[str] = []
            end = m.start()
            while end > 0:
                start = text.rfind("\n", 0, end)
                prev = text[start + 1 : end]
                if _NOT_PARAGRAPH.match(prev) or _LINE.match("\n" + prev):
                    break
                above.append(prev.strip())
                end = start
            if not above:
                continue
            raw, at = " ".join(reversed(above)), line - len(above)
        raw, explicit = heading_attributes(raw)
        plain = _plain(raw)
        headings.append(Heading(at, explicit, slug(plain), plain))
    ids: set[str] = set()
    seen: dict[str, int] = {}
    for heading in headings:
        if heading.explicit:
            ids.add(heading.explicit.lower())
        ids.update(slug_variants(heading.text))
        # Generators number repeated ids: the second "Example" is `example-1`.
        count = seen.get(heading.generated, 0)
        if count:
            ids.add(f"{heading.generated}-{count}")
        seen[heading.generated] = count + 1
    if "=" in body:
        ids.update(m.group(1).lower() for m in _HTML_ID.finditer(body))
    return PageAnchors(path, tuple(headings), frozenset(ids))


def _read(path: str) -> bytes | None:
    """A file's bytes, or None when it cannot be read or is too large to be an article (the
    check of that article says why). ``os.read`` costs a third of ``open().read()``."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        data = os.read(fd, _CHUNK)
        if len(data) < _CHUNK:  # a regular file gives less only at its end
            return data
        chunks = [data]
        size = len(data)
        while data:
            data = os.read(fd, 1 << 20)
            chunks.append(data)
            size += len(data)
            if size > MAX_FILE_BYTES:
                return None
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


_CHUNK = 1 << 16
Resolve = Callable[[str, str, str], "tuple[str, str | None] | None"]


def anchor_index(files: Iterable[tuple[str, str, str]], resolve: Resolve
                 ) -> dict[tuple[str, str], PageAnchors]:
    """``(lang, slug) -> anchors`` for every page that some file links to with a fragment.

    ``files``: (lang, article slug, path) of every file of the site; ``resolve(url, slug,
    lang)``: the (slug, explicit language) a link of that page opens (``SiteIndex.resolve``).
    """
    files = list(files)
    languages = Counter(page for _, page, _ in files)
    targets: set[str] = set()
    for lang, page, path in files:
        if languages[page] < 2:
            continue  # an article without translations: its links are checked against nothing
        data = _read(path)
        if data is None:
            continue
        for url in fragment_links(data):
            found = resolve(url, page, lang)
            if found is not None:
                targets.add(found[0])
    index: dict[tuple[str, str], PageAnchors] = {}
    for lang, page, path in files:
        if page not in targets:
            continue
        data = _read(path)
        text = decode(data) if data is not None else None
        if isinstance(text, Text):
            index[(lang, page)] = scan(text.body, path)
    return index


def digest(index: Mapping[tuple[str, str], PageAnchors]) -> str:
    """A short hash of everything in the index, for cache keys."""
    h = hashlib.sha256()
    for key in sorted(index):
        page = index[key]
        # Sets print in an order that changes with each process's hash seed: sort them, or
        # a warm run would never find its cached results.
        h.update(repr((key, page.path, page.headings, sorted(page.ids))).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]
