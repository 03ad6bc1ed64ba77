from __future__ import annotations

import re
from collections import Counter
from typing import Iterator, Sequence

from rapidfuzz import fuzz

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, counterpart, quote, where
from l10ncheck.skeleton import Block
from l10ncheck.textutil import CODE_TOKEN, NUMBER, normalize_digits, normalize_number


_HAS_DIGIT = re.compile(r"\d").search
_WORD_TAIL = re.compile(r"(?:[-_][^\W\d_]{3,})+$")
# A number with an English suffix or unit is a number, not an identifier: "404s", "17th", "10x".
_NUMBER_WITH_SUFFIX = re.compile(r"\d+(?:st|nd|rd|th|s|x|k|m|h|d|px|ms|gb|mb|kb|tb)", re.I)
# What is left of "8-core" or "3.5-inch" once the word is cut off: a plain number, which the
# number rule (C503) compares in any notation and script ("8 コア", "8바이트", "٨").
# A lower-case word of three letters or more with a number glued to it: "field3", "file1".
_WORD_NUMBER = re.compile(r"([^\W\d_A-Z]{3,})(\d+)")
_PLAIN_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
# Numbers joined by short words, a ratio or a range in words: "1-in-1000", "2-of-3". Other
# languages write them their own way ("1000 分の 1", "1 sur 1000"); the number rule (C503)
# compares the numbers.
_RATIO = re.compile(r"\d+(?:[.,]\d+)?(?:-[a-z]{1,4})+-\d+(?:[.,]\d+)?")
# A number glued to a unit: "2.4GHz", "44100kHz", "16bit". Translations may write the unit
# apart or in their own script ("2,4 ГГц"), so the number alone is the evidence.
_NUMBER_UNIT = re.compile(r"(\d+(?:[.,]\d+)*)([A-Za-z]+)")
# A one-letter mnemonic in brackets glued to the letters of its word, as tldr pages write
# them: "[Q]COW2", "[r]ecursive", "Zi[p]". The brackets are not part of the word; a
# mnemonic set before a number ("[B]2 महीने") is not glued to it.
_MNEMONIC = re.compile(r"\[[A-Za-z]\](?=[A-Za-z])|(?<=[A-Za-z])\[[A-Za-z]\]")


def code_tokens(block: Block) -> tuple[tuple[str, int, int], ...]:
    return block.derived("code_tokens", _code_tokens)


def _code_tokens(block: Block) -> tuple[tuple[str, int, int], ...]:
    """Identifier- and version-like tokens of running text (not inside inline code), with
    their offsets in the block's text.

    A hyphenated word glued to a token is not part of it: "BEP20-token" holds "BEP20",
    "BEP-20-standaard" holds "BEP-20". A one-letter mnemonic's brackets are not either:
    "[Q]COW2" holds "QCOW2".
    """
    if not _HAS_DIGIT(block.text):
        return ()  # every token holds a digit (most blocks have none)
    inside = [(c.start, c.end) for c in block.code_spans]
    text, starts, ends = _unbracket(block.text)
    found: list[tuple[str, int, int]] = []
    for m in CODE_TOKEN.finditer(text):
        start = starts[m.start()]
        if any(s <= start < e for s, e in inside):
            continue
        token = _WORD_TAIL.sub("", m.group())
        if _NUMBER_WITH_SUFFIX.fullmatch(token) or _PLAIN_NUMBER.fullmatch(token) or _RATIO.fullmatch(token):
            continue
        if any(c.isdigit() for c in token):
            found.append((token, start, ends[m.start() + len(token) - 1]))
    return tuple(found)


def _unbracket(text: str) -> tuple[str, Sequence[int], Sequence[int]]:
    """``text`` without the brackets of one-letter mnemonics, and for each of its characters
    where it starts and ends in ``text`` (a mnemonic letter with its brackets)."""
    if "[" not in text or _MNEMONIC.search(text) is None:
        return text, range(len(text)), range(1, len(text) + 1)
    kept: list[str] = []
    starts: list[int] = []
    last = 0
    for m in _MNEMONIC.finditer(text):
        kept.append(text[last:m.start()] + text[m.start() + 1])
        starts.extend(range(last, m.end() - 2))
        last = m.end()
    kept.append(text[last:])
    starts.extend(range(last, len(text)))
    ends = [*starts[1:], len(text)]
    return "".join(kept), starts, ends


def _in_code_spans(block: Block, token: str) -> int:
    """How many times ``token`` stands as a whole word (any letter case) in the block's
    inline code spans: "SIGUSR1" in `kill -SIGUSR1 1234`, not "1.0" in `2.1.0`."""
    word = re.compile(rf"(?<!\w)(?<!\w[.\-]){re.escape(token)}(?![.\-]?\w)", re.I)
    return sum(len(word.findall(c.code)) for c in block.code_spans)


def _kept_inside(token: str, longer: str) -> bool:
    """Is ``token`` (ending in a digit) the start of ``longer``, followed by letters only:
    "MD5" in "MD5SUM", not "HDMI2" in "HDMI21" nor "v0.1" in "v0.1.2"?"""
    rest = longer[len(token):]
    return (token[-1].isdigit() and longer.lower().startswith(token.lower())
            and rest.isascii() and rest.isalpha())


def _writes(want: Sequence[tuple[str, int, int]], stem: str) -> bool:
    """Does the source block also write the singular form itself (any letter case)?"""
    return any(token.lower() == stem for token, _, _ in want)


class CodeTokenChanged(Rule):
    """A token that must stay verbatim (`BEP20`, `v2.1.0`, `SHA-256`, `IPv6`) is missing or
    changed in the translated block.

    Why it matters: these tokens name standards, versions and networks; `BEP2` and `BEP20`
    are different token standards, and funds sent to the wrong one can be lost.

    Not a loss: the token in the other half of a paragraph the translation split in two,
    the token in other letter case (`EC2` for `ec2`, `x11` for `X11`: case in
    running text is the translation's style; code spans stay strict in C501), the token set
    as a whole word in an inline code span (one the source's own code spans do not hold),
    a one-letter mnemonic's brackets on either side (`[Q]COW2` is `QCOW2`), and a numeronym
    written out (`K8s` as "Kubernetes").

    Info: the token kept as the start of a longer one, letters glued after its last digit
    (`MD5` in `MD5SUM`; a changed digit, `HDMI2` -> `HDMI1`, stays a warning), and a
    lower-case word with a number (`field3`) written in the translation's words with the
    same number (`campo3`).

    Example:
        en: `withdraw your BNB as BEP20 tokens`
        ms: `keluarkan BNB anda sebagai token BEP2`
    """

    code = "C502"
    name = "code-token-changed"
    category = Category.CODE
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for src, tgt in ctx.block_pairs():
            if src.kind in ("code", "html"):
                continue
            want = code_tokens(src)
            if not want:
                continue
            got = code_tokens(tgt)
            # Letter case is the translation's style in running text: "EC2" for "ec2".
            have = Counter(t.lower() for t, _, _ in got)
            need = Counter(t.lower() for t, _, _ in want)
            # The other half of a paragraph the translation split in two holds its own tokens.
            for h in ctx.alignment.halves("target", tgt.index):
                half = Counter(t.lower() for t, _, _ in code_tokens(ctx.target.blocks[h]))
                for key, n in half.items():
                    have[key] += max(0, min(n, need[key] - have[key]))
            # "MP3s" in English is "MP3" in languages that do not mark the plural.
            for token, _, _ in want:
                key, stem = token.lower(), token[:-1].lower()
                if token.endswith("s") and have[stem] > have[key] and not _writes(want, stem):
                    have[key] += 1
                    have[stem] -= 1
            # A token the translation sets in backticks is kept, not lost.
            for key in need:
                if have[key] < need[key]:
                    token = next(t for t, _, _ in want if t.lower() == key)
                    added = _in_code_spans(tgt, token) - _in_code_spans(src, token)
                    have[key] += max(0, min(added, need[key] - have[key]))
            spare = have - need
            extras = [g for g in got if spare[g[0].lower()] > 0]
            tgt_numbers: dict[str, list[str]] | None = None
            for token, start, end in want:
                key = token.lower()
                if have[key] >= need[key]:
                    continue
                need[key] -= 1
                if _spelled_out(token, tgt.text):
                    continue  # "K8s" written "Kubernetes", "i18n" "internationalization"
                ref = f"({where(ctx.source, src.locate(start, end))})"
                anchor = block_anchor(ctx.source, src, f"/token:{token}")
                unit = _NUMBER_UNIT.fullmatch(token)
                severity = None
                if unit is not None:
                    if tgt_numbers is None:
                        tgt_numbers = _numbers_with_units(tgt, got)
                    units = tgt_numbers.get(normalize_number(unit.group(1)))
                    if units is not None:
                        other = [u for u in units if u and u.lower() != unit.group(2).lower()]
                        if "" in units or not other:
                            continue  # the number is there, its unit written apart or localized
                        yield self.report(
                            ctx, counterpart(src, tgt, start),
                            f"{quote(unit.group(1) + other[0])} where the source has {quote(token)} {ref}",
                            source=src.locate(start, end), suggestion=token, anchor=anchor,
                            severity=Severity.INFO,
                        )
                        continue
                    severity = Severity.INFO  # only a number is missing: as weak as C503
                word = _WORD_NUMBER.fullmatch(token)
                if word is not None and severity is None:
                    # "field3" -> "campo3": a word with a number, the word put in the
                    # translation's language and the number kept.
                    kept = next((g for g in extras if (m := _WORD_NUMBER.fullmatch(g[0])) is not None
                                 and m.group(2) == word.group(2) and fuzz.ratio(m.group(1), word.group(1)) < 60), None)
                    if kept is not None:
                        extras.remove(kept)
                        yield self.report(
                            ctx, tgt.locate(kept[1], kept[2]),
                            f"{quote(kept[0])} where the source has {quote(token)} {ref}"
                            " (a word with a number: perhaps the word translated)",
                            source=src.locate(start, end), anchor=anchor, severity=Severity.INFO,
                        )
                        continue
                near = max(extras, key=lambda g: fuzz.ratio(g[0].lower(), key), default=None)
                if near is not None and severity is None and _kept_inside(token, near[0]):
                    # "MD5" -> "MD5SUM": the token kept, a word glued to it.
                    extras.remove(near)
                    yield self.report(
                        ctx, tgt.locate(near[1], near[2]),
                        f"{quote(token)} {ref} kept inside {quote(near[0])}",
                        source=src.locate(start, end), anchor=anchor, severity=Severity.INFO,
                    )
                elif near is not None and fuzz.ratio(near[0].lower(), key) >= 60:
                    extras.remove(near)
                    yield self.report(
                        ctx, tgt.locate(near[1], near[2]),
                        f"{quote(near[0])} where the source has {quote(token)} {ref}",
                        source=src.locate(start, end), suggestion=token, anchor=anchor,
                    )
                else:
                    yield self.report(
                        ctx, counterpart(src, tgt, start),
                        f"{quote(token)} {ref} is missing",
                        source=src.locate(start, end), anchor=anchor, severity=severity,
                    )


_NUMERONYM = re.compile(r"([A-Za-z])(\d{1,2})([A-Za-z])")


def _spelled_out(token: str, text: str) -> bool:
    """Is ``token`` a numeronym (`K8s`, `i18n`, `a11y`: first letter, how many letters
    between, last letter) whose word ``text`` writes in full?"""
    m = _NUMERONYM.fullmatch(token)
    if m is None:
        return False
    first, count, last = m.group(1), int(m.group(2)), m.group(3)
    # The word is Latin like its numeronym; text of another script may be glued to it
    # ("Kubernetesクラスター").
    word = re.compile(rf"(?<![A-Za-z]){re.escape(first)}[A-Za-z]{{{count}}}{re.escape(last)}(?![A-Za-z])", re.I)
    return word.search(text) is not None


def _numbers_with_units(block: Block, tokens: Sequence[tuple[str, int, int]]) -> dict[str, list[str]]:
    """Every number of the block (any script, any notation) with the unit glued to it, ``""``
    for a number standing alone."""
    found: dict[str, list[str]] = {}
    for token, _, _ in tokens:
        m = _NUMBER_UNIT.fullmatch(token)
        if m is not None:
            found.setdefault(normalize_number(m.group(1)), []).append(m.group(2))
    for m in NUMBER.finditer(normalize_digits(block.text)):
        found.setdefault(normalize_number(m.group()), []).append("")
    return found
