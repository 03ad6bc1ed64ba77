"""One self-contained HTML page a localization lead reads instead of the terminal.

An overview (a heat map of articles × languages, coloured by drift weighted by severity),
then every article side by side in all its languages, row by row as the alignment paired its
blocks, each finding highlighted on its exact characters in the translation and in the
aligned source, its message beside it. Filters, search and j/k navigation need JavaScript;
everything else reads without it.

Safety: article text is shown as raw Markdown and escaped by Jinja2's autoescaping, never
rendered; the page carries a Content-Security-Policy that allows nothing but its own inline
style and script, named by their SHA-256 hashes (computed here, so the output stays
byte-identical across runs).
"""

from __future__ import annotations

import base64
import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import jinja2
from markupsafe import Markup

from l10ncheck import __version__
from l10ncheck.diagnostics import (
    ArticleInfo,
    Category,
    Diagnostic,
    Report,
    RuleInfo,
    Severity,
    Span,
)
from l10ncheck.reporters._common import (
    SEVERITIES,
    lang_key,
    plural,
    posix_path,
    summary,
)
from l10ncheck.views import ArticleView, BlockView

# How much one finding weighs in the heat map: an error outweighs a handful of infos.
WEIGHTS = {Severity.ERROR: 5, Severity.WARNING: 3, Severity.INFO: 1}
HEAT_LEVELS = 5
# Below this score the scale is absolute, so a lone info never looks like the worst drift.
HEAT_FLOOR = 10

# The narrowest a language's column gets before the table scrolls sideways.
COLUMN_REM = 17

_TEMPLATES = "templates"


def render(report: Report, *, color: bool = False) -> str:
    """The report as one HTML document; ``color`` is ignored (the page has its own)."""
    views = {v.slug: v for v in getattr(report, "views", ())}
    css, js = _asset("report.css") + _column_widths(views.values()), _asset("report.js")
    csp = "; ".join((
        "default-src 'none'",
        f"style-src '{_hash(css)}'",
        f"script-src '{_hash(js)}'",
        "img-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ))
    # Finding ids follow the report's order; equal findings would share one, so keep one.
    diagnostics = list(dict.fromkeys(report.diagnostics))
    ids = {d: f"f{i}" for i, d in enumerate(diagnostics, start=1)}
    fired = Counter(d.code for d in diagnostics)
    rules = {r.code: r for r in report.rules}
    slugs = sorted({a.slug for a in report.articles} | {d.article for d in report.diagnostics})
    by_article: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        by_article.setdefault(d.article, []).append(d)
    infos = {a.slug: a for a in report.articles}
    articles = [
        _article(report, n, slug, infos.get(slug), by_article.get(slug, []), views.get(slug), ids, rules)
        for n, slug in enumerate(slugs)
    ]
    page = _environment().get_template("report.html.j2").render(
        title="l10ncheck drift report",
        version=__version__,
        csp=csp,
        css=Markup(css),
        js=Markup(js),
        summary=summary(report),
        source_lang=report.source_lang,
        fail_level=report.fail_level,
        by_severity=report.counts_by_severity(),
        by_category=[(c, n) for c, n in report.counts_by_category().items() if n],
        heat=_heat(report, diagnostics, articles),
        articles=articles,
        langs=sorted({d.lang for d in report.diagnostics}
                     | {doc.lang for a in report.articles for doc in a.documents}
                     | {lang for v in views.values() for lang in v.langs}, key=lang_key(report)),
        categories=[c.value for c in Category if any(d.category is c for d in report.diagnostics)],
        severities=[s.value for s in SEVERITIES],
        fired=[(rules.get(code), code, n) for code, n in sorted(fired.items())],
        total=len(diagnostics),
        weights=[(s.value, WEIGHTS[s]) for s in SEVERITIES],
        plural=plural,
    )
    return page if page.endswith("\n") else page + "\n"


# --- what the template shows -------------------------------------------------------------


@dataclass(frozen=True)
class Note:
    """A finding as shown beside its block."""

    id: str
    d: Diagnostic
    summary: str
    where: str  # path:line:col
    where_href: str | None
    source_where: str | None
    source_href: str | None


@dataclass(frozen=True)
class Segment:
    """A run of one line's text and the findings that cover it (``point``: an insertion)."""

    text: str
    ids: str = ""
    severity: str = ""
    title: str = ""
    point: bool = False
    ref: bool = False  # only the aligned source of findings, not the characters at fault


@dataclass(frozen=True)
class Line:
    id: str
    number: int
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Cell:
    """``state``: "block", "gap" (the source has a block here, this language none) or "none"."""

    lang: str
    state: str
    source: bool
    block: BlockView | None = None
    lines: tuple[Line, ...] = ()
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    extra: str = ""  # the language of a translation-only row


@dataclass(frozen=True)
class Column:
    lang: str
    path: str
    source: bool
    findings: int


@dataclass(frozen=True)
class ArticleSection:
    id: str
    slug: str
    documents: tuple[tuple[str, str], ...]  # (lang, path)
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    loose: tuple[Note, ...]  # findings outside the aligned text (files, missing languages)
    findings: int


@dataclass(frozen=True)
class HeatCell:
    lang: str
    present: bool
    count: int = 0
    level: int = 0
    categories: tuple[tuple[str, int], ...] = ()
    severities: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class HeatRow:
    article: ArticleSection
    cells: tuple[HeatCell, ...]
    count: int


@dataclass(frozen=True)
class Heat:
    langs: tuple[str, ...]
    rows: tuple[HeatRow, ...]
    totals: tuple[int, ...]


# --- building it -------------------------------------------------------------------------


def _article(report: Report, n: int, slug: str, info: ArticleInfo | None, found: list[Diagnostic],
             view: ArticleView | None, ids: dict[Diagnostic, str],
             rules: dict[str, RuleInfo]) -> ArticleSection:
    """One article's section: its aligned rows with findings placed and marked, or a list."""
    aid = f"a{n}"
    documents = tuple((doc.lang, doc.path) for doc in info.documents) if info else ()
    documents = tuple(sorted(documents, key=lambda lp: lang_key(report)(lp[0])))
    if view is None or not found:  # a clean article needs no side-by-side: keeps pages small
        notes = tuple(_note(d, ids[d], rules, {}, None) for d in found)
        return ArticleSection(aid, slug, documents, (), (), notes, len(found))

    langs, rows = view.langs, view.rows
    # (column, line) -> the row whose block in that column holds the line.
    row_at = {(c, line): r
              for r, row in enumerate(rows) for c, cell in enumerate(row.cells) if cell is not None
              for line in range(cell.line, cell.end_line + 1)}
    line_ids = {(c, line): f"{aid}c{c}L{line}" for c, line in row_at}

    placed: dict[tuple[int, int], list[Note]] = {}
    marks: dict[tuple[int, int], list[tuple[Span, Diagnostic, bool]]] = {}
    loose: list[Note] = []
    for d in found:
        column = _column(view, d.lang, d.path)
        note = _note(d, ids[d], rules, line_ids, column)
        if column is None:
            loose.append(note)
            continue
        here = row_at.get((column, d.location.line))
        there = None
        if d.source is not None and _same_path(d.source.path, view.paths[0]):
            there = row_at.get((0, d.source.line))
            if there is not None and column != 0:
                marks.setdefault((there, 0), []).append((d.source.span, d, True))
        if here is not None:
            marks.setdefault((here, column), []).append((d.location.span, d, False))
        span = d.location.span
        point = span.line == span.end_line and span.column == span.end_column
        if here is not None and not point:
            target: int | None = here
        elif there is not None and rows[there].cells[column] is None:
            target = there  # a missing block: the note stands in the gap
        else:
            target = here if here is not None else there
        if target is None:
            loose.append(note)
        else:
            placed.setdefault((target, column), []).append(note)

    counts = Counter(d.lang for d in found)
    columns = tuple(Column(lang, view.paths[c], c == 0, counts[lang]) for c, lang in enumerate(langs))
    out_rows = []
    for r, row in enumerate(rows):
        cells = []
        for c, block in enumerate(row.cells):
            notes = tuple(placed.get((r, c), ()))
            if block is None:
                state = "none" if row.extra or c == 0 else "gap"
                cells.append(Cell(langs[c], state, c == 0, notes=notes))
                continue
            spans = marks.get((r, c), [])
            lines = tuple(
                Line(line_ids[c, number], number, _segments(number, text, spans, ids))
                for number, text in block.numbered()
            )
            cells.append(Cell(langs[c], "block", c == 0, block, lines, notes))
        extra = next((langs[c] for c, b in enumerate(row.cells) if b is not None), "") if row.extra else ""
        out_rows.append(Row(tuple(cells), extra))
    return ArticleSection(aid, slug, documents, columns, tuple(out_rows), tuple(loose), len(found))


def _column(view: ArticleView, lang: str, path: str) -> int | None:
    if lang not in view.langs:
        return None
    column = view.column(lang)
    return column if _same_path(view.paths[column], path) else None


def _same_path(a: str, b: str) -> bool:
    return posix_path(a) == posix_path(b)


def _note(d: Diagnostic, fid: str, rules: dict[str, RuleInfo], line_ids: dict[tuple[int, int], str],
          column: int | None) -> Note:
    rule = rules.get(d.code)
    loc = d.location
    href = line_ids.get((column, loc.line)) if column is not None else None
    src_where = src_href = None
    if d.source is not None:
        src_where = f"{d.source.path}:{d.source.line}:{d.source.column}"
        src_href = line_ids.get((0, d.source.line))
    return Note(fid, d, rule.summary if rule else "", f"{loc.path}:{loc.line}:{loc.column}",
                f"#{href}" if href else None, src_where, f"#{src_href}" if src_href else None)


def _segments(number: int, text: str, spans: Sequence[tuple[Span, Diagnostic, bool]],
              ids: dict[Diagnostic, str]) -> tuple[Segment, ...]:
    """Split one line at every edge of the spans that touch it.

    ``ref`` spans are the aligned source of a translation's finding: shown more lightly than
    the characters at fault.
    """
    ranges: list[tuple[int, int, Diagnostic, bool]] = []
    points: list[tuple[int, Diagnostic, bool]] = []
    for span, d, ref in spans:
        if not span.line <= number <= span.end_line:
            continue
        start = span.column - 1 if number == span.line else 0
        end = span.end_column - 1 if number == span.end_line else len(text)
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        if start < end:
            ranges.append((start, end, d, ref))
        elif span.line == span.end_line and span.column == span.end_column:
            points.append((start, d, ref))
    if not ranges and not points:
        return (Segment(text),)
    edges = sorted({0, len(text)} | {r[0] for r in ranges} | {r[1] for r in ranges}
                   | {p[0] for p in points})
    out: list[Segment] = []
    for a, b in zip(edges, edges[1:] + [edges[-1]]):
        at = [(d, ref) for p, d, ref in points if p == a]
        if at:
            out.append(_marked("", at, ids, point=True))
        if a < b:
            covering = [(d, ref) for s, e, d, ref in ranges if s <= a and b <= e]
            out.append(_marked(text[a:b], covering, ids) if covering else Segment(text[a:b]))
    return tuple(out)


def _marked(text: str, found: list[tuple[Diagnostic, bool]], ids: dict[Diagnostic, str],
            point: bool = False) -> Segment:
    ds = sorted({d for d, _ in found}, key=lambda d: int(ids[d][1:]))
    worst = max(ds, key=lambda d: d.severity.rank).severity.value
    title = "\n".join(f"{d.code} {d.severity.value}: {d.message}" for d in ds)
    return Segment(text, " ".join(ids[d] for d in ds), worst, title, point,
                   ref=all(ref for _, ref in found))


def _heat(report: Report, diagnostics: list[Diagnostic], articles: list[ArticleSection]) -> Heat:
    langs = sorted({lang for a in articles for lang, _ in a.documents}
                   | {d.lang for d in diagnostics}, key=lang_key(report))
    present = {(a.slug, lang) for a in articles for lang, _ in a.documents}
    found: dict[tuple[str, str], list[Diagnostic]] = {}
    for d in diagnostics:
        found.setdefault((d.article, d.lang), []).append(d)
    scores = {key: sum(WEIGHTS[d.severity] for d in ds) for key, ds in found.items()}
    top = max([HEAT_FLOOR, *scores.values()])
    rows = []
    for a in articles:
        cells = []
        for lang in langs:
            ds = found.get((a.slug, lang), [])
            score = scores.get((a.slug, lang), 0)
            level = min(HEAT_LEVELS, math.ceil(HEAT_LEVELS * score / top)) if score else 0
            categories = Counter(d.category.value for d in ds)
            severities = Counter(d.severity.value for d in ds)
            cells.append(HeatCell(
                lang, (a.slug, lang) in present or bool(ds), len(ds), level,
                tuple((c.value, categories[c.value]) for c in Category if categories[c.value]),
                tuple((s.value, severities[s.value]) for s in SEVERITIES if severities[s.value]),
            ))
        rows.append(HeatRow(a, tuple(cells), a.findings))
    totals = tuple(sum(len(found.get((a.slug, lang), [])) for a in articles) for lang in langs)
    return Heat(tuple(langs), tuple(rows), totals)


def _column_widths(views: Iterable[ArticleView]) -> str:
    """CSS giving each column of the side-by-side tables at least COLUMN_REM of width.

    One rule per column count up to the widest table, for the script to switch to when the
    language filter hides columns.
    """
    widest = max((len(v.langs) for v in views), default=0)
    return "".join(
        f"table.aligned.cols-{n} {{ min-width: {n * COLUMN_REM}rem; }}\n" for n in range(2, widest + 1)
    )


# --- assets ------------------------------------------------------------------------------


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("l10ncheck.reporters", _TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@cache
def _asset(name: str) -> str:
    return resources.files("l10ncheck.reporters").joinpath(_TEMPLATES, name).read_text("utf-8")


def _hash(text: str) -> str:
    """A CSP source expression for an inline element whose content is exactly ``text``."""
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
