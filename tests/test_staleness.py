"""Stale translations and --changed-since, on real git repositories built in tmp_path."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from l10ncheck.discovery import Article, SourceFile
from l10ncheck.loading import Text, decode
from l10ncheck.staleness import (
    Commit,
    SectionChange,
    Staleness,
    StalenessError,
    articles_changed,
    changed_files,
    open_repo,
    section_changes,
    stale_translations,
)

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

EN = """\
# Guide

Intro text.

## Install

Run the installer.

## Usage

Open the app.
"""
RU = """\
# Руководство

Вступление.

## Установка

Запустите установщик.

## Использование

Откройте приложение.
"""

DAY1 = "2024-01-01T10:00:00+00:00"
DAY2 = "2024-02-01T10:00:00+00:00"
DAY3 = "2024-03-01T10:00:00+00:00"
DAY4 = "2024-04-01T10:00:00+00:00"


class Repo:
    """A throwaway git repository with fixed identities and dates, so commits are reproducible."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.git("-c", "init.defaultBranch=main", "init", "-q")

    def git(self, *args: str, when: str = DAY1) -> str:
        env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
        done = subprocess.run(["git", *args], cwd=self.root, env=env, capture_output=True, text=True, check=True)
        return done.stdout.strip()

    def write(self, path: str, text: str) -> None:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def commit(self, message: str, when: str, files: dict[str, str] | None = None) -> str:
        for path, text in (files or {}).items():
            self.write(path, text)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, when=when)
        return self.git("rev-parse", "HEAD")


@pytest.fixture(autouse=True)
def isolated_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No user or system git config, no inherited repository (tests may run from a hook)."""
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
                 "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_PREFIX"):
        monkeypatch.delenv(name, raising=False)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Tester")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "tester@example.com")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    made = Repo(tmp_path / "site")
    monkeypatch.chdir(made.root)  # article paths are relative, as discovery gives them
    return made


GUIDE = Article("guide", (SourceFile("en", "docs/guide/en.md"), SourceFile("ru", "docs/guide/ru.md")))


def both(repo: Repo, when: str = DAY1) -> str:
    return repo.commit("guide", when, {"docs/guide/en.md": EN, "docs/guide/ru.md": RU})


def stale(repo: Repo, article: Article = GUIDE) -> list[Staleness]:
    return stale_translations(".", article, "en")


# -- stale translations ------------------------------------------------------------------


def test_fresh_translation_is_not_stale(repo: Repo) -> None:
    both(repo)
    assert stale(repo) == []
    # The translation changed after the source: still fresh.
    repo.commit("ru typo", DAY2, {"docs/guide/ru.md": RU.replace("Вступление", "Введение")})
    assert stale(repo) == []


def test_source_edited_after_the_translation_is_stale_with_the_section_named(repo: Repo) -> None:
    translated = both(repo)
    edited = repo.commit("usage", DAY2, {"docs/guide/en.md": EN.replace("Open the app.", "Open the app and sign in.")})
    (found,) = stale(repo)
    assert found == Staleness(
        lang="ru", path="docs/guide/ru.md", source_path="docs/guide/en.md",
        source_commit=Commit(edited, DAY2, "usage"), translation_commit=Commit(translated, DAY1, "guide"),
        sections_changed=(SectionChange("edited", "Usage", 2, 9),), commits=1,
    )
    assert found.message() == (
        f"docs/guide/en.md changed since this translation was last updated in {translated[:7]} (2024-01-01):"
        f' commit {edited[:7]} (2024-02-01); edited section "Usage"')
    # Once the translator catches up, it is fresh again.
    repo.commit("ru usage", DAY3, {"docs/guide/ru.md": RU + "\nВойдите.\n"})
    assert stale(repo) == []


def test_headings_added_removed_and_renamed(repo: Repo) -> None:
    both(repo)
    changed = EN.replace("## Install\n\nRun the installer.\n\n", "").replace("## Usage", "## Using the app")
    repo.commit("restructure", DAY2, {"docs/guide/en.md": changed + "\n## FAQ\n\nAsk us.\n"})
    repo.commit("intro", DAY3, {"docs/guide/en.md": (changed + "\n## FAQ\n\nAsk us.\n").replace("Intro", "New intro")})
    (found,) = stale(repo)
    assert found.commits == 2 and found.source_commit is not None and found.source_commit.subject == "intro"
    assert found.sections_changed == (
        SectionChange("edited", "Guide", 1, 1),
        SectionChange("removed", "Install", 2, None),
        SectionChange("renamed", "Using the app", 2, 5, old_heading="Usage"),
        SectionChange("added", "FAQ", 2, 9),
    )
    assert found.message().endswith(
        'edited section "Guide", removed section "Install", renamed section "Usage" to "Using the app",'
        ' added section "FAQ"')


def test_reformatting_or_reverting_the_source_gives_nothing_to_translate(repo: Repo) -> None:
    both(repo)
    repo.commit("rewrap", DAY2, {"docs/guide/en.md": EN.replace("Run the installer.", "Run the\ninstaller.")})
    assert stale(repo) == []
    repo.commit("oops", DAY3, {"docs/guide/en.md": EN.replace("Open", "Close")})
    repo.commit("revert", DAY4, {"docs/guide/en.md": EN})
    assert stale(repo) == []


def test_uncommitted_source_edit_and_translation_in_progress(repo: Repo) -> None:
    translated = both(repo)
    repo.write("docs/guide/en.md", EN + "\n## Support\n\nMail us.\n")
    (found,) = stale(repo)
    assert (found.source_commit, found.uncommitted, found.commits) == (None, True, 0)
    assert found.translation_commit.id == translated
    assert found.sections_changed == (SectionChange("added", "Support", 2, 13),)
    assert "uncommitted edits" in found.message()
    # The translator is editing the translation right now: no finding for it.
    repo.write("docs/guide/ru.md", RU + "\n## Поддержка\n")
    assert stale(repo) == []


def test_untracked_files_have_no_history_to_compare(repo: Repo) -> None:
    repo.commit("en", DAY1, {"docs/guide/en.md": EN})
    repo.write("docs/guide/ru.md", RU)
    assert stale(repo) == []  # a new translation
    other = Article("new", (SourceFile("en", "docs/new/en.md"), SourceFile("ru", "docs/guide/ru.md")))
    repo.write("docs/new/en.md", EN)
    assert stale(repo, other) == []  # a new source


def test_source_change_on_a_parallel_branch_makes_the_translation_stale(repo: Repo) -> None:
    both(repo)
    repo.git("checkout", "-q", "-b", "docs")
    repo.commit("en install", DAY2, {"docs/guide/en.md": EN.replace("Run the installer.", "Run setup.exe.")})
    repo.git("checkout", "-q", "main")
    translated = repo.commit("ru intro", DAY3, {"docs/guide/ru.md": RU.replace("Вступление", "Введение")})
    repo.git("merge", "-q", "--no-edit", "docs", when=DAY4)
    # The Russian commit is newer, but it never saw the English change.
    (found,) = stale(repo)
    assert found.translation_commit.id == translated
    assert found.sections_changed == (SectionChange("edited", "Install", 2, 5),)


def test_source_added_after_its_translation_reports_no_sections(repo: Repo) -> None:
    repo.commit("ru first", DAY1, {"docs/guide/ru.md": RU})
    repo.commit("en later", DAY2, {"docs/guide/en.md": EN})
    (found,) = stale(repo)
    assert found.sections_changed == () and found.commits == 1


def test_absolute_paths_and_a_repo_given_by_subfolder(repo: Repo, tmp_path: Path) -> None:
    both(repo)
    repo.commit("en", DAY2, {"docs/guide/en.md": EN.replace("Intro", "Introduction")})
    absolute = Article("guide", tuple(SourceFile(f.lang, str(repo.root / f.path)) for f in GUIDE.files))
    os.chdir(tmp_path)
    (found,) = stale_translations(str(repo.root / "docs"), absolute, "en")
    assert found.path == str(repo.root / "docs/guide/ru.md")
    assert found.sections_changed == (SectionChange("edited", "Guide", 1, 1),)


def test_repository_without_commits_and_article_without_source(repo: Repo) -> None:
    repo.write("docs/guide/en.md", EN)
    assert stale(repo) == []
    both(repo)
    orphan = Article("guide", (SourceFile("ru", "docs/guide/ru.md"),))
    assert stale(repo, orphan) == []


def test_front_matter_changes_count() -> None:
    before, after = decode(b"---\ntitle: A\n---\n# A\n"), decode(b"---\ntitle: B\n---\n# A\n")
    assert isinstance(before, Text) and isinstance(after, Text)
    assert section_changes(before, after) == (SectionChange("front-matter", "", 0, 1),)
    assert section_changes(before, before) == ()


# -- --changed-since ---------------------------------------------------------------------


def test_changed_since_counts_commits_staged_unstaged_and_untracked(repo: Repo) -> None:
    repo.write(".gitignore", "build/\n")
    both(repo)
    repo.commit("other", DAY1, {"docs/other/en.md": "# Other\n", "docs/gone/en.md": "# Gone\n"})
    repo.git("tag", "base")
    assert changed_files(".", "base") == frozenset()
    repo.commit("edit", DAY2, {"docs/guide/ru.md": RU + "\nЕщё.\n"})
    assert changed_files(".", "base") == {"docs/guide/ru.md"}
    repo.write("docs/other/en.md", "# Other, staged\n")
    repo.git("add", "docs/other/en.md")
    repo.write("docs/guide/en.md", EN + "\nunstaged\n")
    repo.write("docs/new/en.md", "# New, untracked\n")
    repo.write("docs/новый/ру.md", "# Untracked, non-ASCII name\n")
    repo.write("build/out.md", "# Ignored\n")
    (repo.root / "docs/gone/en.md").unlink()
    assert changed_files(".", "base") == {
        "docs/guide/ru.md", "docs/other/en.md", "docs/guide/en.md", "docs/new/en.md", "docs/новый/ру.md",
        "docs/gone/en.md",
    }
    assert changed_files("docs/guide", "base") == changed_files(".", "base")  # always root-relative
    assert changed_files(".", "HEAD") == changed_files(".", "base") - {"docs/guide/ru.md"}


def test_changed_since_a_branch_that_moved_on_counts_only_our_changes(repo: Repo) -> None:
    both(repo)
    repo.git("checkout", "-q", "-b", "feature")
    repo.commit("ours", DAY2, {"docs/guide/ru.md": RU + "\nНаше.\n"})
    repo.git("checkout", "-q", "main")
    repo.commit("theirs", DAY3, {"docs/guide/en.md": EN + "\nTheirs.\n"})
    repo.git("checkout", "-q", "feature")
    assert changed_files(".", "main") == {"docs/guide/ru.md"}


def test_renamed_file_counts_under_both_names(repo: Repo) -> None:
    both(repo)
    repo.git("tag", "base")
    repo.git("mv", "docs/guide/ru.md", "docs/guide/uk.md")
    repo.commit("rename", DAY2)
    assert changed_files(".", "base") == {"docs/guide/ru.md", "docs/guide/uk.md"}


def test_articles_changed_takes_the_whole_group(repo: Repo) -> None:
    both(repo)
    other = Article("other", (SourceFile("en", "docs/other/en.md"),))
    changed = frozenset({"docs/guide/ru.md"})
    assert articles_changed([GUIDE, other], changed) == (GUIDE,)
    assert articles_changed([GUIDE, other], changed, root=str(repo.root)) == (GUIDE,)
    dotted = Article("guide", tuple(SourceFile(f.lang, "./" + f.path) for f in GUIDE.files))
    assert articles_changed([dotted, other], changed) == (dotted,)
    assert articles_changed([GUIDE, other], frozenset()) == ()


def test_unknown_ref_and_option_like_ref(repo: Repo) -> None:
    both(repo)
    with pytest.raises(StalenessError, match="unknown git ref 'no-such-branch'"):
        changed_files(".", "no-such-branch")
    with pytest.raises(StalenessError, match="invalid git ref '--output=x'"):
        changed_files(".", "--output=x")
    assert not (repo.root / "x").exists()


def test_not_a_git_repository(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    with pytest.raises(StalenessError, match="is not inside a git repository"):
        changed_files(str(plain), "HEAD")
    with pytest.raises(StalenessError, match="is not inside a git repository"):
        stale_translations(str(plain), GUIDE, "en")
    with pytest.raises(StalenessError, match="no such directory"):
        open_repo(str(tmp_path / "missing" / "dir"))


def test_git_not_installed(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repo.root / "no-bin"))
    with pytest.raises(StalenessError, match="git is not installed"):
        open_repo(".")
