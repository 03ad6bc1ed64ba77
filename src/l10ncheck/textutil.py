"""Small, script-neutral text helpers shared by alignment and rules."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

# A token that must survive translation verbatim: has a digit and is not a plain number
# ("BEP20", "v1.2.3", "SHA-256", "0x1f", "IPv6"), or is a version-like dotted number.
# Boundaries are Latin letters and digits only: Japanese, Chinese and Korean write no space
# between a number or a name and the word after it ("10일", "BEP20トークン").
_L = "A-Za-z0-9_\u00c0-\u024f"
CODE_TOKEN = re.compile(
    rf"(?<![{_L}.\-])(?=[A-Za-z0-9.\-_]*\d)(?=[A-Za-z0-9.\-_]*[A-Za-z])[A-Za-z0-9]+(?:[.\-_][A-Za-z0-9]+)*(?![{_L}])"
    rf"|(?<![{_L}.])\d+(?:\.\d+){{2,}}(?![{_L}])"
)
# A number in any script's digits, with optional decimal part.
NUMBER = re.compile(rf"(?<![{_L}.,])\d+(?:[.,]\d+)*(?![{_L}])")
# A name-like word: Latin letters or digits with an upper-case letter or a digit inside.
NAME_WORD = re.compile(r"(?<![\w])[A-Za-z0-9][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*(?![\w])")


_HAS_DIGIT = re.compile(r"\d").search
# NAME_WORD, only where the word holds an upper-case letter or a digit (the lookahead stops at
# the first one, or fails): the ordinary lower-case words of running text are skipped by the
# regex engine instead of one by one in Python. Finds the very words NAME_WORD finds that
# hold one (and, rarely, a lower-case word before ".-X", which the checks below drop).
_CAPITAL_OR_DIGIT_WORD = re.compile(
    r"(?<![\w])(?=[a-z.\-]*[A-Z0-9])[A-Za-z0-9][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*(?![\w])")
_FOREIGN_DIGIT = re.compile(r"(?![0-9])\d|[\u066b\u066c]")


def normalize_digits(text: str) -> str:
    """Map digits of any script to ASCII (Arabic-Indic ٣ -> 3, full-width ３ -> 3)."""
    if text.isascii() or not _FOREIGN_DIGIT.search(text):
        return text
    return "".join(_SEPARATORS.get(ch) or _ascii_digit(ch) for ch in text)


def _ascii_digit(ch: str) -> str:
    if ch.isascii() or not ch.isdigit():
        return ch
    value = unicodedata.digit(ch, None)
    return ch if value is None else str(value)


# Arabic decimal and thousands separators, one character each like their ASCII peers.
_SEPARATORS = {"\u066b": ".", "\u066c": ","}


def normalize_number(token: str) -> str:
    """'1,000' == '1.000' == '1000'; '3.14' == '3,14' (decimal comma)."""
    token = normalize_digits(token)
    parts = re.split(r"[.,]", token)
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
        return "".join(parts)  # thousands separators
    if len(parts) == 2:
        return parts[0] + "." + parts[1]
    return "".join(parts)


@lru_cache(maxsize=65536)
def is_word_char(ch: str) -> bool:
    """Letters, marks and digits of any script (what a word is made of)."""
    if not ch:
        return False
    cat = unicodedata.category(ch)
    return cat[0] in "LMN" or ch == "_"


def anchors(text: str) -> Counter[str]:
    """Tokens that usually survive translation verbatim: names, code-like tokens, numbers."""
    return Counter(anchor_counts(text))


def anchor_counts(text: str) -> dict[str, int]:
    """:func:`anchors` as a plain dict, cheaper to build (alignment makes one per block)."""
    found: dict[str, int] = {}
    get = found.get
    for m in _CAPITAL_OR_DIGIT_WORD.finditer(text):
        word = m.group()
        rest = word[1:]  # ASCII only (NAME_WORD): lower() tells an upper-case letter
        if rest != rest.lower() or _HAS_DIGIT(word) or (
            word[0].isupper() and len(word) > 2 and m.start() > 0 and text[m.start() - 2 : m.start()] != ". "
        ):
            key = "w:" + word
            found[key] = get(key, 0) + 1
    if _HAS_DIGIT(text):
        for m in NUMBER.finditer(normalize_digits(text)):
            key = "n:" + normalize_number(m.group())
            found[key] = get(key, 0) + 1
    return found
