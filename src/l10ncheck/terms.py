"""Protected terms: names that must stay as they are in every language.

Terms come from a glossary (see :func:`parse_glossary`) or are learned from the article
itself. A learned term is a name written in the source (a run of capitalized, camel-case,
digit-bearing or dotted words such as "BNB Smart Chain", "MetaMask", "binance.us") that the
translations keep verbatim (a name of several words: hyphenated or in another case too) in
most of the blocks aligned to source blocks holding it. The evidence is counted over every
(block, language) pair, so one translator renaming a product everywhere does not outvote the
others, and a word that translators do translate ("The", "Note") never becomes a term.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from l10ncheck.align import Alignment
from l10ncheck.skeleton import Block, Skeleton

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# A word that looks like a name: starts with a Latin letter or digit (or a dot before a capital,
# ".NET") and holds an upper-case letter, a digit or an inner dot ("MetaMask", "BNB", "BEP20",
# "binance.us", "Binance").
_WORD = re.compile(r"(?:(?<![\w.])\.(?=[A-Z]))?[A-Za-z0-9][A-Za-z0-9]*(?:[.\-'’][A-Za-z0-9]+)*")
_LOWER_WORD = re.compile(r"(?<![\w.\-])[a-z][a-z0-9]*(?![\w]|[.\-]\w)")
MAX_WORDS = 5
MAX_CANDIDATES = 400
MIN_EVIDENCE = 2
MIN_KEPT_SHARE = 0.6
# A lone short acronym ("GET", "TLS") or a lone capitalized word ("Application") is often an
# ordinary word of the language or sample text, so translators must keep it more consistently.
MIN_KEPT_SHARE_PLAIN = 0.8


@dataclass(frozen=True)
class Term:
    """A protected term; ``allowed`` holds accepted forms per language (besides the term)."""

    text: str
    allowed: Mapping[str, tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False)
    learned: bool = True
    case_sensitive: bool = True
    # Learned terms: (script, language) of each translation that kept the term verbatim
    # somewhere in the article (see :func:`script`).
    kept_in: frozenset[tuple[str, str]] = field(default=frozenset(), compare=False, hash=False)

    def kept_by_other(self, script_: str, lang: str) -> bool:
        """Did a translation other than ``lang``, written in ``script_``, keep the term?"""
        return any(s == script_ and other != lang for s, other in self.kept_in)

    def forms(self, lang: str) -> tuple[str, ...]:
        return (self.text, *self.allowed.get(lang, ()))


class GlossaryError(ValueError):
    pass


def parse_glossary(text: str, origin: str = "glossary") -> tuple[Term, ...]:
    """Read a TOML glossary::

        [[term]]
        text = "BNB Smart Chain"          # must stay verbatim
        allowed = { ru = ["Смарт-чейн BNB"] }  # optional: accepted forms per language
        case-sensitive = true             # optional, default true

    A plain list is also accepted: ``terms = ["MetaMask", "BNB Smart Chain"]``.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise GlossaryError(f"{origin}: {exc}") from None
    terms: list[Term] = []
    for item in data.get("terms", []):
        if not isinstance(item, str) or not item.strip():
            raise GlossaryError(f"{origin}: 'terms' must be a list of non-empty strings")
        terms.append(Term(item.strip(), learned=False))
    for i, entry in enumerate(data.get("term", []), 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
            raise GlossaryError(f"{origin}: [[term]] #{i} needs text = \"...\"")
        allowed_raw = entry.get("allowed", {})
        if not isinstance(allowed_raw, dict):
            raise GlossaryError(f"{origin}: [[term]] #{i}: allowed must be a table of lists")
        allowed: dict[str, tuple[str, ...]] = {}
        for lang, forms in allowed_raw.items():
            if isinstance(forms, str):
                forms = [forms]
            if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
                raise GlossaryError(f"{origin}: [[term]] #{i}: allowed.{lang} must be a list of strings")
            allowed[lang.lower().replace("_", "-")] = tuple(forms)
        terms.append(Term(entry["text"].strip(), allowed, learned=False,
                          case_sensitive=bool(entry.get("case-sensitive", True))))
    unknown = set(data) - {"term", "terms"}
    if unknown:
        raise GlossaryError(f"{origin}: unknown key {sorted(unknown)[0]!r} (use [[term]] or terms = [...])")
    return tuple(terms)


def occurrences(term: str, text: str, case_sensitive: bool = True) -> list[tuple[int, int]]:
    """Where ``term`` stands in ``text`` as whole words (not inside a longer word)."""
    if not term:
        return []
    return finder(term, case_sensitive).all(text)


def contains(term: str, text: str, case_sensitive: bool = True) -> bool:
    """Does ``term`` stand in ``text`` as whole words?"""
    return bool(term) and finder(term, case_sensitive).search(text, 0) is not None


_LATIN = "A-Za-z0-9\u00c0-\u024f"


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum() or "\u00c0" <= ch <= "\u024f"


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _lead(term: str) -> str:
    """The character that bounds a term on the left: its first one, or the letter after a
    leading dot (".NET" stands right after Japanese text, not inside "ASP.NET")."""
    return term[1:2] if term[:1] == "." else term[:1]


def bounded(term: str) -> str:
    """Regex for a term as a whole word. A Latin-script term is bounded by Latin letters and
    digits only, so "OpenTelemetryオペレーター" holds "OpenTelemetry" (Japanese writes no space).
    :class:`Finder` implements the same boundaries without the cost of compiling them."""
    body = r"\s+".join(re.escape(part) for part in term.split())
    head = f"(?<![{_LATIN}])" if _is_latin(_lead(term)) else r"(?<![\w])"
    tail = f"(?![{_LATIN}])" if _is_latin(term[-1:]) else r"(?![\w])"
    return head + body + tail


class Finder:
    """A term as whole words, what :func:`bounded` matches: the body is found literally (or,
    for several words, with any whitespace between them) and the boundaries are checked by
    hand, which keeps building a finder cheap (articles teach thousands of terms)."""

    __slots__ = ("literal", "body", "head", "tail")

    def __init__(self, term: str, case_sensitive: bool = True):
        parts = term.split()
        simple = case_sensitive and len(parts) == 1 and parts[0] == term
        self.literal = term if simple else None
        self.body = None if simple else re.compile(
            r"\s+".join(re.escape(part) for part in parts), 0 if case_sensitive else re.IGNORECASE)
        self.head = _is_latin if _is_latin(_lead(term)) else _is_word
        self.tail = _is_latin if _is_latin(term[-1:]) else _is_word

    def match(self, text: str, pos: int) -> int:
        """End of the term when it stands at ``pos``, else -1."""
        if self.literal is not None:
            if not text.startswith(self.literal, pos):
                return -1
            end = pos + len(self.literal)
        else:
            assert self.body is not None
            m = self.body.match(text, pos)
            if m is None:
                return -1
            end = m.end()
        if pos > 0 and self.head(text[pos - 1]):
            return -1
        if end < len(text) and self.tail(text[end]):
            return -1
        return end

    def search(self, text: str, pos: int) -> tuple[int, int] | None:
        literal = self.literal
        while True:
            if literal is not None:
                start = text.find(literal, pos)
                if start < 0:
                    return None
            else:
                assert self.body is not None
                m = self.body.search(text, pos)
                if m is None:
                    return None
                start = m.start()
            end = self.match(text, start)
            if end >= 0:
                return start, end
            pos = start + 1

    def all(self, text: str) -> list[tuple[int, int]]:
        found = []
        pos = 0
        while (hit := self.search(text, pos)) is not None:
            found.append(hit)
            pos = max(hit[1], hit[0] + 1)
        return found


_FINDERS: dict[tuple[str, bool], Finder] = {}


def finder(term: str, case_sensitive: bool = True) -> Finder:
    key = (term, case_sensitive)
    found = _FINDERS.get(key)
    if found is None:
        if len(_FINDERS) > 100_000:
            _FINDERS.clear()
        found = _FINDERS[key] = Finder(term, case_sensitive)
    return found


# The matchers of the terms tuples asked for lately, by identity (each entry holds its tuple,
# so the id stays its own): rules ask for every block, and finding the matcher by value
# hashes every term of the tuple, a dataclass ``__hash__`` each.
_RECENT: dict[tuple[int, str], tuple[tuple[Term, ...], _Matcher]] = {}


def count_terms(terms: Sequence[Term], text: str, lang: str) -> dict[str, list[tuple[int, int]]]:
    """Occurrences of each term, longest terms first; a shorter term inside a longer one's
    occurrence is not counted again ("BNB" inside "BNB Smart Chain").

    Remembered per text (rules count the same source block for every language): the result
    is shared, read it only."""
    key = tuple(terms)
    recent = _RECENT.get((id(key), lang))
    if recent is None or recent[0] is not key:
        if len(_RECENT) > 64:
            _RECENT.clear()
        recent = _RECENT[(id(key), lang)] = (key, _matcher(key, lang))
    return recent[1].counted(text)


# Runs of Latin letters and digits, or of letters of any other script: "OpenTelemetryオペレーター"
# is two tokens, so a Latin term is found right against Japanese text.
_TOKEN = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+|[^\W\d_A-Za-z\u00c0-\u024f]+")


class _Matcher:
    """Every form of every term, indexed by its first token: a text is tokenized once and
    only the forms starting with each token are tried there, longest first (leftmost, then
    longest, never overlapping: what one alternation regex would find, far faster)."""

    def __init__(self, terms: tuple[Term, ...], lang: str):
        self.names = [t.text for t in terms]
        # (-length, offset of the first token in the form (".NET"), finder, term)
        self.index: dict[str, list[tuple[int, int, Finder, str]]] = {}
        for term in terms:
            for form in term.forms(lang):
                first = _TOKEN.search(form)
                if first is None:
                    continue
                key = first.group() if term.case_sensitive else first.group().lower()
                self.index.setdefault(key, []).append(
                    (-len(form), first.start(), finder(form, term.case_sensitive), term.text))
                if not term.case_sensitive:
                    self.index.setdefault("\0ci", [])
        for entries in self.index.values():
            entries.sort(key=lambda e: (e[0], e[3]))
        self.folding = "\0ci" in self.index
        self._memo: dict[str, dict[str, list[tuple[int, int]]]] = {}

    def counted(self, text: str) -> dict[str, list[tuple[int, int]]]:
        found = self._memo.get(text)
        if found is None:
            if len(self._memo) > 4096:
                self._memo.clear()
            found = self._memo[text] = self.count(text)
        return found

    def count(self, text: str) -> dict[str, list[tuple[int, int]]]:
        found: dict[str, list[tuple[int, int]]] = {name: [] for name in self.names}
        if not self.index:
            return found
        tokens = _TOKEN.findall(text)
        if self.index.keys().isdisjoint(tokens) and (
                not self.folding or self.index.keys().isdisjoint([t.lower() for t in tokens])):
            return found  # no form starts at any token of the text (most texts)
        taken_until = 0
        for m in _TOKEN.finditer(text):
            start = m.start()
            if start < taken_until:
                continue
            token = m.group()
            entries = self.index.get(token, [])
            if self.folding and token.lower() != token:
                entries = sorted(entries + self.index.get(token.lower(), []), key=lambda e: (e[0], e[3]))
            for _, lead, form, owner in entries:
                end = form.match(text, start - lead) if start - lead >= taken_until else -1
                if end >= 0:
                    found[owner].append((start - lead, end))
                    taken_until = end
                    break
        return found


@lru_cache(maxsize=256)
def _matcher(terms: tuple[Term, ...], lang: str) -> _Matcher:
    return _Matcher(terms, lang)


def candidates(text: str, common: frozenset[str] = frozenset()) -> set[str]:
    """Name-like word runs in source text, and their sub-runs (up to MAX_WORDS words).

    ``common`` holds the words the source also writes in lower case: a capitalized one of
    them alone is an ordinary word ("Instrumentation", "The"), not a name."""
    # A word glued to "_" is a piece of an identifier (ACCESS_FINE_LOCATION), never a name.
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)
             if text[m.start() - 1 : m.start()] != "_" and text[m.end() : m.end() + 1] != "_"]
    runs: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    for start, end, word in words:
        name_like = _name_like(word, text, start)
        joined = bool(current) and text[current[-1][1] : start] == " "
        if name_like and (joined or not current):
            current.append((start, end, word))
        elif name_like:
            runs.append(current)
            current = [(start, end, word)]
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    found: set[str] = set()
    for run in runs:
        tokens = [w for _, _, w in run]
        for size in range(1, min(MAX_WORDS, len(tokens)) + 1):
            for i in range(len(tokens) - size + 1):
                gram = tokens[i : i + size]
                if size == 1 and (gram[0].lower() in common and gram[0][1:].islower()
                                  or not _strong_single(gram[0], text, run[i][0])):
                    continue
                if not any(c.isalpha() for g in gram for c in g) or size == 1 and gram[0][0].isdigit():
                    continue  # numbers, with units too ("16GB"), are the number rule's business
                found.add(" ".join(gram))
    return found


def _name_like(word: str, text: str, start: int) -> bool:
    if word.isalpha():  # most words (ASCII, see _WORD): a name when it holds a capital
        return not word.islower()
    if any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:]):
        return True
    if "." in word.strip("."):
        return True  # binance.us, node.js
    return word[0].isupper()


def _strong_single(word: str, text: str, start: int) -> bool:
    """A single capitalized word counts unless it only starts a sentence ("Note", "The")."""
    if any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:]) or "." in word:
        return len(word) >= 2
    if len(word) < 3:
        return False
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in ".!?:;\"'«“(—–-*"


# Sample values and references, not names: "{{path/to/file}}" placeholders (tldr), URLs.
_PLACEHOLDER = re.compile(r"\{\{.*?\}\}|^\[![A-Z]+\]", re.S)  # also "[!NOTE]" alert markers
_URL = re.compile(r"\b(?:[A-Za-z][A-Za-z0-9+.\-]*://|www\.)[^\s<>\[\](){}\"'`]*")
_BLANK = "\x00"


def prose(block: Block) -> str:
    return block.derived("prose", _prose)


def _prose(block: Block) -> str:
    """The block's text with code spans, ``{{…}}`` placeholders, autolinks and URLs blanked
    out (same length, so offsets still hold): identifiers and sample values
    (``ACCESS_FINE_LOCATION``, ``{{example.com}}``) are not names a translation must keep.
    Learned terms are learned and checked only here; glossary terms everywhere."""
    text = block.text
    spans = [(c.start, c.end) for c in block.code_spans]
    spans += [(link.start, link.end) for link in block.links if link.autolink]
    if "{{" in text or text.startswith("[!"):
        spans += [m.span() for m in _PLACEHOLDER.finditer(text)]
    if "://" in text or "www." in text:
        spans += [m.span() for m in _URL.finditer(text)]
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = _BLANK * (end - start)
    return "".join(chars)


_SCRIPTS: dict[str, str] = {}
_SAMPLE = 2000


def char_script(ch: str) -> str:
    found = _SCRIPTS.get(ch)
    if found is None:
        if ch.isascii() or "\u00c0" <= ch <= "\u024f":
            found = "LATIN"
        else:
            found = unicodedata.name(ch, "?").split(" ", 1)[0]
            if found in ("HIRAGANA", "KATAKANA"):
                found = "KANA"
            elif found in ("CJK", "IDEOGRAPHIC"):
                found = "HAN"
        if len(_SCRIPTS) < 50_000:
            _SCRIPTS[ch] = found
    return found


_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=4096)  # a term's script is asked for in every block that holds it
def script(text: str) -> str:
    """The script most letters of ``text`` are written in ("LATIN", "CYRILLIC", "HAN",
    "DEVANAGARI", …; "" without letters). Kana in Han text make it "KANA" (Japanese), whose
    translators write names otherwise than Chinese ones. Looks at the first 2,000 letters."""
    # Count characters first (in C), then map each distinct letter to its script: the same
    # counts, in order of first appearance, as walking the letters one by one. The letters
    # are the characters for which isalpha() holds.
    chars = Counter(text)
    letters = {ch: n for ch, n in chars.items() if ch.isalpha()}
    if sum(letters.values()) > _SAMPLE:  # a long text: only its first letters count
        letters = Counter([ch for ch in _LETTER.findall(text) if ch.isalpha()][:_SAMPLE])
    counts: Counter[str] = Counter()
    for ch, n in letters.items():
        counts[char_script(ch)] += n
    if not counts:
        return ""
    if counts["KANA"] * 10 >= counts["KANA"] + counts["HAN"] > 0 and counts["KANA"]:
        counts["KANA"] += counts.pop("HAN", 0)
    return counts.most_common(1)[0][0]


def _plain_word(cand: str) -> bool:
    """A lone alphabetic word that may be an ordinary word: "Application", "GET", "TLS"."""
    if " " in cand or not cand.isalpha():
        return False
    return cand[1:].islower() or (cand.isupper() and len(cand) <= 4)


def learn_terms(source_lang: str, alignments: Mapping[str, Alignment],
                glossary: Iterable[Term] = ()) -> tuple[Term, ...]:
    """Glossary terms plus the names that translations of this article keep verbatim."""
    glossary = tuple(glossary)
    known = {t.text for t in glossary}
    kept: dict[str, int] = defaultdict(int)
    seen: dict[str, int] = defaultdict(int)
    langs_kept: dict[str, set[str]] = defaultdict(set)
    source_text: dict[int, str] = {}
    by_block: dict[int, set[str]] = {}
    common: frozenset[str] = frozenset()
    if alignments:
        source = next(iter(alignments.values())).source
        common = frozenset(w for b in source.blocks for w in _LOWER_WORD.findall(b.text))
    for lang, alignment in sorted(alignments.items()):
        for pair in alignment.matched():
            assert pair.source is not None and pair.target is not None
            if pair.source.kind in ("code", "html", "shortcode"):
                continue
            found = by_block.get(pair.source.index)
            if found is None:  # the same source block is aligned in every language
                src = source_text[pair.source.index] = prose(pair.source)
                found = by_block[pair.source.index] = candidates(src, common)
            if len(found) > MAX_CANDIDATES:
                continue  # a block listing thousands of names teaches nothing and costs much
            target = pair.target.text
            folded = ""
            for cand in found:
                if cand in known:
                    continue
                seen[cand] += 1
                if not (cand in target and contains(cand, target)):
                    if " " not in cand:
                        continue
                    # "Android Asset Packaging-tool" keeps "Android Asset Packaging Tool" too
                    folded = folded or _fold(prose(pair.target))
                    loose = _fold(cand)
                    if not (loose in folded and contains(loose, folded)):
                        continue
                kept[cand] += 1
                langs_kept[cand].add(lang)
    protected = {
        c for c in seen
        if seen[c] >= MIN_EVIDENCE
        and kept[c] / seen[c] >= (MIN_KEPT_SHARE_PLAIN if _plain_word(c) else MIN_KEPT_SHARE)
        and (len(langs_kept[c]) >= 2 or len(alignments) == 1)
    }
    # Drop a term whose every source occurrence sits inside a longer protected term.
    ordered = sorted(protected, key=lambda c: (-len(c), c))
    final: list[str] = []
    for cand in ordered:
        standalone = False
        for text in source_text.values():
            if cand not in text:
                continue
            longer = [t for t in final if cand in t]
            covered = [span for t in longer for span in occurrences(t, text)]
            for start, end in occurrences(cand, text):
                if not any(s <= start and end <= e for s, e in covered):
                    standalone = True
                    break
            if standalone:
                break
        if standalone:
            final.append(cand)
    # The script of each language that keeps a term (most articles learn none).
    scripts = {lang: skeleton_script(alignments[lang].target)
               for lang in sorted({lang for c in final for lang in langs_kept[c]})}
    return glossary + tuple(Term(c, kept_in=frozenset((scripts[lang], lang) for lang in langs_kept[c]))
                            for c in sorted(final))


def _fold(text: str) -> str:
    """Lower case, hyphens as spaces: how a translation may write a name of several words."""
    return text.lower().translate(_HYPHENS)


# Hyphen-minus, hyphen and non-breaking hyphen: how names are joined in any language.
HYPHENS = "-\u2010\u2011"
_HYPHENS = {ord(c): " " for c in HYPHENS}


def skeleton_script(skeleton: Skeleton) -> str:
    """:func:`document_script` of a skeleton's blocks, found once per skeleton (term learning
    and the rules ask for the same translation)."""
    return skeleton.derived("script", lambda s: document_script(s.blocks))


def document_script(blocks: Iterable[Block]) -> str:
    """The script a document is written in, judged on the prose of its first blocks (code
    and URLs are Latin in every language)."""
    sample: list[str] = []
    size = 0
    for block in blocks:
        if block.kind in ("code", "html", "shortcode") or not block.text:
            continue
        text = prose(block)
        sample.append(text)
        size += len(text)
        if size >= 4 * _SAMPLE:
            break
    return script(" ".join(sample))
