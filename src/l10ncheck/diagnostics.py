"""What rules produce and reporters read: Diagnostic, Location, Severity, Category.

Positions are 1-based, columns count Unicode code points (not bytes, not UTF-16 units).
``end_line``/``end_column`` point one character *past* the last character at fault, as in
SARIF regions, so an empty range has ``column == end_column``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # views -> align -> skeleton -> diagnostics: a real import would be a cycle
    from l10ncheck.views import ArticleView


class Severity(str, enum.Enum):
    """How urgently a maintainer must act. Ordered: info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


class Category(str, enum.Enum):
    """The one family a finding belongs to."""

    STRUCTURE = "structure"
    LINK = "link"
    EMPHASIS = "emphasis"
    TERM = "term"
    CODE = "code"
    TEXT = "text"
    FILE = "file"


class Span(NamedTuple):
    """A range of characters in one file: 1-based line and column, end exclusive.

    A named tuple, not a dataclass: parsing makes one for every inline element of every
    file, and a tuple is several times cheaper to build (immutable and ordered all the same).
    """

    line: int
    column: int
    end_line: int
    end_column: int

    @staticmethod
    def point(line: int, column: int) -> Span:
        return Span(line, column, line, column)


FILE_START = Span(1, 1, 1, 1)


@dataclass(frozen=True, order=True)
class Location:
    """A span in a named file (``path`` as the user gave it, relative where possible)."""

    path: str
    span: Span

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column


@dataclass(frozen=True)
class Diagnostic:
    """One finding: a rule's verdict on one place of one translation.

    ``anchor`` is a structural address ("sec:2/block:3/link:1") that does not change when
    lines move elsewhere in the file; baselines and fingerprints are built from it.
    """

    code: str
    name: str
    category: Category
    severity: Severity
    article: str
    lang: str
    location: Location
    message: str
    source: Location | None = None
    suggestion: str | None = None
    anchor: str = ""

    @property
    def path(self) -> str:
        return self.location.path

    def sort_key(self) -> tuple[object, ...]:
        """Path, line, column, rule, then every other field: a total order, so equal input
        gives byte-identical output whatever order findings were produced in."""
        loc, src = self.location, self.source
        return (loc.path, loc.span.line, loc.span.column, self.code, self.message,
                loc.span.end_line, loc.span.end_column,
                (src.path, src.span.line, src.span.column, src.span.end_line, src.span.end_column)
                if src else ("", 0, 0, 0, 0),
                self.severity.rank, self.suggestion or "", self.anchor, self.lang, self.article)


def sort_diagnostics(diagnostics: list[Diagnostic] | tuple[Diagnostic, ...]) -> list[Diagnostic]:
    """The one order every reporter uses: path, line, column, rule, message (then the rest)."""
    return sorted(dict.fromkeys(diagnostics), key=Diagnostic.sort_key)


@dataclass(frozen=True)
class RuleInfo:
    """What a reporter may say about a rule (SARIF drivers, `l10ncheck rules`, HTML legends)."""

    code: str
    name: str
    category: Category
    severity: Severity
    summary: str
    why: str
    example: str
    fixable: bool = False


@dataclass(frozen=True)
class DocumentInfo:
    """One localized file of an article."""

    lang: str
    path: str


@dataclass(frozen=True)
class ArticleInfo:
    """One article and its localized files, source language first."""

    slug: str
    documents: tuple[DocumentInfo, ...]


@dataclass(frozen=True)
class Report:
    """Everything a reporter needs: the findings of one run and what was checked.

    ``diagnostics`` is already sorted (see :func:`sort_diagnostics`) and filtered to the
    selected rules; reporters never compute, they format.
    """

    source_lang: str
    articles: tuple[ArticleInfo, ...]
    diagnostics: tuple[Diagnostic, ...]
    rules: tuple[RuleInfo, ...]
    fail_level: str = "warning"
    views: tuple[ArticleView, ...] = ()  # aligned side-by-side views, for the HTML report
    layout: str = ""  # how files were grouped into articles (verbose output)
    skipped: tuple[tuple[str, str], ...] = ()  # (path, reason) of what could not be an article

    @property
    def documents(self) -> int:
        return sum(len(a.documents) for a in self.articles)

    def counts_by_severity(self) -> dict[str, int]:
        counts = {s.value: 0 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
        for d in self.diagnostics:
            counts[d.severity.value] += 1
        return counts

    def counts_by_category(self) -> dict[str, int]:
        counts = {c.value: 0 for c in Category}
        for d in self.diagnostics:
            counts[d.category.value] += 1
        return counts
