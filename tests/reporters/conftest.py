"""The one fixed Report every reporter test formats.

Eight findings in two articles and three languages (source ``en``, then ``bg``, ``zh``:
``bg`` sorts before ``en``, so "source first" is observable). It covers every severity,
every category but one, Cyrillic and CJK text (also in a path), a message with ``%``,
``:``, ``,``, a newline and ``<script>``, a finding without source, one with a suggestion,
a finding on the source document itself, a document without findings and a rule that
never fires.
"""

from __future__ import annotations

import pytest

from l10ncheck.diagnostics import (
    ArticleInfo,
    Category,
    Diagnostic,
    DocumentInfo,
    Location,
    Report,
    RuleInfo,
    Severity,
    Span,
    sort_diagnostics,
)

METAMASK = "using-metamask-with-binance"
GAS = "газ-и-комиссии"
LANGS = ("en", "bg", "zh")

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
STRUCTURE, LINK, EMPHASIS = Category.STRUCTURE, Category.LINK, Category.EMPHASIS
TERM, CODE, TEXT, FILE = Category.TERM, Category.CODE, Category.TEXT, Category.FILE

# fmt: off
RULES = (
    RuleInfo("S101", "missing-section", STRUCTURE, ERROR,
             "A source section has no counterpart.",
             "Readers of the translation miss a whole part of the article.",
             "`## Fees` left out of `ru.md`."),
    RuleInfo("S102", "heading-level-changed", STRUCTURE, INFO,
             "A heading changed its level.",
             "The table of contents differs between languages.",
             "`# Title` translated as `## Заглавие`."),
    RuleInfo("L204", "split-word-link", LINK, WARNING,
             "A link's text starts or ends inside a word.",
             "The link reads as a fragment.",
             "`Read it [here](…).` as `Lees het h[ier.](…)`.", fixable=True),
    RuleInfo("L205", "link-target-changed", LINK, ERROR,
             "A link points elsewhere than in the source.",
             "Readers land on a different page.",
             "`[docs](a)` as `[документи](b)`."),
    RuleInfo("E301", "emphasis-dropped", EMPHASIS, INFO,
             "Bold or italic text lost its emphasis.",
             "The stress the author put is gone.",
             "`**must**` as `трябва`."),
    RuleInfo("T401", "term-changed", TERM, WARNING,
             "A glossary term was translated.",
             "Product names must stay recognisable.",
             "`BNB Chain` as `币安链`."),
    RuleInfo("C501", "code-changed", CODE, ERROR,
             "Code differs from the source.",
             "Code is copied and run; a changed character breaks it.",
             "`0x38` as `0x3B`."),
    RuleInfo("F601", "byte-order-mark", FILE, INFO,
             "The file starts with a byte-order mark.",
             "Some renderers show it as a stray character.",
             "A BOM before `# Title`."),
    RuleInfo("X701", "untranslated-text", TEXT, WARNING,
             "A paragraph was left in the source language.",
             "Readers meet text they may not understand.",
             "An English paragraph in `bg.md`."),
)
# fmt: on
_RULE = {r.code: r for r in RULES}


def path(article: str, lang: str) -> str:
    return f"articles/{article}/{lang}.md"


def at(article: str, lang: str, line: int, column: int, end_column: int) -> Location:
    return Location(path(article, lang), Span(line, column, line, end_column))


def finding(
    code: str,
    where: tuple[str, str, int, int, int],
    message: str,
    source: tuple[int, int, int] | None = None,
    suggestion: str | None = None,
    anchor: str = "",
) -> Diagnostic:
    """A finding of rule ``code`` at (article, lang, line, column, end column)."""
    rule, (article, lang, *_) = _RULE[code], where
    aligned = None if source is None else at(article, "en", *source)
    return Diagnostic(
        code, rule.name, rule.category, rule.severity, article, lang, at(*where), message,
        aligned, suggestion, anchor,
    )  # fmt: skip


# fmt: off
DIAGNOSTICS = (
    finding("S101", (METAMASK, "bg", 12, 1, 24),
            "section 'What do you need to do?' (en:13) has no counterpart; "
            "nearest is 'Какво трябва да знаете'",
            source=(13, 1, 23), anchor="sec:3"),
    finding("L204", (METAMASK, "bg", 16, 6, 30),
            "link text 'до[кументацията]' splits a word; source 'Binance documentation' (en:1)",
            source=(1, 70, 91), suggestion="[документацията](https://docs.binance.org/)",
            anchor="sec:0/block:0/link:1"),
    finding("E301", (METAMASK, "bg", 20, 1, 35),
            "bold 'Binance is not just a platform' (en:5) has no bold in "
            "'Binance не е само платформа'",
            source=(5, 15, 51), anchor="sec:1/block:0/strong:1"),
    finding("T401", (METAMASK, "zh", 3, 10, 13),
            "term 'BNB Chain' (en:9) translated as '币安链'; the glossary keeps 'BNB Chain'",
            source=(9, 8, 17), anchor="sec:1/block:2/term:1"),
    finding("C501", (METAMASK, "zh", 30, 5, 32),
            "code span changed: `100%, ratio: 1:2` (en:28) became\n`<script>alert(1)</script>`",
            source=(28, 5, 22), anchor="sec:4/block:1/code:1"),
    finding("F601", (GAS, "en", 1, 1, 1), "file starts with a byte-order mark (U+FEFF)"),
    finding("X701", (GAS, "bg", 8, 1, 60),
            "paragraph 'Gas is the fee you pay to the network' (en:8) left untranslated in bg",
            source=(8, 1, 39), anchor="sec:1/block:2"),
    finding("S102", (GAS, "zh", 1, 1, 9),
            "heading '什么是燃料费？' is level 2; source '# What is gas?' (en:1) is level 1",
            source=(1, 1, 15), anchor="sec:0"),
)
# fmt: on

REPORT = Report(
    source_lang="en",
    articles=tuple(
        ArticleInfo(slug, tuple(DocumentInfo(lang, path(slug, lang)) for lang in LANGS))
        for slug in (GAS, METAMASK)
    ),
    diagnostics=tuple(sort_diagnostics(DIAGNOSTICS)),
    rules=RULES,
)


@pytest.fixture
def report() -> Report:
    return REPORT
