"""The Rule base class and the contexts rules read.

A rule is a class with a stable ``code``, a kebab-case ``name``, one ``category`` and a default
``severity``; its docstring is its documentation (summary, "Why it matters:", "Example:").
Rules only yield diagnostics: they never print, read files or look at parser tokens.
"""

from __future__ import annotations

import bisect
from collections import Counter
import inspect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Iterator

from l10ncheck.align import Alignment, LinkPair, align_links
from l10ncheck.diagnostics import Category, Diagnostic, Location, RuleInfo, Severity, Span
from l10ncheck.skeleton import Block, Skeleton, cached_property, direct_init
from l10ncheck.frontmatter import IDENTICAL_KEYS, FrontMatter
from l10ncheck.site import SiteIndex
from l10ncheck.terms import Term, skeleton_script

if TYPE_CHECKING:
    from l10ncheck.glossary import ForbiddenTerm


@direct_init
@dataclass(frozen=True)
class TranslationContext:
    """One translation aligned to its source, with what the article teaches (terms)."""

    article: str
    source_lang: str
    lang: str
    alignment: Alignment
    terms: tuple[Term, ...] = ()
    forbidden: tuple[ForbiddenTerm, ...] = ()
    source_front: FrontMatter | None = None
    target_front: FrontMatter | None = None
    identical_keys: tuple[str, ...] = IDENTICAL_KEYS
    site: SiteIndex | None = None
    fallback_langs: tuple[str, ...] = ()

    def block_pairs(self) -> tuple[tuple[Block, Block], ...]:
        """(source block, target block) for every aligned pair, in source order."""
        return self._block_pairs

    @cached_property
    def _block_pairs(self) -> tuple[tuple[Block, Block], ...]:
        # Found once for the forty rules that each walk them.
        return tuple((p.source, p.target) for p in self.alignment.matched()
                     if p.source is not None and p.target is not None)

    @cached_property
    def target_script(self) -> str:
        """The script the translation is written in (``terms.document_script``), read once
        for all the rules that ask."""
        return skeleton_script(self.target)

    @cached_property
    def link_pairs(self) -> tuple[tuple[Block, Block, LinkPair], ...]:
        """Links of every aligned block pair, paired (computed once for all link rules)."""
        return self._pairs(images=False)

    @cached_property
    def image_pairs(self) -> tuple[tuple[Block, Block, LinkPair], ...]:
        return self._pairs(images=True)

    def _pairs(self, images: bool) -> tuple[tuple[Block, Block, LinkPair], ...]:
        out: list[tuple[Block, Block, LinkPair]] = []
        for pair in self.alignment.matched():
            src, tgt = pair.source, pair.target
            assert src is not None and tgt is not None
            a = src.images if images else src.links_only
            b = tgt.images if images else tgt.links_only
            if a or b:
                out.extend((src, tgt, link_pair) for link_pair in align_links(a, b))
        return tuple(out)

    @property
    def source(self) -> Skeleton:
        return self.alignment.source

    @property
    def target(self) -> Skeleton:
        return self.alignment.target


@dataclass(frozen=True)
class FileProblem:
    """A file-level fact found before parsing: unreadable, orphan, missing or empty."""

    kind: str  # unreadable | orphan | missing | empty
    lang: str
    path: str
    message: str
    span: Span = Span(1, 1, 1, 1)
    source_path: str | None = None


@dataclass(frozen=True)
class ArticleContext:
    """File-level facts about one article (for the ``file`` rules)."""

    article: str
    source_lang: str
    problems: tuple[FileProblem, ...] = field(default=())


class Rule:
    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    fixable: ClassVar[bool] = False
    uses_anchors: ClassVar[bool] = False  # reads the headings of other pages (ctx.site.anchors)

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        """Findings for one aligned translation (override in translation rules)."""
        return iter(())

    def check_article(self, ctx: ArticleContext) -> Iterator[Diagnostic]:
        """Findings about files of one article (override in file rules)."""
        return iter(())

    # -- helpers for subclasses ---------------------------------------------------------------
    def report(
        self,
        ctx: TranslationContext,
        span: Span,
        message: str,
        *,
        source: Block | Span | None = None,
        suggestion: str | None = None,
        anchor: str = "",
        severity: Severity | None = None,
    ) -> Diagnostic:
        src_span = source.span if isinstance(source, Block) else source
        return Diagnostic(
            code=self.code,
            name=self.name,
            category=self.category,
            severity=severity or self.severity,
            article=ctx.article,
            lang=ctx.lang,
            location=Location(ctx.target.path, span),
            message=message,
            source=Location(ctx.source.path, src_span) if src_span is not None else None,
            suggestion=suggestion,
            anchor=anchor,
        )

    @classmethod
    def info(cls) -> RuleInfo:
        summary, why, example = parse_docstring(inspect.getdoc(cls) or "")
        return RuleInfo(cls.code, cls.name, cls.category, cls.severity, summary, why, example,
                        cls.fixable)


def parse_docstring(doc: str) -> tuple[str, str, str]:
    """Split a rule docstring into summary, "Why it matters:" and "Example:" parts."""
    summary_lines: list[str] = []
    why_lines: list[str] = []
    example_lines: list[str] = []
    current = summary_lines
    for line in doc.splitlines():
        stripped = line.strip()
        header = stripped.lower()
        if header.startswith("why it matters:"):
            current = why_lines
            current.append(stripped[len("why it matters:") :].strip())
        elif header.startswith("example:"):
            current = example_lines
            current.append(stripped[len("example:") :].strip())
        else:
            current.append(line.rstrip() if current is example_lines else stripped)
    join = lambda lines: " ".join(x for x in lines if x).strip()  # noqa: E731
    example = "\n".join(lines_trim(example_lines))
    return join(summary_lines), join(why_lines), example


def lines_trim(lines: list[str]) -> list[str]:
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    indent = min((len(x) - len(x.lstrip()) for x in lines if x.strip()), default=0)
    return [x[indent:] for x in lines]


def where(skeleton: Skeleton, span: Span) -> str:
    """``en:13`` style reference to a line of a document, for messages."""
    return f"{skeleton.lang}:{span.line}"


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def quote(text: str, limit: int = 60) -> str:
    """Quote a snippet of text for a message, shortened, with control characters (an ESC that
    would drive the reader's terminal) shown as escapes."""
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", " ".join(text.split()))
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f'"{text}"'


def block_anchor(skeleton: Skeleton, block: Block, suffix: str = "") -> str:
    """A structural address of a block that survives edits elsewhere: section and position."""
    section = skeleton.section_of(block.index)
    sec = skeleton.sections[section]
    if sec.heading == block.index:
        pos = 0
    else:
        # HTML comments (suppression comments, notes to writers) do not count: adding one
        # must not move the anchors of the blocks after it.
        members = [i for i in sec.blocks if not _is_comment(skeleton.blocks[i])]
        pos = members.index(block.index) + 1 if block.index in members else block.index
    return f"s{section}/b{pos}{suffix}"


# HTML comments and processing instructions (`<?code-excerpt …?>`): nothing a reader sees.
_INVISIBLE = re.compile(r"(?:\s*<!--.*?-->|\s*<\?.*?\?>)+\s*", re.S)


def _is_comment(block: Block) -> bool:
    """An HTML block of comments and processing instructions only."""
    return block.kind == "html" and _INVISIBLE.fullmatch(block.code) is not None


def insertion_point(ctx: TranslationContext, pair_index: int) -> Span:
    """Where a missing source block would stand in the translation: before the next paired
    target block (or after the previous one, or at the end of the file)."""
    pairs = ctx.alignment.pairs
    for pair in pairs[pair_index + 1 :]:
        if pair.target is not None:
            s = pair.target.span
            return Span(s.line, s.column, s.line, s.column)
    for pair in reversed(pairs[:pair_index]):
        if pair.target is not None:
            # After the last block: where the next block would start (after one blank line).
            line = min(pair.target.span.end_line + 2, max(ctx.target.line_count, 1))
            line = max(line, pair.target.span.end_line)
            return Span(line, 1, line, 1)
    return Span(1, 1, 1, 1)


_SENTENCE_END = re.compile(r"[.!?…](?=\s)|[。！？]")


def counterpart(source: Block, target: Block, offset: int) -> Span:
    """Where the translation should hold what stands at ``offset`` of the source block's text.

    Something missing has no characters to point at, so the best honest place is the start of
    the corresponding sentence: the sentence with the same index when both blocks have as many
    sentences, else the one at the same relative position. Within a one-line block this is the
    block start; in sentence-per-line Markdown it is the right line.
    """
    labels: dict[str, int] = {}
    if source.kind == target.kind == "table" and source.columns and target.columns:
        # A table's place is its row (a missing row's link is not on the header line): the
        # row whose first cell reads the same (`Python`, `.NET`), else the row at the same
        # index or relative place. Worked out once per table, however many are missing.
        src_starts = source.derived("row_starts", _row_starts)
        tgt_starts = target.derived("row_starts", _row_starts)
        labels = target.derived("row_labels", _row_labels)
    else:
        src_starts, tgt_starts = sentence_starts(source.text), sentence_starts(target.text)
    index = bisect.bisect_right(src_starts, offset) - 1
    label = _first_cell(source, src_starts[max(index, 0)]) if labels else ""
    if label in labels:
        index = labels[label]
    elif len(src_starts) != len(tgt_starts):
        index = round(index * (len(tgt_starts) - 1) / max(len(src_starts) - 1, 1))
    at = tgt_starts[max(0, min(index, len(tgt_starts) - 1))]
    point = target.locate(at, at) if target.text else target.span
    if at == 0:
        point = target.span
    return Span(point.line, point.column, point.line, point.column)


def _row_starts(table: Block) -> list[int]:
    """Offsets in a table block's text where each row starts (its cells are one per line)."""
    cells = [0] + [i + 1 for i, ch in enumerate(table.text) if ch == "\n"]
    starts, cell = [], 0
    for width in table.columns:
        if cell < len(cells):
            starts.append(cells[cell])
        cell += width
    return starts or [0]


def _row_labels(table: Block) -> dict[str, int]:
    """Each row's first cell, when no other row's reads the same, with the row's index."""
    cells = [_first_cell(table, at) for at in table.derived("row_starts", _row_starts)]
    found = Counter(cells)
    return {cell: i for i, cell in enumerate(cells) if cell and found[cell] == 1}


def _first_cell(table: Block, at: int) -> str:
    end = table.text.find("\n", at)
    return table.text[at : end if end >= 0 else len(table.text)].strip()


def sentence_starts(text: str) -> list[int]:
    starts = [0]
    for m in _SENTENCE_END.finditer(text):
        nxt = m.end()
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        if nxt < len(text):
            starts.append(nxt)
    return starts
