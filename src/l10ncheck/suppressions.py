"""Inline suppressions: HTML comments in a Markdown file that silence findings at that place.

```
<!-- l10ncheck-disable L204, missing-term -->   … lines …   <!-- l10ncheck-enable L204 -->
<!-- l10ncheck-disable-next-line T401 -->
<!-- l10ncheck-disable-file S107 -->
```

Rules are named by code or name (case-insensitive, comma- or space-separated); no rule at all
means every rule. A range runs from the line of its ``disable`` comment through the line of
the ``enable`` comment that closes it (``enable`` without rules closes every open range; an
unclosed range runs to the end of the file). ``disable-next-line`` covers the next non-blank
line after the comment. A finding is suppressed when the line it starts on is covered for its
rule in its own file.

Comments are found with the Markdown parser, so an example inside a code block or code span
is not a directive. A directive that suppresses nothing, names an unknown rule or ends no
range is handed to the ``unused-suppression`` rule (X603), if it runs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from l10ncheck.diagnostics import Diagnostic, Span
from l10ncheck.discovery import Article
from l10ncheck.loading import Text
from l10ncheck.parsing import parse
from l10ncheck.rules import ALL_RULES, Rule
from l10ncheck.rules.unused_suppression import UnusedSuppression

KINDS = ("disable", "enable", "disable-next-line", "disable-file")
_MARK = "l10ncheck-"
_DIRECTIVE = re.compile(
    r"<!--\s*l10ncheck-(disable-next-line|disable-file|disable|enable)(?=\s|-->)(.*?)-->", re.DOTALL
)
_SELECTOR_SEP = re.compile(r"[\s,]+")
_END_OF_FILE = 1 << 62


@dataclass(frozen=True)
class Directive:
    """One ``<!-- l10ncheck-… -->`` comment: its kind, the rules it names (as written; empty:
    every rule) and where the comment stands."""

    kind: str
    selectors: tuple[str, ...]
    span: Span

    @property
    def text(self) -> str:
        names = ", ".join(self.selectors)
        return f"l10ncheck-{self.kind}" + (f" {names}" if names else "")


@dataclass(frozen=True)
class Unused:
    """A directive, or some of the rules it names, that had no effect.

    ``reason``: ``unused`` (suppressed no finding), ``unknown`` (names no rule) or
    ``unmatched`` (an ``enable`` that ends no open range). ``ordinal`` counts earlier
    directives with the same text in the file, so the finding keeps its identity when lines
    move.
    """

    directive: Directive
    selectors: tuple[str, ...]
    reason: str
    ordinal: int = 0


@dataclass(frozen=True)
class SuppressionContext:
    """What the ``unused-suppression`` rule reads: one file's directives that had no effect."""

    article: str
    lang: str
    path: str
    unused: tuple[Unused, ...]


@dataclass(frozen=True)
class _Scope:
    """Lines ``first``..``last`` where ``code`` (None: every rule) is off, and why."""

    directive: int  # index into the file's directives
    selector: str | None
    code: str | None
    first: int
    last: int

    def covers(self, d: Diagnostic) -> bool:
        return (self.code is None or self.code == d.code) and self.first <= d.location.line <= self.last


# --------------------------------------------------------------------------------------
# Parsing.


def parse_directives(text: str) -> tuple[Directive, ...]:
    """Every directive in normalized Markdown text, in document order.

    Only HTML comments count (HTML blocks and inline HTML); the same words in a code block,
    a code span or plain text are content, not directives.
    """
    if _MARK not in text:  # most files: skip the second parse
        return ()
    lines = text.split("\n")
    found: list[Directive] = []
    for block in parse(text):
        for node in block.walk():
            if node.type not in ("html", "inline_html") or _MARK not in node.text:
                continue
            for m in _DIRECTIVE.finditer(node.text):
                span = _span_in(node.text, node.span, m.start(), m.end(), lines)
                selectors = tuple(s for s in _SELECTOR_SEP.split(m.group(2)) if s)
                found.append(Directive(m.group(1), selectors, span))
    return tuple(sorted(found, key=lambda d: (d.span.line, d.span.column)))


def _span_in(raw: str, where: Span, start: int, end: int, lines: list[str]) -> Span:
    """The span of ``raw[start:end]`` given that ``raw`` starts at ``where``.

    An HTML block's text has its container prefixes (``> ``, list indentation) removed, so
    on later lines the column is found by locating that raw line in the file's line.
    """

    def point(offset: int) -> tuple[int, int]:
        line_start = raw.rfind("\n", 0, offset) + 1
        line = where.line + raw.count("\n", 0, offset)
        if line_start == 0:
            return line, where.column + offset
        line_end = raw.find("\n", offset)
        raw_line = raw[line_start : line_end if line_end >= 0 else len(raw)]
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        prefix = max(text.find(raw_line), 0) if raw_line else 0
        return line, prefix + offset - line_start + 1

    (line, column), (end_line, end_column) = point(start), point(end)
    return Span(line, column, end_line, end_column)


# --------------------------------------------------------------------------------------
# Applying.


def resolve(selector: str, rules: Iterable[type[Rule] | Rule]) -> str | None:
    """The code a selector names (a code or a rule name, any case), or None if unknown."""
    wanted = selector.strip().lower()
    for rule in rules:
        if wanted in (rule.code.lower(), rule.name.lower()):
            return rule.code
    return None


def _scopes(directives: Sequence[Directive], text: str,
            known: Sequence[type[Rule] | Rule]) -> tuple[list[_Scope], list[Unused]]:
    """Turn directives into line scopes; directives that cannot work are returned as Unused."""
    lines = text.split("\n")
    scopes: list[_Scope] = []
    problems: list[Unused] = []
    open_ranges: list[tuple[int, str | None, str | None, int]] = []  # (directive, selector, code, first)
    for index, directive in enumerate(directives):
        targets: list[tuple[str | None, str | None]] = []  # (selector, code)
        unknown = []
        for selector in directive.selectors or (None,):
            code = resolve(selector, known) if selector is not None else None
            if selector is not None and code is None:
                unknown.append(selector)
            else:
                targets.append((selector, code))
        if unknown:
            problems.append(Unused(directive, tuple(unknown), "unknown"))
        if directive.kind == "disable-file":
            scopes.extend(_Scope(index, s, c, 1, _END_OF_FILE) for s, c in targets)
        elif directive.kind == "disable-next-line":
            line = _next_nonblank(lines, directive.span.end_line)
            if line is not None:
                scopes.extend(_Scope(index, s, c, line, line) for s, c in targets)
            else:
                problems.append(Unused(directive, tuple(s for s, _ in targets if s), "unused"))
        elif directive.kind == "disable":
            open_ranges.extend((index, s, c, directive.span.line) for s, c in targets)
        elif targets:  # enable
            codes = {c for _, c in targets}
            closing = [r for r in open_ranges if None in codes or r[2] in codes]
            for opened, selector, code, first in closing:
                scopes.append(_Scope(opened, selector, code, first, directive.span.end_line))
            open_ranges = [r for r in open_ranges if r not in closing]
            ended = {r[2] for r in closing}
            unmatched = [s for s, c in targets if s is not None and c not in ended]
            if not closing or unmatched:
                problems.append(Unused(directive, tuple(unmatched), "unmatched"))
    scopes.extend(_Scope(i, s, c, first, _END_OF_FILE) for i, s, c, first in open_ranges)
    return scopes, problems


def _next_nonblank(lines: list[str], after: int) -> int | None:
    for number in range(after + 1, len(lines) + 1):
        if lines[number - 1].strip():
            return number
    return None


def apply_suppressions(article: Article, texts: Mapping[str, Text],
                       diagnostics: Sequence[Diagnostic], rules: Sequence[Rule]) -> list[Diagnostic]:
    """The findings of one article minus those its files' directives suppress, plus the
    ``unused-suppression`` findings when that rule is among ``rules``."""
    kept = list(diagnostics)
    extra: list[Diagnostic] = []
    for f in article.files:
        text = texts.get(f.lang)
        directives = parse_directives(text.body) if text is not None else ()
        if text is None or not directives:
            continue  # (most files: nothing below is needed)
        active = {rule.code for rule in rules}
        known = (*ALL_RULES, *(type(rule) for rule in rules if type(rule) not in ALL_RULES))
        reporter = next((r for r in rules if isinstance(r, UnusedSuppression)), None)
        scopes, problems = _scopes(directives, text.body, known)
        used: set[tuple[int, str | None]] = set()
        remaining = []
        for d in kept:
            hits = [s for s in scopes if s.covers(d)] if d.path == f.path else []
            used.update((s.directive, s.selector) for s in hits)
            if not hits:
                remaining.append(d)
        kept = remaining
        problems.extend(_unused(directives, scopes, used, active))
        if reporter is not None and problems:
            ordinal = _ordinals(directives)
            unused = tuple(sorted(
                (Unused(p.directive, p.selectors, p.reason, ordinal[p.directive]) for p in problems),
                key=lambda u: (u.directive.span.line, u.directive.span.column, u.reason)))
            extra.extend(reporter.check_suppressions(
                SuppressionContext(article.slug, f.lang, f.path, unused)))
    return kept + extra


def _unused(directives: Sequence[Directive], scopes: Sequence[_Scope],
            used: set[tuple[int, str | None]], active: set[str]) -> list[Unused]:
    """Directives (or some of their rules) that suppressed nothing; rules that did not run in
    this run (``--select``) are not held against them."""
    idle: dict[int, list[str | None]] = {}
    for scope in scopes:
        key = (scope.directive, scope.selector)
        if key in used or (scope.code is not None and scope.code not in active):
            continue
        names = idle.setdefault(scope.directive, [])
        if scope.selector not in names:
            names.append(scope.selector)
    return [
        Unused(directives[i], tuple(s for s in selectors if s is not None), "unused")
        for i, selectors in sorted(idle.items())
    ]


def _ordinals(directives: Sequence[Directive]) -> dict[Directive, int]:
    seen: Counter[str] = Counter()
    result = {}
    for directive in directives:
        result[directive] = seen[directive.text]
        seen[directive.text] += 1
    return result
