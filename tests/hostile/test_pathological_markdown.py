"""Markdown built to exhaust a parser: deep nesting, huge files and lines, thousands of links.

Each runs the real command line in a subprocess with a deadline, so a hang fails the test
instead of the suite, and its peak memory is measured. A normal article sits beside the
hostile one and must still be reported.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .conftest import (
    article,
    assert_clean,
    assert_good_checked,
    assert_inside,
    big_file,
    bracket_run,
    emphasis_run,
    long_line,
    many_links,
    nested_list,
    nested_footnotes,
    nested_markers,
    nested_quote,
    nested_quote_list,
    of,
    run_cli,
    unclosed_brackets,
    unclosed_emphasis,
)

INTRO_EN = "# Deep\n\nAn introduction with a [link](https://example.com/intro).\n\n"
INTRO_FR = "# Profond\n\nUne introduction sans lien.\n\n"
# Where the dropped link of the introduction is reported in the hostile translation.
INTRO_FINDING = ("L201", "articles/hostile/fr.md", 3)


def intro_found(findings: list[dict[str, Any]]) -> bool:
    rule, path, line = INTRO_FINDING
    return any(f["rule"] == rule and f["path"] == path and f["line"] == line for f in findings)


NESTING: dict[str, tuple[Callable[[int], str], int]] = {
    # name: (generator, depth). Indented lists grow quadratically (depth² / 2 characters).
    "list-indented": (nested_list, 1500),
    "list-markers": (nested_markers, 5000),
    "block-quote": (nested_quote, 5000),
    "quote-and-list": (nested_quote_list, 5000),
    "footnotes": (nested_footnotes, 5000),
    "emphasis": (emphasis_run, 5000),
    "emphasis-unclosed": (unclosed_emphasis, 5000),
    "brackets": (bracket_run, 5000),
    "brackets-unclosed": (unclosed_brackets, 5000),
}


@pytest.mark.parametrize("kind", sorted(NESTING))
def test_deep_nesting(tree: Path, kind: str) -> None:
    generate, depth = NESTING[kind]
    hostile = generate(depth)
    article(tree, "hostile", {"en": INTRO_EN + hostile, "fr": INTRO_FR + hostile})
    run = run_cli("articles", "--format", "json", cwd=tree, timeout=20)
    assert_clean(run, memory=True)
    findings = run.findings()
    assert_good_checked(findings)
    assert intro_found(findings), of(findings, "articles/hostile/fr.md")
    assert_inside(findings, tree)


def test_deep_nesting_only_in_the_translation(tree: Path) -> None:
    """A translation that turns a list into thousands of levels: a structure finding."""
    article(tree, "hostile", {
        "en": INTRO_EN + "- one\n- two\n- three\n",
        "fr": INTRO_FR + nested_list(1000),
    })
    run = run_cli("articles", "--format", "json", cwd=tree, timeout=20)
    assert_clean(run, memory=True)
    findings = run.findings()
    assert_good_checked(findings)
    assert {f["category"] for f in of(findings, "articles/hostile/fr.md")} >= {"structure"}
    assert_inside(findings, tree)


def test_fifty_megabyte_file(tree: Path) -> None:
    """Too big to be an article: reported as unreadable at once, read in bounded memory."""
    article(tree, "hostile", {"en": INTRO_EN.encode(), "fr": big_file(50)})
    run = run_cli("articles", "--format", "json", cwd=tree, timeout=30)
    assert_clean(run, memory=True)
    assert run.seconds < 20
    findings = run.findings()
    assert_good_checked(findings)
    (finding,) = [f for f in of(findings, "articles/hostile/fr.md") if f["rule"] == "F701"]
    assert "too large" in finding["message"] and (finding["line"], finding["column"]) == (1, 1)


def test_fifty_megabyte_source(tree: Path) -> None:
    """A huge source cannot be compared: every translation of it is left alone, not hung on."""
    article(tree, "hostile", {"en": big_file(50), "fr": INTRO_FR.encode()})
    run = run_cli("articles", "--format", "json", cwd=tree, timeout=30)
    assert_clean(run, memory=True)
    findings = run.findings()
    assert_good_checked(findings)
    assert "F701" in [f["rule"] for f in of(findings, "articles/hostile/en.md")]
    assert of(findings, "articles/hostile/fr.md") == []  # nothing to compare it with


def test_large_article_is_still_checked(tree: Path) -> None:
    """A long article well under the size limit is parsed and compared as usual."""
    body = big_file(0.15).decode()
    article(tree, "hostile", {"en": INTRO_EN + body, "fr": INTRO_FR + body})
    run = run_cli("articles", "--format", "json", cwd=tree, timeout=40)
    assert_clean(run, memory=True)
    findings = run.findings()
    assert_good_checked(findings)
    assert intro_found(findings)


def test_million_character_word(tree: Path) -> None:
    line = "a" * 1_000_000 + "\n"
    article(tree, "hostile", {"en": INTRO_EN + line, "fr": INTRO_FR + line})
    run = run_cli("articles", "--format", "json", cwd=tree, timeout=15)
    assert_clean(run, memory=True)
    findings = run.findings()
    assert_good_checked(findings)
    assert intro_found(findings)


def test_a_number_of_thousands_of_digits_in_sample_text(tree: Path) -> None:
    # Python refuses int() of more than 4,300 digits: numbers stay text in every rule.
    number = "9" * 5000
    article(tree, "hostile", {"en": INTRO_EN + f'`print "a b {number}"`\n',
                              "fr": INTRO_FR + f'`print "c d e {number}"`\n'})
    run = run_cli("articles", "--format", "json", cwd=tree, timeout=15)
    assert_clean(run, memory=True)
    assert intro_found(run.findings())


def test_million_character_line_of_prose(tree: Path) -> None:
    line = ("lorem ipsum dolor sit amet " * 40_000)[:1_000_000] + "\n"
    article(tree, "hostile", {"en": INTRO_EN + line, "fr": INTRO_FR + line})
    run = run_cli("articles", "--format", "json", cwd=tree, timeout=20)
    assert_clean(run, memory=True)
    findings = run.findings()
    assert_good_checked(findings)
    assert intro_found(findings)


def test_long_line_dense_with_markup(tree: Path) -> None:
    """Half a million characters on one line with a link and a bold span every 56 characters
    (9 000 of each): a few seconds (about 10 s for a million), never quadratic."""
    line = long_line(500_000)
    article(tree, "hostile", {"en": INTRO_EN + line, "fr": INTRO_FR + line})
    run = run_cli("articles", "--format", "json", cwd=tree, timeout=20)
    assert_clean(run, memory=True)
    findings = run.findings()
    assert_good_checked(findings)
    assert intro_found(findings)


def test_thousands_of_links_in_one_paragraph(tree: Path) -> None:
    links = many_links(5000)
    article(tree, "hostile", {"en": INTRO_EN + links, "fr": INTRO_FR + links})
    run = run_cli("articles", "--format", "json", cwd=tree, timeout=20)
    assert_clean(run, memory=True)
    findings = run.findings()
    assert_good_checked(findings)
    assert intro_found(findings)


def test_thousands_of_named_links_in_one_paragraph(tree: Path) -> None:
    links = " ".join(f"[Page{i}](https://example.com/{i})" for i in range(5000)) + "\n"
    article(tree, "hostile", {"en": INTRO_EN + links, "fr": INTRO_FR + links})
    run = run_cli("articles", "--format", "json", cwd=tree, timeout=20)
    assert_clean(run, memory=True)
    findings = run.findings()
    assert_good_checked(findings)
    assert intro_found(findings)


def test_thousands_of_links_dropped_from_a_paragraph(tree: Path) -> None:
    """The translation drops all of them: one finding per link, still quick."""
    article(tree, "hostile", {"en": INTRO_EN + many_links(2000), "fr": INTRO_FR + "Aucun lien.\n"})
    run = run_cli("articles", "--format", "json", cwd=tree, timeout=20)
    assert_clean(run, memory=True)
    missing = [f for f in of(run.findings(), "articles/hostile/fr.md") if f["rule"] == "L201"]
    assert len(missing) >= 2000
    assert all(f["line"] in (3, 5) for f in missing)
    assert_good_checked(run.findings())
