from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules._structure import describe
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote, where


class BlockKind(Rule):
    """A block changed kind: a list item became a plain paragraph, or the reverse.

    Why it matters: the text is there but the structure is not; a step list that turns into
    running text loses its numbering and its scannability.

    Example:
        en: `1. Open MetaMask.`
        es: `Abre MetaMask.` (no list marker)
    """

    code = "S110"
    name = "block-kind"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for src, tgt in ctx.block_pairs():
            if src.kind != tgt.kind:
                yield self.report(
                    ctx, tgt.span,
                    f"{describe(tgt)} {quote(tgt.text, 40)} is a {describe(src)} in the source"
                    f" ({where(ctx.source, src.span)})",
                    source=src, anchor=block_anchor(ctx.source, src),
                )
