"""Glossary files -> protected terms and forbidden terms, whatever format the team keeps.

Terminology usually lives outside the docs repository, in the format of the tool that manages
it: a spreadsheet (CSV), a termbase export (TBX, ISO 30042) or l10ncheck's own TOML. All three
become the same :class:`GlossaryEntry` records, so the rules never care where a term came from:

* a **do-not-translate** entry must stay verbatim in every translation (its approved forms
  per language are accepted alternatives): it becomes a protected :class:`GlossaryTerm`;
* a **translatable** entry with approved translations must appear, in each language that has
  approved forms, as one of them where the source has the term (checked like a protected term,
  but only in those languages: see :func:`terms_for`);
* a **forbidden** entry (a deprecated or superseded name) must not appear in translations:
  it becomes a :class:`ForbiddenTerm`, with the preferred replacement to suggest.

Reading never raises anything but :class:`~l10ncheck.terms.GlossaryError` (with file, line
and what is wrong) on a malformed file: a broken glossary is a configuration error, reported
in one line, never a traceback.

TBX is XML, and XML can smuggle entity expansion ("billion laughs") or external entities
(reading local files). The TBX reader uses the standard library's expat parser and refuses
any entity declaration or DTD internal subset; an external DTD reference
(``<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">``, which real TBX-Basic exports
carry) is accepted and never fetched. No third-party XML library is needed.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from xml.parsers import expat

from l10ncheck.languages import is_lang_code, normalize_lang
from l10ncheck.terms import GlossaryError, Term, occurrences, parse_glossary

__all__ = [
    "FORMATS",
    "ForbiddenHit",
    "ForbiddenTerm",
    "GlossaryEntry",
    "GlossaryError",
    "GlossaryFileError",
    "GlossaryTerm",
    "approved_forms",
    "find_forbidden",
    "forbidden_terms",
    "load_glossary",
    "read_glossary",
    "terms_for",
    "to_terms",
]

FORMATS = (".toml", ".csv", ".tsv", ".tbx")


class GlossaryFileError(GlossaryError):
    """A glossary file is malformed: ``path:line: reason`` (line 0 when unknown).

    A subclass of :class:`~l10ncheck.terms.GlossaryError`, so callers that catch that keep
    working; the separate fields let an editor integration jump to the line.
    """

    def __init__(self, path: str, line: int, reason: str) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        super().__init__(f"{path}:{line}: {reason}" if line else f"{path}: {reason}")


# --------------------------------------------------------------------------------------
# The model.


@dataclass(frozen=True)
class GlossaryEntry:
    """One glossary record, in any format.

    ``approved`` maps a language to its approved forms: accepted alternatives for a
    do-not-translate term, the required translations for a translatable one, the forms to use
    instead for a forbidden one. ``replacement`` is the form to use instead of a forbidden term
    in languages without an approved form; ``langs`` limits a forbidden term to some languages
    (empty: every translation). ``status`` says why a term is forbidden (``forbidden``,
    ``deprecated``, ``superseded``); ``origin`` is ``file:line`` for messages.
    """

    term: str
    translatable: bool = False
    forbidden: bool = False
    case_sensitive: bool = True
    approved: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    replacement: str | None = None
    langs: tuple[str, ...] = ()
    status: str = ""
    origin: str = ""


@dataclass(frozen=True)
class GlossaryTerm(Term):
    """A protected :class:`~l10ncheck.terms.Term` from a glossary file, which knows whether
    it is translated.

    The rules only read ``Term.forms(lang)``, so the glossary's meaning is expressed there
    instead of in every rule: for a translatable term, the approved forms of a language are
    its only accepted forms (the untranslated source word is not one of them); for a
    do-not-translate term, the term itself or an approved alternative. Approved forms keyed by
    a bare language (``pt``) also serve its regional variants (``pt-br``), and the other way
    round, because glossaries and sites rarely spell locales alike.
    """

    learned: bool = False
    translatable: bool = False

    def _key(self) -> tuple[object, ...]:
        allowed = tuple(sorted((lang, tuple(forms)) for lang, forms in self.allowed.items()))
        return (self.text, allowed, self.learned, self.case_sensitive, self.translatable)

    # Unlike Term, equality and hash include the approved forms: terms.py caches its matcher
    # per tuple of terms, and two glossaries with the same words but other forms must not
    # share one.
    def __eq__(self, other: object) -> bool:
        return isinstance(other, GlossaryTerm) and type(other) is type(self) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def forms(self, lang: str) -> tuple[str, ...]:
        approved = approved_forms(self.allowed, lang)
        if self.translatable and approved:
            return approved
        return (self.text, *(form for form in approved if form != self.text))


@dataclass(frozen=True)
class ForbiddenTerm:
    """A name that must not appear in translations, and what to write instead.

    ``langs`` empty means every translation. ``replacements`` holds the form to suggest per
    language, ``replacement`` the suggestion for the other languages (``None``: unknown).
    """

    text: str
    langs: tuple[str, ...] = ()
    replacement: str | None = None
    replacements: tuple[tuple[str, str], ...] = ()
    case_sensitive: bool = True
    status: str = "forbidden"  # forbidden | deprecated | superseded
    origin: str = ""

    def applies_to(self, lang: str) -> bool:
        return not self.langs or any(_same_language(lang, other) for other in self.langs)

    def suggestion(self, lang: str) -> str | None:
        """The form to write instead in ``lang``, if the glossary says."""
        by_lang = dict(self.replacements)
        lang = normalize_lang(lang)
        for key in _lookup_keys(lang, by_lang):
            return by_lang[key]
        return self.replacement


@dataclass(frozen=True)
class ForbiddenHit:
    """A forbidden term found in a translated text: offsets into the text, and the term."""

    start: int
    end: int
    term: ForbiddenTerm


def approved_forms(approved: Mapping[str, tuple[str, ...]], lang: str) -> tuple[str, ...]:
    """Approved forms for ``lang``: its own, else those of its bare language or regional
    variants (``pt`` for ``pt-br``; ``de-de`` for ``de``)."""
    lang = normalize_lang(lang)
    forms: list[str] = []
    for key in _lookup_keys(lang, approved):
        forms += [f for f in approved[key] if f not in forms]
    return tuple(forms)


def _lookup_keys(lang: str, table: Mapping[str, object]) -> list[str]:
    if lang in table:
        return [lang]
    primary = lang.split("-", 1)[0]
    if primary != lang and primary in table:
        return [primary]
    return sorted(k for k in table if k.split("-", 1)[0] == lang)


def _same_language(a: str, b: str) -> bool:
    a, b = normalize_lang(a), normalize_lang(b)
    return a == b or a.startswith(b + "-") or b.startswith(a + "-")


# --------------------------------------------------------------------------------------
# From entries to what the rules read.


def to_terms(entries: Iterable[GlossaryEntry]) -> tuple[GlossaryTerm, ...]:
    """The protected terms: every entry that is not forbidden, in file order.

    Entries with the same text (homonyms in a termbase) merge: their approved forms are
    pooled, and the term stays verbatim if any of them says so. A translatable entry without
    approved forms is kept too: it checks nothing (see :func:`terms_for`) but tells term
    learning that the glossary knows this word is translated.
    """
    merged: dict[str, GlossaryTerm] = {}
    for entry in entries:
        if entry.forbidden:
            continue
        known = merged.get(entry.term)
        if known is None:
            merged[entry.term] = GlossaryTerm(
                entry.term, dict(entry.approved), case_sensitive=entry.case_sensitive,
                translatable=entry.translatable)
            continue
        allowed = {lang: tuple(forms) for lang, forms in known.allowed.items()}
        for lang, forms in entry.approved.items():
            allowed[lang] = allowed.get(lang, ()) + tuple(f for f in forms if f not in allowed.get(lang, ()))
        merged[entry.term] = GlossaryTerm(
            entry.term, allowed, case_sensitive=known.case_sensitive and entry.case_sensitive,
            translatable=known.translatable and entry.translatable)
    return tuple(merged.values())


def terms_for(terms: Sequence[Term], lang: str) -> tuple[Term, ...]:
    """The terms that apply to one translation language.

    A translatable glossary term only binds the languages it has approved translations for;
    elsewhere the translator's own wording is right, so the term is dropped. Every other term
    (learned, TOML, do-not-translate) applies to every language.
    """
    kept = tuple(
        t for t in terms
        if not (isinstance(t, GlossaryTerm) and t.translatable and not approved_forms(t.allowed, lang))
    )
    # The very same tuple when nothing is dropped: what rules derive from a source block
    # under these terms is then reused for every language.
    return terms if len(kept) == len(terms) and isinstance(terms, tuple) else kept


def forbidden_terms(entries: Iterable[GlossaryEntry]) -> tuple[ForbiddenTerm, ...]:
    """The forbidden terms, in file order (exact duplicates dropped)."""
    found: dict[ForbiddenTerm, None] = {}
    for entry in entries:
        if not entry.forbidden:
            continue
        replacements = tuple(sorted((lang, forms[0]) for lang, forms in entry.approved.items() if forms))
        found.setdefault(ForbiddenTerm(
            entry.term, entry.langs, entry.replacement, replacements,
            entry.case_sensitive, entry.status or "forbidden", entry.origin), None)
    return tuple(found)


def find_forbidden(forbidden: Sequence[ForbiddenTerm], source_text: str, target_text: str,
                   lang: str) -> tuple[ForbiddenHit, ...]:
    """Forbidden terms in a translated block beyond what its source block has.

    The source may name a deprecated term on purpose ("BNB Smart Chain, formerly Binance Smart
    Chain"), and its translation then rightly keeps it: only occurrences beyond the source's
    count are drift. Which ones: each source occurrence excuses the target occurrence nearest
    to it in relative position (word order moves, but not across the whole block), and the
    rest are reported. A hit inside the term's own replacement
    ("Smart Chain" forbidden, "BNB Smart Chain" preferred) is not one; longer terms win
    overlaps.
    """
    hits: list[ForbiddenHit] = []
    taken: list[tuple[int, int]] = []
    for term in sorted(forbidden, key=lambda t: (-len(t.text), t.text)):
        if not term.applies_to(lang):
            continue
        found = occurrences(term.text, target_text, term.case_sensitive)
        if not found:
            continue
        suggestion = term.suggestion(lang)
        if suggestion:
            cover = occurrences(suggestion, target_text, term.case_sensitive)
            found = [(s, e) for s, e in found if not any(a <= s and e <= b for a, b in cover)]
        found = [(s, e) for s, e in found if not any(s < b and a < e for a, b in taken)]
        excused = _nearest(occurrences(term.text, source_text, term.case_sensitive), len(source_text),
                           found, len(target_text))
        for i, (start, end) in enumerate(found):
            if i not in excused:
                hits.append(ForbiddenHit(start, end, term))
                taken.append((start, end))
    return tuple(sorted(hits, key=lambda h: (h.start, h.end, h.term.text)))


def _nearest(source: list[tuple[int, int]], source_length: int,
             target: list[tuple[int, int]], target_length: int) -> set[int]:
    """Indices of the target spans matched one to one with source spans, closest relative
    positions first."""
    def where(span: tuple[int, int], length: int) -> float:
        return span[0] / max(length, 1)

    pairs = sorted(
        (abs(where(s, source_length) - where(t, target_length)), j, i)
        for j, s in enumerate(source) for i, t in enumerate(target)
    )
    used_source: set[int] = set()
    matched: set[int] = set()
    for _, j, i in pairs:
        if j not in used_source and i not in matched:
            used_source.add(j)
            matched.add(i)
    return matched


# --------------------------------------------------------------------------------------
# Reading files.


def load_glossary(path: str, text: str | bytes, source_lang: str = "en") -> tuple[Term, ...]:
    """The protected terms of a glossary file (``.toml``, ``.csv``, ``.tsv`` or ``.tbx``).

    ``text`` is the file's content; pass bytes for TBX so the XML declaration's encoding is
    honoured. Forbidden terms need :func:`read_glossary` and :func:`forbidden_terms`.
    """
    return to_terms(read_glossary(path, text, source_lang))


def read_glossary(path: str, text: str | bytes, source_lang: str = "en") -> tuple[GlossaryEntry, ...]:
    """Every entry of a glossary file, dispatching on the file's extension.

    ``source_lang`` picks the source-language terms of a multilingual TBX termbase; CSV and
    TOML glossaries list source terms only.
    """
    ext = os.path.splitext(path)[1].lower()
    try:
        if ext == ".toml":
            return _read_toml(path, _decode(path, text))
        if ext in (".csv", ".tsv"):
            return _read_csv(path, _decode(path, text), "\t" if ext == ".tsv" else None)
        if ext == ".tbx":
            return _read_tbx(path, text, normalize_lang(source_lang))
    except GlossaryError:
        raise
    except (ValueError, RecursionError, csv.Error) as exc:
        # Last line of defence: a malformed file is a GlossaryError, whatever tripped.
        raise GlossaryFileError(path, 0, f"cannot read glossary: {exc}") from None
    shown = ext or "no extension"
    raise GlossaryFileError(path, 0, f"unknown glossary format ({shown}); use {', '.join(FORMATS)}")


def _decode(path: str, text: str | bytes) -> str:
    """Text of a CSV or TOML glossary: UTF-8 with or without BOM, or UTF-16 with a BOM
    (spreadsheets save "Unicode text" that way)."""
    if isinstance(text, str):
        return text.removeprefix("\ufeff")
    if text.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return text.decode("utf-16")
        except UnicodeDecodeError:
            raise GlossaryFileError(path, 0, "invalid UTF-16") from None
    try:
        return text.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = text.count(b"\n", 0, exc.start) + 1
        raise GlossaryFileError(
            path, line, f"invalid UTF-8 (byte 0x{text[exc.start:exc.start + 1].hex()}); save the file as UTF-8"
        ) from None


def _read_toml(path: str, text: str) -> tuple[GlossaryEntry, ...]:
    return tuple(
        GlossaryEntry(t.text, approved=dict(t.allowed), case_sensitive=t.case_sensitive, origin=path)
        for t in parse_glossary(text, path)
    )


# -- CSV -------------------------------------------------------------------------------

_TRUE = frozenset({"yes", "y", "true", "t", "1", "x"})
_FALSE = frozenset({"no", "n", "false", "f", "0"})
_FLAGS = {"translatable": False, "forbidden": False, "case_sensitive": True}
# Columns people keep for translators; read past, never mistaken for a language.
_NOTES = frozenset({
    "note", "notes", "comment", "comments", "description", "definition", "context",
    "part_of_speech", "pos", "domain", "usage",
})
_FORM_SEPARATOR = re.compile(r"[|;]")


def _read_csv(path: str, text: str, delimiter: str | None) -> tuple[GlossaryEntry, ...]:
    """CSV with a header row: ``term`` (required), ``translatable``, ``forbidden``,
    ``case_sensitive``, ``replacement``, note columns, and one column per language.

    The delimiter is a comma, or what the header uses (``;`` from spreadsheets in locales
    that write decimal commas, or a tab).
    """
    if delimiter is None:
        header_line = text.split("\n", 1)[0]
        delimiter = "\t" if "\t" in header_line else "," if "," in header_line else ";" if ";" in header_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    last = 0
    try:
        for row in reader:
            rows.append((last + 1, row))
            last = reader.line_num
    except csv.Error as exc:
        raise GlossaryFileError(path, last + 1, f"malformed CSV: {exc}") from None
    rows = [(line, row) for line, row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise GlossaryFileError(path, 1, "empty CSV glossary: it needs a header row with a 'term' column")
    header_at, header = rows[0]
    columns = _csv_columns(path, header_at, header)
    entries: list[GlossaryEntry] = []
    seen: dict[tuple[str, bool], int] = {}
    for line, row in rows[1:]:
        extra = [cell for cell in row[len(columns):] if cell.strip()]
        if extra:
            raise GlossaryFileError(path, line, f"row has {len(row)} cells, the header has {len(columns)}")
        cells = {name: row[i].strip() if i < len(row) else "" for i, name in enumerate(columns) if name}
        term = " ".join(cells.get("term", "").split())
        if not term:
            raise GlossaryFileError(path, line, "row has no term (the 'term' cell is empty)")
        flags = {name: _flag(path, line, name, cells.get(name, ""), default) for name, default in _FLAGS.items()}
        approved: dict[str, tuple[str, ...]] = {}
        for name, value in cells.items():
            if name.startswith("lang:"):
                forms = _forms(value)
                if forms:
                    approved[name[5:]] = forms
        key = (term, flags["forbidden"])
        if key in seen:
            raise GlossaryFileError(path, line, f"duplicate term {term!r} (first at line {seen[key]})")
        seen[key] = line
        replacement = " ".join(cells.get("replacement", "").split()) or None
        if replacement and not flags["forbidden"]:
            raise GlossaryFileError(path, line, "'replacement' is only for forbidden terms (forbidden = yes)")
        entries.append(GlossaryEntry(
            term, translatable=flags["translatable"] and not flags["forbidden"],
            forbidden=flags["forbidden"], case_sensitive=flags["case_sensitive"], approved=approved,
            replacement=replacement, status="forbidden" if flags["forbidden"] else "",
            origin=f"{path}:{line}",
        ))
    return tuple(entries)


def _csv_columns(path: str, line: int, header: list[str]) -> list[str]:
    """Normalized column names: known columns, ``lang:<code>``, or ``""`` for note columns."""
    columns: list[str] = []
    for raw in header:
        name = re.sub(r"[\s\-]+", "_", raw.strip().lstrip("\ufeff").strip().lower())
        if name in ("term", "replacement", *_FLAGS):
            column = name
        elif name in _NOTES:
            column = ""
        elif is_lang_code(name.replace("_", "-")):
            column = "lang:" + normalize_lang(name)
        elif not name:
            raise GlossaryFileError(path, line, f"column {len(columns) + 1} has no name")
        else:
            known = "term, translatable, forbidden, case_sensitive, replacement"
            raise GlossaryFileError(
                path, line, f"unknown column {raw.strip()!r}: expected {known}, a note column or a language code")
        if column and column in columns:
            raise GlossaryFileError(path, line, f"column {raw.strip()!r} appears twice")
        columns.append(column)
    if "term" not in columns:
        raise GlossaryFileError(path, line, "the header has no 'term' column")
    return columns


def _flag(path: str, line: int, name: str, value: str, default: bool) -> bool:
    word = value.strip().lower()
    if not word:
        return default
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise GlossaryFileError(path, line, f"column {name!r}: expected yes/no, true/false or 1/0, got {value!r}")


def _forms(value: str) -> tuple[str, ...]:
    forms: list[str] = []
    for part in _FORM_SEPARATOR.split(value):
        form = " ".join(part.split())
        if form and form not in forms:
            forms.append(form)
    return tuple(forms)


# -- TBX -------------------------------------------------------------------------------

_XML_LANG = "http://www.w3.org/XML/1998/namespace\x1flang"
_ENTRY_TAGS = frozenset({"termEntry", "conceptEntry"})
_LANG_TAGS = frozenset({"langSet", "langSec"})
_TERM_TAGS = frozenset({"tig", "ntig", "termSec"})
# Elements whose ``type`` attribute names the data category (DCA style, TBX 2008 and v3).
_TYPED_TAGS = frozenset({"termNote", "descrip", "admin", "note", "transacNote", "termCompList"})
_STATUS_KEYS = frozenset({"administrativestatus", "normativeauthorization", "usagestatus", "termstatus", "status"})
_STATUS_VALUES = {
    "deprecated": "deprecated", "deprecatedterm": "deprecated", "notrecommended": "deprecated",
    "superseded": "superseded", "supersededterm": "superseded", "obsolete": "superseded",
    "forbidden": "forbidden", "forbiddenterm": "forbidden", "prohibited": "forbidden", "donotuse": "forbidden",
    "preferred": "preferred", "preferredterm": "preferred",
}
_TRANSLATE_KEYS = frozenset({"translationneeded", "translatable", "translationnote"})
_DNT_KEYS = frozenset({"donottranslate", "dnt", "untranslatable", "nottranslatable"})
_DNT_TEXT = re.compile(
    r"^\s*(?:translation\s*needed\s*[:=]?\s*(?:no|false)|do\s*not\s*translate|don'?t\s*translate|dnt)\s*\.?\s*$",
    re.IGNORECASE,
)


class _Node:
    """A parsed XML element: local name, attributes, text, children and its line."""

    __slots__ = ("attrs", "children", "chunks", "line", "tag")

    def __init__(self, tag: str, attrs: dict[str, str], line: int) -> None:
        self.tag = tag
        self.attrs = attrs
        self.line = line
        self.children: list[_Node] = []
        self.chunks: list[str | _Node] = []

    def text(self) -> str:
        """All text inside, whitespace collapsed (``<term>Smart <hi>Chain</hi></term>``)."""
        parts: list[str] = []
        stack: list[str | _Node] = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                parts.append(item)
            else:
                stack.extend(reversed(item.chunks))
        return " ".join("".join(parts).split())

    def iter(self) -> Iterator[_Node]:
        """This element and all below it, in document order (no recursion: depth is free)."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


def _local(name: str) -> str:
    return name.rsplit("\x1f", 1)[-1]


def _parse_xml(path: str, data: str | bytes) -> _Node:
    """Well-formed XML -> a tree of :class:`_Node`, refusing entity tricks.

    expat is the standard library's parser; it never fetches an external DTD, and the
    handlers below reject every entity declaration or DTD internal subset (entity expansion
    bombs, external entities reading local files) and every entity the document does not
    define itself.
    """
    parser = expat.ParserCreate(namespace_separator="\x1f")
    parser.buffer_text = True
    stack: list[_Node] = []
    roots: list[_Node] = []

    def refuse(reason: str) -> None:
        raise GlossaryFileError(path, parser.CurrentLineNumber, reason)

    def start(name: str, attrs: dict[str, str]) -> None:
        node = _Node(_local(name), {("xml:lang" if k == _XML_LANG else _local(k)): v for k, v in attrs.items()},
                     parser.CurrentLineNumber)
        if stack:
            stack[-1].children.append(node)
            stack[-1].chunks.append(node)
        else:
            roots.append(node)
        stack.append(node)

    def end(name: str) -> None:
        stack.pop()

    def chars(data: str) -> None:
        if stack:
            stack[-1].chunks.append(data)

    def doctype(name: str, system_id: str | None, public_id: str | None, internal_subset: int) -> None:
        if internal_subset:
            refuse("the DOCTYPE declares an internal DTD subset; l10ncheck refuses it for safety"
                   " (entity expansion); remove the [...] part")

    def entity(name: str, *args: object) -> None:
        refuse(f"the document declares entity {name!r}; l10ncheck refuses entity declarations for safety")

    def skipped(name: str, is_parameter_entity: int) -> None:
        refuse(f"undefined entity &{name};")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = entity
    parser.SkippedEntityHandler = skipped
    parser.ExternalEntityRefHandler = lambda *args: refuse("external entities are not allowed")  # type: ignore[assignment]
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise GlossaryFileError(path, exc.lineno, f"not well-formed XML: {expat.ErrorString(exc.code)}"
                                                  f" (column {exc.offset + 1})") from None
    if not roots:
        raise GlossaryFileError(path, 1, "no XML element found")
    return roots[0]


@dataclass(frozen=True)
class _TbxTerm:
    text: str
    lang: str
    status: str  # preferred | admitted | deprecated | superseded | forbidden
    line: int


def _read_tbx(path: str, data: str | bytes, source_lang: str) -> tuple[GlossaryEntry, ...]:
    """TBX (ISO 30042): TBX-Basic and TBX-Core, 2008 (``martif``/``termEntry``/``langSet``/
    ``tig``) and v3 (``tbx``/``conceptEntry``/``langSec``/``termSec``), DCA style
    (``<termNote type="administrativeStatus">``) or DCT style (``<basic:administrativeStatus>``).

    Each concept yields one entry per usable source-language term. The concept is
    do-not-translate when it carries a "translation needed: no" marker (see :func:`_dnt`);
    otherwise it is translatable, with the other languages' usable terms as approved
    translations. Deprecated, superseded or forbidden terms become forbidden entries: in every
    translation for a source-language term, in their own language otherwise.
    """
    if isinstance(data, str) and data.startswith("\ufeff"):
        data = data[1:]
    root = _parse_xml(path, data)
    if root.tag not in ("martif", "tbx"):
        raise GlossaryFileError(path, root.line, f"not TBX: the root element is <{root.tag}>, expected <martif> or <tbx>")
    concepts = [node for node in root.iter() if node.tag in _ENTRY_TAGS]
    if not concepts:
        raise GlossaryFileError(path, root.line, "no <termEntry> or <conceptEntry> found")
    if not any(_same_language(source_lang, normalize_lang(n.attrs.get("xml:lang", "")))
               for c in concepts for n in c.iter() if n.tag in _LANG_TAGS):
        document_lang = normalize_lang(root.attrs.get("xml:lang", ""))
        if document_lang:  # a termbase in another source language: trust its own declaration
            source_lang = document_lang
    entries: list[GlossaryEntry] = []
    for concept in concepts:
        entries += _concept_entries(path, concept, source_lang)
    return tuple(entries)


def _concept_entries(path: str, concept: _Node, source_lang: str) -> list[GlossaryEntry]:
    terms: list[_TbxTerm] = []
    for lang_node in (n for n in concept.iter() if n.tag in _LANG_TAGS):
        lang = normalize_lang(lang_node.attrs.get("xml:lang", ""))
        if not lang:
            raise GlossaryFileError(path, lang_node.line, f"<{lang_node.tag}> has no xml:lang")
        for holder in (n for n in lang_node.iter() if n.tag in _TERM_TAGS):
            term_node = next((n for n in holder.iter() if n.tag == "term"), None)
            text = term_node.text() if term_node is not None else ""
            if not text:
                raise GlossaryFileError(path, (term_node or holder).line, f"<{holder.tag}> has no term text")
            terms.append(_TbxTerm(text, lang, _status(holder), term_node.line if term_node else holder.line))
    dnt = _dnt(concept)
    usable = [t for t in terms if t.status in ("preferred", "admitted")]
    # Preferred terms first: the first usable term of a language is what to suggest.
    usable.sort(key=lambda t: t.status != "preferred")
    sources = [t for t in usable if _same_language(t.lang, source_lang)]
    approved: dict[str, tuple[str, ...]] = {}
    for t in usable:
        if not _same_language(t.lang, source_lang) and t.text not in approved.get(t.lang, ()):
            approved[t.lang] = approved.get(t.lang, ()) + (t.text,)
    source_preferred = sources[0].text if sources else None
    entries: list[GlossaryEntry] = []
    for t in sources:
        if any(e.term == t.text for e in entries):
            continue
        entries.append(GlossaryEntry(t.text, translatable=not dnt, approved=approved, origin=f"{path}:{t.line}"))
    for t in terms:
        if t.status in ("preferred", "admitted"):
            continue
        if _same_language(t.lang, source_lang):
            entries.append(GlossaryEntry(
                t.text, forbidden=True, approved={k: v[:1] for k, v in approved.items()},
                replacement=source_preferred, status=t.status, origin=f"{path}:{t.line}"))
        else:
            own = approved.get(t.lang, ())
            entries.append(GlossaryEntry(
                t.text, forbidden=True, langs=(t.lang,), approved={t.lang: own[:1]} if own else {},
                replacement=own[0] if own else source_preferred if dnt else None,
                status=t.status, origin=f"{path}:{t.line}"))
    return entries


def _category(node: _Node) -> str | None:
    """The data category a node carries (``administrativestatus``…), normalized, if any."""
    if node.tag in _TYPED_TAGS:
        kind = node.attrs.get("type")
        return _norm(kind) if kind else None
    return _norm(node.tag)  # DCT style: <basic:administrativeStatus>


def _norm(value: str) -> str:
    return re.sub(r"[\s_\-:.]+", "", value.lower())


def _status(holder: _Node) -> str:
    """A term's usage status; anything unknown or absent is "admitted" (usable)."""
    for node in holder.iter():
        if _category(node) in _STATUS_KEYS:
            value = _norm(node.text()).removesuffix("admnsts")
            return _STATUS_VALUES.get(value, "admitted")
    return "admitted"


def _dnt(concept: _Node) -> bool:
    """Whether a concept is marked do-not-translate, in any of the encodings tools write:

    * ``<termNote type="translationNeeded">No</termNote>`` (or ``descrip``/``admin``);
    * ``<descrip type="Translation needed">No</descrip>`` (Weblate, Translate Toolkit);
    * ``<descrip type="…">Translation needed: No</descrip>`` or a note "Do not translate";
    * ``<… type="doNotTranslate">Yes</…>`` and DCT-style elements of the same names.

    A marker anywhere in the concept (concept, language or term level) counts for the concept:
    tools put it at different levels, and a name is either kept or translated.
    """
    for node in concept.iter():
        if node.tag in _LANG_TAGS or node.tag in _TERM_TAGS or node.tag == "term":
            continue
        category = _category(node)
        value = _norm(node.text())
        if category in _TRANSLATE_KEYS and value in ("no", "false", "0", "n"):
            return True
        if category in _DNT_KEYS and value in ("yes", "true", "1", "y"):
            return True
        if node.tag in _TYPED_TAGS and not node.children and _DNT_TEXT.match(node.text()):
            return True
    return False


@dataclass(frozen=True)
class Glossary:
    """What a run's glossary file contributes: protected terms and forbidden ones."""

    terms: tuple[Term, ...] = ()
    forbidden: tuple[ForbiddenTerm, ...] = ()

    @staticmethod
    def read(path: str, data: str | bytes, source_lang: str = "en") -> Glossary:
        entries = read_glossary(path, data, source_lang)
        return Glossary(to_terms(entries), forbidden_terms(entries))
