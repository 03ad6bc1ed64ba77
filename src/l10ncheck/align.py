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

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Sequence

from rapidfuzz import fuzz

from l10ncheck.skeleton import Block, Link, Skeleton
from l10ncheck.textutil import anchors
from l10ncheck.urls import canonical

# A pair scoring below this is worse than leaving both blocks unpaired.
THRESHOLD = 0.35
MOVED_THRESHOLD = 0.75
# Headings are few and keep their order, so weaker evidence is enough to pair two of them.
HEADING_THRESHOLD = 0.25

_KIND_GROUP = {"paragraph": "text", "item": "text", "heading": "heading", "code": "code",
               "table": "table", "html": "html", "rule": "rule", "shortcode": "shortcode"}


@dataclass(frozen=True)
class BlockPair:
    """Aligned blocks; one side is None for a missing (``target``) or extra (``source``) block."""

    source: Block | None
    target: Block | None
    moved: bool = False
    score: float = 0.0


@dataclass(frozen=True)
class LinkPair:
    source: Link | None
    target: Link | None


@dataclass(frozen=True)
class Alignment:
    """A translation aligned to its source, in the order of the source (then extras)."""

    source: Skeleton
    target: Skeleton
    pairs: tuple[BlockPair, ...]

    def matched(self) -> tuple[BlockPair, ...]:
        return tuple(p for p in self.pairs if p.source is not None and p.target is not None)



def align(source: Skeleton, target: Skeleton, source_features: Features | None = None) -> Alignment:
    """Align ``target`` to ``source``. Pass ``Features(source)`` when aligning several
    translations to one source, so the source's features are computed once."""
    scorer = _Scorer(source_features or Features(source), Features(target))
    fast = _diagonal(source, target, scorer)
    if fast is not None:
        return Alignment(source, target, fast)
    src_heads = [b for b in source.blocks if _is_section_heading(b)]
    tgt_heads = [b for b in target.blocks if _is_section_heading(b)]
    head_pairs = _dp(src_heads, tgt_heads, scorer.section_score, HEADING_THRESHOLD)  # one group
    anchors_: list[tuple[int, int]] = [(-1, -1)]
    for s, t in head_pairs:
        if s is not None and t is not None:
            anchors_.append((s.index, t.index))
    anchors_.append((len(source.blocks), len(target.blocks)))

    pairs: list[BlockPair] = []
    for (s0, t0), (s1, t1) in zip(anchors_, anchors_[1:]):
        src_seg = list(source.blocks[s0 + 1 : s1])
        tgt_seg = list(target.blocks[t0 + 1 : t1])
        for s, t in _dp(src_seg, tgt_seg, scorer.block_score, group=scorer.groups):
            pairs.append(BlockPair(s, t, score=scorer.block_score(s, t) if s and t else 0.0))
        if s1 < len(source.blocks):
            head_s, head_t = source.blocks[s1], target.blocks[t1]
            pairs.append(BlockPair(head_s, head_t, score=scorer.section_score(head_s, head_t)))
    return Alignment(source, target, _pair_moved(pairs, scorer))


# Above this score on every block, a translation with the very same sequence of blocks is
# paired one to one without the dynamic programming (most translations: the fast path).
DIAGONAL_MIN = 0.55


def _diagonal(source: Skeleton, target: Skeleton, scorer: _Scorer) -> tuple[BlockPair, ...] | None:
    a, b = source.blocks, target.blocks
    if len(a) != len(b) or any(x.kind != y.kind or x.depth != y.depth or x.level != y.level
                               for x, y in zip(a, b)):
        return None
    pairs = []
    for x, y in zip(a, b):
        score = scorer.section_score(x, y) if _is_section_heading(x) else scorer.block_score(x, y)
        if score < DIAGONAL_MIN:
            return None
        pairs.append(BlockPair(x, y, score=score))
    return tuple(pairs)


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
    for i in missing:
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
    return tuple(replace.get(i, p) for i, p in enumerate(pairs) if i not in used)


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
        feat = _similarity(self.src.block[a.index], self.tgt.block[b.index])
        if feat is not None:
            weight += 3.0
            total += 3.0 * feat
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
        return (1.0 if a.kind == b.kind else 0.8) * total / weight

    def section_score(self, a: Block, b: Block) -> float:
        if a.info and a.info == b.info:
            # Explicit heading ids ({#install}) name the same section in every language.
            return 1.0
        base = self.block_score(a, b)
        level = 1.0 if a.level == b.level else 0.6
        sec_a = self.src.section(a.index)
        sec_b = self.tgt.section(b.index)
        content = _similarity(sec_a, sec_b)
        if content is None or not sec_a.size or not sec_b.size:
            # An emptied section (its only paragraph dropped) keeps its heading's own evidence.
            return base * level
        return level * (0.5 * base + 0.5 * content)


class Features:
    """What survives translation, per block and per section of one skeleton, computed once."""

    def __init__(self, skeleton: Skeleton):
        self.skeleton = skeleton
        blocks = skeleton.blocks
        self.block = [_Bag(_features(b)) for b in blocks]
        self.group = [_KIND_GROUP.get(b.kind, b.kind) for b in blocks]
        length = skeleton.length
        self.share = [len(b.text) / length for b in blocks]
        self.strong = [len(b.strong) for b in blocks]
        self._sections: dict[int, _Bag] = {}

    def section(self, heading: int) -> _Bag:
        """Features of everything under a heading up to the next heading."""
        found = self._sections.get(heading)
        if found is None:
            counts: Counter[str] = Counter()
            for block in self.skeleton.blocks[heading + 1 :]:
                if _is_section_heading(block):
                    break
                counts.update(self.block[block.index].counts)
                counts["k:" + block.kind] += 1
            found = self._sections[heading] = _Bag(counts)
        return found


class _Bag:
    """A multiset with its size precomputed, for a fast weighted Jaccard."""

    __slots__ = ("counts", "size")

    def __init__(self, counts: Counter[str] | dict[str, int]):
        self.counts = dict(counts)
        self.size = sum(self.counts.values())


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


def _features(block: Block) -> Counter[str]:
    found = anchors(block.text)
    for link in block.links:
        found["u:" + _url_key(link.url)] += 1
    for code in block.code_spans:
        found["c:" + code.code] += 1
    found["b:strong"] += len(block.strong)
    if block.kind == "code":
        found["code:" + block.code.strip()[:200]] += 1
    return +found


@lru_cache(maxsize=65536)
def _url_key(url: str) -> str:
    return canonical(url)


def _dp(
    src: Sequence[Block], tgt: Sequence[Block], score: Callable[[Block, Block], float],
    threshold: float = THRESHOLD,
    group: tuple[Callable[[Block], str], Callable[[Block], str]] | None = None,
) -> list[tuple[Block | None, Block | None]]:
    """Best monotone alignment: maximize the sum of (score - threshold) over pairs.

    ``group`` names each side's block group: blocks of different groups score 0 and are not
    scored at all."""
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [(s, None) for s in src] + [(None, t) for t in tgt]
    src_group = [group[0](b) for b in src] if group else [""] * n
    tgt_group = [group[1](b) for b in tgt] if group else [""] * m
    # Band the search for long documents: a block seldom moves further than this.
    band = max(30, abs(n - m) + max(n, m) // 4)
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
        pairs.extend(LinkPair(s, t) for s, t in zip(unmatched_src, remaining))
        unmatched_src, remaining = [], []
    pairs.extend(LinkPair(s, None) for s in unmatched_src)
    pairs.extend(LinkPair(None, t) for t in remaining)
    order = {id(link): i for i, link in enumerate(source)}
    torder = {id(link): i for i, link in enumerate(target)}
    pairs.sort(key=lambda p: (order.get(id(p.source), 10**6), torder.get(id(p.target), 10**6)))
    return pairs
