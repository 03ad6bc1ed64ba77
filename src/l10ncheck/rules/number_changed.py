from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, counterpart, quote, where
from l10ncheck.rules.code_token import code_tokens
from l10ncheck.skeleton import Block
from l10ncheck.textutil import NUMBER, normalize_digits, normalize_number

_HAS_DIGIT = re.compile(r"\d").search  # any script's digits, as NUMBER reads them


def numbers(block: Block) -> tuple[tuple[str, int, int], ...]:
    """Plain numbers of running text (remembered per block: a source block is compared with
    every language)."""
    return block.derived("numbers", _numbers)


def _numbers(block: Block) -> tuple[tuple[str, int, int], ...]:
    """Plain numbers of running text, digits of any script, outside code and code tokens."""
    if not _HAS_DIGIT(block.text):
        return ()  # most blocks
    skip = [(c.start, c.end) for c in block.code_spans]
    skip += [(s, e) for _, s, e in code_tokens(block)]
    text = normalize_digits(block.text)
    return tuple(
        (normalize_number(m.group()), m.start(), m.end())
        for m in NUMBER.finditer(text)
        if not any(s <= m.start() < e for s, e in skip)
    )


class NumberChanged(Rule):
    """A number of the source block does not appear in the translated block.

    Why it matters: amounts, limits, durations and step numbers must survive translation.
    Digits of any script count (٣ = 3), and so do 1,000 / 1.000 / 1000. Numbers can be
    legitimately spelled out or reformatted (dates), so this is information.

    Example:
        en: `Wait 12 confirmations before you withdraw.`
        tr: `Çekmeden önce 2 onay bekleyin.`
    """

    code = "C503"
    name = "number-changed"
    category = Category.CODE
    severity = Severity.INFO

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for src, tgt in ctx.block_pairs():
            if src.kind in ("code", "html"):
                continue
            want = numbers(src)
            if not want:
                continue
            have = Counter(n for n, _, _ in numbers(tgt))
            for value, start, end in want:
                if have[value] > 0:
                    have[value] -= 1
                    continue
                yield self.report(
                    ctx, counterpart(src, tgt, start),
                    f"number {quote(src.text[start:end])} ({where(ctx.source, src.locate(start, end))})"
                    " is not in the translation",
                    source=src.locate(start, end),
                    anchor=block_anchor(ctx.source, src, f"/number:{value}"),
                )
