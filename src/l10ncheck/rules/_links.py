"""Link pairs of aligned blocks, and what makes two URLs the same page in two languages."""

from __future__ import annotations

from typing import Iterator

from l10ncheck.align import LinkPair
from l10ncheck.rules.base import TranslationContext
from l10ncheck.skeleton import Block, Link
from l10ncheck.urls import same_destination

__all__ = ["link_pairs", "matched_links", "same_destination"]


def link_pairs(ctx: TranslationContext, images: bool = False) -> Iterator[tuple[Block, Block, LinkPair]]:
    """(source block, target block, link pair) for every link of the aligned blocks."""
    return iter(ctx.image_pairs if images else ctx.link_pairs)


def matched_links(ctx: TranslationContext) -> Iterator[tuple[Block, Link, Link]]:
    """(source block, source link, target link) for every link present on both sides."""
    for src, _tgt, pair in ctx.link_pairs:
        if pair.source is not None and pair.target is not None:
            yield src, pair.source, pair.target
