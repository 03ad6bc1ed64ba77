"""Safe automatic fixes: repair, in translations only, the drift that is purely mechanical.

Findings carry positions only, so a fix starts again from the file. For each translation with
fixable findings this module

1. reads the file's bytes and decodes them twice: with ``loading.decode`` into the normalized
   body the rules saw (no BOM, ``\\n`` line endings, front matter blanked), and plainly into
   the original text (BOM, CRLF/CR line endings kept), which is what gets written back;
2. re-parses the body with ``parsing.parse`` and finds the link at each finding's position;
3. computes small, non-overlapping :class:`TextEdit` s in body offsets (insertions and
   deletions of a word's letters or of punctuation, or one link destination), never crossing
   a line break;
4. checks the result: the same blocks with the same plain text and the same links, only the
   repaired destinations changed; a fix that fails the check is dropped;
5. maps the edits to the original text through (line, column), which line endings and a BOM
   do not change, and re-decodes the result to prove the mapping.

:func:`write` then replaces the file atomically (temporary file in the same folder, then
``os.replace``), keeping its mode. Every byte outside the edits is kept, so encoding, BOM and
line endings survive. A file of the source language is never written.

What is fixed, per rule (the rules declare ``fixable = True``):

* ``L204`` split-word-link: the link is widened to the whole word: ``pe[rkar](u)a`` →
  ``[perkara](u)``. Only letters that are plain text next to the brackets move.
* ``L205`` link-punctuation: the punctuation at the end of the link text moves after the link:
  ``[hier.](u)`` → ``[hier](u).``; with both, ``h[ier.](u)`` → ``[hier](u).``. Only when the
  link is followed by a space, the end of the line or a closing emphasis; when the same
  punctuation already follows the link, the copy inside is dropped.
* ``L203`` link-url-changed: the source URL is restored when the translation's URL differs
  from it only by an error that :func:`url_error` can prove; a localized or otherwise
  different URL is never touched.
"""

from __future__ import annotations

import bisect
import contextlib
import difflib
import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence, Tuple, Union

from rapidfuzz.distance import Levenshtein

from l10ncheck.diagnostics import Diagnostic, Location, Report, Span
from l10ncheck.extract import build_skeleton
from l10ncheck.languages import is_lang_code, normalize_lang
from l10ncheck.loading import Text, decode
from l10ncheck.parsing import Node, parse
from l10ncheck.rules import ALL_RULES
from l10ncheck.rules.link_punctuation import PUNCTUATION
from l10ncheck.rules.split_word_link import splits_word
from l10ncheck.skeleton import Block, Link
from l10ncheck.textutil import is_word_char
from l10ncheck.urls import canonical

# Whitespace that may stand between a word and its punctuation (French "ici !") and moves
# out of the link with it; never a line break.
_SPACE_BEFORE_MARK = " \t\u00a0\u202f"
# Closing emphasis delimiters that may follow the link text's last letter inside the brackets.
_DELIMITERS = "*_~"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class FixError(Exception):
    """A fix could not be written (the file changed meanwhile, a source file, no permission)."""


@dataclass(frozen=True, order=True)
class TextEdit:
    """Replace ``text[start:end]`` (offsets in the normalized body) by ``replacement``."""

    start: int
    end: int
    replacement: str

    def overlaps(self, other: TextEdit) -> bool:
        """Do the two edits touch the same characters, or insert at the same place?

        An insertion at the edge of a replaced range does not overlap it."""
        if self.start == self.end and other.start == other.end:
            return self.start == other.start
        if self.start == self.end:
            return other.start < self.start < other.end
        if other.start == other.end:
            return self.start < other.start < self.end
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class FileFix:
    """The fixes of one translation file: its bytes before and after, what was fixed and
    what was left alone (with the reason)."""

    path: str
    lang: str
    before: bytes
    after: bytes
    fixed: tuple[Diagnostic, ...] = ()
    skipped: tuple[tuple[Diagnostic, str], ...] = ()

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self) -> str:
        """A unified diff with ``a/<path>`` and ``b/<path>`` labels (empty when unchanged)."""
        if not self.changed:
            return ""
        label = _diff_label(self.path)
        lines = difflib.unified_diff(
            _lines(self.before.decode("utf-8")), _lines(self.after.decode("utf-8")),
            f"a/{label}", f"b/{label}", lineterm="\n",
        )
        out = []
        for line in lines:
            if not line.endswith("\n"):  # the file's last line has no line ending
                line += "\n\\ No newline at end of file\n"
            out.append(line)
        return "".join(out)


# -- planning --------------------------------------------------------------------------------

def fixable_codes() -> frozenset[str]:
    """Codes of the rules that declare ``fixable``; each has a fixer below."""
    return frozenset(rule.code for rule in ALL_RULES if rule.fixable)


def plan(report: Report, paths: Sequence[str] | None = None) -> list[FileFix]:
    """The fixes for every translation with fixable findings in ``report``, by path.

    With ``paths`` (what the user named), only files among them or under them are fixed:
    checking one file checks its whole article, but fixing it edits only that file.
    Reads files, writes nothing. Files without an applicable fix are left out."""
    source_lang = normalize_lang(report.source_lang)
    protected = {os.path.realpath(doc.path) for article in report.articles
                 for doc in article.documents if normalize_lang(doc.lang) == source_lang}
    codes = fixable_codes()
    by_path: dict[str, list[Diagnostic]] = {}
    for d in report.diagnostics:
        if d.code in codes and normalize_lang(d.lang) != source_lang:
            by_path.setdefault(d.path, []).append(d)
    sources = _Sources()
    fixes = []
    named = [os.path.realpath(p) for p in paths] if paths is not None else None
    for path, found in sorted(by_path.items()):
        real = os.path.realpath(path)
        if real in protected:
            continue  # never edit a source file, even one that is also a translation's path
        if named is not None and not any(real == p or real.startswith(p.rstrip(os.sep) + os.sep)
                                         for p in named):
            continue
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            continue  # the re-check reports whatever is wrong with the file
        after, fixed, skipped = fix_bytes(data, found, sources.link_at)
        if after != data:
            fixes.append(FileFix(path, found[0].lang, data, after, fixed, skipped))
    return fixes


def write(fix: FileFix, source_lang: str) -> None:
    """Replace the file by ``fix.after`` atomically, keeping its mode.

    Refuses a source-language file, and a file that changed since it was read."""
    if normalize_lang(fix.lang) == normalize_lang(source_lang):
        raise FixError(f"it is a {source_lang} source file; --fix only edits translations")
    if not fix.changed:
        return
    target = os.path.realpath(fix.path)  # a symlinked file is fixed, not replaced by a copy
    with open(target, "rb") as handle:
        if handle.read() != fix.before:
            raise FixError("it changed since it was checked")
    mode = stat.S_IMODE(os.stat(target).st_mode)
    folder, name = os.path.split(target)
    fd, temporary = tempfile.mkstemp(dir=folder or ".", prefix=f".{name}.", suffix=".l10ncheck-fix")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(fix.after)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


# -- the pure core ---------------------------------------------------------------------------

# Where a source link stands (a finding's ``source``) -> (its raw destination, its URL).
SourceLookup = Callable[[Location], "tuple[str, str] | None"]


def fix_bytes(data: bytes, diagnostics: Sequence[Diagnostic], source_link: SourceLookup
              ) -> tuple[bytes, tuple[Diagnostic, ...], tuple[tuple[Diagnostic, str], ...]]:
    """Apply the fixes of ``diagnostics`` (findings in this file) to a file's bytes.

    Returns the new bytes (``data`` itself when nothing applies), the findings fixed, and the
    findings left alone with the reason."""
    text = decode(data)
    try:
        original = data.decode("utf-8")
    except UnicodeDecodeError:
        original = None
    if not isinstance(text, Text) or original is None:
        return data, (), tuple((d, "the file cannot be read as UTF-8 Markdown") for d in diagnostics)
    doc = _Document(text.body)
    skipped: list[tuple[Diagnostic, str]] = []
    candidates: list[tuple[Diagnostic, tuple[TextEdit, ...], _Expect]] = []
    for d in sorted(diagnostics, key=Diagnostic.sort_key):
        fixer = _FIXERS.get(d.code)
        site = doc.site_for(d) if fixer is not None else None
        if fixer is None or site is None:
            skipped.append((d, "no link at the finding's position" if fixer else "not fixable"))
            continue
        result = fixer(doc, site, d, source_link)
        if isinstance(result, str):
            skipped.append((d, result))
            continue
        edits, expect = result
        candidates.append((d, edits, expect))
    accepted = _accept(doc, candidates, skipped)
    if not accepted:
        return data, (), tuple(skipped)
    ordered = sorted(e for _, es, _ in accepted for e in es)
    new_body = _apply(text.body, ordered)
    try:
        new_original = _apply(original, _to_original(text.body, original, text.had_bom, ordered))
    except FixError as exc:
        return data, (), tuple(skipped) + tuple((d, str(exc)) for d, _, _ in accepted)
    after = new_original.encode("utf-8")
    check = decode(after)
    if not isinstance(check, Text) or check.body != new_body:  # the mapping must be exact
        return data, (), tuple(skipped) + tuple((d, "the edits could not be mapped to the file")
                                                for d, _, _ in accepted)
    return after, tuple(d for d, _, _ in accepted), tuple(skipped)


@dataclass(frozen=True)
class _Expect:
    """What a fix may change: link index -> the source URL it restores (L203), and how many
    characters of punctuation it drops from the text (a duplicate, L205)."""

    urls: tuple[tuple[int, str], ...] = ()
    dropped: int = 0


@dataclass(frozen=True)
class _Site:
    """A link's raw parts as offsets in the body: ``[`` at ``open``, text from ``text_start``
    to the ``]`` at ``text_end``, and the link's end; ``index`` among the document's links."""

    node: Node
    index: int
    open: int
    text_start: int
    text_end: int
    end: int


@dataclass
class _Document:
    body: str
    starts: list[int] = field(init=False)
    links: list[Node] = field(init=False)

    def __post_init__(self) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", self.body)]
        self.links = _links(parse(self.body))
        self._skeleton_links: dict[Span, Link] | None = None
        self._by_span: dict[Span, int] | None = None
        self._by_inner: dict[Span, int] = {}
        self._inner_starts: list[tuple[tuple[int, int], int]] = []

    def skeleton_link(self, span: Span) -> Link | None:
        """The link as the rules see it (plain text around it included), by its span."""
        if self._skeleton_links is None:
            self._skeleton_links = {link.span: link for block in build_skeleton(self.body).blocks
                                    for link in block.links}
        return self._skeleton_links.get(span)

    def offset(self, line: int, column: int) -> int | None:
        if not 1 <= line <= len(self.starts) or column < 1:
            return None
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.body)
        return start + column - 1 if start + column - 1 <= end else None

    def site_for(self, d: Diagnostic) -> _Site | None:
        """The link a finding points at: the whole link (L203), its text (L204), or a
        character of its text (L205)."""
        if self._by_span is None:
            self._by_span, self._by_inner, self._inner_starts = {}, {}, []
            for index, node in enumerate(self.links):
                if node.type == "link" and node.inner is not None:
                    self._by_span.setdefault(node.span, index)
                    self._by_inner.setdefault(node.inner, index)
                    self._inner_starts.append(((node.inner.line, node.inner.column), index))
            self._inner_starts.sort()
        span = d.location.span
        found: int | None
        if d.code == "L203":
            found = self._by_span.get(span)
        elif d.code == "L204":
            found = self._by_inner.get(span)
        else:  # links do not nest: the last link text starting at or before the point
            at = bisect.bisect_right(self._inner_starts, ((span.line, span.column), len(self.links))) - 1
            found = self._inner_starts[at][1] if at >= 0 else None
            inner = self.links[found].inner if found is not None else None
            if inner is None or (span.line, span.column) >= (inner.end_line, inner.end_column):
                found = None
        return self.site(self.links[found], found) if found is not None else None

    def site(self, node: Node, index: int) -> _Site | None:
        """The raw offsets of a link, only when the text really holds ``[…]`` there."""
        if node.inner is None or node.attrs.get("autolink"):
            return None
        span, inner = node.span, node.inner
        at = [self.offset(span.line, span.column), self.offset(inner.line, inner.column),
              self.offset(inner.end_line, inner.end_column), self.offset(span.end_line, span.end_column)]
        if any(x is None for x in at):
            return None
        open_, text_start, text_end, end = (int(x) for x in at)  # type: ignore[arg-type]
        body = self.body
        if not (open_ + 1 == text_start <= text_end < end <= len(body)) or body[open_] != "[" \
                or body[text_end] != "]" or body[end - 1] not in ")]":
            return None
        return _Site(node, index, open_, text_start, text_end, end)

    def destination(self, site: _Site) -> tuple[int, int] | None:
        """Offsets of an inline link's destination (``<…>`` included), or None."""
        if site.node.attrs.get("reference") is not None or site.text_end + 1 >= len(self.body) \
                or self.body[site.text_end + 1] != "(":
            return None
        found = _destination(self.body, site.text_end + 1)
        return found if found is not None and found[1] <= site.end else None


def _links(nodes: Iterable[Node]) -> list[Node]:
    return [n for top in nodes for n in top.walk() if n.type in ("link", "image")]


# -- the fixers: (document, link, finding, source lookup) -> edits, or why not ----------------

# Edits and what they may change, or why the finding is left alone.
_Result = Union[Tuple[Tuple[TextEdit, ...], _Expect], str]


def _letter(ch: str) -> bool:
    """A character of a word that may move into a link: not ``_``, which can be markup."""
    return is_word_char(ch) and ch != "_"


def fix_split_word(doc: _Document, site: _Site, d: Diagnostic, _sources: SourceLookup) -> _Result:
    """L204: move the brackets to the edges of the word the link splits."""
    body = doc.body
    link = doc.skeleton_link(site.node.span)
    if link is None:
        return "the link is not in a block's text"
    starts, ends = splits_word(link)  # the rule's own judgement
    first, last = body[site.text_start : site.text_start + 1], body[site.text_end - 1 : site.text_end]
    before = body[site.open - 1] if site.open > 0 else ""
    after = body[site.end] if site.end < len(body) else ""
    if starts and not (_letter(first) and _letter(before)) or ends and not (_letter(last) and _letter(after)):
        return "the letters next to the brackets are not plain text"
    edits: list[TextEdit] = []
    if starts:
        i = site.open
        while i > 0 and _letter(body[i - 1]):
            i -= 1
        if i > 0 and body[i - 1] in "_\\":
            return "the word before the link holds markup"
        edits += [TextEdit(i, site.open, ""), TextEdit(site.text_start, site.text_start, body[i : site.open])]
    if ends:
        j = site.end
        while j < len(body) and _letter(body[j]):
            j += 1
        if j < len(body) and body[j] == "_":
            return "the word after the link holds markup"
        edits += [TextEdit(site.text_end, site.text_end, body[site.end : j]), TextEdit(site.end, j, "")]
    if not edits:
        return "the link does not split a word"
    if site.node.attrs.get("reference") is not None and body[site.text_end : site.end] in ("]", "][]"):
        return "a shortcut reference link: its text is its label"
    return tuple(edits), _Expect()


def fix_punctuation(doc: _Document, site: _Site, d: Diagnostic, _sources: SourceLookup) -> _Result:
    """L205: move the punctuation that ends the link text to just after the link."""
    body = doc.body
    k = site.text_end
    while k > site.text_start and body[k - 1] in _DELIMITERS:
        k -= 1
    r = k
    while r > site.text_start and body[r - 1] in PUNCTUATION:
        r -= 1
    if r == k:
        return "the punctuation is not plain text at the end of the link text"
    if body[r - 1] == "\\":
        return "the punctuation is escaped"
    s = r
    while s > site.text_start and body[s - 1] in _SPACE_BEFORE_MARK:
        s -= 1
    if not body[site.text_start : s].strip(_DELIMITERS + _SPACE_BEFORE_MARK):
        return "the link text would be empty"
    if site.node.attrs.get("reference") is not None and body[site.text_end : site.end] in ("]", "][]"):
        return "a shortcut reference link: its text is its label"
    if body.startswith(body[r:k], site.end):
        return (TextEdit(s, k, ""),), _Expect(dropped=k - s)  # already after the link: drop the copy
    # What follows may be a space, the end of the text, or closing emphasis (`*see [here.](…)*`)
    # followed by one of those.
    j = site.end
    while j < len(body) and body[j] in _DELIMITERS:
        j += 1
    if j < len(body) and not body[j].isspace():
        return f"the link is followed by {body[site.end]!r}, not by a space"
    return (TextEdit(s, k, ""), TextEdit(site.end, site.end, body[s:k])), _Expect()


def fix_url(doc: _Document, site: _Site, d: Diagnostic, sources: SourceLookup) -> _Result:
    """L203: restore the source link's URL when the translation's differs by a provable error."""
    where = doc.destination(site)
    if where is None:
        return "not an inline link with a destination"
    if d.source is None:
        return "no aligned source link"
    source = sources(d.source)
    if source is None:
        return "the aligned source link was not found"
    source_raw, source_url = source
    target_raw = doc.body[where[0] : where[1]]
    s_page, _ = _split_fragment(_bare(source_raw))
    t_page, t_fragment = _split_fragment(_bare(target_raw))
    if url_error(_unescape(s_page), _unescape(t_page)) is None:
        return "the URL may have been changed on purpose"
    new = s_page + t_fragment
    if any(c in new for c in "<>\n") or "\\" in new[-1:]:
        return "the restored URL cannot be written as a destination"
    if source_raw.startswith("<") or any(c.isspace() for c in new) or not _balanced(new):
        new = f"<{new}>"
    return (TextEdit(where[0], where[1], new),), _Expect(((site.index, source_url.partition("#")[0]),))


_FIXERS: dict[str, Callable[[_Document, _Site, Diagnostic, SourceLookup], _Result]] = {
    "L203": fix_url,
    "L204": fix_split_word,
    "L205": fix_punctuation,
}


# -- URLs ------------------------------------------------------------------------------------

_ABSOLUTE = re.compile(r"\A(https?)://([^/?#\s]+)(.*)\Z", re.I | re.S)
_PERCENT_SPACE = re.compile(r"%(?:20|09|0a|0d)", re.I)
_DELIMS = re.compile(r"[/?&=#;]")


def url_error(source: str, target: str) -> str | None:
    """Why ``target`` is a mistyped ``source`` (fragments already removed), or None.

    Only errors that cannot be a deliberate change are recognised, and only between absolute
    http(s) URLs with the same scheme and host (so ``es.wikipedia.org`` for
    ``en.wikipedia.org`` is never "fixed"):

    * ``stray whitespace``: the target is the source with whitespace (or ``%20``) inserted;
    * ``doubled slash``: the target's path is the source's with a ``/`` doubled;
    * ``trailing character``: one character that is not a letter, digit or ``/`` appended;
    * ``typo``: both split at ``/ ? & = ;`` into the same pattern, and exactly one piece
      differs, by an edit distance of 1 when the longer has 8 to 15 characters, 2 from 16 on
      (never in shorter pieces, where one letter makes another word: ``v1``/``v2``,
      ``2023``/``2024``, ``token``/``tokens``), and what differs is not a language code
      (``index.en.html``/``index.es.html``).

    And never when the target is the source in another language (``/en/…`` → ``/es/…``).
    """
    if source == target:
        return None
    s, t = _ABSOLUTE.match(source), _ABSOLUTE.match(target)
    if s is None or t is None or any(c.isspace() for c in source) or _PERCENT_SPACE.search(source):
        return None
    if canonical(source) == canonical(target) or _has_language(target, source):
        return None  # the same page in a language: a localized URL
    if re.sub(r"\s+", "", _PERCENT_SPACE.sub("", target)) == source:
        return "stray whitespace"
    if s.group(1).lower() != t.group(1).lower() or s.group(2).lower() != t.group(2).lower():
        return None
    s_rest, t_rest = s.group(3), t.group(3)
    s_path, t_path = s_rest.split("?", 1)[0], t_rest.split("?", 1)[0]
    if "//" not in s_path and "//" in t_path and re.sub("/{2,}", "/", t_path) + t_rest[len(t_path):] == s_rest:
        return "doubled slash"
    if len(target) == len(source) + 1 and target.startswith(source) and not target[-1].isalnum() \
            and target[-1] != "/":
        return "trailing character"
    s_parts, t_parts = _DELIMS.split(s_rest), _DELIMS.split(t_rest)
    if _DELIMS.findall(s_rest) != _DELIMS.findall(t_rest) or len(s_parts) != len(t_parts):
        return None
    differing = [(a, b) for a, b in zip(s_parts, t_parts) if a != b]
    if len(differing) != 1:
        return None
    a, b = differing[0]
    if _language_change(a, b):
        return None
    longest = max(len(a), len(b))
    budget = 2 if longest >= 16 else 1 if longest >= 8 else 0
    return "typo" if 1 <= Levenshtein.distance(a, b) <= budget else None


def _language_change(a: str, b: str) -> bool:
    """Is a piece, or the part of it that differs, a language code (``en-us``/``en-gb``,
    ``index.en.html``/``index.es.html``)?"""
    if is_lang_code(a) or is_lang_code(b):
        return True
    parts_a, parts_b = re.split(r"([-_.])", a), re.split(r"([-_.])", b)
    if len(parts_a) != len(parts_b):
        return False
    return any(x != y and (is_lang_code(x) or is_lang_code(y)) for x, y in zip(parts_a, parts_b))


def _has_language(target: str, source: str) -> bool:
    """Does the target hold a language segment or subdomain that the source does not?"""
    def langs(url: str) -> set[str]:
        m = _ABSOLUTE.match(url)
        if m is None:
            return set()
        host = m.group(2).split(".")
        found = {normalize_lang(host[0])} if len(host) > 2 and is_lang_code(host[0]) else set()
        path = re.split(r"[?#]", m.group(3), maxsplit=1)[0]
        return found | {normalize_lang(p) for p in path.split("/") if p and is_lang_code(p)}
    return bool(langs(target) - langs(source))


def _destination(text: str, paren: int) -> tuple[int, int] | None:
    """Offsets of the destination after ``(`` at ``paren``: ``<…>`` or a bare URL."""
    i = paren + 1
    while i < len(text) and text[i] in " \t":
        i += 1
    if i < len(text) and text[i] == "<":
        j = i + 1
        while j < len(text) and text[j] not in "<>\n":
            j += 2 if text[j] == "\\" else 1
        return (i, j + 1) if j < len(text) and text[j] == ">" else None
    j, depth = i, 0
    while j < len(text) and not text[j].isspace() and text[j] >= " ":
        ch = text[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                break
            depth -= 1
        j += 1
    j = min(j, len(text))
    return (i, j) if j > i else None


def _bare(raw: str) -> str:
    return raw[1:-1] if raw.startswith("<") and raw.endswith(">") else raw


def _split_fragment(raw: str) -> tuple[str, str]:
    """(page, ``#fragment``) of a raw destination; an escaped ``\\#`` is not a fragment."""
    i = 0
    while i < len(raw):
        if raw[i] == "\\":
            i += 2
            continue
        if raw[i] == "#":
            return raw[:i], raw[i:]
        i += 1
    return raw, ""


def _unescape(raw: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", raw)


def _balanced(url: str) -> bool:
    depth = 0
    for ch in _unescape(url):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


# -- applying and checking edits -------------------------------------------------------------

def _accept(doc: _Document, candidates: list[tuple[Diagnostic, tuple[TextEdit, ...], _Expect]],
            skipped: list[tuple[Diagnostic, str]]) -> list[tuple[Diagnostic, tuple[TextEdit, ...], _Expect]]:
    """The candidates whose edits neither overlap earlier ones nor change what they must not;
    the others go to ``skipped``."""
    chosen: list[tuple[Diagnostic, tuple[TextEdit, ...], _Expect]] = []
    taken: list[TextEdit] = []  # accepted edits, sorted; they never overlap one another

    def clashes(edit: TextEdit) -> bool:
        i = bisect.bisect_right(taken, TextEdit(edit.end, len(doc.body) + 1, ""))
        while i > 0 and taken[i - 1].end >= edit.start:
            i -= 1
            if edit.overlaps(taken[i]):
                return True
        return False

    for cand in candidates:
        if any(clashes(e) for e in cand[1]):
            skipped.append((cand[0], "overlaps another fix"))
        elif any("\n" in e.replacement or "\n" in doc.body[e.start : e.end] for e in cand[1]):
            skipped.append((cand[0], "the edit would cross a line break"))
        else:
            chosen.append(cand)
            for e in cand[1]:
                bisect.insort(taken, e)
    kept: list[tuple[Diagnostic, tuple[TextEdit, ...], _Expect]] = []

    def settle(group: list[tuple[Diagnostic, tuple[TextEdit, ...], _Expect]]) -> None:
        """Keep the group if it passes with what is kept; else halve it (few checks when
        only a few fixes fail, however many there are)."""
        if not group:
            return
        if _keeps_meaning(doc, [*kept, *group]):
            kept.extend(group)
        elif len(group) == 1:
            skipped.append((group[0][0], "the result would change the text or the links"))
        else:
            settle(group[: len(group) // 2])
            settle(group[len(group) // 2 :])

    settle(chosen)
    return kept


def _keeps_meaning(doc: _Document, chosen: list[tuple[Diagnostic, tuple[TextEdit, ...], _Expect]]) -> bool:
    """After the edits: the same blocks with the same plain text, the same links in the same
    order, and only the restored links pointing elsewhere (to their source URL)."""
    edits = sorted(e for _, es, _ in chosen for e in es)
    new_body = _apply(doc.body, edits)
    before, after = build_skeleton(doc.body).blocks, build_skeleton(new_body).blocks
    if len(before) != len(after):
        return False
    dropped = 0
    for old_block, new_block in zip(before, after):
        if _shape(old_block) != _shape(new_block):
            return False
        if old_block.text != new_block.text:
            removed = _removed_punctuation(old_block.text, new_block.text)
            if removed is None:
                return False
            dropped += removed
    if dropped != sum(expect.dropped for _, _, expect in chosen):
        return False
    old_links, new_links = doc.links, _links(parse(new_body))
    if len(old_links) != len(new_links):
        return False
    restored = {index: url for _, _, expect in chosen for index, url in expect.urls}
    for index, (old, new) in enumerate(zip(old_links, new_links)):
        old_url, new_url = str(old.attrs.get("url", "")), str(new.attrs.get("url", ""))
        if old.type != new.type:
            return False
        if index in restored:  # the source's page, the translation's own #fragment
            if new_url.partition("#")[0] != restored[index] or \
                    new_url.partition("#")[1:] != old_url.partition("#")[1:]:
                return False
        elif new_url != old_url:
            return False
    return True


def _shape(block: Block) -> tuple[str, int, int, int]:
    return block.kind, block.depth, block.level, len(block.links)


def _removed_punctuation(old: str, new: str) -> int | None:
    """How many characters ``new`` lacks, when it is ``old`` less some punctuation (or None)."""
    removed = 0
    for tag, i1, i2, _, _ in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag != "delete" or any(c not in PUNCTUATION + _SPACE_BEFORE_MARK for c in old[i1:i2]):
            return None
        removed += i2 - i1
    return removed


def _apply(text: str, edits: Sequence[TextEdit]) -> str:
    out, cursor = [], 0
    for e in sorted(edits):
        out.append(text[cursor : e.start])
        out.append(e.replacement)
        cursor = e.end
    out.append(text[cursor:])
    return "".join(out)


def _to_original(body: str, original: str, had_bom: bool, edits: Sequence[TextEdit]) -> list[TextEdit]:
    """The edits in offsets of the original text: same line, same column (line endings and a
    BOM do not move columns), checked against the original line's content."""
    body_starts = [0] + [m.end() for m in re.finditer("\n", body)]
    first = 1 if had_bom else 0
    orig_starts, orig_ends = [first], []
    for m in _LINE_BREAK.finditer(original):
        orig_ends.append(m.start())
        orig_starts.append(m.end())
    orig_ends.append(len(original))
    if len(orig_starts) != len(body_starts):
        raise FixError("line count differs between the file and its decoded text")

    def at(offset: int) -> int:
        line = bisect.bisect_right(body_starts, offset) - 1
        body_end = body_starts[line + 1] - 1 if line + 1 < len(body_starts) else len(body)
        if body[body_starts[line] : body_end] != original[orig_starts[line] : orig_ends[line]]:
            raise FixError(f"line {line + 1} differs between the file and its decoded text")
        return orig_starts[line] + offset - body_starts[line]

    return [TextEdit(at(e.start), at(e.end), e.replacement) for e in edits]


# -- source links (read, never written) ------------------------------------------------------

class _Sources:
    """Raw destinations of source links by position; each source file is read once."""

    def __init__(self) -> None:
        self.docs: dict[str, _Document | None] = {}

    def link_at(self, where: Location) -> tuple[str, str] | None:
        if where.path not in self.docs:
            self.docs[where.path] = None
            try:
                with open(where.path, "rb") as handle:
                    text = decode(handle.read())
                if isinstance(text, Text):
                    self.docs[where.path] = _Document(text.body)
            except OSError:
                pass
        doc = self.docs[where.path]
        if doc is None:
            return None
        for index, node in enumerate(doc.links):
            if node.type == "link" and node.span == where.span:
                site = doc.site(node, index)
                found = doc.destination(site) if site is not None else None
                return (doc.body[found[0] : found[1]], str(node.attrs.get("url", ""))) if found else None
        return None


# -- diff helpers ----------------------------------------------------------------------------

def _lines(text: str) -> list[str]:
    """Lines as diff and patch tools see them: ended by ``\n`` (a ``\r`` before it stays in
    the line; a file with ``\r`` line endings only is one line to them, so it is one here)."""
    pieces = text.split("\n")
    lines = [piece + "\n" for piece in pieces[:-1]]
    if pieces[-1]:
        lines.append(pieces[-1])
    return lines


def _diff_label(path: str) -> str:
    if os.path.isabs(path):
        relative = os.path.relpath(path)
        path = relative if not relative.startswith("..") else path.lstrip("/\\")
    return path.replace(os.sep, "/")


def diff(fixes: Iterable[FileFix]) -> str:
    """One unified diff for several files, in path order."""
    return "".join(f.diff() for f in sorted(fixes, key=lambda f: f.path))


__all__ = ["FileFix", "FixError", "TextEdit", "diff", "fix_bytes", "fixable_codes", "plan",
           "url_error", "write"]
