from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.glossary import find_forbidden
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote, where


class ForbiddenTerm(Rule):
    """A translation uses a term the glossary forbids or deprecates (an old product name, a
    banned translation), where its source block does not.

    Why it matters: glossaries retire names for a reason (a rebrand, a legal term, a wrong
    translation); every page that keeps the old one undoes that decision. The source's own
    uses ("formerly Binance Smart Chain") are not counted against the translation.

    Example:
        glossary: "Binance Smart Chain" deprecated, use "BNB Smart Chain"
        nl: `verzenden naar Binance Smart Chain` where the source says BNB Smart Chain
    """

    code = "T402"
    name = "forbidden-term"
    category = Category.TERM
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        if not ctx.forbidden:
            return
        for src, tgt in ctx.block_pairs():
            if src.kind in ("code", "html"):
                continue
            for hit in find_forbidden(ctx.forbidden, src.text, tgt.text, ctx.lang):
                use = hit.term.suggestion(ctx.lang)
                found = tgt.text[hit.start : hit.end]
                yield self.report(
                    ctx, tgt.locate(hit.start, hit.end),
                    f"{hit.term.status} term {quote(found)} (source: {where(ctx.source, src.span)})"
                    + (f"; use {quote(use)}" if use else ""),
                    source=src, suggestion=use,
                    anchor=block_anchor(ctx.source, src, f"/forbidden:{hit.term.text}"),
                )
