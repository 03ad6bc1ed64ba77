from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules._links import link_pairs
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, counterpart, quote, where


class MissingLink(Rule):
    """A link of the source block has no counterpart in the aligned translated block.

    Why it matters: the reader of the translation loses the way to the instructions, the
    download or the warning the link pointed to. The link text may be translated freely; the
    link itself must stay.

    Example:
        en: `Follow [Binance’s instructions](https://…/faq/115003670492).`
        ms: `Ikut arahan Binance.`
    """

    code = "L201"
    name = "missing-link"
    category = Category.LINK
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for src, tgt, pair in link_pairs(ctx):
            if pair.source is not None and pair.target is None:
                link = pair.source
                yield self.report(
                    ctx, counterpart(src, tgt, link.start),
                    f"link {quote(link.text, 40)} → {link.url} ({where(ctx.source, link.span)})"
                    " is missing",
                    source=link.span, anchor=block_anchor(ctx.source, src, f"/link:{link.url}"),
                )
