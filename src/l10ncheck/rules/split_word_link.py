from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules._links import link_pairs
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote
from l10ncheck.skeleton import Link
from l10ncheck.languages import is_spaceless_script_char as is_spaceless
from l10ncheck.textutil import is_word_char
from l10ncheck.terms import script


def _joins(outside: str, inside: str) -> bool:
    """Do two adjacent characters belong to one word (in a script that spaces its words)?

    Korean attaches particles to the noun before them ("[애플리케이션](…)의"), so Hangul is
    judged like the scripts without spaces."""
    return (is_word_char(outside) and is_word_char(inside)
            and not is_spaceless(outside) and not is_spaceless(inside)
            and not _hangul(outside) and not _hangul(inside))


def _hangul(ch: str) -> bool:
    cp = ord(ch) if ch else 0
    return 0xAC00 <= cp <= 0xD7AF or 0x1100 <= cp <= 0x11FF or 0x3130 <= cp <= 0x318F


def splits_word(link: Link) -> tuple[bool, bool]:
    text = link.text
    starts = bool(text) and _joins(link.before, text[0])
    ends = bool(text) and _joins(link.after, text[-1])
    return starts, ends


class SplitWordLink(Rule):
    """A link's text starts or ends inside a word: `pe[rkar](…)a`.

    Why it matters: the link reads as a fragment, screen readers announce a broken word,
    and it usually means the link was moved by hand to the wrong place. Not applied to
    scripts written without spaces (Chinese, Japanese, Thai, Lao, Khmer, Burmese), where
    words have no visible boundary, nor to Korean, whose particles attach to the linked noun,
    nor to a short ending after the link in languages that write case endings onto the noun
    (Turkish `[küme](…)si`, Finnish, Hungarian, Estonian, Tamil…) and in their script (a
    Latin word glued to a link in a Tamil sentence is no case ending); elsewhere a link followed by
    three letters or fewer (`[Link](…)s`) may be an inflection, so it is info.
    `--fix` widens the link to the whole word (`[perkara](…)`) when the letters next to the
    brackets are plain text.

    Example:
        en: `We have instructions for that [here](…).`
        ms: `Kami mempunyai arahan untuk pe[rkar](…)a tersebut di sini.`
    """

    code = "L204"
    name = "split-word-link"
    category = Category.LINK
    severity = Severity.WARNING
    fixable = True

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for src, tgt, pair in link_pairs(ctx):
            link = pair.target
            if link is None or (pair.source is not None and any(splits_word(pair.source))):
                continue
            starts, ends = splits_word(link)
            severity = None
            if ends and not starts:
                tail = _tail(tgt.text, link.end)
                if ctx.lang.split("-")[0] in SUFFIXING and tail <= MAX_SUFFIX:
                    # A case ending after the linked noun (`[küme](…)si`) is written in the
                    # translation's script: a Latin word glued to a link in Tamil is no ending.
                    if script(tgt.text[link.end : link.end + tail + 1]) in ("", ctx.target_script):
                        continue
                if tail <= 3:
                    severity = Severity.INFO  # maybe an inflection ending, maybe a split word
            if starts or ends:
                word = _whole_word(tgt.text, link.start, link.end)
                where_ = "starts and ends" if starts and ends else "starts" if starts else "ends"
                yield self.report(
                    ctx, link.text_span,
                    f"link text {quote(link.text, 40)} {where_} inside the word {quote(word, 40)}",
                    source=src, suggestion=f"link the whole word {quote(word, 40)}",
                    anchor=block_anchor(ctx.source, src, f"/split:{link.url}"),
                    severity=severity,
                )


# Languages that write case endings and possessives onto the noun (Turkish `[küme](…)si`,
# Finnish `[palvelin](…)ta`, Hungarian `[fürt](…)ben`): a short run of letters right after a
# link is a grammatical ending, not a split word.
SUFFIXING = frozenset({"tr", "az", "fi", "et", "hu", "kk", "ky", "uz", "tk", "ta", "te", "kn", "ml",
                       "eu", "mn", "tt", "ba"})
MAX_SUFFIX = 5


def _tail(text: str, end: int) -> int:
    """How many word characters follow offset ``end`` (an apostrophe joins in Turkish)."""
    n = end
    while n < len(text) and (is_word_char(text[n]) or text[n] in "'’" and n == end):
        n += 1
    return n - end - (1 if end < len(text) and text[end] in "'’" else 0)


def _whole_word(text: str, start: int, end: int) -> str:
    while start < end and not is_word_char(text[start]):
        start += 1
    while end > start and not is_word_char(text[end - 1]):
        end -= 1
    while start > 0 and is_word_char(text[start - 1]):
        start -= 1
    while end < len(text) and is_word_char(text[end]):
        end += 1
    return text[start:end]
