"""Link pairs of aligned blocks, and what makes two URLs the same page in two languages."""

from __future__ import annotations

from typing import Iterator

from l10ncheck.align import LinkPair
from l10ncheck.rules.base import TranslationContext
from l10ncheck.skeleton import Block
from l10ncheck.urls import same_destination

__all__ = ["link_pairs", "same_destination"]


def link_pairs(ctx: TranslationContext, images: bool = False) -> Iterator[tuple[Block, Block, LinkPair]]:
    """(source block, target block, link pair) for every link of the aligned blocks."""
    return iter(ctx.image_pairs if images else ctx.link_pairs)
