"""Shared reading of an alignment's gaps, so block rules and section rules agree on who
reports what (a dropped section is one finding, never one per block)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from l10ncheck.align import BlockPair
from l10ncheck.diagnostics import Span
from l10ncheck.rules.base import TranslationContext, _is_comment, insertion_point
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


def section_runs(gaps: list[SectionGap]) -> list[list[SectionGap]]:
    """Gaps in runs of sections that follow each other with nothing paired between them and
    would stand at one place: an old page that lacks its last nine sections lacks one
    stretch of text, reported once."""
    runs: list[list[SectionGap]] = []
    for gap in gaps:
        last = runs[-1][-1] if runs else None
        if last is not None and last.where == gap.where and gap.heading.index == max(last.members) + 1:
            runs[-1].append(gap)
        else:
            runs.append([gap])
    return runs


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
    name = KIND_NAMES.get(block.kind, block.kind)
    if block.footnote:
        note = f"footnote [^{block.footnote}]"
        return note if block.kind == "paragraph" else f"{name} in {note}"
    return name


def is_comment(block: Block) -> bool:
    """An HTML comment block: a note to writers, invisible to readers."""
    return _is_comment(block)


@dataclass(frozen=True)
class Gap:
    """Consecutive blocks of one side with no partner: one dropped (or added) stretch of text,
    such as a tldr example (its description and its command), reported once."""

    pair_index: int  # of the first block, for insertion_point
    blocks: tuple[Block, ...]
    # Every block is probably the other half of a neighbouring paired block (a paragraph split
    # in two or two merged), judged by length only: a reviewer's call, not a sure drop.
    split: bool = False

    @property
    def first(self) -> Block:
        return self.blocks[0]

    @property
    def more(self) -> int:
        """Blocks after the first, not counting the rest of a list the first one opens."""
        head = self.blocks[0]
        return sum(1 for b in self.blocks[1:] if not (b.kind == "item" and b.list_id == head.list_id))


def gaps(ctx: TranslationContext, side: str) -> list[Gap]:
    skeleton = ctx.source if side == "source" else ctx.target
    covered = covered_by_section_gap(ctx, side)
    with_partner = item_lists_with_partner(ctx, side)
    runs: list[Gap] = []
    current: list[tuple[int, Block]] = []
    seen_lists: set[int] = set()

    splits = {s.block: s for s in ctx.alignment.splits if s.side == side}

    def flush() -> None:
        if current:
            blocks = tuple(b for _, b in current)
            # A horizontal rule dropped beside a split half does not make the run a drop.
            halves = [b for b in blocks if b.kind != "rule"]
            runs.append(Gap(current[0][0], blocks, bool(halves) and all(b.index in splits for b in halves)))
            current.clear()

    for i, pair in enumerate(ctx.alignment.pairs):
        block, other = _side(pair, side), _other(pair, side)
        if block is None:
            continue  # the other side's extra block does not break this side's run
        if other is not None:
            flush()
            continue
        if block.index in covered or is_comment(block):
            continue
        split = splits.get(block.index)
        if split is not None and split.sure:
            continue  # the other half of a split paragraph, with what its neighbour lacks
        if block.kind == "item" and (block.list_id in with_partner or block.list_id in seen_lists):
            # Items of a list that is otherwise there are list-item-count's; the rest of a
            # dropped list is part of the list already in this run.
            if block.list_id in seen_lists:
                continue
            flush()
            continue
        if block.kind == "item":
            seen_lists.add(block.list_id)
        if current and skeleton.section_of(current[-1][1].index) != skeleton.section_of(block.index):
            flush()
        current.append((i, block))
    flush()
    return runs


def facing(ctx: TranslationContext, gap: Gap, side: str) -> list[Block]:
    """The other side's unpaired blocks at the gap's place: between the paired blocks just
    before and just after it (what the gap may stand in for)."""
    pairs = ctx.alignment.pairs
    found: list[Block] = []
    for step in (-1, 1):
        i = gap.pair_index + step
        while 0 <= i < len(pairs):
            pair = pairs[i]
            mine, other = _side(pair, side), _other(pair, side)
            if mine is not None and other is not None:
                break
            if other is not None:
                found.append(other)
            i += step
    return sorted(found, key=lambda b: b.index)


def describe_gap(ctx: TranslationContext, gap: Gap, side: str) -> str:
    """'paragraph "…"' or 'list (3 items) starting with "…"', plus how many blocks follow."""
    skeleton = ctx.source if side == "source" else ctx.target
    block = gap.first
    what = describe(block)
    if block.kind == "item":
        size = skeleton.lists[block.list_id].size
        what = f"list ({size} item{'s' if size != 1 else ''}) starting with"
    if block.kind == "shortcode":
        text = "alert" if block.info == "alert" else f"shortcode {_quote(block.info)}"
    else:
        text = f"{what} {_quote(block.text or block.code)}"
    more = gap.more
    if more:
        text += f" and {more} more block{'s' if more != 1 else ''}"
    return text


def _quote(text: str) -> str:
    from l10ncheck.rules.base import quote

    return quote(text)
