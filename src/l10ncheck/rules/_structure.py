"""Shared reading of an alignment's gaps, so block rules and section rules agree on who
reports what (a dropped section is one finding, never one per block)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from l10ncheck.align import BlockPair
from l10ncheck.diagnostics import Span
from l10ncheck.rules.base import TranslationContext, insertion_point
from l10ncheck.skeleton import Block, Skeleton


@dataclass(frozen=True)
class SectionGap:
    heading: Block
    members: tuple[int, ...]  # block indices covered by this gap (heading included)
    where: Span

    @property
    def count(self) -> int:
        return len(self.members)


def _side(pair: BlockPair, side: str) -> Block | None:
    return pair.source if side == "source" else pair.target


def _other(pair: BlockPair, side: str) -> Block | None:
    return pair.target if side == "source" else pair.source


def section_gaps(ctx: TranslationContext, side: str) -> list[SectionGap]:
    """Sections whose heading is unpaired and most of whose blocks are unpaired too."""
    skeleton: Skeleton = ctx.source if side == "source" else ctx.target
    unpaired = {
        b.index for p in ctx.alignment.pairs
        if (b := _side(p, side)) is not None and _other(p, side) is None
    }
    position = {
        b.index: i for i, p in enumerate(ctx.alignment.pairs) if (b := _side(p, side)) is not None
    }
    gaps: list[SectionGap] = []
    for section in skeleton.sections:
        if section.heading is None or section.heading not in unpaired:
            continue
        members = section.blocks
        missing = [i for i in members if i in unpaired]
        if members and len(missing) * 2 < len(members):
            continue  # the content is there: only the heading is missing (a block finding)
        heading = skeleton.blocks[section.heading]
        at = insertion_point(ctx, position[heading.index]) if side == "source" else heading.span
        gaps.append(SectionGap(heading, (heading.index, *missing), at))
    return gaps


def covered_by_section_gap(ctx: TranslationContext, side: str) -> set[int]:
    return {i for gap in section_gaps(ctx, side) for i in gap.members}


def unpaired(ctx: TranslationContext, side: str) -> Iterator[tuple[int, Block]]:
    """(pair index, block) for each block of ``side`` that has no partner."""
    for i, pair in enumerate(ctx.alignment.pairs):
        block = _side(pair, side)
        if block is not None and _other(pair, side) is None:
            yield i, block


def item_lists_with_partner(ctx: TranslationContext, side: str) -> set[int]:
    """Lists (ids on ``side``) with at least one paired item: their missing items are a
    list-item-count finding, not a missing-block one."""
    found: set[int] = set()
    for pair in ctx.alignment.matched():
        block = _side(pair, side)
        if block is not None and block.kind == "item":
            found.add(block.list_id)
    return found


KIND_NAMES = {
    "paragraph": "paragraph", "item": "list item", "heading": "heading", "code": "code block",
    "table": "table", "html": "HTML block", "rule": "horizontal rule", "shortcode": "shortcode",
}


def describe(block: Block) -> str:
    return KIND_NAMES.get(block.kind, block.kind)


def is_comment(block: Block) -> bool:
    """An HTML comment block: a note to writers, invisible to readers."""
    code = block.code.strip()
    return block.kind == "html" and code.startswith("<!--") and code.endswith("-->")
