from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.languages import uses_italics
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote, where
from l10ncheck.skeleton import Block


class ExtraBold(Rule):
    """The translated block has more bold spans than its source block.

    Chinese, Japanese, Korean and other scripts without italic typography may mark the source's
    italics in bold: such bold spans are not extra. A lead-in label set in bold where the
    source writes it plain ("**Obligatoriu:** …" for "Mandatory: …") is info: a typographic
    habit of some translators, not weight on other words.

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
            label = len(tgt.strong) == len(src.strong) + 1 and _bold_label(tgt) and _plain_label(src)
            yield self.report(
                ctx, extra.span,
                f"{len(tgt.strong)} bold spans where the source ({where(ctx.source, src.span)})"
                f" has {len(src.strong)}; extra: {quote(extra.text, 50)}"
                + (" (the block's lead-in label set in bold, a typographic habit)" if label else ""),
                source=src, anchor=block_anchor(ctx.source, src, "/bold+"),
                severity=Severity.INFO if label else None,
            )


# A label ends at a colon of any script: "Note:", "注意：".
_COLONS = (":", "：", "︰", "꞉")
LABEL_MAX = 60


def _bold_label(block: Block) -> bool:
    """Does the block open with a bold label ("**Mandatory:** text", "**标签**：text")?"""
    text = block.text
    first = block.strong[0]
    if text[: first.start].strip() or first.end > LABEL_MAX:
        return False
    return first.text.rstrip().endswith(_COLONS) or text[first.end:].lstrip().startswith(_COLONS)


def _plain_label(block: Block) -> bool:
    """Does the block open with a plain label ("Mandatory: text"), not bold?"""
    text = block.text.lstrip()
    at = min((i for i in (text.find(c) for c in _COLONS) if i > 0), default=-1)
    return 0 < at <= LABEL_MAX and not any(e.start <= len(block.text) - len(text) + at < e.end
                                           for e in block.strong)
