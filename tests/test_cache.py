"""The result cache: a warm run gives the same report, and any change misses the cache."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from l10ncheck.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> str:
    return CliRunner().invoke(main, ["articles/", "--format", "json", *args]).stdout


def test_warm_run_is_identical_and_uses_the_cache(tree: Path) -> None:
    cold = run()
    entries = list((tree / ".l10ncheck_cache").rglob("*.json"))
    assert len(entries) == 1
    assert run() == cold
    # A poisoned entry proves the second run read it (and a broken one is only a miss).
    entries[0].write_text(json.dumps([]), encoding="utf-8")
    assert json.loads(run())["summary"]["findings"] == 0
    entries[0].write_text("{not json", encoding="utf-8")
    assert run() == cold


def test_editing_a_file_or_the_settings_misses_the_cache(tree: Path) -> None:
    cold = json.loads(run())
    ru = tree / "articles" / "using-metamask-with-binance" / "ru.md"
    ru.write_text(ru.read_text(encoding="utf-8").replace("Binance Smart Chain**", "BNB Smart Chain**", 1), encoding="utf-8")
    warm = json.loads(run())
    assert warm["summary"]["findings"] == cold["summary"]["findings"] - 1
    assert json.loads(run("--select", "link"))["summary"]["findings"] == 3


def test_no_cache_and_clean(tree: Path) -> None:
    run("--no-cache")
    assert not (tree / ".l10ncheck_cache").exists()
    run()
    result = CliRunner().invoke(main, ["clean"])
    assert result.exit_code == 0 and "removed" in result.stdout
    assert not (tree / ".l10ncheck_cache").exists()


def test_output_is_identical_whatever_the_number_of_jobs(tree: Path) -> None:
    # Enough articles for the process pool to start.
    for i in range(30):
        shutil.copytree(tree / "articles" / "using-metamask-with-binance", tree / "articles" / f"copy-{i:02d}")
    serial = run("--no-cache", "--jobs", "1")
    assert run("--no-cache", "--jobs", "2") == serial
    assert json.loads(serial)["summary"]["articles"] == 31


def test_a_heading_changed_in_another_page_misses_the_cache(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    pages = {"en/guide.md": "# Guide\n\nSee [Linux](../install/#linux).\n",
             "en/install.md": "# Install\n\n## Linux\n",
             "ja/guide.md": "# ガイド\n\n[Linux](../install/#linux)を参照。\n",
             "ja/install.md": "# インストール\n\n## Linux 版 {#linux-ban}\n"}
    for name, text in pages.items():
        (tmp_path / "site" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "site" / name).write_text(text, encoding="utf-8")

    def findings() -> int:
        out = CliRunner().invoke(main, ["site", "--format", "json", "--select", "L209"]).stdout
        return int(json.loads(out)["summary"]["findings"])

    assert findings() == 1
    (tmp_path / "site" / "ja" / "install.md").write_text("# インストール\n\n## Linux 版 {#linux}\n", encoding="utf-8")
    assert findings() == 0  # only install.md changed, yet guide.md's cached result is not reused


def test_a_change_of_l10ncheck_own_code_misses_the_cache(tree: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A development checkout or an editable install changes the code, not the version: a
    # result the old code found must not be served (nor must an unchanged code miss).
    from l10ncheck import cache

    cold = run()
    entries = list((tree / ".l10ncheck_cache").rglob("*.json"))
    entries[0].write_text(json.dumps([]), encoding="utf-8")  # as if another code had found nothing
    assert json.loads(run())["summary"]["findings"] == 0
    monkeypatch.setattr(cache, "code_digest", lambda: "another version of the code")
    assert run() == cold


def test_the_code_digest_changes_with_any_module(tmp_path: Path) -> None:
    from l10ncheck import cache

    package = tmp_path / "l10ncheck"
    shutil.copytree(Path(cache.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = cache.tree_digest(package)
    assert before == cache.tree_digest(package)
    rule = package / "rules" / "extra_block.py"
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    edited = cache.tree_digest(package)
    assert edited != before
    (package / "rules" / "new_rule.py").write_text("", encoding="utf-8")
    assert cache.tree_digest(package) not in (before, edited)
