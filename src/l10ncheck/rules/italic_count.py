from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity, Span
from l10ncheck.languages import uses_italics
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, where
from l10ncheck.skeleton import Block, Emphasis


class ItalicCount(Rule):
    """The translated block has another number of italic spans than its source block.

    Two typographic conventions are not drift: many style guides italicize a word left in the
    source language (Portuguese `o _backend_`, Spanish `hacer _commit_`), so an extra italic
    whose text is a word of the source block does not count; and Chinese, Japanese, Korean,
    Thai, Arabic, Hebrew and Indic scripts have no italic typography, so a translation into
    them may drop italics (or use bold instead).

    Why it matters: italics mark titles, terms and asides; languages use them differently,
    so this is information for a reviewer, not an error.

    Example:
        en: `*the centralized cryptocurrency exchange*`
        fr: `la plateforme d'échange centralisée`
    """

    code = "E304"
    name = "italic-count"
    category = Category.EMPHASIS
    severity = Severity.INFO

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for src, tgt in ctx.block_pairs():
            a = len(src.italic)
            if (a == len(tgt.italic)) or src.kind == "code":
                continue
            counted = [e for e in tgt.italic if not _loanword(e, src)]
            b = len(counted)
            if b == a or b < a and not uses_italics(ctx.lang, tgt.text):
                continue
            s = counted[a].span if b > a else tgt.span
            yield self.report(
                ctx, s if b > a else Span(s.line, s.column, s.line, s.column),
                f"{b} italic span{'s' if b != 1 else ''} where the source"
                f" ({where(ctx.source, src.span)}) has {a}",
                source=src, anchor=block_anchor(ctx.source, src, "/italic"),
            )


def _loanword(italic: Emphasis, source: Block) -> bool:
    """An italic the source does not have, around words the source block writes: a word left
    in the source language, italicized as a loanword."""
    text = italic.text.strip().casefold()
    if not text or any(e.text.strip().casefold() == text for e in source.italic):
        return False
    return text in source.text.casefold()
