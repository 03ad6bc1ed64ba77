from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

from rapidfuzz import fuzz

from l10ncheck.align import align_links
from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, counterpart, quote, where
from l10ncheck.skeleton import Block
from l10ncheck.terms import HYPHENS, Term, contains, count_terms, occurrences, prose, script


class MissingTerm(Rule):
    """A protected term of the source block is missing from the aligned translated block.

    Protected terms are product and brand names that must stay verbatim: from the glossary,
    or learned from the article (names the source and most translations keep as they are,
    like "BNB Smart Chain"). When another name stands where the term should be, the message
    says what it was renamed to.

    A learned name counts as kept when the translation writes it joined, hyphenated or split
    otherwise, or with mnemonic brackets ("WiFi" for "Wi-Fi", "4MiB", "[v]LC" for "VLC");
    written in another case ("Tex Live" for "TeX Live") it is reported as information. A name
    of several words whose head (its first word and every distinctive one: "Apache" of "Apache
    HTTP Server", "BNB" of "BNB Smart Chain") is kept, with its other words following in
    order, maybe with another ending ("Arch Linuksa", "Red Hata"), is the name inflected:
    nothing is reported; with them translated ("Rantai Pintar BNB") it is renamed. A
    quantity with its unit written otherwise ("100 Mo" for "100 MiB") is information.
    Glossary terms are compared as written (list their accepted forms).

    Why it matters: a renamed product ("Binance Smart Chain" for "BNB Smart Chain") sends
    readers to the wrong network, and a translated name cannot be searched for.

    Example:
        en: `[**The BNB Smart Chain,**](…) (formerly Binance Smart Chain)`
        ru: `[**Binance Smart Chain**](…) (ранее Binance Smart Chain)`
    """

    code = "T401"
    name = "missing-term"
    category = Category.TERM
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        if not ctx.terms:
            return
        longest_first = sorted(ctx.terms, key=lambda t: (-len(t.text), t.text))
        for src, tgt in ctx.block_pairs():
            if src.kind in ("code", "html"):
                continue
            src_counts = count_terms(ctx.terms, src.text, ctx.source_lang)
            if not any(src_counts.values()):
                continue
            tgt_counts = count_terms(ctx.terms, tgt.text, ctx.lang)
            used: set[tuple[int, int]] = set()
            reported: list[str] = []
            src_prose: str | None = None
            tgt_script: str | None = None
            # Longest first, counting a term inside longer ones too ("OpenTelemetry" inside
            # "OpenTelemetry Collector"); a term inside one already reported is explained by it.
            for term in longest_first:
                if term.text not in src.text and term.case_sensitive:
                    continue
                if term.learned:  # learned from prose, so checked in prose only
                    if src_prose is None:
                        src_prose = prose(src)
                    want = _all(term, src_prose, ctx.source_lang)
                else:
                    want = _all(term, src.text, ctx.source_lang)
                have = _all(term, tgt.text, ctx.lang)
                if len(have) >= len(want) or any(term.text in longer for longer in reported):
                    continue
                # Translations in another script often transliterate names: there, a learned
                # name is expected only if another translation in that script kept it.
                foreign = expected = False
                if term.learned:
                    if tgt_script is None:
                        tgt_script = script(tgt.text)
                    own = script(term.text)
                    if tgt_script and tgt_script != own or ctx.target_script and ctx.target_script != own:
                        foreign = True
                        expected = term.kept_by_other(ctx.target_script, ctx.lang)
                finding = self._finding(ctx, src, tgt, term, want, have, src_counts, tgt_counts,
                                        used, foreign, expected)
                if finding is not None:
                    reported.append(term.text)
                    yield finding

    def _finding(self, ctx: TranslationContext, src: Block, tgt: Block, term: Term,
                 want: list[tuple[int, int]], have: list[tuple[int, int]],
                 src_counts: dict[str, list[tuple[int, int]]],
                 tgt_counts: dict[str, list[tuple[int, int]]],
                 used: set[tuple[int, int]], foreign: bool = False,
                 expected: bool = True) -> Diagnostic | None:
        start, end = want[len(have)] if len(want) > len(have) else want[0]
        taken = used | set(have)
        variants = _variants(term.text, prose(tgt), taken) if term.learned else []
        alike = [(a, b) for a, b in variants if _spelled_alike(tgt.text[a:b], term.text)]
        if len(have) + len(alike) >= len(want):
            return None  # "WiFi" for "Wi-Fi", "4MiB" for "4 MiB", "[v]LC" for "VLC": the same name
        # "Tex Live" for "TeX Live"; where names may be transliterated, only as written counts.
        recased = [span for span in variants if span not in alike and (expected or not foreign)]
        renamed = recased[0] if recased else _renamed(ctx, src, tgt, term, (start, end), src_counts,
                                                      tgt_counts, taken | set(alike))
        src_span = src.locate(start, end)
        ref = f"({where(ctx.source, src_span)})"
        anchor = block_anchor(ctx.source, src, f"/term:{term.text}")
        found = tgt.text[renamed[0] : renamed[1]] if renamed is not None else ""
        if len(term.text.split()) > 1 and _words_nearby(term.text, _without(tgt.text, have)):
            return None  # "API de Kubernetes" for "Kubernetes API": reordered by grammar
        if renamed is not None and (found.replace(" ", "") == term.text.replace(" ", "")
                                    or any(_inflected(w, term.text) for w in found.split())):
            return None  # "APIs", "mTLS", "PR" for "PRs", "MeterProvider": the term inflected
        if (renamed is not None and term.learned and _squash(term.text) in _squash(found)
                and any(_spelled_alike(src.text[a:b], found)
                        for a, b in _variants(found, prose(src)))):
            return None  # "GRUB2" for "GRUB 2": the source's own words, spaced otherwise
        rendering = _rendering(term.text, _without(prose(tgt), have)) if term.learned else None
        if rendering is not None and rendering[1]:
            return None  # "Arch Linuksa", "Red Hata": the name inflected
        if renamed is not None and (_within(term.text, found) or _within(found, term.text)):
            renamed = None  # "OpenTelemetry SDK" -> "OpenTelemetry": a shortening, not a new name
        if renamed is not None and foreign and script(found) != script(term.text):
            renamed = None  # transliterated, not renamed
        if renamed is None and foreign and not expected:
            return None
        if foreign and term.learned and _keeps_name(term.text, tgt.text):
            return None  # "OpenTelemetryコレクター": the name kept, the rest transliterated
        if renamed is not None:
            used.add(renamed)
            # A case change, or a dictionary-looking single word ("Collector" -> "Colector"),
            # may be the translator's right; a renamed product name is not.
            weak = (_squash(found).lower() == _squash(term.text).lower()
                    or term.learned and (not _name_like(term.text) or _quantity(term.text)))
            return self.report(
                ctx, tgt.locate(*renamed),
                f"term {quote(term.text)} {ref} renamed to {quote(found)}",
                source=src_span, suggestion=term.text, anchor=anchor,
                severity=Severity.INFO if weak else None,
            )
        if have:
            return None  # a repetition rephrased away ("Node.js's calendar of Node.js meetings")
        if term.learned and _keeps_name(term.text, tgt.text):
            return None  # "communauté DEV" for "DEV Community": the name kept, the noun translated
        # Without a visible rename, how sure can we be? A glossary term, or a learned name of
        # several words gone from the whole block, is drift; a single learned word (an
        # acronym a translator may leave implicit) is for a reviewer, and so is a learned name
        # in a translation written in another script (transliteration may be the norm).
        # Several capitalized dictionary words ("Directed Acyclic Graph") may be a phrase
        # the translator rightly translates: a warning needs a word that is a name by shape.
        # A quantity ("4 MiB" as "4 Mo") is the number rule's business, its unit the translator's.
        strong = not term.learned or (len(term.text.split()) > 1 and not foreign
                                      and not _quantity(term.text)
                                      and any(_distinctive(w) for w in term.text.split()))
        return self.report(
            ctx, counterpart(src, tgt, start),
            f"term {quote(term.text)} {ref} is missing",
            source=src_span, severity=None if strong else Severity.INFO, anchor=anchor,
        )


def _renamed(ctx: TranslationContext, src: Block, tgt: Block, term: Term, at: tuple[int, int],
             src_counts: dict[str, list[tuple[int, int]]],
             tgt_counts: dict[str, list[tuple[int, int]]],
             used: set[tuple[int, int]]) -> tuple[int, int] | None:
    """Where the translation put something else in the term's place, if that can be told.

    1. Another protected term that the translation has more often than the source.
    2. The name-like run closest to the term (fuzzy), searched first in the text of the link
       or bold span that holds the term in the source, then in the whole block.
    """
    words = set(term.text.lower().split())
    for other in ctx.terms:
        extra = tgt_counts.get(other.text, [])
        if other.text == term.text or len(extra) <= len(src_counts.get(other.text, [])):
            continue
        if not (words & set(other.text.lower().split())) and fuzz.ratio(other.text, term.text) < 60:
            continue  # an unrelated name that happens to be extra is no evidence of a rename
        for span in _prefer_container(src, tgt, at, extra):
            span = _expand(tgt.text, *span)
            found = tgt.text[span[0] : span[1]]
            if not _overlaps(span, used) and not _within(found, term.text):
                return span
    pairs = _container_pairs(src, tgt, at)
    containers = [t for _, t in pairs]
    # A new name in the aligned link or bold span stands for the term only if the term is
    # the one name there ("[Technical Steering Committee (TSC)]" holds another).
    sole = {t for s, t in pairs if not _other_names(ctx, src, s, term)}
    for lo, hi in containers + [(0, len(tgt.text))]:
        inside = (lo, hi) in sole
        best: tuple[float, tuple[int, int]] | None = None
        for m in _CAPITALIZED_RUN.finditer(tgt.text, lo, hi):
            start, run = m.start(), m.group()
            if any(c.start < m.end() and m.start() < c.end for c in tgt.code_spans):
                continue  # code is compared by the code rules
            if " " in run and _sentence_start(tgt.text, start):
                first = run.split(" ", 1)[0]
                if first.lower() not in words:
                    start, run = start + len(first) + 1, run.split(" ", 1)[1]
            span = (start, start + len(run))
            if run in tgt_counts and len(tgt_counts[run]) <= len(src_counts.get(run, [])):
                continue  # another protected name, accounted for by the source
            shares = any(w.lower() in words for w in run.split())
            # In the aligned link or bold span, a new multi-word name is a rename even if it
            # shares no word ("Rantai Pintar Binance"); elsewhere it must look like the term.
            new_name = inside and " " in run and run not in src.text
            if not (shares or new_name or fuzz.ratio(run, term.text) >= 70):
                continue
            if _overlaps(span, used) or _within(run, term.text) or _within(term.text, run):
                continue  # a part of the term, or the term inside a longer name: no rename
            score = fuzz.token_sort_ratio(run, term.text) + (40 if new_name else 0)
            if best is None or score > best[0]:
                best = (score, span)
        if best is not None and best[0] >= 50:
            return best[1]
    return None


# A run of capitalized Latin-script words: what a product name looks like in any language.
_NAME_WORD = "[A-Z\u00c0-\u00de][A-Za-z0-9\u00c0-\u024f]*(?:[.\\-][A-Za-z0-9\u00c0-\u024f]+)*"
_CAPITALIZED_RUN = re.compile(f"{_NAME_WORD}(?: (?:{_NAME_WORD}|[0-9][A-Za-z0-9.]*))*")


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip()
    return not before or before[-1] in ".!?:;\"'«“(—–-*"


_CAPITALIZED = re.compile(r"[^\W\d_][\w\-]*")


def _expand(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a span over the capitalized words right next to it ("Rantai Pintar" + "BNB")."""
    while True:
        m = re.search(r"([^\W\d_][\w\-]*) $", text[:start])
        if not m or not m.group(1)[0].isupper():
            break
        start = m.start(1)
    while True:
        m = re.match(r" ([^\W\d_][\w\-]*)", text[end:])
        if not m or not m.group(1)[0].isupper():
            break
        end += m.end(1)
    return start, end


def _name_like(term: str) -> bool:
    """Several words, or one word with an inner capital, a digit or a dot: a name, not a
    capitalized dictionary word."""
    return " " in term or any(c.isupper() or c.isdigit() or c == "." for c in term[1:])


def _quantity(term: str) -> bool:
    """A number and its unit ("4 MiB", "100 MiB"): translators may write the unit their way."""
    return _QUANTITY.match(term) is not None


_QUANTITY = re.compile(r"\d[\d.,]*\s")


def _distinctive(word: str) -> bool:
    """A word that is a name by its shape: "DEV", "GitHub", "Node.js", "BEP20" (not
    "End-User", two capitalized words)."""
    return any(c.isalpha() for c in word) and ("." in word.strip(".") or any(
        c.isupper() or c.isdigit() for part in re.split(r"[-'’]", word) for c in part[1:]))


def _keeps_name(term: str, text: str) -> bool:
    """Does ``text`` keep what makes a name of several words a name, and only that: its
    distinctive words (or, when none stands out, some of its words), the rest translated?"""
    words = [w for w in term.split() if any(c.isalpha() for c in w)]
    if len(words) < 2:
        return False
    distinct = [w for w in words if _distinctive(w)]
    kept = [w for w in words if contains(w, text)]
    if not kept or len(kept) == len(words):
        return False
    return all(w in kept for w in distinct)


def _words_nearby(term: str, text: str, window: int = 6) -> bool:
    """Do all the words of the term stand close together somewhere in the text (in any
    order, with a few words between: "API de Kubernetes", "SDK Java do OpenTelemetry")?"""
    words = set(term.split())
    tokens = [tok.lstrip(",;:()[]*_`\"'").rstrip(",.;:()[]*_`\"'")  # l'API, (.NET)
              for tok in re.split(r"[\s'’]+", text)]
    span = len(words) + window
    for i, tok in enumerate(tokens):
        if tok in words and words <= set(tokens[i : i + span]):
            return True
    return False


def _rendering(term: str, text: str, slack: int = 3) -> tuple[list[str], bool] | None:
    """How ``text`` renders a name of several words whose head it keeps verbatim: the words
    kept, and whether it is the name inflected, all its words there in their order, the later
    ones maybe with another ending ("Arch Linuksa", "Red Hata", "Fedora-projecten"), within a
    run of tokens a few longer than the name. The head is the first word and every distinctive
    one: the brand ("Android" of "Android Debug Bridge", "BNB" of "BNB Smart Chain"). None when
    a head word is missing, or when a single hyphenated word ("Mu-Lw" for "Mu-Law") is more
    than inflected."""
    words = _NAME_TOKEN.findall(term)
    several = len(term.split()) > 1
    if len(words) < 2:
        return None
    # Numbers and versions ("Ubuntu 22.04") are never translated: a part of the head.
    head = [words[0]] + [w for w in words[1:] if several and (_distinctive(w) or not w.isalpha())]
    tokens = _NAME_TOKEN.findall(text)
    best: tuple[list[str], bool] | None = None
    for i in range(len(tokens)):
        near = tokens[i : i + len(words) + slack]
        if not all(w in near for w in head):
            continue
        kept = [w for w in words if w in near]
        found = (kept, _in_order(words, near))
        if best is None or (found[1], len(kept)) > (best[1], len(best[0])):
            best = found
    return best if best is not None and (best[1] or several) else None


def _in_order(words: list[str], tokens: list[str]) -> bool:
    """Do the words stand in ``tokens`` in their order, as written or with another ending?"""
    at = -1
    for word in words:
        at = next((j for j in range(at + 1, len(tokens)) if tokens[j] == word
                   or word.isalpha() and _same_stem(word, tokens[j])), -1)
        if at < 0:
            return False
    return True


# Words of a name, split at hyphens and between scripts ("DEVコミュニティ" is two; "Node.js",
# ".NET" one).
_NAME_TOKEN = re.compile("(?:(?<![\\w.])\\.(?=[A-Z]))?[A-Za-z0-9\u00c0-\u024f]+"
                         "(?:\\.[A-Za-z0-9\u00c0-\u024f]+)*|[^\\W\\d_A-Za-z\u00c0-\u024f]+")
_VOWELS = frozenset("aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüý")


def _same_stem(word: str, other: str) -> bool:
    """Is ``other`` ``word`` with another ending: starting with the word, or with the word less
    a final vowel, or sharing its first 4 letters or more ("Hata", "Linuksie", "projecten")?"""
    a, b = word.lower(), other.lower()
    stem = a[:-1] if len(a) > 3 and a[-1] in _VOWELS else a
    if len(stem) >= 3 and b.startswith(stem):
        return True
    shared = 0
    for x, y in zip(a, b):
        if x != y:
            break
        shared += 1
    return shared >= 4


# Between two letters of a name: nothing, or a hyphen, spaces or a mnemonic bracket.
_JOINT = f"[\\s{re.escape(HYPHENS)}\\[\\]]{{0,2}}"
_LATIN_LETTER = "A-Za-z0-9\u00c0-\u024f"


def _squash(text: str) -> str:
    return "".join(c for c in text if not (c.isspace() or c in HYPHENS or c in "[]"))


def _variants(term: str, text: str, taken: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Where ``text`` writes the term joined, hyphenated or split otherwise, in any case, or
    with tldr-style mnemonic brackets ("WiFi", "wi-fi", "4MiB", "[v]LC"), outside ``taken``."""
    if not _may_vary(term, text):
        return []
    pattern = _variant_pattern(term)
    if pattern is None:
        return []
    spans = set(taken)
    return [m.span() for m in pattern.finditer(text) if not _overlaps(m.span(), spans)]


# What ``_squash`` drops, as a pattern (``\s`` is what ``str.isspace`` holds).
_JOINTS = re.compile(f"[\\s{re.escape(HYPHENS)}\\[\\]]+")
# The characters outside ASCII that IGNORECASE matches with an ASCII one (all of them).
_ASCII_FOLD = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}


def _may_vary(term: str, text: str) -> bool:
    """False when :func:`_variant_pattern` cannot match in ``text``: the pattern of an ASCII
    term matches its letters, in any case, with only what ``_squash`` drops between them, so
    ``text`` squashed and folded holds them in a row. Compiling the pattern costs far more
    than this (and most translations write the term in no form at all)."""
    chars = _squash(term)
    if not chars.isascii():
        return True
    return chars.lower() in _JOINTS.sub("", text).translate(_ASCII_FOLD).lower()


@lru_cache(maxsize=1024)
def _variant_pattern(term: str) -> re.Pattern[str] | None:
    chars = _squash(term)
    if not chars:
        return None
    head = f"(?<![{_LATIN_LETTER}])" if re.match(f"[{_LATIN_LETTER}]", chars[0]) else r"(?<!\w)"
    tail = f"(?![{_LATIN_LETTER}])" if re.match(f"[{_LATIN_LETTER}]", chars[-1]) else r"(?!\w)"
    body = _JOINT.join(re.escape(c) for c in chars)
    return re.compile(f"{head}\\[?{body}\\]?{tail}", re.IGNORECASE)


def _spelled_alike(written: str, term: str) -> bool:
    """Is ``written`` (one of :func:`_variants`) the term letter for letter, in its case
    except for mnemonic letters ("[v]LC" for "VLC": the option is ``-v``)?"""
    got: list[tuple[str, bool]] = []
    inside = False
    for c in written:
        if c in "[]":
            inside = c == "["
        elif not (c.isspace() or c in HYPHENS):
            got.append((c, inside))
    want = _squash(term)
    return len(got) == len(want) and all(
        c == w or bracketed and c.lower() == w.lower() for (c, bracketed), w in zip(got, want))


def _inflected(word: str, term: str) -> bool:
    """Is one the other with lower-case letters added before or after ("APIs", "mTLS")?"""
    long, short = (word, term) if len(word) > len(term) else (term, word)
    if len(short) < 2 or long == short:
        return False
    return (long.startswith(short) and long[len(short):].islower()
            or long.endswith(short) and long[: -len(short)].islower())


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _all(term: Term, text: str, lang: str) -> list[tuple[int, int]]:
    return sorted(span for form in term.forms(lang)
                  for span in occurrences(form, text, term.case_sensitive))


def _within(small: str, big: str) -> bool:
    return contains(small, big)


def _overlaps(span: tuple[int, int], taken: set[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


def _container_pairs(src: Block, tgt: Block, at: tuple[int, int]
                     ) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(source, target) text ranges of the link or bold span holding the term and of the
    one aligned to it."""
    out: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for pair in align_links(src.links, tgt.links):
        s, t = pair.source, pair.target
        if s is not None and t is not None and s.start <= at[0] and at[1] <= s.end:
            out.append(((s.start, s.end), (t.start, t.end)))
    for a, b in zip(src.strong, tgt.strong):
        if a.start <= at[0] and at[1] <= a.end:
            out.append(((a.start, a.end), (b.start, b.end)))
    return out


def _containers(src: Block, tgt: Block, at: tuple[int, int]) -> list[tuple[int, int]]:
    """Target text ranges of the link or bold span aligned to the one holding the term."""
    return [t for _, t in _container_pairs(src, tgt, at)]


def _other_names(ctx: TranslationContext, src: Block, span: tuple[int, int], term: Term) -> bool:
    """Does the source span hold a name besides the term and other protected terms (a
    capitalized word that does not merely start the sentence)?"""
    text = src.text[span[0] : span[1]]
    for found in count_terms(ctx.terms, text, ctx.source_lang).values():
        for a, b in found:  # blanked, not spaced: "[K8s Operator]" names "Operator" too
            text = text[:a] + "\x00" * (b - a) + text[b:]
    for m in _CAPITALIZED_RUN.finditer(text):
        if " " in m.group() or not _sentence_start(text, m.start()):
            return True
    return False


def _prefer_container(src: Block, tgt: Block, at: tuple[int, int],
                      spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    regions = _containers(src, tgt, at)
    inside = [s for s in spans if any(lo <= s[0] and s[1] <= hi for lo, hi in regions)]
    return inside + [s for s in spans if s not in inside]
