from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules._links import link_pairs
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote


class ExtraLink(Rule):
    """The translated block has a link that its source block does not have.

    Why it matters: usually harmless (a translator linking a localized glossary), sometimes
    a stale link the source removed. Reported as info for a reviewer to confirm.

    Example:
        en: `Install MetaMask.`
        de: `Installiere [MetaMask](https://metamask.io/de).`
    """

    code = "L202"
    name = "extra-link"
    category = Category.LINK
    severity = Severity.INFO

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for src, tgt, pair in link_pairs(ctx):
            if pair.source is None and pair.target is not None:
                link = pair.target
                yield self.report(
                    ctx, link.span, f"link {quote(link.text, 40)} → {link.url} is not in the source",
                    source=src, anchor=block_anchor(ctx.source, src, f"/link+:{link.url}"),
                )
