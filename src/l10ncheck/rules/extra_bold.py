from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.languages import uses_italics
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote, where


class ExtraBold(Rule):
    """The translated block has more bold spans than its source block.

    Chinese, Japanese, Korean and other scripts without italic typography may mark the source's
    italics in bold: such bold spans are not extra.

    Why it matters: bold is where readers look first; bold the source does not have puts
    the weight on the wrong words, and often means a span was split in two.

    Example:
        en: `**Back up your recovery phrase** before you continue.`
        de: `**Sichern Sie** Ihre **Wiederherstellungsphrase**, bevor Sie fortfahren.`
    """

    code = "E302"
    name = "extra-bold"
    category = Category.EMPHASIS
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for src, tgt in ctx.block_pairs():
            if src.kind == "code" or len(tgt.strong) <= len(src.strong):
                continue
            if not uses_italics(ctx.lang, tgt.text) and len(tgt.strong) <= len(src.strong) + len(src.italic):
                continue  # a script without italics marks the source's italics in bold
            extra = tgt.strong[len(src.strong)]
            yield self.report(
                ctx, extra.span,
                f"{len(tgt.strong)} bold spans where the source ({where(ctx.source, src.span)})"
                f" has {len(src.strong)}; extra: {quote(extra.text, 50)}",
                source=src, anchor=block_anchor(ctx.source, src, "/bold+"),
            )
