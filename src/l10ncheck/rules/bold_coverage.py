from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote, where

# Shares of a block's text (0..1). Both must hold for a finding: translations vary in length,
# so only a bold span that covers less than half (or more than double) the share of its
# source span, and differs by a quarter of the block, is reported.
MIN_RATIO = 0.5
MIN_DIFFERENCE = 0.25


class BoldCoverage(Rule):
    """A bold span covers a markedly different share of its block than in the source.

    Why it matters: when the bold shrinks to a couple of words, the warning it carried is
    no longer what stands out ("**te voorkomen**" instead of "**must understand in order to
    avoid losses**"); when it grows, everything is shouting.

    Example:
        en: `**Not all assets can be moved freely between all chains.**`
        ms: `**Bukan semua aset** boleh dipindahkan secara bebas antara semua rantaian.`
    """

    code = "E303"
    name = "bold-coverage"
    category = Category.EMPHASIS
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for src, tgt in ctx.block_pairs():
            if len(src.strong) != len(tgt.strong) or not src.text.strip() or not tgt.text.strip():
                continue
            for a, b in zip(src.strong, tgt.strong):
                share_a = len(a.text.strip()) / len(src.text.strip())
                share_b = len(b.text.strip()) / len(tgt.text.strip())
                low, high = sorted((share_a, share_b))
                if high == 0 or low / high >= MIN_RATIO or high - low < MIN_DIFFERENCE:
                    continue
                yield self.report(
                    ctx, b.span,
                    f"bold {quote(b.text, 40)} covers {share_b:.0%} of its block; the source bold"
                    f" {quote(a.text, 40)} ({where(ctx.source, a.span)}) covers {share_a:.0%}",
                    source=a.span, anchor=block_anchor(ctx.source, src, f"/bold:{a.start}"),
                )
