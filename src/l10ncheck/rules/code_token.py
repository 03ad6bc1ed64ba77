from __future__ import annotations

import re
from collections import Counter
from typing import Iterator, Sequence

from rapidfuzz import fuzz

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, counterpart, quote, where
from l10ncheck.skeleton import Block
from l10ncheck.textutil import CODE_TOKEN, NUMBER, normalize_digits, normalize_number


_WORD_TAIL = re.compile(r"(?:[-_][^\W\d_]{3,})+$")
# A number with an English suffix or unit is a number, not an identifier: "404s", "17th", "10x".
_NUMBER_WITH_SUFFIX = re.compile(r"\d+(?:st|nd|rd|th|s|x|k|m|h|d|px|ms|gb|mb|kb|tb)", re.I)
# What is left of "8-core" or "3.5-inch" once the word is cut off: a plain number, which the
# number rule (C503) compares in any notation and script ("8 コア", "8바이트", "٨").
# A lower-case word of three letters or more with a number glued to it: "field3", "file1".
_WORD_NUMBER = re.compile(r"([^\W\d_A-Z]{3,})(\d+)")
_PLAIN_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
# A number glued to a unit: "2.4GHz", "44100kHz", "16bit". Translations may write the unit
# apart or in their own script ("2,4 ГГц"), so the number alone is the evidence.
_NUMBER_UNIT = re.compile(r"(\d+(?:[.,]\d+)*)([A-Za-z]+)")


def code_tokens(block: Block) -> tuple[tuple[str, int, int], ...]:
    return block.derived("code_tokens", _code_tokens)


def _code_tokens(block: Block) -> tuple[tuple[str, int, int], ...]:
    """Identifier- and version-like tokens of running text (not inside inline code).

    A hyphenated word glued to a token is not part of it: "BEP20-token" holds "BEP20",
    "BEP-20-standaard" holds "BEP-20".
    """
    inside = [(c.start, c.end) for c in block.code_spans]
    found: list[tuple[str, int, int]] = []
    for m in CODE_TOKEN.finditer(block.text):
        if any(s <= m.start() < e for s, e in inside):
            continue
        token = _WORD_TAIL.sub("", m.group())
        if _NUMBER_WITH_SUFFIX.fullmatch(token) or _PLAIN_NUMBER.fullmatch(token):
            continue
        if any(c.isdigit() for c in token):
            found.append((token, m.start(), m.start() + len(token)))
    return tuple(found)


def _writes(want: Sequence[tuple[str, int, int]], stem: str) -> bool:
    """Does the source block also write the singular form itself?"""
    return any(token == stem for token, _, _ in want)


class CodeTokenChanged(Rule):
    """A token that must stay verbatim (`BEP20`, `v2.1.0`, `SHA-256`, `IPv6`) is missing or
    changed in the translated block.

    Why it matters: these tokens name standards, versions and networks; `BEP2` and `BEP20`
    are different token standards, and funds sent to the wrong one can be lost.

    A lower-case word with a number (`field3`) written in the translation's words with the
    same number (`campo3`) is info.

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
            have = Counter(t for t, _, _ in got)
            # "MP3s" in English is "MP3" in languages that do not mark the plural.
            for token, _, _ in want:
                stem = token[:-1]
                if token.endswith("s") and have[stem] > have[token] and not _writes(want, stem):
                    have[token] += 1
                    have[stem] -= 1
            spare = Counter(have)
            for token, _, _ in want:
                spare[token] -= 1
            extras = [g for g in got if spare[g[0]] > 0]
            need = Counter(t for t, _, _ in want)
            tgt_numbers: dict[str, list[str]] | None = None
            for token, start, end in want:
                if have[token] >= need[token]:
                    continue
                need[token] -= 1
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
                near = max(extras, key=lambda g: fuzz.ratio(g[0], token), default=None)
                if near is not None and fuzz.ratio(near[0], token) >= 60:
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
