"""Link pairs of aligned blocks, and what makes two URLs the same page in two languages."""

from __future__ import annotations

from typing import Iterator

from l10ncheck.align import LinkPair
from l10ncheck.rules.base import TranslationContext
from l10ncheck.skeleton import Block, Link, Skeleton
from l10ncheck.urls import same_destination

__all__ = ["link_pairs", "matched_links", "same_destination"]

# How far (in blocks of the same section) a link may have moved to a neighbouring paragraph
# and still be the source's link rather than one missing plus one added.
NEARBY = 3

_Triple = tuple[Block, Block, LinkPair]


def link_pairs(ctx: TranslationContext, images: bool = False) -> Iterator[_Triple]:
    """(source block, target block, link pair) for every link of the aligned blocks.

    A link the aligned block lacks but the other half of a split (or merged) paragraph, or a
    neighbouring paragraph of the same section, has is paired with it there: it moved with
    the text around it, it is neither missing nor added."""
    if images:
        return iter(ctx.image_pairs)
    found = ctx.__dict__.get("_regrouped_link_pairs")
    if found is None:
        found = ctx.__dict__["_regrouped_link_pairs"] = _regroup(ctx)
    return iter(found)


def matched_links(ctx: TranslationContext) -> Iterator[tuple[Block, Link, Link]]:
    """(source block, source link, target link) for every link present on both sides."""
    for src, _tgt, pair in link_pairs(ctx):
        if pair.source is not None and pair.target is not None:
            yield src, pair.source, pair.target


def _near(skeleton: Skeleton, a: Block, b: Block) -> bool:
    """Within NEARBY blocks of each other, not counting the blocks nested deeper than both
    in between: a list item's lead paragraph and the one after its sublist are neighbours."""
    low, high = sorted((a.index, b.index))
    if high - low <= NEARBY:
        return True
    depth = min(a.depth, b.depth)
    steps = 1 + sum(1 for block in skeleton.blocks[low + 1:high] if block.depth <= depth)
    return steps <= NEARBY


def _regroup(ctx: TranslationContext) -> tuple[_Triple, ...]:
    base = ctx.link_pairs
    alignment = ctx.alignment
    lone_source = [k for k, (_, _, p) in enumerate(base) if p.target is None]
    lone_target = [k for k, (_, _, p) in enumerate(base) if p.source is None]
    if not alignment.splits and not (lone_source and lone_target):
        return base

    def same(a: Link, b: Link) -> bool:
        return same_destination(a.url, b.url, ctx.source_lang, ctx.lang)

    halves: dict[tuple[str, int], list[Block]] = {}
    for split in alignment.splits:
        skeleton = ctx.source if split.side == "source" else ctx.target
        halves.setdefault((split.side, split.neighbour), []).append(skeleton.blocks[split.block])

    result: list[_Triple | None] = list(base)
    used: set[int] = set()
    for k in lone_source:
        src, tgt, pair = base[k]
        link = pair.source
        assert link is not None
        hit: tuple[Block, Link] | None = None
        for half in halves.get(("target", tgt.index), ()):
            hit = next(((half, t) for t in half.links_only if id(t) not in used and same(link, t)), None)
            if hit:
                break
        if hit is not None:
            used.add(id(hit[1]))
            result[k] = (src, hit[0], LinkPair(link, hit[1]))
            continue
        section = ctx.target.section_of(tgt.index)
        for j in lone_target:
            if result[j] is None:
                continue
            _, tgt2, pair2 = base[j]
            assert pair2.target is not None
            if (_near(ctx.target, tgt, tgt2) and same(link, pair2.target)
                    and ctx.target.section_of(tgt2.index) == section):
                result[j] = None
                result[k] = (src, tgt2, LinkPair(link, pair2.target))
                break
    # Two source paragraphs merged into one: the added link is the other source half's.
    for k in lone_target:
        triple = result[k]
        if triple is None:
            continue
        src, tgt, pair = triple
        link = pair.target
        assert link is not None
        whole = alignment.source_of.get(tgt.index)  # to find the pair a split half belongs to
        if whole is None:
            continue
        for half in halves.get(("source", whole.index), ()):
            s = next((s for s in half.links_only if id(s) not in used and same(s, link)), None)
            if s is not None:
                used.add(id(s))
                result[k] = (half, tgt, LinkPair(s, link))
                break
    return tuple(t for t in result if t is not None)
