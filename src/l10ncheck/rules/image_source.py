from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules._links import link_pairs, same_destination
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, counterpart, where


class ImageSourceChanged(Rule):
    """An image is missing, or shows another file than the aligned source image.

    Why it matters: screenshots and diagrams carry instructions too. A localized screenshot
    (`/en/` → `/de/` in the path) is fine; another file name usually is not.

    Example:
        en: `![Network settings](img/bsc-settings.png)`
        ja: `![ネットワーク設定](img/eth-settings.png)`
    """

    code = "C504"
    name = "image-source-changed"
    category = Category.CODE
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for src, tgt, pair in link_pairs(ctx, images=True):
            s, t = pair.source, pair.target
            if s is None:
                continue
            if t is None:
                yield self.report(
                    ctx, counterpart(src, tgt, s.start),
                    f"image {s.url} ({where(ctx.source, s.span)}) is missing",
                    source=s.span, anchor=block_anchor(ctx.source, src, f"/image:{s.url}"),
                )
            elif not same_destination(s.url, t.url, ctx.source_lang, ctx.lang):
                yield self.report(
                    ctx, t.span,
                    f"image shows {t.url}, source image ({where(ctx.source, s.span)}) {s.url}",
                    source=s.span, suggestion=s.url,
                    anchor=block_anchor(ctx.source, src, f"/image:{s.url}"),
                )
