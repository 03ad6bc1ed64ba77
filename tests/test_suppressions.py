"""Inline suppressions: parsing the comments, applying them, and reporting unused ones."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from l10ncheck.api import active_rules, check, check_article
from l10ncheck.config import Config
from l10ncheck.diagnostics import Diagnostic, Span
from l10ncheck.discovery import Article, SourceFile
from l10ncheck.rules import ALL_RULES
from l10ncheck.rules.unused_suppression import UnusedSuppression
from l10ncheck.suppressions import Directive, parse_directives

ROOT = Path(__file__).resolve().parents[1]

SOURCE = """\
# Getting started

Read the [guide](https://example.com/guide) before you start.

Then open the [settings page](https://example.com/settings) and pick a network.

Finally, read the [safety notes](https://example.com/safety) twice.
"""

# Drops the link of the first paragraph: one L201 finding, at the line of "Lies die Anleitung".
DROPPED_LINK = """\
# Erste Schritte

{before}Lies die Anleitung, bevor du anfängst.{inline}

Öffne dann die [Einstellungsseite](https://example.com/settings) und wähle ein Netzwerk.

Lies zum Schluss die [Sicherheitshinweise](https://example.com/safety) zweimal.
{after}"""


def translation(before: str = "", inline: str = "", after: str = "") -> str:
    return DROPPED_LINK.format(before=before, inline=inline, after=after)


def run(tmp_path: Path, de: str, *, source: str = SOURCE, unused: bool = True) -> list[Diagnostic]:
    """Findings of the article en + de, suppressions applied (as `check_article` does)."""
    folder = tmp_path / "art"
    folder.mkdir(exist_ok=True)
    (folder / "en.md").write_text(source, encoding="utf-8")
    (folder / "de.md").write_text(de, encoding="utf-8")
    article = Article("art", (SourceFile("en", str(folder / "en.md")),
                              SourceFile("de", str(folder / "de.md"))))
    rules = active_rules(Config())
    if unused and not any(isinstance(r, UnusedSuppression) for r in rules):
        rules += (UnusedSuppression(),)  # until it is registered in ALL_RULES
    if not unused:
        rules = tuple(r for r in rules if not isinstance(r, UnusedSuppression))
    return sorted(check_article(article, "en", rules, ()), key=Diagnostic.sort_key)


def found(diagnostics: list[Diagnostic]) -> list[tuple[str, int]]:
    return [(d.code, d.location.line) for d in diagnostics]


# -- parsing ------------------------------------------------------------------------------


def test_parse_every_kind_with_positions() -> None:
    text = textwrap.dedent("""\
        <!-- l10ncheck-disable-file S107 -->

        Text <!-- l10ncheck-disable L204, missing-term --> more <!--l10ncheck-enable-->.

        <!-- l10ncheck-disable-next-line -->
        Next.
        """)
    assert parse_directives(text) == (
        Directive("disable-file", ("S107",), Span(1, 1, 1, 37)),
        Directive("disable", ("L204", "missing-term"), Span(3, 6, 3, 51)),
        Directive("enable", (), Span(3, 57, 3, 80)),
        Directive("disable-next-line", (), Span(5, 1, 5, 37)),
    )


def test_code_and_plain_text_are_not_directives() -> None:
    text = textwrap.dedent("""\
        Write `<!-- l10ncheck-disable -->` to silence a rule.

        ```markdown
        <!-- l10ncheck-disable-file L204 -->
        ```

            <!-- l10ncheck-disable T401 -->

        l10ncheck-disable without a comment.

        <!-- l10ncheck-disabled is not a directive either -->
        """)
    assert parse_directives(text) == ()


def test_directives_inside_containers() -> None:
    text = "- item one\n  <!-- l10ncheck-disable-next-line L204 -->\n- item two\n\n> <!-- l10ncheck-disable\n> T401 -->\n"
    directives = parse_directives(text)
    assert [(d.kind, d.selectors, d.span.line, d.span.end_line) for d in directives] == [
        ("disable-next-line", ("L204",), 2, 2),
        ("disable", ("T401",), 5, 6),
    ]
    assert directives[0].span.column == 3


def test_no_marker_means_no_parse() -> None:
    assert parse_directives("# Title\n\n<!-- a note -->\n") == ()


# -- applying -----------------------------------------------------------------------------


def test_without_comments_the_drift_is_reported(tmp_path: Path) -> None:
    assert found(run(tmp_path, translation())) == [("L201", 3)]


@pytest.mark.parametrize("selector", ["L201", "l201", "missing-link", "Missing-Link", ""])
def test_next_line_by_code_or_name(tmp_path: Path, selector: str) -> None:
    de = translation(before=f"<!-- l10ncheck-disable-next-line {selector} -->\n")
    assert run(tmp_path, de) == []


def test_next_line_skips_blank_lines_and_only_covers_one_line(tmp_path: Path) -> None:
    de = translation(before="<!-- l10ncheck-disable-next-line L201 -->\n\n \n")
    assert run(tmp_path, de) == []
    # at the end of the line above, it covers the next line; it never covers its own line
    de = translation().replace("# Erste Schritte", "# Erste Schritte <!-- l10ncheck-disable-next-line L201 -->")
    assert run(tmp_path, de) == []
    de = translation(inline=" <!-- l10ncheck-disable-next-line L201 -->")
    assert found(run(tmp_path, de)) == [("L201", 3), ("X603", 3)]


def test_range_and_enable(tmp_path: Path) -> None:
    de = translation(before="<!-- l10ncheck-disable L201 -->\n", after="<!-- l10ncheck-enable L201 -->\n")
    assert run(tmp_path, de) == []
    # a range closed before the finding does not cover it
    de = "<!-- l10ncheck-disable L201 -->\n<!-- l10ncheck-enable L201 -->\n" + translation()
    assert found(run(tmp_path, de)) == [("X603", 1), ("L201", 5)]


def test_unclosed_range_runs_to_the_end_and_bare_disable_means_every_rule(tmp_path: Path) -> None:
    de = translation(inline=" <!-- l10ncheck-disable -->")  # same line as the finding
    assert run(tmp_path, de) == []


def test_disable_file(tmp_path: Path) -> None:
    de = translation(after="\n<!-- l10ncheck-disable-file missing-link -->\n")
    assert run(tmp_path, de) == []


def test_other_rules_are_not_suppressed(tmp_path: Path) -> None:
    de = translation(before="<!-- l10ncheck-disable-next-line T401 -->\n")
    assert found(run(tmp_path, de, unused=False)) == [("L201", 4)]


def test_comments_are_not_content(tmp_path: Path) -> None:
    """Directives in blocks, inline and at the end of the file add no finding of their own."""
    de = translation(
        before="<!-- l10ncheck-disable-file T401 -->\n\n<!-- l10ncheck-disable-next-line S104 -->\n",
        inline=" <!-- l10ncheck-disable E301 --> <!-- l10ncheck-enable E301 -->",
        after="\n<!-- l10ncheck-disable X601 -->\n",
    )
    assert found(run(tmp_path, de, unused=False)) == [("L201", 6)]


def test_the_sample_with_comments_keeps_its_other_findings(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "articles", tmp_path / "articles")
    ru = tmp_path / "articles" / "using-metamask-with-binance" / "ru.md"
    before = check([str(tmp_path / "articles")], Config())
    lines = ru.read_text(encoding="utf-8").split("\n")
    t401 = next(d for d in before.diagnostics if d.lang == "ru" and d.code == "T401")
    # the finding is in a list item: the comment goes at the end of the item above it
    lines[t401.location.line - 2] += " <!-- l10ncheck-disable-next-line missing-term -->"
    lines.insert(0, "<!-- l10ncheck-disable-file E304 -->\n")
    ru.write_text("\n".join(lines), encoding="utf-8")
    after = check([str(tmp_path / "articles")], Config())
    keys = lambda report: sorted((d.lang, d.code, d.anchor) for d in report.diagnostics
                                 if d.code != "X603")
    assert keys(after) == [k for k in keys(before) if k[:2] != ("ru", "T401")]
    unused = [d for d in after.diagnostics if d.code == "X603"]
    if any(r.code == "X603" for r in ALL_RULES):  # registered: the idle E304 comment is reported
        assert [(d.lang, d.location.line) for d in unused] == [("ru", 1)]


def test_comment_blocks_between_blocks_change_nothing(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "articles", tmp_path / "articles")
    before = check([str(tmp_path / "articles")], Config())
    for lang in ("en", "nl", "ru"):
        path = tmp_path / "articles" / "using-metamask-with-binance" / f"{lang}.md"
        lines = path.read_text(encoding="utf-8").split("\n")
        gaps = [i for i in range(1, len(lines)) if not lines[i].strip() and not lines[i - 1].strip()]
        for i in reversed(gaps[::3]):
            lines.insert(i, "<!-- l10ncheck-disable-next-line C503 -->")
        path.write_text("\n".join(lines), encoding="utf-8")
    after = check([str(tmp_path / "articles")], Config())
    count = lambda report: sorted((d.lang, d.code, d.path) for d in report.diagnostics if d.code != "X603")
    assert count(after) == count(before)


# -- unused suppressions ------------------------------------------------------------------


def test_unused_suppressions_are_info_findings_at_the_comment(tmp_path: Path) -> None:
    de = translation(before="<!-- l10ncheck-disable-next-line L201, T401 -->\n",
                     after="<!-- l10ncheck-disable-file S107 -->\n")
    result = run(tmp_path, de)
    assert found(result) == [("X603", 3), ("X603", 9)]
    partly, idle = result
    assert partly.message == "<!-- l10ncheck-disable-next-line L201, T401 --> suppresses no T401 finding"
    assert idle.message == "<!-- l10ncheck-disable-file S107 --> suppresses nothing"
    assert idle.severity.value == "info" and idle.category.value == "text"
    assert idle.name == "unused-suppression" and idle.lang == "de"
    assert idle.location.span == Span(9, 1, 9, 37)
    assert idle.anchor == "suppression/l10ncheck-disable-file S107/unused/0"


def test_unknown_rules_and_unmatched_enable(tmp_path: Path) -> None:
    de = translation(before="<!-- l10ncheck-disable-next-line L201 Z999 -->\n",
                     after="<!-- l10ncheck-enable L204 -->\n")
    messages = [d.message for d in run(tmp_path, de)]
    assert messages == [
        "unknown rule Z999 in <!-- l10ncheck-disable-next-line L201, Z999 -->",
        "<!-- l10ncheck-enable L204 --> ends no open l10ncheck-disable range for L204",
    ]


def test_a_rule_that_did_not_run_is_not_held_against_a_comment(tmp_path: Path) -> None:
    folder = tmp_path / "art"
    folder.mkdir()
    (folder / "en.md").write_text(SOURCE, encoding="utf-8")
    (folder / "de.md").write_text(translation(before="<!-- l10ncheck-disable-next-line L201 -->\n"),
                                  encoding="utf-8")
    article = Article("art", (SourceFile("en", str(folder / "en.md")),
                              SourceFile("de", str(folder / "de.md"))))
    rules = tuple(r for r in active_rules(Config(ignore=("link",))) if r.code != "X603")
    assert check_article(article, "en", (*rules, UnusedSuppression()), ()) == []


def test_unused_suppression_rule_is_documented() -> None:
    info = UnusedSuppression.info()
    assert (info.code, info.name, info.category.value, info.severity.value) == (
        "X603", "unused-suppression", "text", "info")
    assert info.summary and info.why and info.example
