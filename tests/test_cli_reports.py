"""Several reports in one run (--report), --statistics, and the pre-commit hook."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from l10ncheck.cli import DEFAULT_REPORT_PATHS, main
from l10ncheck.reporters import FORMATS

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = Path("articles") / "using-metamask-with-binance"


@pytest.fixture()
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "articles", tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


# -- --report -----------------------------------------------------------------------------


def test_terminal_report_and_files_in_one_run(tree: Path) -> None:
    code, out, _ = run("articles/", "--report", "sarif=drift.sarif", "--report", "junit=reports/drift.xml",
                       "--report", "json=reports/drift.json")
    assert code == 1
    assert "ru:16:6" in out and "10 findings" in out  # the terminal still gets --format text
    sarif = json.loads((tree / "drift.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and len(sarif["runs"][0]["results"]) == 10
    suites = ET.parse(tree / "reports" / "drift.xml").getroot()
    assert suites.tag == "testsuites"
    data = json.loads((tree / "reports" / "drift.json").read_text(encoding="utf-8"))
    assert data["summary"]["findings"] == 10
    # the same findings as a run with that format alone
    assert (tree / "reports" / "drift.json").read_text(encoding="utf-8") == run("articles/", "--format", "json")[1]


def test_reports_never_carry_colour(tree: Path) -> None:
    code, out, _ = run("articles/", "--color", "--report", "text=report.txt", "--report", "github=gh.txt")
    assert code == 1 and "\x1b[" in out  # colour was asked for the terminal ...
    assert "\x1b[" not in (tree / "report.txt").read_text(encoding="utf-8")  # ... not for files
    assert "\x1b[" not in (tree / "gh.txt").read_text(encoding="utf-8")
    code, out, _ = run("articles/", "--color", "--format", "json", "--statistics")
    assert "\x1b[" not in out


def test_main_report_to_a_file_and_another_report(tree: Path) -> None:
    code, out, _ = run("articles/", "--format", "gitlab", "-o", "gl.json", "--report", "concise=c.txt")
    assert code == 1 and out == ""
    assert len(json.loads((tree / "gl.json").read_text(encoding="utf-8"))) == 10
    lines = (tree / "c.txt").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 10 and re.match(r"^articles/\S+\.md:\d+:\d+: [A-Z]\d{3} ", lines[0])


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("sarif", "--report sarif: expected FORMAT=PATH"),
        ("sarif=", "--report sarif=: expected FORMAT=PATH"),
        ("xml=out.xml", "--report xml=out.xml: unknown format 'xml'"),
    ],
)
def test_bad_report_is_a_usage_error(tree: Path, spec: str, message: str) -> None:
    code, out, err = run("articles/", "--report", spec)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith(f"l10ncheck: error: {message}")


def test_two_reports_into_one_file_is_an_error(tree: Path) -> None:
    code, _, err = run("articles/", "--report", "json=x.json", "--report", "sarif=./x.json")
    assert code == 2 and "two reports would be written to ./x.json" in err
    code, _, err = run("articles/", "-o", "x.json", "--report", "sarif=x.json")
    assert code == 2 and not (tree / "x.json").exists()


def test_exit_code_does_not_depend_on_reports(tree: Path) -> None:
    assert run("articles/", "--fail-level", "error", "--report", "sarif=s.sarif")[0] == 0
    assert (tree / "s.sarif").is_file()


def test_github_report_writes_the_step_summary_once(tree: Path) -> None:
    summary = tree / "summary.md"
    code, _, _ = run("articles/", "--format", "github", "--report", "github=gh.txt",
                     env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert code == 1
    text = summary.read_text(encoding="utf-8")
    assert text and text.count(text.splitlines()[0]) == 1
    summary.unlink()
    run("articles/", "--report", "github=gh.txt", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert summary.read_text(encoding="utf-8") == text


@pytest.mark.skipif("html" not in FORMATS, reason="the html reporter is not registered")
def test_html_goes_to_reports_by_default(tree: Path) -> None:
    _, out, _ = run("articles/", "--report", "html")
    assert (tree / DEFAULT_REPORT_PATHS["html"]).is_file()
    assert "ru:16:6" in out


# -- --statistics -------------------------------------------------------------------------


def test_statistics_after_the_text_report(tree: Path) -> None:
    code, out, _ = run("articles/", "--statistics")
    assert code == 1
    report, _, stats = out.partition("10 findings (0 errors, 10 warnings, 0 infos) in 1 article, 4 documents\n")
    assert "ru:16:6" in report
    assert re.search(r"^\s*6\s+T401\s+missing-term\s+warning$", stats, re.MULTILINE)
    assert re.search(r"^using-metamask-with-binance\s+-?\d*\s+6\s+3\s+1\s+10$", stats, re.MULTILINE)


def test_statistics_never_mix_into_a_machine_format(tree: Path) -> None:
    code, out, err = run("articles/", "--format", "json", "--statistics")
    assert code == 1
    assert json.loads(out)["summary"]["findings"] == 10  # stdout is still one JSON document
    assert "T401" in err and "missing-term" in err
    code, out, _ = run("articles/", "--format", "json", "-o", "d.json", "--statistics")
    assert "missing-term" in out and json.loads((tree / "d.json").read_text())["version"] == 1


def test_statistics_with_statistics_format_is_printed_once(tree: Path) -> None:
    out = run("articles/", "--format", "statistics", "--statistics")[1]
    assert out == run("articles/", "--format", "statistics")[1]
    assert out.count("missing-term") == 1


# -- pre-commit ---------------------------------------------------------------------------


def hooks() -> list[dict[str, object]]:
    """`.pre-commit-hooks.yaml` read with a parser for its flat subset of YAML."""
    items: list[dict[str, object]] = []
    for raw in (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8").splitlines():
        line = raw.split(" #")[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        if line.startswith("- "):
            items.append({})
            line = line[2:]
        key, _, value = line.strip().partition(":")
        value = value.strip()
        items[-1][key] = (
            [v.strip() for v in value[1:-1].split(",")] if value.startswith("[")
            else {"true": True, "false": False}.get(value, value)
        )
    return items


def test_pre_commit_hook_definition() -> None:
    (hook,) = hooks()
    assert hook["id"] == "l10ncheck" and hook["entry"] == "l10ncheck"
    assert hook["language"] == "python" and hook["types"] == ["markdown"]
    assert hook["pass_filenames"] is True
    scripts = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'l10ncheck = "l10ncheck.cli:main"' in scripts  # the entry exists once installed


def test_one_changed_translation_checks_its_whole_article(tree: Path) -> None:
    """What pre-commit runs: `l10ncheck <changed files>`."""
    code, out, _ = run(str(ARTICLE / "ru.md"), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["summary"]["documents"] == 4  # en, ms, nl and ru: the whole group
    assert ("T401", "ru") in {(f["rule"], f["lang"]) for f in data["findings"]}
    assert out == run("articles/", "--format", "json")[1]


def test_files_outside_any_article_are_skipped(tree: Path) -> None:
    (tree / "NOTES.md").write_text("# Notes\n", encoding="utf-8")
    code, out, _ = run("NOTES.md", "articles/README.md")
    assert code == 0 and "0 articles" in out
    code, _, _ = run("NOTES.md", str(ARTICLE / "nl.md"))
    assert code == 1
