"""The aligned, side-by-side view of one article, for reports that show the text itself.

:func:`build_view` turns an article's documents and their alignments to the source into rows:
one row per source block, in source order, holding the aligned block of every translation or
``None`` where the translation has no counterpart (a gap); a block that only a translation has
(an extra block) gets a row of its own right after the row of the source block that precedes
it in that translation's alignment.

Views keep the raw Markdown lines and their line numbers, unescaped: whoever shows them
escapes them, and can highlight a finding on the exact characters its span names.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass

from l10ncheck.align import Alignment
from l10ncheck.diagnostics import Span
from l10ncheck.extract import build_skeleton
from l10ncheck.skeleton import Block


@dataclass(frozen=True)
class BlockView:
    """One block of one document: its kind, where it stands, and its raw lines.

    ``lines`` are the file's lines ``line`` to ``end_line`` (1-based, inclusive) exactly as
    written. They cover the block's span plus the non-blank lines that directly follow it
    before the next block starts, so a setext heading keeps its ``----`` underline.
    """

    index: int
    kind: str
    span: Span
    line: int
    end_line: int
    lines: tuple[str, ...]
    moved: bool = False

    def contains(self, line: int) -> bool:
        return self.line <= line <= self.end_line

    def numbered(self) -> tuple[tuple[int, str], ...]:
        """(line number, text) of every line of the block."""
        return tuple(zip(range(self.line, self.end_line + 1), self.lines))


@dataclass(frozen=True)
class RowView:
    """One aligned row: a cell per language of the view (``None``: no block there).

    ``extra`` marks a row holding a block that only one translation has; its source cell and
    the other translations' cells are ``None`` without being gaps.
    """

    cells: tuple[BlockView | None, ...]
    extra: bool = False


@dataclass(frozen=True)
class ArticleView:
    """An article shown side by side: source language first, then the others sorted."""

    slug: str
    source_lang: str
    langs: tuple[str, ...]
    paths: tuple[str, ...]  # one per language, same order as ``langs``
    rows: tuple[RowView, ...]

    def path(self, lang: str) -> str:
        return self.paths[self.langs.index(lang)]

    def column(self, lang: str) -> int:
        return self.langs.index(lang)


def build_view(slug: str, source_lang: str, documents: Mapping[str, tuple[str, str]],
               alignments: Mapping[str, Alignment]) -> ArticleView:
    """Rows of an article from ``{lang: (path, normalized text)}`` (source included) and
    ``{lang: Alignment}`` of each translation. Languages without an alignment are left out."""
    langs = (source_lang, *sorted(lang for lang in alignments if lang != source_lang))
    paths = tuple(documents[lang][0] for lang in langs)
    lines = {lang: documents[lang][1].split("\n") for lang in langs}
    if alignments:
        source_blocks = next(iter(alignments.values())).source.blocks
    else:
        source_blocks = build_skeleton(documents[source_lang][1], source_lang, paths[0]).blocks
    source_view = _views(source_blocks, lines[source_lang], set())

    # Per translation: source index -> its block, and extras by the source index they follow.
    paired: dict[str, dict[int, BlockView]] = {}
    extras: dict[str, dict[int, list[BlockView]]] = {}
    for lang in langs[1:]:
        alignment = alignments[lang]
        moved = {p.target.index for p in alignment.pairs if p.moved and p.target is not None}
        views = _views(alignment.target.blocks, lines[lang], moved)
        paired[lang], extras[lang] = {}, {}
        after = -1
        for pair in alignment.pairs:
            if pair.source is not None:
                after = pair.source.index
                if pair.target is not None:
                    paired[lang][after] = views[pair.target.index]
            elif pair.target is not None:
                extras[lang].setdefault(after, []).append(views[pair.target.index])

    rows: list[RowView] = []

    def add_extras(after: int) -> None:
        for column, lang in enumerate(langs[1:], start=1):
            for block in extras[lang].get(after, ()):
                cells: list[BlockView | None] = [None] * len(langs)
                cells[column] = block
                rows.append(RowView(tuple(cells), extra=True))

    add_extras(-1)
    for block in source_blocks:
        rows.append(RowView((source_view[block.index],
                             *(paired[lang].get(block.index) for lang in langs[1:]))))
        add_extras(block.index)
    return ArticleView(slug, source_lang, langs, paths, tuple(rows))


def _views(blocks: tuple[Block, ...], lines: list[str], moved: set[int]) -> dict[int, BlockView]:
    """A view of every block, keyed by block index."""
    starts = sorted(b.span.line for b in blocks)
    out: dict[int, BlockView] = {}
    for block in blocks:
        first = max(1, min(block.span.line, len(lines)))
        last = max(first, min(block.span.end_line, len(lines)))
        after = bisect.bisect_right(starts, last)
        stop = starts[after] if after < len(starts) else len(lines) + 1
        while last + 1 < stop and lines[last].strip():  # lines[last] is line last + 1
            last += 1
        out[block.index] = BlockView(block.index, block.kind, block.span, first, last,
                                     tuple(lines[first - 1 : last]), block.index in moved)
    return out
