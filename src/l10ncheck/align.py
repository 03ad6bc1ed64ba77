"""Align a translation's skeleton to its source: sections, then blocks, then links.

Alignment never reads the prose: translated words share nothing with the source. It scores
pairs by what survives translation (block kind, list depth, link destinations, code, numbers,
names written in Latin letters, bold count) and by each block's share of the document's text,
and finds the best monotone alignment by dynamic programming:

1. Headings are aligned first, each scored with its level and the content of its section, so
   a translated heading over unchanged content still pairs.
2. Between two aligned headings, blocks are aligned the same way. A dropped block leaves one
   gap and the blocks after it still pair: no cascade.
3. Leftover blocks that match strongly elsewhere (a moved block) are paired afterwards.
4. Inside a block pair, links pair by destination first, then by order.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import AbstractSet, Callable, Sequence, TypeVar

from rapidfuzz import fuzz

from l10ncheck.anchors import slug_variants
from l10ncheck.codeshape import code_key, same_code, unprivileged
from l10ncheck.skeleton import Block, Link, Skeleton, cached_property, direct_init
from l10ncheck.textutil import anchor_counts
from l10ncheck.urls import canonical

# A pair scoring below this is worse than leaving both blocks unpaired.
THRESHOLD = 0.35
MOVED_THRESHOLD = 0.75
# Headings are few and keep their order, so weaker evidence is enough to pair two of them.
HEADING_THRESHOLD = 0.25
# The feature similarity of two blocks that share no kind of evidence.
UNKNOWN = 0.5
# A block with more features than this is a sentence, not a name standing alone.
LITERAL_MAX = 5
# Added to each pair on the diagonal of a segment with the same sequence of block kinds.
DIAGONAL_BONUS = 0.1

_KIND_GROUP = {"paragraph": "text", "item": "text", "heading": "heading", "code": "code",
               "table": "table", "html": "html", "rule": "rule", "shortcode": "shortcode"}


@direct_init
@dataclass(frozen=True)
class BlockPair:
    """Aligned blocks; one side is None for a missing (``target``) or extra (``source``) block."""

    source: Block | None
    target: Block | None
    moved: bool = False
    score: float = 0.0


@direct_init
@dataclass(frozen=True)
class LinkPair:
    source: Link | None
    target: Link | None


@dataclass(frozen=True)
class Split:
    """An unpaired block that is the other half of its paired neighbour on the same side: a
    paragraph the translation split in two (``side`` "target") or two it merged ("source").

    ``sure`` when the block's own evidence (links, code, names) is what its neighbour's pair
    lacks; otherwise only the lengths say so (with one weaker clue, perhaps: a bold span)."""

    side: str
    block: int
    neighbour: int
    sure: bool


@direct_init
@dataclass(frozen=True)
class Alignment:
    """A translation aligned to its source, in the order of the source (then extras)."""

    source: Skeleton
    target: Skeleton
    pairs: tuple[BlockPair, ...]
    splits: tuple[Split, ...] = ()

    def matched(self) -> tuple[BlockPair, ...]:
        """The pairs with a block on each side (found once: every rule reads them)."""
        return self._matched

    @cached_property
    def _matched(self) -> tuple[BlockPair, ...]:
        return tuple(p for p in self.pairs if p.source is not None and p.target is not None)

    @cached_property
    def source_of(self) -> dict[int, Block]:
        """The source block each paired target block (by index) is paired with."""
        return {p.target.index: p.source for p in self.pairs
                if p.source is not None and p.target is not None}

    def halves(self, side: str, neighbour: int) -> list[int]:
        """The blocks of ``side`` that are the other half of its block ``neighbour`` (a
        paragraph split in two on that side), in page order."""
        return sorted(s.block for s in self.splits if s.side == side and s.neighbour == neighbour)

    def split(self, side: str, index: int) -> Split | None:
        """The split that block ``index`` of ``side`` ("source" or "target") is part of."""
        for split in self.splits:
            if split.side == side and split.block == index:
                return split
        return None



def align(source: Skeleton, target: Skeleton, source_features: Features | None = None) -> Alignment:
    """Align ``target`` to ``source``. Pass ``Features(source)`` when aligning several
    translations to one source, so the source's features are computed once."""
    src_features = source_features or Features(source)
    scorer = _Scorer(src_features, Features(target, src_features.aliases))
    fast = _diagonal(source, target, scorer)
    if fast is not None:
        return Alignment(source, target, fast)  # one to one: nothing split
    src_heads = [b for b in source.blocks if _is_section_heading(b)]
    tgt_heads = [b for b in target.blocks if _is_section_heading(b)]
    head_pairs, moved = _align_headings(src_heads, tgt_heads, scorer)
    # A section found elsewhere by its id (reordered) is aligned on its own, with its heading.
    skip_s = {i for s, _ in moved for i in _section_range(source, s)}
    skip_t = {i for _, t in moved for i in _section_range(target, t)}
    anchors_: list[tuple[int, int]] = [(-1, -1)]
    for s, t in head_pairs:
        if s is not None and t is not None:
            anchors_.append((s.index, t.index))
    anchors_.append((len(source.blocks), len(target.blocks)))

    pairs: list[BlockPair] = []
    for (s0, t0), (s1, t1) in zip(anchors_, anchors_[1:]):
        src_seg = [b for b in source.blocks[s0 + 1 : s1] if b.index not in skip_s]
        tgt_seg = [b for b in target.blocks[t0 + 1 : t1] if b.index not in skip_t]
        within = _within_sections(src_seg, tgt_seg, scorer)
        seg_pairs = _dp_pinned(src_seg, tgt_seg, scorer, within)
        for s, t, moved_pair in _free_url_anchors(src_seg, tgt_seg, seg_pairs, scorer, within):
            pairs.append(BlockPair(s, t, moved=moved_pair, score=scorer.block_score(s, t) if s and t else 0.0))
        if s1 < len(source.blocks):
            head_s, head_t = source.blocks[s1], target.blocks[t1]
            pairs.append(BlockPair(head_s, head_t, score=scorer.section_score(head_s, head_t)))
    for head_s, head_t in moved:
        pairs.append(BlockPair(head_s, head_t, moved=True, score=scorer.section_score(head_s, head_t)))
        src_body = [source.blocks[i] for i in _section_range(source, head_s)[1:]]
        tgt_body = [target.blocks[i] for i in _section_range(target, head_t)[1:]]
        for s, t in _dp_pinned(src_body, tgt_body, scorer):
            pairs.append(BlockPair(s, t, moved=True, score=scorer.block_score(s, t) if s and t else 0.0))
    if moved or any(p.moved for p in pairs):
        pairs = _in_source_order(pairs)
    final = _pair_moved(pairs, scorer)
    return Alignment(source, target, final, _splits(final, scorer))


# How much more the other blocks of a stretch must score, once a paragraph held in place by
# its links is set aside, for that paragraph to count as moved.
ANCHOR_FREE_GAIN = 0.15


def _free_url_anchors(src: list[Block], tgt: list[Block],
                      pairs: list[tuple[Block | None, Block | None]], scorer: _Scorer,
                      score: Callable[[Block, Block], float] | None,
                      ) -> list[tuple[Block | None, Block | None, bool]]:
    """The stretch's pairs (source block, target block, moved), with a paragraph that a
    translation moved set free: a block pair sharing two or more links that no other block
    of either page has is the same paragraph wherever it stands, and when the blocks around
    it pair better without it in the order (an old translation that opens with the
    repository paragraph the source now puts after its intro list), it is paired as moved
    and the rest aligned without it; so it is when the order leaves both its blocks alone."""
    plain = [(s, t, False) for s, t in pairs]
    anchored = _url_anchor_pairs(src, tgt, scorer)
    if not anchored:
        return plain
    fixed_s = {s.index for s, _ in anchored}
    fixed_t = {t.index for _, t in anchored}
    score = score or scorer.block_score

    def total(found: list[tuple[Block | None, Block | None]]) -> float:
        return sum(score(a, b) - THRESHOLD for a, b in found if a is not None and b is not None
                   and a.index not in fixed_s and b.index not in fixed_t)

    rest = _dp_pinned([b for b in src if b.index not in fixed_s], [b for b in tgt if b.index not in fixed_t],
                      scorer, score)
    if total(rest) <= total(pairs) + ANCHOR_FREE_GAIN:
        # The order stands; an anchored pair both of whose blocks it left alone is still
        # one paragraph.
        alone_s = {a.index for a, b in pairs if a is not None and b is None}
        alone_t = {b.index for a, b in pairs if b is not None and a is None}
        anchored = [(s, t) for s, t in anchored if s.index in alone_s and t.index in alone_t]
        if not anchored:
            return plain
        taken = {s.index for s, _ in anchored} | {-1 - t.index for _, t in anchored}
        rest = [(a, b) for a, b in pairs
                if not (a is not None and b is None and a.index in taken)
                and not (a is None and b is not None and -1 - b.index in taken)]
    out: list[tuple[Block | None, Block | None, bool]] = [(a, b, False) for a, b in rest]
    for s, t in anchored:
        out_of_order = any(a is not None and b is not None and (a.index < s.index) != (b.index < t.index)
                           for a, b in rest)
        out.append((s, t, out_of_order))
    return out


def _url_anchor_pairs(src: list[Block], tgt: list[Block], scorer: _Scorer) -> list[tuple[Block, Block]]:
    """Block pairs of a stretch that share two or more link destinations found in no other
    block of either page."""
    if not any(k.startswith("u:") for b in src for k in scorer.src.block[b.index].counts):
        return []
    by_s, by_t = scorer.src.url_owner, scorer.tgt.url_owner
    in_src, in_tgt = {b.index for b in src}, {b.index for b in tgt}
    shared: dict[tuple[int, int], int] = {}
    for key, i in by_s.items():
        j = by_t.get(key, -1)
        if i >= 0 and j >= 0 and i in in_src and j in in_tgt:
            shared[(i, j)] = shared.get((i, j), 0) + 1
    blocks_s, blocks_t = scorer.source.blocks, scorer.target.blocks
    found = [(i, j) for (i, j), n in shared.items() if n >= 2]
    partners_s = [i for i, _ in found]
    partners_t = [j for _, j in found]
    return [(blocks_s[i], blocks_t[j]) for i, j in sorted(found)
            if partners_s.count(i) == 1 and partners_t.count(j) == 1]


# Above this score on every block, a translation with the very same sequence of blocks is
# paired one to one without the dynamic programming (most translations: the fast path).
DIAGONAL_MIN = 0.55


def _diagonal(source: Skeleton, target: Skeleton, scorer: _Scorer) -> tuple[BlockPair, ...] | None:
    a, b = source.blocks, target.blocks
    if len(a) != len(b) or any(x.kind != y.kind or x.depth != y.depth or x.level != y.level
                               for x, y in zip(a, b)):
        return None
    src_key, tgt_key = scorer.src.key, scorer.tgt.key
    src_count, tgt_count = scorer.src.key_count, scorer.tgt.key_count
    pairs = []
    for x, y in zip(a, b):
        kx, ky = src_key[x.index], tgt_key[y.index]
        if kx != ky and ((kx and src_count[kx] == 1 and tgt_count.get(kx) == 1)
                         or (ky and tgt_count[ky] == 1 and src_count.get(ky) == 1)):
            return None  # the same command, found once on each side, sits elsewhere
        if _is_section_heading(x) and y.info and not _heading_ids(x) & _heading_ids(y):
            return None  # an id names another section: the sections were reordered
        score = scorer.section_score(x, y) if _is_section_heading(x) else scorer.block_score(x, y)
        if score < DIAGONAL_MIN:
            return None
        pairs.append(BlockPair(x, y, score=score))
    return tuple(pairs)


def _align_headings(
    src: list[Block], tgt: list[Block], scorer: _Scorer,
) -> tuple[list[tuple[Block | None, Block | None]], list[tuple[Block, Block]]]:
    """Heading pairs in order, and the pairs of sections that moved (found by id elsewhere).

    Headings that name the same id (an explicit ``{#id}`` or the slug of an untranslated
    heading, on either side, unique on both) are pinned; the others are aligned by the
    dynamic programming between the pins."""
    pins = _pins(src, tgt)
    in_order = _increasing(pins)
    kept = {(s.index, t.index) for s, t in in_order}
    moved = [(s, t) for s, t in pins if (s.index, t.index) not in kept]
    moved_s = {s.index for s, _ in moved}
    moved_t = {t.index for _, t in moved}
    hs = [h for h in src if h.index not in moved_s]
    ht = [h for h in tgt if h.index not in moved_t]
    pos_s = {h.index: i for i, h in enumerate(hs)}
    pos_t = {h.index: i for i, h in enumerate(ht)}
    result: list[tuple[Block | None, Block | None]] = []
    i0 = j0 = 0
    for s, t in [*in_order, (None, None)]:
        i = pos_s[s.index] if s is not None else len(hs)
        j = pos_t[t.index] if t is not None else len(ht)
        run = _dp(hs[i0:i], ht[j0:j], scorer.section_score, HEADING_THRESHOLD)
        if i > i0 and j > j0:
            region = ((hs[i0 - 1].index + 1 if i0 else 0, ht[j0 - 1].index + 1 if j0 else 0),
                      (s.index if s is not None else len(scorer.source.blocks),
                       t.index if t is not None else len(scorer.target.blocks)))
            run = _best_run(run, hs[i0:i], ht[j0:j], region, scorer, moved_s, moved_t)
        result.extend(run)
        if s is not None:
            result.append((s, t))
        i0, j0 = i + 1, j + 1
    if len(hs) != len(ht) or len(result) != len(hs):
        result = _refine_headings(result, kept, scorer, moved_s, moved_t)
    return result, moved


_NUMBERED = re.compile(r"\s*\d+(?:\.\d+)*[.)]?\s+(?=\S)")
_PARENTHESIZED = re.compile(r"[(（]([^()（）]{3,60})[)）]")


def _heading_ids(block: Block) -> set[str]:
    """Ids a heading may be known by: its slugs, its explicit id, the slug without a
    section number ("3. Maintainers"), and that of a name in parentheses, which translations
    often add ("3. मेन्टेनर्स (Maintainers)")."""
    ids = slug_variants(block.text)
    if block.info:
        ids.add(block.info.lower())
    numbered = _NUMBERED.match(block.text)
    if numbered:
        ids |= slug_variants(block.text[numbered.end():])
    if "(" in block.text or "（" in block.text:
        for m in _PARENTHESIZED.finditer(block.text):
            ids |= slug_variants(m.group(1))
    return ids


def _pins(src: list[Block], tgt: list[Block]) -> list[tuple[Block, Block]]:
    """Heading pairs that share an id found once on each side, in source order."""
    def index(heads: list[Block]) -> dict[str, list[Block]]:
        found: dict[str, list[Block]] = {}
        for head in heads:
            for key in _heading_ids(head):
                found.setdefault(key, []).append(head)
        return found

    by_s, by_t = index(src), index(tgt)
    partners: dict[int, set[int]] = {}
    back: dict[int, set[int]] = {}
    for key, heads in by_s.items():
        other = by_t.get(key)
        if other and len(heads) == 1 and len(other) == 1:
            partners.setdefault(heads[0].index, set()).add(other[0].index)
            back.setdefault(other[0].index, set()).add(heads[0].index)
    tgt_by_index = {h.index: h for h in tgt}
    pins = []
    for head in src:
        found = partners.get(head.index)
        if found and len(found) == 1:
            t = next(iter(found))
            if back[t] == {head.index}:
                pins.append((head, tgt_by_index[t]))
    return pins


def _increasing(pins: list[tuple[Block, Block]]) -> list[tuple[Block, Block]]:
    """The longest run of pins in the same order on both sides (the rest moved)."""
    return _longest_increasing(pins, lambda pin: pin[1].index)


def _section_range(skeleton: Skeleton, head: Block) -> list[int]:
    """The heading's index and those of the blocks under it, up to the next heading."""
    out = [head.index]
    for block in skeleton.blocks[head.index + 1 :]:
        if _is_section_heading(block):
            break
        out.append(block.index)
    return out


# Regions larger than this (blocks on one side) are not re-aligned to test a heading shift.
REFINE_LIMIT = 300
# The share of its gain a block pair with no evidence in common brings to a heading pairing.
UNANCHORED_GAIN = 0.5


def _best_run(run: list[tuple[Block | None, Block | None]], hs: list[Block], ht: list[Block],
              region: tuple[tuple[int, int], tuple[int, int]], scorer: _Scorer,
              skip_s: set[int], skip_t: set[int]) -> list[tuple[Block | None, Block | None]]:
    """The pairing of a run of headings under which more of the blocks around them align.

    The heading scores favour pairing as many headings as possible in order. Two other
    pairings are tried when headings differ in number or evidence: the headings' scores
    without the one-to-one bonus, and the pairs the blocks themselves give when aligned
    with no heading pinned (a heading only the translation has above an untitled intro
    shifts every section pair by one otherwise)."""
    (s0, t0), (s1, t1) = region
    if s1 - s0 > REFINE_LIMIT or t1 - t0 > REFINE_LIMIT:
        return run
    candidates = []
    if len(hs) == len(ht) > 1:
        candidates.append(_dp(hs, ht, scorer.section_score, HEADING_THRESHOLD, bonus=0.0))
    if len(hs) != len(ht) or any(a is None or b is None for a, b in run):
        heads_s, heads_t = {h.index for h in hs}, {h.index for h in ht}
        seg_s = [b for b in scorer.source.blocks[s0:s1] if b.index not in skip_s]
        seg_t = [b for b in scorer.target.blocks[t0:t1] if b.index not in skip_t]
        candidates.append([
            (a if a is not None and a.index in heads_s else None, b if b is not None and b.index in heads_t else None)
            for a, b in _dp_pinned(seg_s, seg_t, scorer)
            if (a is not None and a.index in heads_s) or (b is not None and b.index in heads_t)])
    best, best_gain = run, None
    for other in candidates:
        if other != best:
            best_gain = _run_gain(best, region, scorer, skip_s, skip_t) if best_gain is None else best_gain
            gain = _run_gain(other, region, scorer, skip_s, skip_t)
            if gain > best_gain + 1e-9:
                best, best_gain = other, gain
    return best


def _run_gain(heads: list[tuple[Block | None, Block | None]],
              region: tuple[tuple[int, int], tuple[int, int]], scorer: _Scorer,
              skip_s: set[int], skip_t: set[int], unanchored: float = UNANCHORED_GAIN) -> float:
    """How well the blocks of a region (first and past-the-end block index on each side)
    align under a pairing of its headings: each heading pair's score above its threshold,
    and that of each block pair, summed. A block pair with no link, code, name or number in
    common counts for ``unanchored`` of its gain: pairs made on length alone come with
    almost any pairing."""
    (s0, t0), (s1, t1) = region
    source, target = scorer.source, scorer.target
    paired = [(s, t) for s, t in heads if s is not None and t is not None]
    total = sum(scorer.section_score(s, t) - HEADING_THRESHOLD for s, t in paired)
    cuts = [(s0 - 1, t0 - 1), *((s.index, t.index) for s, t in paired), (s1, t1)]
    for (x0, y0), (x1, y1) in zip(cuts, cuts[1:]):
        seg_s = [b for b in source.blocks[x0 + 1 : x1] if b.index not in skip_s]
        seg_t = [b for b in target.blocks[y0 + 1 : y1] if b.index not in skip_t]
        for x, y in _dp_pinned(seg_s, seg_t, scorer):
            if x is not None and y is not None:
                gain = scorer.block_score(x, y) - THRESHOLD
                total += gain if scorer.shares_evidence(x, y) else unanchored * gain
    return total


def _refine_headings(
    heads: list[tuple[Block | None, Block | None]], pinned: set[tuple[int, int]],
    scorer: _Scorer, skip_s: set[int], skip_t: set[int],
) -> list[tuple[Block | None, Block | None]]:
    """An extra (or missing) heading next to a heading pair may be the partner instead: keep
    whichever pairing aligns more of the blocks around them (so one added heading is one
    finding, not a shift of the sections after it)."""
    source, target = scorer.source, scorer.target
    heads = list(heads)
    k = 0
    swaps = 2 * len(heads)  # each swap gains: a bound, not a limit met in practice
    while k < len(heads):
        s_u, t_u = heads[k]
        if (s_u is None) == (t_u is None):
            k += 1
            continue
        revisit = None
        for step in (-1, 1):
            q = k + step
            while 0 <= q < len(heads) and (heads[q][0] is None or heads[q][1] is None):
                q += step
            if not 0 <= q < len(heads):
                continue
            s, t = heads[q]
            assert s is not None and t is not None
            if (s.index, t.index) in pinned:
                continue
            lo = max((p for p in range(min(k, q)) if heads[p][0] and heads[p][1]), default=-1)
            hi = min((p for p in range(max(k, q) + 1, len(heads)) if heads[p][0] and heads[p][1]),
                     default=len(heads))
            s0 = heads[lo][0].index if lo >= 0 else -1  # type: ignore[union-attr]
            t0 = heads[lo][1].index if lo >= 0 else -1  # type: ignore[union-attr]
            s1 = heads[hi][0].index if hi < len(heads) else len(source.blocks)  # type: ignore[union-attr]
            t1 = heads[hi][1].index if hi < len(heads) else len(target.blocks)  # type: ignore[union-attr]
            if s1 - s0 > REFINE_LIMIT or t1 - t0 > REFINE_LIMIT:
                continue
            alt = (s, t_u) if s_u is None else (s_u, t)
            region = ((s0 + 1, t0 + 1), (s1, t1))

            def gain(pair: tuple[Block | None, Block | None]) -> float:
                return _run_gain([pair], region, scorer, skip_s, skip_t, unanchored=1.0)

            if swaps and gain(alt) > gain((s, t)) + 1e-9:
                swaps -= 1
                lone = (None, t) if s_u is None else (s, None)
                first, second = (lone, alt) if q < k else (alt, lone)
                heads[min(k, q)], heads[max(k, q)] = first, second
                # The heading left alone before this one may in turn pair one step further
                # (two headings shifted by one added at the top).
                revisit = q if q < k else None
                break
        k = revisit if revisit is not None else k + 1
    return heads


def _in_source_order(pairs: list[BlockPair]) -> list[BlockPair]:
    """Pairs sorted by source block, each extra block kept after the pair before it."""
    keyed = []
    last = -1
    for n, pair in enumerate(pairs):
        if pair.source is not None:
            last = pair.source.index
            keyed.append(((last, 0, n), pair))
        else:
            keyed.append(((last, 1, n), pair))
    keyed.sort(key=lambda item: item[0])
    return [pair for _, pair in keyed]


def _is_section_heading(block: Block) -> bool:
    return block.kind == "heading" and block.depth == 0 and block.quote == 0


def _pair_moved(pairs: list[BlockPair], scorer: _Scorer) -> tuple[BlockPair, ...]:
    """Pair a leftover source block with a leftover target block that matches it strongly."""
    missing = [i for i, p in enumerate(pairs) if p.target is None]
    extra = [i for i, p in enumerate(pairs) if p.source is None]
    if not missing or not extra:
        return tuple(pairs)
    used: set[int] = set()
    replace: dict[int, BlockPair] = {}
    # The same command or code, found once on each side, is the same block wherever it is.
    src_key, tgt_key = scorer.src.key, scorer.tgt.key
    src_count, tgt_count = scorer.src.key_count, scorer.tgt.key_count
    extra_by_key = {}
    for j in extra:
        k = tgt_key[pairs[j].target.index]  # type: ignore[union-attr]
        if k and tgt_count[k] == 1 and src_count.get(k) == 1:
            extra_by_key[k] = j
    if extra_by_key:
        for i in missing:
            src = pairs[i].source
            assert src is not None
            j = extra_by_key.get(src_key[src.index], -1)
            if j >= 0:
                used.add(j)
                tgt = pairs[j].target
                assert tgt is not None
                replace[i] = BlockPair(src, tgt, moved=True, score=scorer.block_score(src, tgt))
    for i in missing:
        if i in replace:
            continue
        src = pairs[i].source
        assert src is not None
        best, best_score = -1, MOVED_THRESHOLD
        for j in extra:
            tgt = pairs[j].target
            assert tgt is not None
            if j in used or not scorer.has_anchors(src, tgt):
                continue
            score = scorer.block_score(src, tgt)
            if score > best_score:
                best, best_score = j, score
        if best >= 0:
            used.add(best)
            replace[i] = BlockPair(src, pairs[best].target, moved=True, score=best_score)
    if replace:
        _pair_descriptions(pairs, missing, extra, used, replace, scorer)
    return tuple(replace.get(i, p) for i, p in enumerate(pairs) if i not in used)


def _pair_descriptions(pairs: list[BlockPair], missing: list[int], extra: list[int], used: set[int],
                       replace: dict[int, BlockPair], scorer: _Scorer) -> None:
    """A moved command takes its description (the rest of its tldr example) along."""
    src_desc = {scorer.src.unit[pairs[i].source.index]: i  # type: ignore[union-attr]
                for i in missing if i not in replace}
    tgt_desc = {scorer.tgt.unit[pairs[j].target.index]: j  # type: ignore[union-attr]
                for j in extra if j not in used}
    src_desc.pop(-1, None)
    tgt_desc.pop(-1, None)
    if not src_desc or not tgt_desc:
        return
    for pair in list(replace.values()):
        assert pair.source is not None and pair.target is not None
        i = src_desc.get(pair.source.index)
        j = tgt_desc.get(pair.target.index)
        if i is None or j is None or j in used:
            continue
        used.add(j)
        s, t = pairs[i].source, pairs[j].target
        assert s is not None and t is not None
        replace[i] = BlockPair(s, t, moved=True, score=scorer.block_score(s, t))


def _splits(pairs: Sequence[BlockPair], scorer: _Scorer) -> tuple[Split, ...]:
    """Unpaired text blocks next to a paired one (same side, same section) that hold what
    that pair's other block has and it lacks, or whose length makes up the difference."""
    if all(p.source is not None and p.target is not None for p in pairs):
        return ()
    partner: dict[str, dict[int, Block]] = {"source": {}, "target": {}}
    for p in pairs:
        if p.source is not None and p.target is not None:
            partner["source"][p.source.index] = p.target
            partner["target"][p.target.index] = p.source
    # The evidence of each side's unpaired blocks (where a half could stand on its own) and
    # the length of its paired text (how long a translation of this page runs).
    alone: dict[str, set[str]] = {"source": set(), "target": set()}
    paired = {"source": 0, "target": 0}
    for p in pairs:
        if p.source is not None and p.target is None:
            alone["source"].update(scorer.src.split_counts(p.source.index))
        elif p.target is not None and p.source is None:
            alone["target"].update(scorer.tgt.split_counts(p.target.index))
        elif p.source is not None and p.target is not None and scorer.src.group[p.source.index] == "text":
            paired["source"] += len(p.source.text)
            paired["target"] += len(p.target.text)
    found: list[Split] = []
    for p in pairs:
        if (p.source is None) == (p.target is None):
            continue
        side = "source" if p.target is None else "target"
        block = p.source if p.target is None else p.target
        assert block is not None
        own, other = (scorer.src, scorer.tgt) if side == "source" else (scorer.tgt, scorer.src)
        command = own.group[block.index] == "code" and block.code.strip().count("\n") == 0
        if own.group[block.index] != "text" and not command:
            continue
        if _in_example(own, block.index):
            continue  # a tldr example one side lacks is dropped or added whole, not split
        skeleton = own.skeleton
        best: Split | None = None
        halves = [block.index]
        neighbours: tuple[int, ...] = (block.index - 1, block.index + 1)
        by_length = True
        if block.kind == "item":
            # A list set apart from the sentence that, on the other side, enumerates its
            # items inline ("(1) … (2) …"): the whole list is the other half.
            items = skeleton.lists[block.list_id].items if 0 <= block.list_id < len(skeleton.lists) else ()
            if items and all(i not in partner[side] for i in items):
                halves = list(items)
                neighbours = (items[0] - 1,)
        if len(halves) == 1 or neighbours[0] not in partner[side]:
            # A run of unpaired text blocks may be one paragraph said in several (a sentence,
            # a short list, another sentence): the run is the other half.
            run = _unpaired_run(own, partner[side], block.index)
            if len(run) > 1:
                halves = run
                neighbours = (run[0] - 1, run[-1] + 1)
                # Source blocks a translation lacks are most often what the source added
                # since: lengths that happen to add up are no proof there.
                by_length = side == "target"
        for nb in neighbours:
            whole = partner[side].get(nb)
            if whole is None or own.group[nb] != "text" or other.group[whole.index] != "text":
                continue
            if skeleton.section_of(nb) != skeleton.section_of(block.index):
                continue
            verdict: bool | None
            if len(halves) > 1 and _enumerates(whole.text, len(halves)) and not _enumerates(
                    skeleton.blocks[nb].text, 1):
                verdict = True  # "(1) … (2) …" inline where this side has a list
            elif command:
                # A one-line command set apart from the sentence that, on the other side,
                # holds it inline (`run \`npm run\`` vs "run:" and a code block).
                verdict = _holds_command(block, skeleton.blocks[nb], whole) or None
            else:
                there = "target" if side == "source" else "source"
                verdict = _completes(own, other, halves, nb, whole.index,
                                     _Page(alone[there], paired[side], paired[there]))
                if verdict is None and len(halves) > 1 and skeleton.blocks[nb].text.rstrip().endswith((":", "：")):
                    # "two main advantages:" and a list, where the other side says both in
                    # its sentence: the lengths tell (a reviewer's call, not sure).
                    verdict = _lengths_add_up(own, other, halves, nb, whole.index, slack=0.6)
            if verdict is False and not by_length:
                verdict = None
            if verdict is not None and (best is None or (verdict and not best.sure)):
                best = Split(side, block.index, nb, verdict)
        if best is not None:
            found.append(best)
    return tuple(found)


# The longest run of unpaired blocks taken for one half of a split paragraph.
SPLIT_RUN = 3


def _unpaired_run(own: Features, paired: dict[int, Block], index: int) -> list[int]:
    """The unpaired text blocks next to ``index`` (itself unpaired) in its section, up to
    SPLIT_RUN of them (a list counting once); just ``[index]`` when the run is longer (a
    dropped passage)."""
    skeleton = own.skeleton
    section = skeleton.section_of(index)

    def free(i: int) -> bool:
        # Not a description and its command (a tldr example): a dropped example is two
        # unpaired blocks of its own, not half of a paragraph.
        return (0 <= i < len(skeleton.blocks) and i not in paired and own.group[i] == "text"
                and own.unit[i] < 0 and skeleton.section_of(i) == section)

    if not free(index):
        return [index]
    low = high = index
    while free(low - 1):
        low -= 1
    while free(high + 1):
        high += 1
    # A list counts once: its items are the parts of one sentence.
    parts = {(b.list_id if b.kind == "item" else -1 - b.index) for b in skeleton.blocks[low:high + 1]}
    return list(range(low, high + 1)) if len(parts) <= SPLIT_RUN else [index]


_ENUMERATION = re.compile(r"[(（]?(\d{1,2})[)）]")


def _enumerates(text: str, n: int) -> bool:
    """Does ``text`` number items inline, "(1) … (2) …" or "1) … 2) …", from 1 to ``n``?"""
    found = {int(m.group(1)) for m in _ENUMERATION.finditer(text)}
    return all(i in found for i in range(1, n + 1))


def _holds_command(code: Block, neighbour: Block, whole: Block) -> bool:
    """Is ``code``'s one line an inline code span of ``whole`` that ``neighbour`` lacks?"""
    key = code_key(code.code.strip())
    return (any(code_key(c.code) == key for c in whole.code_spans)
            and not any(code_key(c.code) == key for c in neighbour.code_spans))


@dataclass(frozen=True)
class _Page:
    """What a split test knows of the pages beyond the blocks it compares: the evidence of
    the other page's unpaired blocks, and the length of the paired text on each page (this
    side's, the other's)."""

    alone: AbstractSet[str]
    paired_own: int
    paired_other: int


def _completes(own: Features, other: Features, halves: list[int], neighbour: int, whole: int,
               page: _Page | None = None) -> bool | None:
    """True when blocks ``halves`` hold what ``neighbour`` lacks of ``whole`` (its partner);
    False when only their lengths add up; None when they are not the other half."""
    theirs = other.split_counts(whole)
    lack = _lack(own, neighbour, theirs)
    mine = _Bag(_halves_counts(own, halves, theirs))
    covered = strong = 0
    for key, n in mine.counts.items():
        m = lack.get(key, 0)
        if m:
            covered += n if n < m else m
            if key[0] in "ucp":
                strong += 1
    foreign = _foreign(mine.counts, lack, theirs)
    if covered and (strong or covered >= 2) and covered * 2 >= mine.size and not foreign:
        return True
    prose = _prose_halves(own, other, halves, neighbour, whole)
    if covered and covered == mine.size and prose and _lengths_add_up(
            own, other, halves, neighbour, whole, part_max=WEAK_PART_MAX, page=page) is False:
        # One weaker clue (a bold span, a name, a number) that the neighbour lacks of the
        # whole, nothing else of the half's own, and the lengths add up: the clue says
        # where the rest of the whole went, though the neighbour alone is most of it. Not
        # sure: a reviewer's call.
        return False
    if foreign or mine.size and covered * 2 < mine.size:
        if page is not None and _older_wording(own, other, halves, neighbour, whole, mine.counts, lack, page):
            # The lengths must tell more firmly here: the half makes up nearly all the
            # difference between the neighbour and the whole.
            return _lengths_add_up(own, other, halves, neighbour, whole, low=JOIN_LOW)
        return None  # its own evidence is not the pair's
    return _lengths_add_up(own, other, halves, neighbour, whole, page=page if prose else None)


def _lack(own: Features, neighbour: int, theirs: dict[str, int]) -> dict[str, int]:
    """What ``neighbour`` lacks of the evidence ``theirs`` of its partner."""
    part = own.split_counts(neighbour)
    return {k: n - part.get(k, 0) for k, n in theirs.items() if n > part.get(k, 0)}


def _halves_counts(own: Features, halves: list[int], theirs: dict[str, int]) -> Counter[str]:
    """The evidence of blocks ``halves`` together, against ``theirs`` (the whole's)."""
    merged: Counter[str] = Counter()
    for h in halves:
        # A placeholder the whole does not write may be the same one localized: no evidence
        # either way.
        merged.update({k: n for k, n in own.split_counts(h).items() if k[0] != "p" or k in theirs})
    return merged


def _foreign(mine: dict[str, int], lack: dict[str, int], theirs: dict[str, int]) -> int:
    """How many links and words of code of the halves the whole does not have (as often):
    content beyond it (names the source added to a paragraph the translation has in older
    wording), which no rule sees once the halves are taken for part of the whole. Not a
    link or code the whole has another version of where the neighbour lacks it (a localized
    path: that is the inline rules' to compare), nor a name or number the whole writes, set
    as code in the half (the translator's style)."""
    extra = {"u": 0, "c": 0}
    for key, n in mine.items():
        m = theirs.get(key, 0)
        if n > m and key[0] in "uc" and not (key[0] == "c" and (
                "w:" + key[2:] in theirs or "n:" + key[2:] in theirs)):
            extra[key[0]] += n - m
    for key, m in lack.items():
        if key[0] in extra and extra[key[0]]:
            extra[key[0]] = max(0, extra[key[0]] - max(0, m - mine.get(key, 0)))
    return extra["u"] + extra["c"]


def _prose_halves(own: Features, other: Features, halves: list[int], neighbour: int, whole: int) -> bool:
    """Are the halves paragraphs, and none of the blocks part of a tldr example? A list
    item, or an example's description or command, that one side lacks is most often an item
    or an example dropped or added, which weak clues must not explain away."""
    if any(own.skeleton.blocks[h].kind != "paragraph" for h in halves):
        return False
    return not (_in_example(other, whole) or any(_in_example(own, i) for i in (*halves, neighbour)))


def _in_example(features: Features, index: int) -> bool:
    """Is block ``index`` a tldr example's description or its command?"""
    return features.unit[index] >= 0 or index in features.commands


# The least (neighbour + half) / whole, by share of their pages, for a paragraph in older
# wording to count as the whole of two (the upper bound is ``_lengths_add_up``'s).
JOIN_LOW = 0.9
# The most the neighbour's length, at the rate the rest of the translation runs, may be of
# the whole's for the whole to hold more than the neighbour.
JOIN_PART_MAX = 0.85
# The least paired text (characters, this side) besides the pair that measures that rate.
JOIN_REFERENCE = 200
# Kinds of evidence a translation carries over whatever its wording: code (never translated)
# and bold spans (markup). A half whose code or bold the whole lacks is not in the whole.
_CARRIED = ("c:", "b:")


def _older_wording(own: Features, other: Features, halves: list[int], neighbour: int, whole: int,
                   mine: dict[str, int], lack: dict[str, int], page: _Page) -> bool:
    """May paragraph ``whole`` say its partner ``neighbour`` and the paragraphs ``halves``
    together in older wording, though the halves' evidence is not in it? An old translation
    of a paragraph the source later split in two and reworded lacks what the rewrite added
    (a new example's names, a new link, a number): such evidence tells where the half went
    only when the other page has it in an unpaired block, where the half could stand on its
    own. Never for list items or a tldr example (a dropped item or example is its own gap),
    nor when the whole lacks a half's code or bold, which a translation keeps in any
    wording, nor when the whole is no longer than the neighbour's translation would be at
    the rate the rest of the page's translation runs: a paragraph the source added beside
    an old one has code, bold or a length of its own."""
    blocks = own.skeleton.blocks
    if other.skeleton.blocks[whole].kind != "paragraph" or any(
            blocks[i].kind != "paragraph" for i in (*halves, neighbour)):
        return False
    if whole in other.commands or any(i in own.commands for i in (*halves, neighbour)):
        return False  # a tldr example's command
    for key, n in mine.items():
        if key in page.alone or (key.startswith(_CARRIED) and n > lack.get(key, 0)):
            return False
    # Shares of pages mislead here: an old translation lacks other blocks too, so each of
    # its blocks is a larger share of its page. The rest of the paired text tells how long
    # the neighbour's translation runs: the whole must be clearly longer than that.
    own_len, other_len = len(blocks[neighbour].text), len(other.skeleton.blocks[whole].text)
    reference, translated = page.paired_own - own_len, page.paired_other - other_len
    if reference < JOIN_REFERENCE or translated <= 0:
        return False  # too little else to measure by
    return translated / reference * own_len <= JOIN_PART_MAX * other_len


# The most the neighbour's share may be of the whole's for lengths alone to tell a split;
# with a clue of the half's that the neighbour lacks, it may be most of the whole.
PART_MAX = 0.75
WEAK_PART_MAX = 0.9


def _lengths_add_up(own: Features, other: Features, halves: list[int], neighbour: int, whole: int,
                    slack: float = 0.33, low: float | None = None, part_max: float = PART_MAX,
                    page: _Page | None = None) -> bool | None:
    """False (a split judged by length only) when ``neighbour`` alone is too short for
    ``whole`` (at most ``part_max`` of it) and with ``halves`` it is about as long (within
    ``slack``, or from ``low`` up to 1 + ``slack``); None otherwise. Lengths are shares of
    their pages, or with ``page``, failing that, lengths at the rate the rest of the page's
    translation runs (a page that lacks blocks the other has makes each of its blocks a
    larger share)."""
    share_whole = other.share[whole]
    share_part, share_half = own.share[neighbour], sum(own.share[h] for h in halves)
    measures = [(share_part, share_half, share_whole)]
    if page is not None:
        blocks = own.skeleton.blocks
        own_len, other_len = len(blocks[neighbour].text), len(other.skeleton.blocks[whole].text)
        reference, translated = page.paired_own - own_len, page.paired_other - other_len
        if reference >= JOIN_REFERENCE and translated > 0:
            rate = translated / reference
            measures.append((own_len * rate, sum(len(blocks[h].text) for h in halves) * rate, other_len))
    lowest = 1 / (1 + slack) if low is None else low
    for part, half, total in measures:
        if total and part <= part_max * total and lowest <= (part + half) / total <= 1 + slack:
            return False
    return None


class _Scorer:
    """Similarity of blocks and sections from features that survive translation."""

    def __init__(self, source: Features, target: Features):
        self.src = source
        self.tgt = target
        self.source = source.skeleton
        self.target = target.skeleton
        self.src_len = self.source.length
        self.tgt_len = self.target.length
        self.src_n = max(len(self.source.blocks), 1)
        self.tgt_n = max(len(self.target.blocks), 1)
        self._cache: dict[tuple[int, int], float] = {}
        # Blocks of different groups never pair (score 0): the DP skips them unscored.
        self.groups = (lambda a: source.group[a.index], lambda b: target.group[b.index])

    def has_anchors(self, a: Block, b: Block) -> bool:
        sim = _similarity(self.src.block[a.index], self.tgt.block[b.index])
        return sim is not None and sim >= 0.6

    def shares_evidence(self, a: Block, b: Block) -> bool:
        """Whether the blocks have a link, code, name or number in common (a translation
        that writes the source's names in its own script may still share its links)."""
        theirs = self.tgt.block[b.index].counts
        return any(key in theirs for key in self.src.block[a.index].counts if not key.startswith("b:"))

    def block_score(self, a: Block, b: Block) -> float:
        key = (a.index, b.index)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        score = self._block_score(a, b)
        self._cache[key] = score
        return score

    def _block_score(self, a: Block, b: Block) -> float:
        ga, gb = self.src.group[a.index], self.tgt.group[b.index]
        if ga != gb:
            return 0.0
        # Weighted mean of similarities; weights: features 3, kind-specific 2-4, share 2,
        # position 1, list depth 0.5, bold count 0.5.
        weight = 2.0  # position and depth and bold, always there
        # Relative place of the block centres: in a two-block document the first block sits at
        # 1/4, not at 0, so position alone never decides between neighbours.
        total = 1.0 - abs((a.index + 0.5) / self.src_n - (b.index + 0.5) / self.tgt_n)
        total += 0.5 if a.depth == b.depth else 0.25
        total += 0.5 if self.src.strong[a.index] == self.tgt.strong[b.index] else 0.25
        bag_a, bag_b = self.src.block[a.index], self.tgt.block[b.index]
        feat, one_sided = _evidence(bag_a, bag_b)
        if feat == 0.0 and _contradicts(bag_a, bag_b):
            # Several links, names or words of code on each side and not one of them shared
            # (two lists of other people's profile links): another block, whatever its place.
            return 0.0
        # Without evidence both sides share, the pair is unknown (UNKNOWN): below a pair whose
        # evidence agrees, above one whose evidence disagrees.
        if one_sided and max(self.src.literal[a.index], self.tgt.literal[b.index]) >= 0.5:
            # A short block made mostly of names, numbers or code (a product name, a version)
            # reads the same in every language: what it lacks on the other side is missing
            # there, not translated.
            feat = 0.0 if feat is None else feat * 0.5
        weight += 3.0
        total += 3.0 * (UNKNOWN if feat is None else feat)
        if one_sided:
            # A kind of evidence only one block has (a number the other spells out, a name it
            # transliterates, a link it dropped) speaks weakly against the pair; evidence both
            # blocks have and that disagrees (above) speaks strongly.
            weight += 0.5 * min(one_sided, 3)
        if ga == "code":
            weight += 3.0
            total += 3.0 * fuzz.ratio(a.code, b.code) / 100.0
        elif ga == "shortcode":
            weight += 4.0
            total += 4.0 if a.info == b.info else 0.0
        elif ga == "table":
            weight += 2.0
            total += 2.0 * (1.0 if a.columns == b.columns else 0.5 if a.rows == b.rows else 0.2)
        share_a, share_b = self.src.share[a.index], self.tgt.share[b.index]
        if share_a or share_b:
            # Smooth tiny blocks so that "OK" vs "Хорошо" is not a 1:3 mismatch.
            low, high = (share_a, share_b) if share_a < share_b else (share_b, share_a)
            weight += 2.0
            total += 2.0 * (low + 0.01) / (high + 0.01)
        score = (1.0 if a.kind == b.kind else 0.8) * total / weight
        unit_a, unit_b = self.src.unit[a.index], self.tgt.unit[b.index]
        if unit_a >= 0 and unit_b >= 0:
            # A description and its command are one unit (a tldr example): the description,
            # which has little evidence of its own, pairs the way its command pairs.
            command = self.block_score(self.source.blocks[unit_a], self.target.blocks[unit_b])
            score = 0.5 * score + 0.5 * command
        return score

    def section_score(self, a: Block, b: Block) -> float:
        if a.info and a.info == b.info:
            # Explicit heading ids ({#install}) name the same section in every language.
            return 1.0
        base = self.block_score(a, b)
        level = 1.0 if a.level == b.level else 0.6
        sec_a = self.src.section(a.index)
        sec_b = self.tgt.section(b.index)
        content, one_sided = _evidence(sec_a, sec_b)
        if content is None or not sec_a.size or not sec_b.size:
            # An emptied section (its only paragraph dropped) keeps its heading's own evidence.
            return base * level
        content = 3.0 * content / (3.0 + 0.5 * min(one_sided, 3))
        return level * (0.5 * base + 0.5 * content)


class Features:
    """What survives translation, per block and per section of one skeleton, computed once."""

    def __init__(self, skeleton: Skeleton, aliases: dict[str, str] | None = None):
        self.skeleton = skeleton
        blocks = skeleton.blocks
        # A translation's short option (-v) is its source's {{[-v|--verbose]}}: the source's
        # aliases apply to both sides, so the same command has one key in both.
        self.aliases = _option_aliases(blocks) if aliases is None else aliases
        self.block = [_Bag(_features(b, self.aliases)) for b in blocks]
        self.literal = [_literal(b, bag) if bag.size <= LITERAL_MAX else 0.0
                        for b, bag in zip(blocks, self.block)]
        self.unit = _units(skeleton)
        self.commands = frozenset(i for i in self.unit if i >= 0)  # the examples' commands
        self.key = [_pin_key(b, self.aliases) for b in blocks]
        self.key_count = Counter(k for k in self.key if k)
        self.group = [_KIND_GROUP.get(b.kind, b.kind) for b in blocks]
        length = skeleton.length
        self.share = [len(b.text) / length for b in blocks]
        self.strong = [len(b.strong) for b in blocks]
        self._sections: dict[int, _Bag] = {}
        self._url_owner: dict[str, int] | None = None
        self._split: dict[int, dict[str, int]] = {}

    def split_counts(self, index: int) -> dict[str, int]:
        """Block ``index``'s evidence for telling the halves of a split paragraph: its
        features, with the names a script written without spaces runs into ("gRPCポート",
        "IPv4の": names with a capital inside or a digit), and each code span made of
        placeholders only (`<namespace>`) by its text ("p:"): placeholders are no evidence
        for pairing (a translation may localize them), but the same one on both sides says
        where a sentence went."""
        found = self._split.get(index)
        if found is None:
            block = self.skeleton.blocks[index]
            found = dict(self.block[index].counts)
            if not block.text.isascii():
                for key, n in anchor_counts(_SCRIPT_SEAM.sub(" ", block.text)).items():
                    # Not a word only capitalized: that script has no capitals of its own,
                    # so a translation capitalizes the source's common nouns at will ("Pod").
                    if n > found.get(key, 0) and (key[0] == "n" or key[3:] != key[3:].lower()
                                                  or any(ch.isdigit() for ch in key)):
                        found[key] = n
            for code in block.code_spans:
                text = code.code.strip()
                if not _command_words(text, self.aliases) and any(ch.isalnum() for ch in text):
                    found["p:" + text] = found.get("p:" + text, 0) + 1
            self._split[index] = found
        return found

    @property
    def url_owner(self) -> dict[str, int]:
        """Each link destination's block, -1 for one found in several blocks."""
        if self._url_owner is None:
            found: dict[str, int] = {}
            for i, bag in enumerate(self.block):
                for key in bag.counts:
                    if key.startswith("u:"):
                        found[key] = -1 if key in found else i
            self._url_owner = found
        return self._url_owner

    def section(self, heading: int) -> _Bag:
        """Features of everything under a heading up to the next heading."""
        found = self._sections.get(heading)
        if found is None:
            counts: dict[str, int] = {}
            get = counts.get
            for block in self.skeleton.blocks[heading + 1 :]:
                if _is_section_heading(block):
                    break
                for key, n in self.block[block.index].counts.items():
                    counts[key] = get(key, 0) + n
                key = "k:" + block.kind
                counts[key] = get(key, 0) + 1
            found = self._sections[heading] = _Bag(counts)
        return found


# Between a Latin letter or digit and a letter of another script: where a name written in
# Latin letters ends in text of a script that puts no space after it (Japanese, Chinese,
# Thai), so that ``anchors`` finds it there too.
_SCRIPT_SEAM = re.compile(r"(?<=[A-Za-z0-9])(?=[^\W\d_A-Za-z\u00c0-\u024f])"
                          r"|(?<=[^\W\d_A-Za-z\u00c0-\u024f])(?=[A-Za-z0-9])")


class _Bag:
    """A multiset with its size precomputed, for a fast weighted Jaccard, and the size of
    each kind of evidence (the part of a key before its first colon: u, c, w, n, ...)."""

    __slots__ = ("counts", "size", "kinds")

    def __init__(self, counts: dict[str, int]):
        self.counts = counts  # the bag's own (never changed afterwards)
        self.size = sum(self.counts.values())
        kinds: dict[str, int] = {}
        for key, n in self.counts.items():
            kind = key[: key.find(":")]
            kinds[kind] = kinds.get(kind, 0) + n
        self.kinds = kinds


# Names (w) and numbers (n) are transliterated or spelled out by some translations: when only
# one side has them, they weigh half as much as a link or code only one side has.
_ONE_SIDED_WEIGHT = {"w": 0.5, "n": 0.5}


def _evidence(a: _Bag, b: _Bag) -> tuple[float | None, float]:
    """How far the evidence of two blocks agrees: (agreement, one-sided count).

    Agreement is the share of matched features among the features of the kinds both sides
    have (u, c, w, n, ...), counting a feature with a different value on the other side as
    disagreement; None when the sides share no kind. Features of a kind only one side has,
    and the surplus of a feature both have (two links to a page where the other has one),
    are one-sided: evidence that is missing, not contradicted."""
    ka, kb = a.kinds, b.kinds
    weight = _ONE_SIDED_WEIGHT
    one_sided = 0.0
    for kind, n in ka.items():
        if kind not in kb:
            one_sided += n * weight.get(kind, 1.0)
    for kind, n in kb.items():
        if kind not in ka:
            one_sided += n * weight.get(kind, 1.0)
    if not ka or not kb:
        return None, one_sided
    matched = differ = 0
    bc = b.counts
    names_a: list[tuple[str, int]] = []  # names only one side has: cognates, perhaps
    for key, n in a.counts.items():
        kind = key[: key.find(":")]
        if kind not in kb:
            continue
        m = bc.get(key)
        if m:
            matched += n if n < m else m
            one_sided += (n - m if n > m else m - n) * weight.get(kind, 1.0)
        elif kind == "w":
            names_a.append((key, n))
        else:
            differ += n
    ac = a.counts
    names_b: list[tuple[str, int]] = []
    for key, n in bc.items():
        if key not in ac and key[: key.find(":")] in ka:
            if key.startswith("w:"):
                names_b.append((key, n))
            else:
                differ += n
    if names_a or names_b:
        cognates = _cognates(names_a, names_b)
        matched += cognates
        differ += sum(n for _, n in names_a) + sum(n for _, n in names_b) - 2 * cognates
    total = matched + differ
    return (matched / total if total else None), one_sided


# Names that share their first letters this long are one name spelled in two languages
# ("Context" and "Contexto", "Specification" and "Especificación" do not; "Kubernetes" and
# "Kubernetesu" do).
COGNATE_PREFIX = 5


def _cognates(names_a: list[tuple[str, int]], names_b: list[tuple[str, int]]) -> int:
    """How many of the names only one side has pair with a name of the other side sharing
    its first COGNATE_PREFIX letters (case aside): a name declined or spelled the
    language's way, not another name."""
    if not names_a or not names_b:
        return 0
    free: dict[str, int] = {}
    for key, n in names_b:
        if len(key) >= COGNATE_PREFIX + 2:
            stem = key[2 : 2 + COGNATE_PREFIX].casefold()
            free[stem] = free.get(stem, 0) + n
    found = 0
    for key, n in names_a:
        if len(key) < COGNATE_PREFIX + 2:
            continue
        stem = key[2 : 2 + COGNATE_PREFIX].casefold()
        m = free.get(stem, 0)
        if m:
            k = n if n < m else m
            found += k
            free[stem] = m - k
    return found


# Features of the kinds both blocks have, on each side, from which a complete disagreement
# is proof that the blocks are not the same.
CONTRADICTION_MIN = 3


def _contradicts(a: _Bag, b: _Bag) -> bool:
    ka, kb = a.kinds, b.kinds
    na = sum(n for kind, n in ka.items() if kind in kb)
    nb = sum(n for kind, n in kb.items() if kind in ka)
    return na >= CONTRADICTION_MIN and nb >= CONTRADICTION_MIN and "u" in ka and "u" in kb


def _similarity(a: _Bag, b: _Bag) -> float | None:
    """Weighted Jaccard of two multisets; None when both are empty (no evidence)."""
    if not a.size and not b.size:
        return None
    small, large = (a.counts, b.counts) if len(a.counts) <= len(b.counts) else (b.counts, a.counts)
    inter = 0
    for key, n in small.items():
        m = large.get(key)
        if m:
            inter += n if n < m else m
    union = a.size + b.size - inter
    return inter / union if union else None


def _features(block: Block, aliases: dict[str, str]) -> dict[str, int]:
    found = anchor_counts(block.text)
    get = found.get
    for link in block.links:
        # A link to a heading of the same page names it in the page's language: that it is
        # an in-page link survives translation, its fragment need not.
        key = "u:#" if link.url.startswith("#") else "u:" + _url_key(link.url)
        found[key] = get(key, 0) + 1
    for code in block.code_spans:
        for word in _command_words(code.code, aliases):
            key = "c:" + word
            found[key] = get(key, 0) + 1
    if block.strong:
        found["b:strong"] = len(block.strong)
    if block.footnote:
        # A footnote keeps its label in every language, and so do its references.
        found["fn:" + block.footnote] = 1
    for tag in block.tags:
        if tag.kind == "footnote":
            key = "fr:" + tag.name
            found[key] = get(key, 0) + 1
    if block.kind == "code":
        found["code:" + code_key(block.code[:2000])[:200]] = 1
    return found  # every count is positive


_OPTION_GROUP = re.compile(r"\{\{\[([^\]{}]*\|[^\]{}]*)\]\}\}")


def _option_aliases(blocks: Sequence[Block]) -> dict[str, str]:
    """Each alternative of tldr's option notation ({{[-v|--verbose]}}) -> the form
    ``code_key`` keeps (the last one)."""
    aliases: dict[str, str] = {}
    for block in blocks:
        for code in block.code_spans:
            if "{{[" in code.code:
                for m in _OPTION_GROUP.finditer(code.code):
                    names = [x.strip() for x in m.group(1).split("|")]
                    for name in names[:-1]:
                        if name:
                            aliases.setdefault(name, names[-1])
    return aliases


_WORD = re.compile(r"[^\s=:,;'\"()]+")


def _command_words(code: str, aliases: dict[str, str]) -> list[str]:
    """The words of a command that survive translation: ``code_key`` (placeholders, whatever
    their localized names, reduced to ``{}``; option notation to the option), split at
    spaces and ``=:,;`` and quotes, placeholders left out, the page's option aliases applied.
    As a multiset, so reordered options and an added ``sudo`` change the command a little."""
    words = [w for w in _WORD.findall(code_key(code)) if w.strip("{}")]
    if aliases:
        words = [aliases.get(w, w) for w in words]
    return words


def _pin_key(block: Block, aliases: dict[str, str]) -> str:
    """The command or code a block is made of, as ``code_key`` writes it with the source's
    option aliases applied (``-s`` = ``{{[-s|--short]}}``); "" for a block of prose. Equal
    keys are the same command: found once on each side, the two blocks are one."""
    if block.kind == "code":
        code = block.code[:2000]
    elif (block.code_spans and block.kind != "heading"
          and sum(len(c.code) for c in block.code_spans) * 5 >= len(block.text.strip()) * 4):
        code = "\x1f".join(c.code for c in block.code_spans)
    else:
        return ""
    # `sudo chown …` and `chown …` are one example (the code rule tells).
    words = unprivileged(code_key(code)).split(" ")
    if aliases:
        words = [aliases.get(w, w) for w in words]
    key = " ".join(words)
    if not any(ch.isalnum() for ch in key):
        return ""  # placeholders and punctuation only: names nothing
    return _KIND_GROUP.get(block.kind, block.kind) + ":" + key


def _literal(block: Block, bag: _Bag) -> float:
    """The share of a block's text made of names, numbers and code (what no translation
    changes)."""
    if not block.text:
        return 0.0
    size = sum(len(c.code) for c in block.code_spans)
    for key, n in bag.counts.items():
        if key[0] in "wn" and key[1] == ":":
            size += (len(key) - 2) * n
    return min(1.0, size / len(block.text))


def _units(skeleton: Skeleton) -> list[int]:
    """For a description that is a one-item list directly followed by a paragraph of code
    only (a tldr example), the index of that paragraph; -1 for every other block."""
    blocks = skeleton.blocks
    unit = [-1] * len(blocks)
    for i in range(len(blocks) - 1):
        item, command = blocks[i], blocks[i + 1]
        if (item.kind == "item" and command.kind == "paragraph" and command.code_spans
                and command.depth == 0 and 0 <= item.list_id < len(skeleton.lists)
                and skeleton.lists[item.list_id].size == 1
                and sum(len(c.code) for c in command.code_spans) * 5 >= len(command.text.strip()) * 4):
            unit[i] = i + 1
    return unit


@lru_cache(maxsize=65536)
def _url_key(url: str) -> str:
    """A link's destination as evidence that two blocks are one: its canonical form, with
    ``_`` read as ``-`` (/cloud_native_apps/ and /cloud-native-apps/ name one page to a
    reader, whether or not the site serves both; the link rules judge the difference), and
    a page of this site by the last two segments of its path (``../concepts/sdk/``,
    ``/docs/concepts/sdk`` and ``concepts/sdk.md`` are one page, written relative or
    absolute): evidence, not a resolved address."""
    key = canonical(url).replace("_", "-")
    if key.startswith(("#", "//")) or _SCHEME.match(key):
        return key
    path, hash_, fragment = key.partition("#")
    parts = [p for p in path.split("/") if p not in ("", ".", "..")]
    if parts:
        last = parts[-1]
        for ext in (".md", ".mdx", ".markdown"):
            last = last.removesuffix(ext)
        parts[-1] = last
        if parts[-1] in ("index", "-index") and len(parts) > 1:
            parts.pop()
    if not parts:
        return key
    return "~/" + "/".join(parts[-2:]) + hash_ + fragment


_SCHEME = re.compile(r"[a-z][a-z0-9+.\-]*:", re.I)


# Above this many candidate pairs, the second pinning pass is skipped (a page of hundreds of
# code samples is paired by its exact pins alone).
LOOSE_PIN_MAX = 400


def _loose_pins(src: Sequence[Block], tgt: Sequence[Block], scorer: _Scorer,
                exact: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Commands left unpinned that are the same command in another notation (``same_code``:
    `{{c|connect}}` for `connect`, `{{[-a|--all]}}` for `-a`, with or without sudo), one
    candidate on each side: pinned too. Old translations rarely keep any command byte for
    byte, and without pins their examples pair by position."""
    taken_s = {i for i, _ in exact}
    taken_t = {j for _, j in exact}
    src_key, tgt_key = scorer.src.key, scorer.tgt.key
    loose_s = [i for i, b in enumerate(src) if i not in taken_s and src_key[b.index] and len(b.code_spans) == 1]
    loose_t = [j for j, b in enumerate(tgt) if j not in taken_t and tgt_key[b.index] and len(b.code_spans) == 1]
    if not loose_s or not loose_t or len(loose_s) * len(loose_t) > LOOSE_PIN_MAX:
        return []
    aliases = scorer.src.aliases
    match: dict[int, list[int]] = {}
    back: dict[int, list[int]] = {}
    for i in loose_s:
        a = unprivileged(src[i].code_spans[0].code)
        for j in loose_t:
            if same_code(a, unprivileged(tgt[j].code_spans[0].code), aliases):
                match.setdefault(i, []).append(j)
                back.setdefault(j, []).append(i)
    return [(i, js[0]) for i, js in match.items() if len(js) == 1 and len(back[js[0]]) == 1]


# A block paired across a source section heading that has no partner (into a section the
# translation lacks) keeps this share of its score: without evidence either way, a block
# stays in the section its own heading opens.
SECTION_CROSSING = 0.85


def _within_sections(src: Sequence[Block], tgt: Sequence[Block], scorer: _Scorer,
                     ) -> Callable[[Block, Block], float] | None:
    """The block score for one stretch between paired headings, lowered for pairs that
    cross one of its unpaired source section headings (None when it has none)."""
    def sections(blocks: Sequence[Block]) -> dict[int, int]:
        found, k = {}, 0
        for b in blocks:
            if _is_section_heading(b):
                k += 1
            found[b.index] = k
        return found

    ks, kt = sections(src), sections(tgt)
    if not any(ks.values()):
        return None
    base = scorer.block_score

    def score(a: Block, b: Block) -> float:
        # Only a source heading the pair would cross counts: a heading the translation
        # added ("What it is" above an intro the source leaves untitled) moves nothing.
        value = base(a, b)
        return value if ks[a.index] <= kt[b.index] else value * SECTION_CROSSING

    return score


def _dp_pinned(src: Sequence[Block], tgt: Sequence[Block], scorer: _Scorer,
               score: Callable[[Block, Block], float] | None = None,
               ) -> list[tuple[Block | None, Block | None]]:
    """``_dp`` of blocks, with the blocks made of the same command or code (one with that
    key on each side) pinned first, in order, and the rest aligned between the pins: no
    position, diagonal or near-identical command outweighs an exact match. A pinned command's
    description (its tldr example unit) is pinned with it."""
    score = score or scorer.block_score
    pairs = _block_pins(src, tgt, scorer) if src and tgt else []
    if not pairs:
        return _dp(src, tgt, score, group=scorer.groups)
    out: list[tuple[Block | None, Block | None]] = []
    i0 = j0 = 0
    for i, j in [*pairs, (len(src), len(tgt))]:
        out.extend(_dp(src[i0:i], tgt[j0:j], score, group=scorer.groups))
        if i < len(src):
            out.append((src[i], tgt[j]))
        i0, j0 = i + 1, j + 1
    return out


def _block_pins(src: Sequence[Block], tgt: Sequence[Block], scorer: _Scorer) -> list[tuple[int, int]]:
    """Positions (in ``src``, ``tgt``) of the pinned pairs, increasing on both sides."""
    src_key, tgt_key = scorer.src.key, scorer.tgt.key
    by_s: dict[str, int] = {}
    for i, b in enumerate(src):
        k = src_key[b.index]
        if k:
            by_s[k] = -1 if k in by_s else i
    if not by_s:
        return []
    by_t: dict[str, int] = {}
    for j, b in enumerate(tgt):
        k = tgt_key[b.index]
        if k and k in by_s:
            by_t[k] = -1 if k in by_t else j
    found = sorted((by_s[k], j) for k, j in by_t.items() if j >= 0 and by_s[k] >= 0)
    found = sorted(found + _loose_pins(src, tgt, scorer, found))
    if not found:
        return []
    chain = _increasing_pairs(found)
    # A command's description (the item before it, the same tldr example) goes with it.
    src_unit, tgt_unit = scorer.src.unit, scorer.tgt.unit
    out: list[tuple[int, int]] = []
    for i, j in chain:
        last_i, last_j = out[-1] if out else (-1, -1)
        if (i - 1 > last_i and j - 1 > last_j
                and src_unit[src[i - 1].index] == src[i].index
                and tgt_unit[tgt[j - 1].index] == tgt[j].index):
            out.append((i - 1, j - 1))
        out.append((i, j))
    return out


def _increasing_pairs(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of (i, j) pairs, sorted by i, whose j increase too."""
    return _longest_increasing(pairs, lambda pair: pair[1])


P = TypeVar("P")


def _longest_increasing(items: list[P], rank: Callable[[P], int]) -> list[P]:
    """The longest subsequence of ``items`` whose ranks increase (patience sorting,
    O(n log n)); ``items`` itself when they all do."""
    ranks = [rank(item) for item in items]
    if all(a < b for a, b in zip(ranks, ranks[1:])):
        return items
    tails: list[int] = []  # item positions ending the best run of each length
    before = [-1] * len(items)
    for k, r in enumerate(ranks):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if ranks[tails[mid]] < r:
                lo = mid + 1
            else:
                hi = mid
        before[k] = tails[lo - 1] if lo else -1
        if lo == len(tails):
            tails.append(k)
        else:
            tails[lo] = k
    run: list[P] = []
    k = tails[-1] if tails else -1
    while k >= 0:
        run.append(items[k])
        k = before[k]
    return run[::-1]


def _dp(
    src: Sequence[Block], tgt: Sequence[Block], score: Callable[[Block, Block], float],
    threshold: float = THRESHOLD,
    group: tuple[Callable[[Block], str], Callable[[Block], str]] | None = None,
    bonus: float = DIAGONAL_BONUS,
) -> list[tuple[Block | None, Block | None]]:
    """Best monotone alignment: maximize the sum of (score - threshold) over pairs.

    ``group`` names each side's block group: blocks of different groups score 0 and are not
    scored at all. ``bonus`` is added to each pair of a one-to-one pairing (the same
    sequence of block kinds on both sides)."""
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [(s, None) for s in src] + [(None, t) for t in tgt]
    src_group = [group[0](b) for b in src] if group else [""] * n
    tgt_group = [group[1](b) for b in tgt] if group else [""] * m
    # Band the search for long documents: a block seldom moves further than this.
    band = max(30, abs(n - m) + max(n, m) // 4)
    # The same sequence of block kinds on both sides: the one-to-one pairing is what a
    # translation most often is, so it wins unless the evidence contradicts it. Kinds, not
    # groups: a stretch that adds a list item and drops a paragraph has as many text blocks
    # on each side, but is not one to one, and the bonus would pull every block after the
    # added item back onto the diagonal, a block off its counterpart.
    diagonal = bonus if n == m and src_group == tgt_group and all(
        a.kind == b.kind for a, b in zip(src, tgt)) else 0.0
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]  # 1: pair, 2: skip source, 3: skip target
    for i in range(1, n + 1):
        move[i][0] = 2
    for j in range(1, m + 1):
        move[0][j] = 3
    for i in range(1, n + 1):
        expected = i * m / n
        row, prev = best[i], best[i - 1]
        for j in range(1, m + 1):
            value, step = prev[j], 2
            if row[j - 1] > value:
                value, step = row[j - 1], 3
            if abs(j - expected) <= band and src_group[i - 1] == tgt_group[j - 1]:
                gain = score(src[i - 1], tgt[j - 1]) - threshold
                if gain > 0 and i == j:
                    gain += diagonal
                if gain > 0 and prev[j - 1] + gain > value:
                    value, step = prev[j - 1] + gain, 1
            row[j] = value
            move[i][j] = step
    out: list[tuple[Block | None, Block | None]] = []
    i, j = n, m
    while i > 0 or j > 0:
        step = move[i][j]
        if step == 1:
            out.append((src[i - 1], tgt[j - 1]))
            i, j = i - 1, j - 1
        elif step == 2:
            out.append((src[i - 1], None))
            i -= 1
        else:
            out.append((None, tgt[j - 1]))
            j -= 1
    out.reverse()
    return out


def align_links(source: Sequence[Link], target: Sequence[Link]) -> list[LinkPair]:
    """Pair links by destination, then the rest by order; unpaired ones stand alone."""
    pairs: list[LinkPair] = []
    remaining = list(target)
    unmatched_src: list[Link] = []
    for link in source:
        hit = next((t for t in remaining if _url_key(t.url) == _url_key(link.url)), None)
        if hit is not None:
            remaining.remove(hit)
            pairs.append(LinkPair(link, hit))
        else:
            unmatched_src.append(link)
    if unmatched_src and remaining and len(unmatched_src) == len(remaining):
        # By order, unless the two share only their site (two different profiles on one
        # host): then one is missing and the other added, not one changed.
        left_s: list[Link] = []
        left_t: list[Link] = []
        for s, t in zip(unmatched_src, remaining):
            if _other_page_same_host(s.url, t.url):
                left_s.append(s)
                left_t.append(t)
            else:
                pairs.append(LinkPair(s, t))
        unmatched_src, remaining = left_s, left_t
    pairs.extend(LinkPair(s, None) for s in unmatched_src)
    pairs.extend(LinkPair(None, t) for t in remaining)
    order = {id(link): i for i, link in enumerate(source)}
    torder = {id(link): i for i, link in enumerate(target)}
    pairs.sort(key=lambda p: (order.get(id(p.source), 10**6), torder.get(id(p.target), 10**6)))
    return pairs


_ABSOLUTE = re.compile(r"^[a-z][a-z0-9+.-]*://([^/?#]+)([^?#]*)", re.IGNORECASE)
# Below this similarity of their paths, two URLs on one host are two pages, not one edited.
SAME_PAGE_PATH = 60


_REF = re.compile(r"/(tree|blob|raw|blame|edit)/[^/]+")


def _other_page_same_host(a: str, b: str) -> bool:
    """Two absolute URLs on the same host whose paths have little in common."""
    ma, mb = _ABSOLUTE.match(a.strip()), _ABSOLUTE.match(b.strip())
    if not ma or not mb or ma.group(1).lower() != mb.group(1).lower():
        return False
    # A repository's ref (branch, tag or commit) after tree/, blob/, raw/: the same file at
    # another revision is the same page, its link pinned or unpinned.
    pa, pb = (_REF.sub(r"/\1/@", m.group(2)).strip("/") for m in (ma, mb))
    if not pa or not pb:
        return False
    # Compare the parts after the common prefix (/in/, /docs/): what names the page.
    k = 0
    while k < min(len(pa), len(pb)) and pa[k] == pb[k]:
        k += 1
    k = pa.rfind("/", 0, k) + 1
    if not k:
        return False  # another first segment (/en/ -> /ms/): maybe a localized page
    return fuzz.ratio(pa[k:], pb[k:]) < SAME_PAGE_PATH
