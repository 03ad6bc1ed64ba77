"""--changed-since and --stale on a real git repository built in the test."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from l10ncheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str, date: str = "2026-01-01T00:00:00+00:00") -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date, GIT_CONFIG_NOSYSTEM="1",
               HOME=str(repo), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "articles", tmp_path / "articles")
    second = tmp_path / "articles" / "second"
    second.mkdir()
    (second / "en.md").write_text("# Second\n\nSome [text](https://x.io).\n\n## Part\n\nMore.\n")
    (second / "nl.md").write_text("# Tweede\n\nWat [tekst](https://x.io).\n\n## Deel\n\nMeer.\n")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "start")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> dict:  # type: ignore[type-arg]
    result = CliRunner().invoke(main, ["articles/", "--format", "json", "--no-cache", *args])
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_changed_since_checks_only_changed_article_groups(repo: Path) -> None:
    assert run("--changed-since", "HEAD")["summary"]["articles"] == 0
    nl = repo / "articles" / "second" / "nl.md"
    nl.write_text(nl.read_text() + "\nNieuw.\n")
    out = run("--changed-since", "HEAD")
    assert out["summary"]["articles"] == 1 and out["summary"]["documents"] == 2


def test_unknown_ref_is_a_one_line_error(repo: Path) -> None:
    result = CliRunner().invoke(main, ["articles/", "--changed-since", "no-such-ref"])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1


def test_stale_translation_names_the_changed_section(repo: Path) -> None:
    en = repo / "articles" / "second" / "en.md"
    en.write_text(en.read_text().replace("More.", "More, and a warning."))
    git(repo, "commit", "-qam", "edit source", date="2026-02-01T00:00:00+00:00")
    stale = [f for f in run("--stale")["findings"] if f["rule"] == "F705"]
    assert [(f["article"], f["lang"]) for f in stale] == [("second", "nl")]
    assert '"Part"' in stale[0]["message"]
    assert not [f for f in run()["findings"] if f["rule"] == "F705"]
