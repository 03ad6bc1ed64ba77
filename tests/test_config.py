from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from l10ncheck.config import (
    Config,
    ConfigError,
    find_config,
    ignored_codes,
    load_config,
    load_config_file,
    resolve_severity,
    select_rules,
)
from l10ncheck.diagnostics import Category, Severity


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- finding the file -----------------------------------------------------------------


def test_find_config_walks_up(in_tmp: Path) -> None:
    write(in_tmp / "l10ncheck.toml", "")
    (in_tmp / "docs" / "en").mkdir(parents=True)
    assert find_config("docs/en") == "l10ncheck.toml"
    assert find_config("docs/en/missing.md") == "l10ncheck.toml"


def test_pyproject_without_our_table_is_passed_over(in_tmp: Path) -> None:
    write(in_tmp / "pyproject.toml", '[tool.l10ncheck]\nsource-lang = "de"\n')
    write(in_tmp / "sub" / "pyproject.toml", "[tool.black]\n# not l10ncheck\n")
    assert find_config("sub") == "pyproject.toml"
    assert load_config("sub").source_lang == "de"


def test_l10ncheck_toml_wins_in_the_same_folder(in_tmp: Path) -> None:
    write(in_tmp / "pyproject.toml", "[tool.l10ncheck]\n")
    write(in_tmp / "l10ncheck.toml", "")
    assert find_config(".") == "l10ncheck.toml"


def test_no_config_gives_defaults(in_tmp: Path) -> None:
    if find_config(".") is not None:
        pytest.skip("a config file exists above the temporary directory")
    assert load_config(".") == Config()


def test_config_outside_the_working_directory_is_shown_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "proj" / "l10ncheck.toml", "")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert find_config("../proj") == str(tmp_path / "proj" / "l10ncheck.toml")


# -- reading settings -----------------------------------------------------------------


def test_all_settings(in_tmp: Path) -> None:
    write(
        in_tmp / "pyproject.toml",
        """[project]
name = "x"

[tool.l10ncheck]
source-lang = "pt_BR"
select = ["L2", "structure"]
ignore = ["L204"]
fail-level = "Error"
format = "json"
layout = "lang-dir"
glossary = "terms/glossary.toml"

[tool.l10ncheck.severity]
split-word-link = "info"
E301 = "error"
""",
    )
    config = load_config(".")
    assert config == Config(
        source_lang="pt-br",
        select=("L2", "structure"),
        ignore=("L204",),
        fail_level="error",
        format="json",
        layout="lang-dir",
        glossary=os.path.join("terms", "glossary.toml"),
        severity=(("split-word-link", "info"), ("E301", "error")),
        config_path="pyproject.toml",
    )


def test_glossary_is_relative_to_the_config_file(in_tmp: Path) -> None:
    write(
        in_tmp / "site" / "l10ncheck.toml", 'glossary = "glossary.toml"\n[severity]\nL201 = "info"\n'
    )
    (in_tmp / "site" / "docs").mkdir()
    config = load_config("site/docs")
    assert config.glossary == os.path.join("site", "glossary.toml")
    assert config.severity == (("L201", "info"),)


def test_overrides_win_and_none_is_ignored(in_tmp: Path) -> None:
    write(
        in_tmp / "l10ncheck.toml",
        'fail-level = "error"\nformat = "json"\n[severity]\nL201 = "info"\n',
    )
    config = load_config(
        ".",
        {"fail_level": "never", "format": None, "select": "L2, link", "severity": {"L202": "error"}},
    )
    assert config.fail_level == "never" and config.format == "json"
    assert config.select == ("L2", "link")
    assert config.severity == (("L201", "info"), ("L202", "error"))
    with pytest.raises(ConfigError, match=r"^option fail-level must be one of"):
        load_config(".", {"fail_level": "fatal"})
    with pytest.raises(ConfigError, match=r"unknown option: colour"):
        load_config(".", {"colour": True})


def test_load_named_file(in_tmp: Path) -> None:
    path = write(in_tmp / "ci" / "strict.toml", 'fail-level = "info"\n')
    assert load_config_file(str(path)).fail_level == "info"


# -- errors: one line, file and line ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('source-lang = "en"\ncolour = true\n', "l10ncheck.toml:2: unknown setting 'colour'"),
        (
            '\n\nfail-level = "fatal"\n',
            "l10ncheck.toml:3: fail-level must be one of error, warning, info, never (got 'fatal')",
        ),
        ('select = "L1"\n', "l10ncheck.toml:1: select must be a list of strings"),
        ("select = [1, 2]\n", "l10ncheck.toml:1: select must be a list of strings (got array)"),
        ('source-lang = "english"\n', "l10ncheck.toml:1: source-lang must be a language code"),
        ("layout = 3\n", "l10ncheck.toml:1: layout must be a string (got integer 3)"),
        ('format = "xml"\n', "l10ncheck.toml:1: format must be one of"),
        ('glossary = ""\n', "l10ncheck.toml:1: glossary must be a path"),
        (
            '[severity]\nL201 = "info"\nL202 = "loud"\n',
            "l10ncheck.toml:3: severity.L202 must be one of error, warning, info",
        ),
        ('severity = "error"\n', "l10ncheck.toml:1: severity must be a table"),
        ("fail-level = \n", "l10ncheck.toml:1: invalid TOML: Invalid value (column 14)"),
        ('a = "x"\n[b\n', "l10ncheck.toml:2: invalid TOML:"),
    ],
)
def test_errors_point_at_the_line(in_tmp: Path, text: str, message: str) -> None:
    write(in_tmp / "l10ncheck.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(".")
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_errors_in_pyproject_point_inside_our_table(in_tmp: Path) -> None:
    write(
        in_tmp / "pyproject.toml",
        '[tool.other]\nformat = "xml"\n\n[tool.l10ncheck]\nselect = ["L2"]\nformat = "xml"\n',
    )
    with pytest.raises(ConfigError, match=r"^pyproject\.toml:6: format must be one of"):
        load_config(".")
    write(in_tmp / "pyproject.toml", "[tool]\nl10ncheck = 3\n")
    with pytest.raises(
        ConfigError, match=r"^pyproject\.toml:2: \[tool\.l10ncheck\] must be a table"
    ):
        load_config(".")


def test_bad_severity_in_pyproject_points_at_the_entry(in_tmp: Path) -> None:
    table = '[tool.l10ncheck]\nselect = []\n\n[tool.l10ncheck.severity]\nL201 = "info"\n'
    write(in_tmp / "pyproject.toml", table + "L2 = 1\n")
    with pytest.raises(ConfigError) as caught:
        load_config(".")
    assert str(caught.value) == "pyproject.toml:6: severity.L2 must be a string (got integer 1)"
    write(in_tmp / "pyproject.toml", table + '"a\\nb" = 1\n')
    with pytest.raises(ConfigError) as caught:
        load_config(".")
    assert "\n" not in str(caught.value)


def test_unreadable_encoding(in_tmp: Path) -> None:
    (in_tmp / "l10ncheck.toml").write_bytes(b"format = '\xff'\n")
    with pytest.raises(ConfigError, match=r"l10ncheck\.toml:\d+:\d+: not valid UTF-8"):
        load_config(".")


# -- rule selection -------------------------------------------------------------------


@dataclass(frozen=True)
class FakeRule:
    code: str
    name: str
    category: Category


RULES = (
    FakeRule("L101", "missing-link", Category.LINK),
    FakeRule("L204", "split-word-link", Category.LINK),
    FakeRule("L205", "link-target-changed", Category.LINK),
    FakeRule("S101", "missing-heading", Category.STRUCTURE),
    FakeRule("T101", "glossary-term", Category.TERM),
)


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        ((), (), {"L101", "L204", "L205", "S101", "T101"}),
        (("link",), (), {"L101", "L204", "L205"}),
        (("L2",), ("l205",), {"L204"}),
        (("Split-Word-Link", "S101"), (), {"L204", "S101"}),
        ((), ("LINK", "term"), {"S101"}),
    ],
)
def test_select_rules(select: tuple[str, ...], ignore: tuple[str, ...], expected: set[str]) -> None:
    assert select_rules(RULES, select, ignore) == frozenset(expected)


def test_unknown_selector() -> None:
    with pytest.raises(ConfigError, match=r"^unknown rule or category: L9$"):
        select_rules(RULES, ["L9"], [])
    with pytest.raises(ConfigError, match=r"^l10ncheck\.toml: unknown rule or category: nope$"):
        select_rules(RULES, [], ["nope"], origin="l10ncheck.toml")


def test_resolve_severity() -> None:
    config = Config(severity=(("link", "info"), ("L204", "error")), config_path="x.toml")
    assert resolve_severity(RULES, config) == {
        "L101": Severity.INFO,
        "L204": Severity.ERROR,
        "L205": Severity.INFO,
    }
    with pytest.raises(ConfigError, match=r"^x\.toml: unknown rule or category in severity: Z1$"):
        resolve_severity(RULES, Config(severity=(("Z1", "info"),), config_path="x.toml"))


# -- per-file and per-language ignores, baseline -------------------------------------------


def test_per_file_and_per_language_ignores_and_baseline(in_tmp: Path) -> None:
    write(
        in_tmp / "site" / "pyproject.toml",
        """[tool.l10ncheck]
baseline = "ci/l10ncheck-baseline.json"
per-language-ignores = { pt_BR = ["T401"], ru = ["link", "E304"] }

[tool.l10ncheck.per-file-ignores]
"articles/*/ru.md" = ["split-word-link"]
"legacy/" = ["structure"]
""",
    )
    config = load_config("site")
    assert config.baseline == os.path.join("site", "ci", "l10ncheck-baseline.json")
    assert config.per_file_ignores == (
        ("articles/*/ru.md", ("split-word-link",)),
        ("legacy/", ("structure",)),
    )
    assert config.per_language_ignores == (("pt-br", ("T401",)), ("ru", ("link", "E304")))


def test_ignored_codes_match_globs_relative_to_the_config_file(in_tmp: Path) -> None:
    config = Config(
        per_file_ignores=(
            ("articles/*/ru.md", ("L204",)),
            ("old/legacy", ("S1",)),
            ("drafts", ("link",)),
            ("**/nl.md", ("missing-term",)),
            ("ms.md", ("emphasis",)),
        ),
        per_language_ignores=(("pt-BR", ("T401",)),),
        config_path=os.path.join("site", "l10ncheck.toml"),
    )
    ignored = ignored_codes(config, RULES + (FakeRule("T401", "missing-term", Category.TERM),
                                             FakeRule("E301", "missing-bold", Category.EMPHASIS)))
    assert ignored(os.path.join("site", "articles", "a", "ru.md"), "ru") == {"L204"}
    assert ignored(os.path.join("site", "articles", "a", "b", "ru.md"), "ru") == set()
    assert ignored(os.path.join("site", "old", "legacy", "x", "en.md"), "en") == {"S101"}
    assert ignored(os.path.join("site", "legacy", "old", "legacy", "en.md"), "en") == set()
    assert ignored(os.path.join("site", "a", "drafts", "en.md"), "en") == {"L101", "L204", "L205"}
    assert ignored(os.path.join("site", "docs", "deep", "nl.md"), "nl") == {"T401"}
    assert ignored(os.path.join("site", "docs", "ms.md"), "ms") == {"E301"}
    assert ignored(os.path.join("site", "docs", "pt_BR.md"), "pt_br") == {"T401"}
    assert ignored(os.path.join("elsewhere", "articles", "a", "ru.md"), "ru") == set()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('per-file-ignores = ["x"]\n', "l10ncheck.toml:1: per-file-ignores must be a table of glob pattern = [rules]"),
        (
            '[per-file-ignores]\n"a/*.md" = ["L204"]\n"b/*.md" = "L204"\n',
            "l10ncheck.toml:3: per-file-ignores.'b/*.md' must be a list of strings",
        ),
        (
            '[per-file-ignores]\n"a/*.md" = ["L204"]\n\n"b/*.md" = ["Z999", "link"]\n',
            "l10ncheck.toml:4: per-file-ignores.'b/*.md': unknown rule or category: Z999",
        ),
        (
            'per-language-ignores = { ru = ["T401"], english = ["L204"] }\n',
            "l10ncheck.toml:1: per-language-ignores.english: 'english' is not a language code",
        ),
        (
            '\n[per-language-ignores]\nru = ["nope"]\n',
            "l10ncheck.toml:3: per-language-ignores.ru: unknown rule or category: nope",
        ),
        ("baseline = 1\n", "l10ncheck.toml:1: baseline must be a path (got integer 1)"),
    ],
)
def test_ignore_errors_point_at_the_entry(in_tmp: Path, text: str, message: str) -> None:
    write(in_tmp / "l10ncheck.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(".")
    assert str(caught.value).startswith(message), str(caught.value)


def test_ignores_are_applied_by_the_api(in_tmp: Path) -> None:
    import shutil

    from l10ncheck.api import check

    root = Path(__file__).resolve().parents[1]
    shutil.copytree(root / "articles", in_tmp / "articles")
    write(
        in_tmp / "l10ncheck.toml",
        '[per-file-ignores]\n"articles/*/ms.md" = ["missing-term"]\n'
        '[per-language-ignores]\nnl = ["link"]\n',
    )
    report = check(["articles"], load_config("articles"))
    found = {(d.lang, d.code) for d in report.diagnostics}
    assert found == {("ms", "L204"), ("nl", "S107"), ("ru", "T401")}


# -- url-rewrite ----------------------------------------------------------------------


def test_url_rewrites_are_read_in_order(in_tmp: Path) -> None:
    from l10ncheck.urls import UrlRewrite

    write(in_tmp / "pyproject.toml", """[tool.l10ncheck]
source-lang = "en"

[[tool.l10ncheck.url-rewrite]]
source = "https://docs.example.com/en/{path}"
target = "https://docs.example.com/{lang}/{path}"

[[tool.l10ncheck.url-rewrite]]
source = " https://example.com/{path} "
target = "https://example.{tld:jp|de}/{path}"
langs = ["ja", "DE"]
""")
    assert load_config(".").url_rewrite == (
        UrlRewrite("https://docs.example.com/en/{path}", "https://docs.example.com/{lang}/{path}"),
        UrlRewrite("https://example.com/{path}", "https://example.{tld:jp|de}/{path}", ("ja", "de")),
    )


REWRITE = '[[url-rewrite]]\nsource = "https://a.io/{path}"\ntarget = "https://a.io/{lang}/{path}"\n\n'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('url-rewrite = "x"\n', "l10ncheck.toml:1: url-rewrite must be a list of tables with source and target"),
        (REWRITE + '[[url-rewrite]]\nsource = "https://a.io/{path"\ntarget = "x"\n',
         "l10ncheck.toml:6: url-rewrite #2: source 'https://a.io/{path': '{' at column 14 is never closed"),
        (REWRITE + '[[url-rewrite]]\nsource = "https://a.io/{id:[0-9}"\ntarget = "x"\n',
         "l10ncheck.toml:6: url-rewrite #2: source 'https://a.io/{id:[0-9}': bad regex in {id:[0-9}"),
        (REWRITE + '[[url-rewrite]]\nsource = "https://a.io/{path}"\n',
         "l10ncheck.toml:5: url-rewrite #2 has no target"),
        ('[[url-rewrite]]\nsource = "a"\ntarget = "b"\ntagret = "c"\n',
         "l10ncheck.toml:4: url-rewrite #1: unknown key 'tagret' (expected one of: source, target, langs)"),
        ('[[url-rewrite]]\nsource = "a"\ntarget = 3\n', "l10ncheck.toml:3: url-rewrite #1: target must be a URL pattern"),
        (REWRITE + 'fail-level = "error"\n', ""),  # after [[url-rewrite]], fail-level belongs to it
        ('[[url-rewrite]]\nsource = "a"\ntarget = "b"\nlangs = ["ja", "japanese"]\n',
         "l10ncheck.toml:4: url-rewrite #1: langs: 'japanese' is not a language code"),
    ],
)
def test_url_rewrite_errors_point_at_the_entry(in_tmp: Path, text: str, message: str) -> None:
    write(in_tmp / "l10ncheck.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(".")
    assert str(caught.value).startswith(message or "l10ncheck.toml:5: url-rewrite #1: unknown key 'fail-level'"), str(caught.value)
