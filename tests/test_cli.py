"""The command line: exit codes, formats, config, bad input. Runs in a temporary tree."""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner

from l10ncheck.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_default_path_and_exit_code(tree: Path) -> None:
    code, out, _ = run()
    assert code == 1
    assert "ru:16:6" in out and "T401" in out
    assert "10 findings" in out
    assert "\x1b[" not in out  # no colour when not on a terminal


def test_fail_level_error_passes_on_warnings(tree: Path) -> None:
    assert run("articles/", "--fail-level", "error")[0] == 0
    assert run("articles/", "--fail-level", "never")[0] == 0


def test_json_is_the_documented_contract_and_deterministic(tree: Path) -> None:
    code, out, _ = run("articles/", "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["version"] == 1 and data["source_lang"] == "en"
    assert data["summary"]["documents"] == 4 and data["summary"]["findings"] == 10
    first = data["findings"][0]
    assert list(first)[:15] == [
        "rule", "name", "category", "severity", "article", "lang", "path", "line", "column",
        "end_line", "end_column", "source_path", "source_line", "source_column", "message",
    ]
    assert first["path"] == "articles/using-metamask-with-binance/ms.md"
    assert run("articles/", "--format", "json")[1] == out


def test_select_and_ignore_by_code_name_and_category(tree: Path) -> None:
    out = json.loads(run("articles/", "--format", "json", "--select", "link")[1])
    assert {f["category"] for f in out["findings"]} == {"link"}
    out = json.loads(run("articles/", "--format", "json", "--ignore", "missing-term,S107")[1])
    assert {f["rule"] for f in out["findings"]} == {"L204", "L205"}


def test_config_file_is_found_and_command_line_wins(tree: Path) -> None:
    (tree / "l10ncheck.toml").write_text('select = ["T401"]\nfail-level = "error"\n')
    code, out, _ = run("articles/", "--format", "json")
    assert code == 0
    assert {f["rule"] for f in json.loads(out)["findings"]} == {"T401"}
    assert run("articles/", "--fail-level", "warning")[0] == 1


def test_bad_config_is_one_line_with_file_and_line(tree: Path) -> None:
    (tree / "l10ncheck.toml").write_text('select = ["T401"]\nfail-levle = "error"\n')
    code, _, err = run("articles/")
    assert code == 2
    assert err.count("\n") == 1 and "l10ncheck.toml:2" in err


def test_missing_path_and_unknown_rule_exit_2(tree: Path) -> None:
    code, _, err = run("nope/")
    assert code == 2 and "path not found: nope/" in err and "Traceback" not in err
    code, _, err = run("articles/", "--select", "Z999")
    assert code == 2 and "Z999" in err


def test_bad_files_are_findings_and_the_rest_is_checked(tree: Path) -> None:
    art = tree / "articles" / "using-metamask-with-binance"
    (art / "de.md").write_bytes(b"# Titel\n\nCaf\xe9 ist gut.\n")
    (art / "fr.md").write_bytes(b"\x00\x01binary")
    (art / "es.md").write_bytes(b"")
    os.mkdir(art / "it.md")
    orphan = tree / "articles" / "orphan"
    orphan.mkdir()
    (orphan / "ru.md").write_text("# Только перевод\n", encoding="utf-8")
    code, out, err = run("articles/", "--format", "json")
    assert code == 1, err
    found = {(f["rule"], f["lang"]) for f in json.loads(out)["findings"]}
    assert ("F701", "de") in found and ("F701", "fr") in found
    assert ("F704", "es") in found
    assert ("F702", "ru") in found
    assert ("T401", "ru") in found  # the good translations are still checked
    de = [f for f in json.loads(out)["findings"] if f["rule"] == "F701" and f["lang"] == "de"][0]
    assert (de["line"], de["column"]) == (3, 4)


def test_articles_are_never_written(tree: Path) -> None:
    before = {p: p.read_bytes() for p in (tree / "articles").rglob("*.md")}
    run("articles/", "--format", "sarif", "-o", "reports/drift.sarif")
    assert {p: p.read_bytes() for p in (tree / "articles").rglob("*.md")} == before
    assert json.loads((tree / "reports" / "drift.sarif").read_text())["version"] == "2.1.0"


def test_rules_command_lists_every_rule() -> None:
    code, out, _ = run("rules", "--format", "json")
    rules = json.loads(out)
    assert code == 0 and len(rules) >= 25
    assert all(r["why"] and r["example"] and r["summary"] for r in rules)
    assert len({r["code"] for r in rules}) == len(rules)
    code, out, _ = run("rules")
    assert "L204  split-word-link  [link, warning]" in out


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("l10ncheck ")


def test_readme_rule_table_is_generated_from_the_docstrings() -> None:
    from l10ncheck.docs import update_readme

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert update_readme(readme) == readme, "run: python -m l10ncheck.docs"


def test_csv_glossary_protects_and_forbids_terms(tree: Path) -> None:
    (tree / "glossary.csv").write_text(
        "term,translatable,forbidden,replacement\n"
        "MetaMask,no,no,\n"
        "Binance Smart Chain,no,yes,BNB Smart Chain\n", encoding="utf-8")
    code, out, err = run("articles/", "--format", "json", "--glossary", "glossary.csv", "--select", "term")
    assert code == 1, err
    found = {(f["rule"], f["lang"], f["line"]) for f in json.loads(out)["findings"]}
    assert ("T402", "ru", 16) in found  # the renamed product is the deprecated name
    bad = tree / "bad.csv"
    bad.write_text("term,klingon-xx\nMetaMask,x\n", encoding="utf-8")
    code, _, err = run("articles/", "--glossary", "bad.csv")
    assert code == 2 and "bad.csv" in err and err.count("\n") == 1
