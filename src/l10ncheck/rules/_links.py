"""Link pairs of aligned blocks, and what makes two URLs the same page in two languages."""

from __future__ import annotations

from typing import Iterator

from l10ncheck.align import LinkPair, align_links
from l10ncheck.rules.base import TranslationContext
from l10ncheck.skeleton import Block
from l10ncheck.urls import same_destination

__all__ = ["link_pairs", "same_destination"]

def link_pairs(ctx: TranslationContext, images: bool = False) -> Iterator[tuple[Block, Block, LinkPair]]:
    for pair in ctx.alignment.matched():
        src, tgt = pair.source, pair.target
        assert src is not None and tgt is not None
        src_links = src.images if images else src.links_only
        tgt_links = tgt.images if images else tgt.links_only
        if not src_links and not tgt_links:
            continue
        for link_pair in align_links(src_links, tgt_links):
            yield src, tgt, link_pair
