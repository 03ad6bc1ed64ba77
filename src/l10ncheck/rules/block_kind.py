from __future__ import annotations

import re
from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules._structure import describe
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote, where
from l10ncheck.skeleton import Block, Skeleton
from l10ncheck.textutil import anchors

# Two or more list markers inside one paragraph (`1) … 2) …`, `• … • …`): a list written
# as running text.
_INLINE_MARKERS = re.compile(r"(?:^|\s)(?:\d{1,2}[.)）]|[•·・▪◦])\s*\S")


class BlockKind(Rule):
    """A block changed kind: a list item became a plain paragraph, or the reverse; or a
    footnote's text (`[^1]: …`) stands outside any footnote, or the reverse.

    Why it matters: the text is there but the structure is not; a step list that turns into
    running text loses its numbering and its scannability, and a note's text left below an
    empty `[^1]:` (not indented under it) shows in the body while the footnote is blank.

    A warning when the two blocks are clearly the same content: they share a link, code, a
    name or a number, they are about as long (each against its own document), or the
    paragraph holds list markers of its own (`1) … 2) …`). Length alone does not count when
    one block has links or code and the other none at all: what the one shows and the other
    lacks says they are not the same text, however long. A pair with none of that rests on
    its place alone, and the translation may say something else there: info. So is an item
    of a list inside an alert said as the body of an alert of its own (one alert per note).

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
            if src.kind != tgt.kind or bool(src.footnote) != bool(tgt.footnote):
                sure = _same_content(src, tgt, ctx.source, ctx.target)
                alert = _alert_body(src, tgt, ctx.target)
                yield self.report(
                    ctx, tgt.span,
                    f"{describe(tgt)} {quote(tgt.text, 40)} is a {describe(src)} in the source"
                    f" ({where(ctx.source, src.span)})"
                    + ("" if sure else " (the pairing rests on the blocks' places alone)")
                    + (" (an alert of its own, where the source lists the notes in one alert)" if alert else ""),
                    source=src, anchor=block_anchor(ctx.source, src),
                    severity=None if sure and not alert else Severity.INFO,
                )


def _alert_body(src: Block, tgt: Block, target: Skeleton) -> bool:
    """An item of a list inside an alert, said as the body of an alert of its own."""
    if src.kind != "item" or src.quote == 0 or tgt.kind != "paragraph" or tgt.index == 0:
        return False
    before = target.blocks[tgt.index - 1]
    return before.kind == "shortcode" and before.info == "alert" and tgt.span.line - before.span.end_line <= 2


def _same_content(src: Block, tgt: Block, source: Skeleton, target: Skeleton) -> bool:
    if {link.url for link in src.links} & {link.url for link in tgt.links}:
        return True
    if {c.code for c in src.code_spans} & {c.code for c in tgt.code_spans}:
        return True
    if anchors(src.text).keys() & anchors(tgt.text).keys():
        return True
    if len(_INLINE_MARKERS.findall(tgt.text if tgt.kind == "paragraph" else src.text)) >= 2:
        return True
    if _lopsided(src, tgt):
        return False  # the evidence disagrees: a length that matches proves nothing
    share_s, share_t = len(src.text) / source.length, len(tgt.text) / target.length
    low, high = sorted((share_s, share_t))
    return high > 0 and low / high >= 0.8


def _lopsided(src: Block, tgt: Block) -> bool:
    """Has one block links, or code spans, where the other has none at all?"""
    return bool(src.links) != bool(tgt.links) or bool(src.code_spans) != bool(tgt.code_spans)
