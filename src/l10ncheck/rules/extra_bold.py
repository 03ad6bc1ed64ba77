from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.languages import uses_italics
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote, where
from l10ncheck.skeleton import Block, Emphasis
from l10ncheck.urls import canonical


class ExtraBold(Rule):
    """The translated block has more bold spans than its source block.

    Chinese, Japanese, Korean and other scripts without italic typography may mark the source's
    italics in bold: such bold spans are not extra. A lead-in label set in bold where the
    source writes it plain ("**Obligatoriu:** …" for "Mandatory: …") is info: a typographic
    habit of some translators, not weight on other words. So is the translator's emphasis,
    extra bold inside the text (a key limit, a name, the letters that make up a word:
    "(**DEV**elopment)"), unless the pair looks like two texts: the block opens with a bold
    span the source lacks (a label, perhaps one the source dropped), an extra bold span holds
    a link, or one block has a link the other lacks (old or moved content).

    Why it matters: bold is where readers look first; bold the source does not have puts
    the weight on the wrong words, and a bold label the source lacks is often old content.

    Example:
        en: `Back up your recovery phrase before you continue.`
        de: `**Wichtig:** Sichern Sie Ihre Wiederherstellungsphrase, bevor Sie fortfahren.`
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
            left, own = _own_bold(src, tgt)
            extra = own[len(left)]  # the source's other bold spans take the first ones
            label = len(tgt.strong) == len(src.strong) + 1 and _bold_label(tgt) and _plain_label(src)
            stress = not label and _emphasis(src, tgt, left, own)
            yield self.report(
                ctx, extra.span,
                f"{len(tgt.strong)} bold spans where the source ({where(ctx.source, src.span)})"
                f" has {len(src.strong)}; extra: {quote(extra.text, 50)}"
                + (" (the block's lead-in label set in bold, a typographic habit)" if label else
                   " (inside the text: perhaps the translator's emphasis)" if stress else ""),
                source=src, anchor=block_anchor(ctx.source, src, "/bold+"),
                severity=Severity.INFO if label or stress else None,
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


def _own_bold(src: Block, tgt: Block) -> tuple[list[Emphasis], list[Emphasis]]:
    """The bold spans of each block (source, translation) whose text the other block does
    not set in bold: a name kept as it is, wherever word order put it ("The **tag** label"
    -> "**Tag** etiketi"), is the same span."""
    left = list(src.strong)
    own: list[Emphasis] = []
    for e in tgt.strong:
        same = next((s for s in left if s.text.strip().casefold() == e.text.strip().casefold()), None)
        if same is None:
            own.append(e)
        else:
            left.remove(same)
    return left, own


def _emphasis(src: Block, tgt: Block, left: list[Emphasis], own: list[Emphasis]) -> bool:
    """Is the translation's extra bold inside its text, the translator's stress? Not when
    the block opens with a bold span of its own where the source opens plain (a label: an
    old "**What it is**" the source dropped), nor when it has more bold spans holding a
    link, nor when one block has a link the other lacks (old or moved content, or the
    source's new wording): those are the marks of another text, not of a word stressed."""
    if own and _leading(tgt, own[0]) and not (left and _leading(src, left[0])):
        return False
    if sum(_linked(tgt, e) for e in own) > sum(_linked(src, e) for e in left):
        return False
    return ({canonical(link.url) for link in src.links_only}
            == {canonical(link.url) for link in tgt.links_only})


def _leading(block: Block, bold: Emphasis) -> bool:
    """Does the bold span open the block (only marks or spaces before it)?"""
    return not any(c.isalnum() for c in block.text[: bold.start])


def _linked(block: Block, bold: Emphasis) -> bool:
    """Does the bold span hold a link or lie in one?"""
    return any(link.start < bold.end and bold.start < link.end for link in block.links_only)
