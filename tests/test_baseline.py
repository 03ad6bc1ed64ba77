"""Baselines: accepted findings do not fail the run, new drift does, line shifts do not matter."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from l10ncheck import baseline
from l10ncheck.baseline import Baseline, BaselineError, Entry
from l10ncheck.cli import main
from l10ncheck.diagnostics import (
    ArticleInfo,
    Category,
    Diagnostic,
    DocumentInfo,
    Location,
    Report,
    Severity,
    Span,
)

ROOT = Path(__file__).resolve().parents[1]
RU = Path("articles") / "using-metamask-with-binance" / "ru.md"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- end to end ---------------------------------------------------------------------------


def test_a_baseline_makes_the_next_run_pass_and_new_drift_fails_it(tree: Path) -> None:
    assert run("articles/")[0] == 1
    code, _, err = run("articles/", "--baseline", "l10ncheck-baseline.json", "--update-baseline")
    assert code == 0
    assert "wrote l10ncheck-baseline.json: 10 accepted findings" in err
    code, out, _ = run("articles/", "--baseline", "l10ncheck-baseline.json")
    assert code == 0
    assert "No drift found" in out
    assert "10 findings accepted by the baseline (not shown, not failing the run)." in out

    # lines move: front matter on top, a paragraph reflowed over three lines
    edit(tree / RU, "#### ", "---\ntitle: MetaMask и Binance\n---\n\n#### ")
    edit(tree / RU, "Это даже не один блокчейн.", "Это даже\nне один\nблокчейн.")
    assert run("articles/", "--baseline", "l10ncheck-baseline.json")[0] == 0

    # new drift: a link dropped from ru.md
    edit(tree / RU, "[инструкциям Binance](https://www.binance.com/en/support/faq/115003670492)",
         "инструкциям Binance")
    code, out, _ = run("articles/", "--baseline", "l10ncheck-baseline.json", "--format", "json")
    assert code == 1
    findings = json.loads(out)["findings"]
    assert [(f["rule"], f["lang"]) for f in findings] == [("L201", "ru")]
    assert json.loads(out)["summary"]["findings"] == 1  # machine formats omit baselined ones


def test_update_drops_fixed_findings_and_is_deterministic(tree: Path) -> None:
    run("articles/", "--baseline", "base.json", "--update-baseline")
    first = (tree / "base.json").read_text(encoding="utf-8")
    data = json.loads(first)
    assert data["version"] == 1 and data["tool"] == "l10ncheck"
    assert list(data["findings"][0]) == ["path", "rule", "name", "fingerprint", "message"]
    keys = [(f["path"], f["rule"], f["fingerprint"]) for f in data["findings"]]
    assert keys == sorted(keys)
    assert all(not f["path"].startswith(("/", "./")) for f in data["findings"])
    run("articles/", "--baseline", "base.json", "--update-baseline")
    assert (tree / "base.json").read_text(encoding="utf-8") == first

    # fix the ru drift: the baseline notices, and an update drops the entry
    edit(tree / RU, "[**Binance Smart Chain**]", "[**BNB Smart Chain**]")
    code, out, _ = run("articles/", "--baseline", "base.json")
    assert code == 0 and "1 baseline entry is fixed: run with --update-baseline" in out
    code, _, err = run("articles/", "--baseline", "base.json", "--update-baseline")
    assert code == 0 and "9 accepted findings, 1 fixed dropped" in err
    rules = [(f["path"].split("/")[-1], f["rule"]) for f in json.loads((tree / "base.json").read_text())["findings"]]
    assert ("ru.md", "T401") not in rules and len(rules) == 9


def test_entries_of_files_and_rules_not_checked_are_kept(tree: Path) -> None:
    run("articles/", "--baseline", "base.json", "--update-baseline")
    before = json.loads((tree / "base.json").read_text())["findings"]
    run("articles/", "--baseline", "base.json", "--update-baseline", "--select", "link")
    assert json.loads((tree / "base.json").read_text())["findings"] == before
    other = tree / "other"
    other.mkdir()
    (other / "en.md").write_text("# Hi\n\nSee [docs](https://example.com).\n", encoding="utf-8")
    (other / "de.md").write_text("# Hallo\n\nSiehe Doku.\n", encoding="utf-8")
    code, _, _ = run("other/", "--baseline", "base.json", "--update-baseline")
    after = json.loads((tree / "base.json").read_text())["findings"]
    assert code == 0 and len(after) == len(before) + 1
    assert {f["path"] for f in after} - {f["path"] for f in before} == {"other/de.md"}


def test_paths_are_relative_to_the_baseline_so_any_directory_works(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tree / "ci").mkdir()
    run("articles/", "--baseline", "ci/base.json", "--update-baseline")
    paths = {f["path"] for f in json.loads((tree / "ci" / "base.json").read_text())["findings"]}
    assert paths == {f"../articles/using-metamask-with-binance/{lang}.md" for lang in ("ms", "nl", "ru")}
    monkeypatch.chdir(tree / "articles")
    assert run(".", "--baseline", "../ci/base.json")[0] == 0


def test_baseline_from_the_config_file(tree: Path) -> None:
    (tree / "l10ncheck.toml").write_text('baseline = "l10ncheck-baseline.json"\n')
    assert run("articles/", "--update-baseline")[0] == 0
    assert (tree / "l10ncheck-baseline.json").is_file()
    assert run("articles/")[0] == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline file not found: base.json (create it with --update-baseline)"),
        ("{\n  \"version\": 1,\n  oops\n}", "base.json:3: invalid JSON"),
        ('{"version": 2, "findings": []}', "base.json: baseline version 2 is not supported"),
        ('{"version": 1}', 'base.json: not an l10ncheck baseline (no "findings" list)'),
        ('{"version": 1, "findings": [{"path": "x"}]}', "base.json: finding 1 needs string"),
    ],
)
def test_bad_baselines_exit_2_with_one_line(tree: Path, content: str | None, message: str) -> None:
    if content is not None:
        (tree / "base.json").write_text(content)
    code, _, err = run("articles/", "--baseline", "base.json")
    assert code == 2 and err.count("\n") == 1
    assert err.startswith(f"l10ncheck: error: {message}")


def test_update_needs_a_baseline_file(tree: Path) -> None:
    code, _, err = run("articles/", "--update-baseline")
    assert code == 2 and "--update-baseline needs --baseline FILE" in err


# -- the module ---------------------------------------------------------------------------


def finding(path: str, line: int, anchor: str = "s1/b2/link:x", message: str = "link (en:3) is missing") -> Diagnostic:
    return Diagnostic("L201", "missing-link", Category.LINK, Severity.WARNING, "a", "ru",
                      Location(path, Span(line, 1, line, 5)), message, anchor=anchor)


def report(*diagnostics: Diagnostic) -> Report:
    docs = (DocumentInfo("en", "docs/a/en.md"), DocumentInfo("ru", "docs/a/ru.md"))
    from l10ncheck.rules import ALL_RULES

    return Report("en", (ArticleInfo("a", docs),), tuple(diagnostics),
                  tuple(r.info() for r in ALL_RULES))


def test_keys_ignore_lines_and_positions_in_messages() -> None:
    base = baseline.update(report(finding("docs/a/ru.md", 3)), Baseline("."))
    moved = finding("docs/a/ru.md", 30, message="link (en:31) is missing")
    assert baseline.apply(report(moved), base).baselined == 1
    elsewhere = finding("docs/a/ru.md", 3, anchor="s2/b1/link:x")
    assert baseline.apply(report(elsewhere), base).report.diagnostics == (elsewhere,)


def test_identical_findings_are_counted() -> None:
    one = finding("docs/a/ru.md", 3)
    base = baseline.update(report(one), Baseline("."))
    outcome = baseline.apply(report(one, replace(one, location=Location("docs/a/ru.md", Span(9, 1, 9, 5)))), base)
    assert outcome.baselined == 1 and len(outcome.report.diagnostics) == 1
    twice = baseline.update(report(one, replace(one, location=Location("docs/a/ru.md", Span(9, 1, 9, 5)))), Baseline("."))
    assert len(twice.entries) == 2 and twice.entries[0] == twice.entries[1]


def test_dumps_and_load_round_trip(tmp_path: Path) -> None:
    base = Baseline(str(tmp_path), (Entry("b.md", "T401", "f2", "missing-term", "m"),
                                    Entry("a.md", "L201", "f1", "missing-link", "é")))
    text = baseline.dumps(base)
    assert text.endswith("}\n") and "é" in text
    (tmp_path / "base.json").write_text(text, encoding="utf-8")
    loaded = baseline.load(str(tmp_path / "base.json"))
    assert [e.path for e in loaded.entries] == ["a.md", "b.md"]
    assert set(loaded.entries) == set(base.entries)
    with pytest.raises(BaselineError):
        baseline.load(str(tmp_path / "missing.json"))
