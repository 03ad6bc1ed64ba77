"""Malformed settings: ``l10ncheck.toml`` and ``[tool.l10ncheck]`` of ``pyproject.toml``.

A broken config must stop the run with one line, ``<file>:<line>: <what is wrong>`` and exit
code 2: never a traceback, and never a run that quietly ignores what it could not read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import (
    assert_clean,
    assert_good_checked,
    assert_one_line_error,
    invoke,
    write,
)

# (name, file text, line of the problem, words of the message)
TOML_CASES = [
    ("unclosed-array", 'select = ["T401"\nfail-level = "x"\n', 2, "invalid TOML"),
    ("duplicate-key", 'select = ["T401"]\nselect = ["L2"]\n', 2, "invalid TOML"),
    ("nul-byte", 'select = ["T401"]\x00\n', 1, "invalid TOML"),
    ("bare-word", "\n\nthis is not toml\n", 3, "invalid TOML"),
    ("unknown-key", 'select = ["T401"]\nfail-levle = "error"\n', 2, "fail-levle"),
    ("wrong-type", "\nfail-level = 3\n", 2, "fail-level must be a string"),
    ("bad-value", '\n\nformat = "xml"\n', 3, "format must be one of"),
    ("bad-severity", '[severity]\nL204 = "fatal"\n', 2, "severity.L204"),
    ("severity-array", '[severity]\nL204 = ["error"]\n', 2, "severity.L204"),
    ("bad-language", 'source-lang = "english language"\n', 1, "source-lang"),
    ("bad-layout", '# settings\nlayout = "flat"\n', 2, "layout"),
    ("empty-select-entry", 'select = ["T401", " "]\n', 1, "empty"),
    ("bad-ignore-glob", '[per-file-ignores]\n"docs/*" = ["nope"]\n', 2, "nope"),
]


@pytest.mark.parametrize(
    ("text", "line", "words"), [c[1:] for c in TOML_CASES], ids=[c[0] for c in TOML_CASES]
)
def test_malformed_l10ncheck_toml(tree: Path, text: str, line: int, words: str) -> None:
    write(tree / "l10ncheck.toml", text)
    run = invoke("articles")
    assert_one_line_error(run, f"l10ncheck.toml:{line}:", words)


PYPROJECT = '[project]\nname = "docs"\nversion = "1"\n\n'  # four lines before ours

PYPROJECT_CASES = [
    ("unknown-key", '[tool.l10ncheck]\nfail-levle = "error"\n', 6, "fail-levle"),
    ("not-a-table", '[tool]\nl10ncheck = 3\n', 6, "must be a table"),
    ("wrong-type", '[tool.l10ncheck]\nselect = "T401"\n', 6, "select must be a list"),
    ("bad-severity", '[tool.l10ncheck.severity]\nT401 = "loud"\n', 6, "severity.T401"),
    ("inline-severity", '[tool.l10ncheck]\nseverity = { T401 = 1 }\n', 6, "severity.T401"),
    ("broken-toml", '[tool.l10ncheck]\nselect = ["T401",\nfail-level = "error"\n', 7,
     "invalid TOML"),
]


@pytest.mark.parametrize(
    ("text", "line", "words"), [c[1:] for c in PYPROJECT_CASES],
    ids=[c[0] for c in PYPROJECT_CASES],
)
def test_malformed_tool_l10ncheck(tree: Path, text: str, line: int, words: str) -> None:
    write(tree / "pyproject.toml", PYPROJECT + text)
    run = invoke("articles")
    assert_one_line_error(run, f"pyproject.toml:{line}:", words)


def test_config_found_from_a_sub_folder_names_its_path(tree: Path) -> None:
    write(tree / "l10ncheck.toml", 'select = ["T401"]\nfail-levle = "error"\n')
    run = invoke("articles/good")
    assert_one_line_error(run, "l10ncheck.toml:2:")


def test_explicit_config_file(tree: Path) -> None:
    write(tree / "conf" / "lint settings.toml", '\nfail-level = "loud"\n')
    run = invoke("articles", "--config", "conf/lint settings.toml")
    assert_one_line_error(run, "conf/lint settings.toml:2:", "fail-level")


@pytest.mark.parametrize("text", ['select = ["L2", "Z999"]\n', '\nignore = ["Z999"]\n'])
def test_unknown_rule_in_config(tree: Path, text: str) -> None:
    write(tree / "l10ncheck.toml", text)
    assert_one_line_error(invoke("articles"), f"l10ncheck.toml:{text.count(chr(10))}:", "Z999")


def test_config_that_is_a_folder_or_missing(tree: Path) -> None:
    (tree / "l10ncheck.toml").mkdir()  # not a file: not a config, the run goes on
    run = invoke("articles", "--format", "json")
    assert_clean(run)
    assert_good_checked(run.findings())
    assert_one_line_error(invoke("articles", "--config", "nope.toml"), "nope.toml")
    run = invoke("articles", "--config", "l10ncheck.toml")  # click's usage error
    assert run.code == 2 and "l10ncheck.toml" in run.stderr and "Traceback" not in run.stderr


def test_empty_config_is_the_defaults(tree: Path) -> None:
    write(tree / "l10ncheck.toml", "")
    run = invoke("articles", "--format", "json")
    assert_clean(run)
    assert_good_checked(run.findings())


def test_config_with_a_bom(tree: Path) -> None:
    """Notepad saves a BOM: the file is read, or the error still names file and line."""
    write(tree / "l10ncheck.toml", '\ufeffselect = ["link"]\n')
    run = invoke("articles", "--format", "json")
    if run.code == 2:
        assert_one_line_error(run, "l10ncheck.toml:1:")
    else:
        assert_clean(run)
        assert_good_checked(run.findings())


def test_huge_config_line(tree: Path) -> None:
    write(tree / "l10ncheck.toml", '# settings\nfail-level = "' + "x" * 1_000_000 + '"\n')
    assert_one_line_error(invoke("articles"), "l10ncheck.toml:2:", "fail-level")


def test_config_not_utf8(tree: Path) -> None:
    write(tree / "l10ncheck.toml", b'select = ["T401"]\n# caf\xe9\n')
    assert_one_line_error(invoke("articles"), "l10ncheck.toml:2:", "UTF-8")


@pytest.mark.parametrize("text", [
    "select = " + "[" * 5000 + "]" * 5000 + "\n",
    "severity = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n",
])
def test_deeply_nested_config(tree: Path, text: str) -> None:
    write(tree / "l10ncheck.toml", text)
    assert_one_line_error(invoke("articles"), "l10ncheck.toml:1:")


def test_severity_for_an_unknown_rule(tree: Path) -> None:
    write(tree / "l10ncheck.toml", '[severity]\nZ999 = "error"\n')
    assert_one_line_error(invoke("articles"), "l10ncheck.toml:2:", "Z999")


def test_pyproject_with_a_broken_l10ncheck_header(tree: Path) -> None:
    write(tree / "pyproject.toml", PYPROJECT + '[tool.l10ncheck\nselect = ["T401"]\n')
    assert_one_line_error(invoke("articles"), "pyproject.toml:5:")


def test_malformed_glossary(tree: Path) -> None:
    write(tree / "glossary.toml", 'terms = ["MetaMask"\n')
    run = invoke("articles", "--glossary", "glossary.toml")
    assert_one_line_error(run, "glossary.toml")
    write(tree / "glossary.toml", "terms = " + "[" * 5000 + "]" * 5000 + "\n")
    assert_one_line_error(invoke("articles", "--glossary", "glossary.toml"), "glossary.toml")
    assert_one_line_error(invoke("articles", "--glossary", "missing.toml"), "missing.toml")
