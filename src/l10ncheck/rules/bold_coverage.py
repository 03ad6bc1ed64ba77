from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote, where
from l10ncheck.terms import char_script
from l10ncheck.textutil import is_word_char

# Shares of a block's text (0..1). Both must hold for a finding: translations vary in length,
# so only a bold span that covers less than half (or more than double) the share of its
# source span, and differs by a quarter of the block, is reported.
MIN_RATIO = 0.5
MIN_DIFFERENCE = 0.25

# Shares are measured in Latin-letter equivalents, not in characters: how many letters of the
# English source one letter of a script stands for, on average. A Han character is a word or
# a morpheme (3.0), a Hangul block a whole syllable (2.0 to 2.4), a kana one mora (1.3); the
# letters of alphabets, abjads and abugidas, their vowel signs included, stand for 0.9 to 1.4
# Latin letters (35 languages) and count 1, like digits. Measured as total English letters
# against total letters per script of the translations of tldr-pages, cncf/glossary and
# opentelemetry.io. Spaces, punctuation and symbols count 0: a script written without spaces
# says no less for it.
_LETTERS_PER_CHAR = {"HAN": 3.0, "HANGUL": 2.2, "KANA": 1.3}
_FIRST_WEIGHTED = "\u1100"  # Hangul Jamo: every weighted script starts at or after it


def _letters(text: str) -> float:
    """Length of ``text`` in Latin-letter equivalents (see ``_LETTERS_PER_CHAR``)."""
    total = 0.0
    for ch in text:
        if is_word_char(ch):
            total += 1.0 if ch < _FIRST_WEIGHTED else _LETTERS_PER_CHAR.get(char_script(ch), 1.0)
    return total


def _same_text(a: str, b: str) -> bool:
    """Same words, ignoring case and spacing ("**CloudFormation**" on both sides)."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


class BoldCoverage(Rule):
    """A bold span covers a markedly different share of its block than in the source.

    Why it matters: when the bold shrinks to a couple of words, the warning it carried is
    no longer what stands out ("**te voorkomen**" instead of "**must understand in order to
    avoid losses**"); when it grows, everything is shouting. The shares are measured alike
    in every script, so that a name kept in Latin letters in a Chinese sentence is not
    taken for a bold that grew: letters and digits count, spaces and punctuation do not,
    and a letter of a dense script counts as the Latin letters it stands for on average (a
    Han character 3, a Hangul syllable 2.2, a kana 1.3; other letters 1). A bold whose text
    is the same on both sides, ignoring case and spacing (a product name or a button label
    kept in English), stresses the same words and is never reported.

    Example:
        en: `**Not all assets can be moved freely between all chains.**`
        ms: `**Bukan semua aset** boleh dipindahkan secara bebas antara semua rantaian.`
    """

    code = "E303"
    name = "bold-coverage"
    category = Category.EMPHASIS
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for src, tgt in ctx.block_pairs():
            if not src.strong or len(src.strong) != len(tgt.strong):
                continue
            # (the source block's, once for every language)
            whole_a = src.derived("letters", lambda block: _letters(block.text))
            whole_b = _letters(tgt.text)
            if not whole_a or not whole_b:
                continue
            for a, b in zip(src.strong, tgt.strong):
                if _same_text(a.text, b.text):
                    continue
                bold_a, bold_b = _letters(a.text), _letters(b.text)
                if not bold_a or not bold_b:
                    continue  # symbols only ("**→**"): no length to compare
                share_a, share_b = bold_a / whole_a, bold_b / whole_b
                low, high = sorted((share_a, share_b))
                if low / high >= MIN_RATIO or high - low < MIN_DIFFERENCE:
                    continue
                yield self.report(
                    ctx, b.span,
                    f"bold {quote(b.text, 40)} covers {share_b:.0%} of its block; the source bold"
                    f" {quote(a.text, 40)} ({where(ctx.source, a.span)}) covers {share_a:.0%}",
                    source=a.span, anchor=block_anchor(ctx.source, src, f"/bold:{a.start}"),
                )
