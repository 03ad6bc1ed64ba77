"""What a docs tree can hold besides Markdown files: links, loops, pipes, devices, odd names.

Nothing here may hang (a FIFO opened for reading blocks forever), escape the checked tree,
or stop the good article from being checked.
"""

from __future__ import annotations

import builtins
import os
import stat
import sys
from pathlib import Path
from typing import Any

import pytest

import l10ncheck.api
from l10ncheck.discovery import DiscoveryError, discover

from .conftest import (
    GOOD_DE,
    GOOD_EN,
    article,
    assert_clean,
    assert_good_checked,
    invoke,
    of,
    run_cli,
    write,
)

needs_symlinks = pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")

# A translation that drifts visibly: if it is ever read, its dropped link is reported.
DRIFTING_DE = GOOD_DE.replace("Leitfaden", "Handbuch")


def checked_paths(findings: list[dict[str, Any]]) -> set[str]:
    return {str(f["path"]) for f in findings}


# -- symlinks -------------------------------------------------------------------------------


@needs_symlinks
def test_symlink_loops(tree: Path) -> None:
    art = article(tree, "hostile", {"en": GOOD_EN})
    (art / "loop").symlink_to(tree / "articles", target_is_directory=True)  # to an ancestor
    (art / "self").symlink_to(art / "self")  # ELOOP when resolved
    (art / "de.md").symlink_to(art / "fr.md")
    (art / "fr.md").symlink_to(art / "de.md")  # a two-file cycle
    (tree / "articles" / "a").symlink_to(tree / "articles" / "b", target_is_directory=True)
    (tree / "articles" / "b").symlink_to(tree / "articles" / "a", target_is_directory=True)
    run = run_cli("articles", "--format", "json", cwd=tree, timeout=20)
    assert_clean(run)
    assert_good_checked(run.findings())


@needs_symlinks
def test_symlink_loop_given_as_the_path(tree: Path) -> None:
    (tree / "articles" / "self.md").symlink_to(tree / "articles" / "self.md")
    run = invoke("articles/self.md")
    assert run.code == 2 and "articles/self.md" in run.stderr
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr


@needs_symlinks
def test_symlink_outside_the_tree_is_not_followed(tree: Path) -> None:
    outside = tree.parent / f"{tree.name}-outside"
    write(outside / "de.md", DRIFTING_DE)
    write(outside / "article" / "en.md", GOOD_EN)
    write(outside / "article" / "de.md", DRIFTING_DE)
    art = article(tree, "hostile", {"en": GOOD_EN})
    (art / "de.md").symlink_to(outside / "de.md")
    (tree / "articles" / "linked").symlink_to(outside / "article", target_is_directory=True)
    run = invoke("articles", "--format", "json")
    assert_clean(run)
    findings = run.findings()
    assert_good_checked(findings)
    assert not any("hostile/de.md" in p or "linked" in p for p in checked_paths(findings))
    assert run.json()["summary"]["documents"] == 3  # good: en, de; hostile: en


@needs_symlinks
def test_symlink_inside_the_tree_is_followed(tree: Path) -> None:
    art = article(tree, "hostile", {"en": GOOD_EN})
    write(tree / "shared" / "de.md", DRIFTING_DE)
    (art / "de.md").symlink_to(tree / "shared" / "de.md")
    run = invoke(".", "--format", "json")
    assert_clean(run)
    assert "articles/hostile/de.md" in checked_paths(run.findings())


# -- permissions --------------------------------------------------------------------------


def _deny(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """Simulate ``chmod 0`` on files and folders ending with ``names`` (root reads anything)."""
    scandir, access, real_open = os.scandir, os.access, builtins.open

    def denied(path: Any) -> bool:
        return isinstance(path, (str, os.PathLike)) and os.fspath(path).endswith(names)

    def guarded_scandir(path: Any = ".") -> Any:
        if denied(path):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if denied(file):
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", guarded_scandir)
    monkeypatch.setattr(os, "access", lambda p, m, **kw: not denied(p) and access(p, m, **kw))
    monkeypatch.setattr(builtins, "open", guarded_open)


def test_unreadable_file_and_folder_do_not_stop_the_run(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article(tree, "hostile", {"en": GOOD_EN, "de": DRIFTING_DE})
    article(tree, "locked", {"en": GOOD_EN, "de": DRIFTING_DE})
    _deny(monkeypatch, "hostile/de.md", "articles/locked")
    run = invoke("articles", "--format", "json")
    assert_clean(run)
    findings = run.findings()
    assert_good_checked(findings)
    assert not [f for f in findings if f["rule"] == "L201" and "good" not in str(f["path"])]


def test_unreadable_checked_path_is_an_error(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder or file the user named cannot be read: exit 2, not "no drift found"."""
    article(tree, "locked", {"en": GOOD_EN, "de": DRIFTING_DE})
    _deny(monkeypatch, "articles/locked", "good/de.md")
    for path in ("articles/locked", "articles/good/de.md"):
        with pytest.raises(DiscoveryError, match=f"cannot read {path}: permission denied"):
            discover([path])
        run = invoke(path)
        assert run.code == 2 and path in run.stderr and "Traceback" not in run.stderr
    run = invoke("articles", "--format", "json")  # below a readable folder: skipped
    assert_clean(run)


def test_unreadable_file_is_a_finding(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article(tree, "hostile", {"en": GOOD_EN, "de": DRIFTING_DE})
    _deny(monkeypatch, "hostile/de.md")
    run = invoke("articles", "--format", "json")
    assert_clean(run)
    (finding,) = of(run.findings(), "articles/hostile/de.md")
    assert finding["rule"] == "F701" and "permission denied" in str(finding["message"])


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_really_unreadable_file_and_folder(tree: Path) -> None:
    art = article(tree, "hostile", {"en": GOOD_EN, "de": DRIFTING_DE})
    locked = article(tree, "locked", {"en": GOOD_EN, "de": DRIFTING_DE})
    (art / "de.md").chmod(0)
    locked.chmod(0)
    try:
        run = invoke("articles", "--format", "json")
    finally:
        locked.chmod(0o755)
        (art / "de.md").chmod(0o644)
    assert_clean(run)
    assert_good_checked(run.findings())


def test_file_vanishing_between_discovery_and_reading(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    art = article(tree, "hostile", {"en": GOOD_EN, "de": DRIFTING_DE})
    discover = l10ncheck.api.discover

    def racy_discover(*args: Any, **kwargs: Any) -> Any:
        found = discover(*args, **kwargs)
        (art / "de.md").unlink()
        return found

    monkeypatch.setattr(l10ncheck.api, "discover", racy_discover)
    run = invoke("articles", "--format", "json")
    assert_clean(run)
    findings = run.findings()
    assert_good_checked(findings)
    (finding,) = of(findings, "articles/hostile/de.md")
    assert finding["rule"] == "F701"


# -- special files ------------------------------------------------------------------------------


@needs_fifo
def test_fifo_is_skipped_not_read(tree: Path) -> None:
    art = article(tree, "hostile", {"en": GOOD_EN})
    os.mkfifo(art / "de.md")
    os.mkfifo(tree / "articles" / "good" / "fr.md")
    run = run_cli("articles", "--format", "json", cwd=tree, timeout=20)
    assert_clean(run)
    findings = run.findings()
    assert_good_checked(findings)
    assert not any(p.endswith(("hostile/de.md", "good/fr.md")) for p in checked_paths(findings))


@needs_fifo
def test_fifo_given_as_the_path_is_not_read(tree: Path) -> None:
    os.mkfifo(tree / "articles" / "good" / "fr.md")
    run = run_cli("articles/good/fr.md", "--format", "json", cwd=tree, timeout=20)
    assert_clean(run)
    assert run.json()["summary"]["documents"] == 0


@pytest.mark.skipif(not hasattr(os, "mknod"), reason="needs mknod")
def test_device_file_is_skipped(tree: Path) -> None:
    art = article(tree, "hostile", {"en": GOOD_EN})
    try:  # the same device as /dev/zero: reading it would never end
        os.mknod(art / "de.md", stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except (PermissionError, OSError) as error:
        pytest.skip(f"cannot create a device file: {error}")
    run = run_cli("articles", "--format", "json", cwd=tree, timeout=20)
    assert_clean(run, memory=True)
    findings = run.findings()
    assert_good_checked(findings)
    assert "articles/hostile/de.md" not in checked_paths(findings)


@needs_symlinks
def test_symlink_to_a_device(tree: Path) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    art = article(tree, "hostile", {"en": GOOD_EN})
    (art / "de.md").symlink_to("/dev/zero")
    run = run_cli("articles", "--format", "json", cwd=tree, timeout=20)
    assert_clean(run, memory=True)
    assert_good_checked(run.findings())
    run = run_cli("articles/hostile/de.md", "--format", "json", cwd=tree, timeout=20)
    assert_clean(run, memory=True)


def test_directory_named_like_a_markdown_file(tree: Path) -> None:
    art = article(tree, "hostile", {"en": GOOD_EN})
    (art / "de.md").mkdir()
    write(art / "de.md" / "inner.md", DRIFTING_DE)
    run = invoke("articles", "--format", "json")
    assert_clean(run)
    findings = run.findings()
    assert_good_checked(findings)
    # Never read as a file; at most reported as a folder where a file was expected.
    for finding in of(findings, "articles/hostile/de.md"):
        assert finding["rule"] == "F701" and "directory" in finding["message"]
    assert not any("inner.md" in p for p in checked_paths(findings))
    run = invoke("articles/hostile/de.md", "--format", "json")  # as the checked path
    assert_clean(run)


def test_deep_directory_tree(tree: Path) -> None:
    deep = tree / "articles" / Path(*["d"] * 400)
    article(deep, "x", {"en": GOOD_EN, "de": DRIFTING_DE})
    run = invoke("articles", "--format", "json")
    assert_clean(run)
    findings = run.findings()
    assert_good_checked(findings)
    assert any(p.endswith("articles/x/de.md") and p.count("d/") >= 400 for p in checked_paths(findings))


# -- odd names ------------------------------------------------------------------------------

ODD_NAMES = [
    "with spaces",
    "it's \"quoted\"",
    "back\\slash",
    "glob*?[x]",
    "-dash-first",
    "статья о кошельке",
    "文章 ✓ 🦊",
    "e\u0301-combining",
    "tab\there",
    "new\nline",
]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names")
@pytest.mark.parametrize("name", ODD_NAMES, ids=range(len(ODD_NAMES)))
def test_odd_article_names(tree: Path, name: str) -> None:
    article(tree, name, {"en": GOOD_EN, "de": DRIFTING_DE})
    run = invoke("articles", "--format", "json")
    assert_clean(run)
    findings = run.findings()
    assert_good_checked(findings)
    mine = of(findings, f"articles/{name}/de.md")
    assert [f["rule"] for f in mine] == ["L201"] and mine[0]["article"] == name
    assert mine[0]["source_path"] == f"articles/{name}/en.md"
    for fmt in ("text", "concise", "github", "sarif", "junit", "gitlab"):
        assert_clean(invoke("articles", "--format", fmt))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names")
def test_odd_names_in_the_lang_suffix_layout(tree: Path) -> None:
    docs = tree / "docs"
    write(docs / "my guide 'v2'.md", GOOD_EN)
    write(docs / "my guide 'v2'.de.md", DRIFTING_DE)
    write(docs / "ünïcödé.md", GOOD_EN)
    write(docs / "ünïcödé.de.md", DRIFTING_DE)
    run = invoke("docs", "articles", "--format", "json")
    assert_clean(run)
    findings = run.findings()
    assert_good_checked(findings)
    assert {"docs/my guide 'v2'.de.md", "docs/ünïcödé.de.md"} <= checked_paths(findings)


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs byte file names")
def test_non_utf8_file_names(tree: Path) -> None:
    """Names that are not UTF-8 are checked like any other, in every language position."""
    root = os.fsencode(tree / "docs")
    os.mkdir(root)
    for name, text in ((b"gu\xefde.md", GOOD_EN), (b"gu\xefde.de.md", DRIFTING_DE),
                       (b"\xff\xfe.md", GOOD_EN), (b"\xff\xfe.de.md", DRIFTING_DE)):
        with open(os.path.join(root, name), "wb") as handle:
            handle.write(text.encode())
    run = invoke("docs", "articles", "--format", "json")
    assert_clean(run)
    findings = run.findings()
    assert_good_checked(findings)
    assert {"docs/gu\udcefde.de.md", "docs/\udcff\udcfe.de.md"} <= checked_paths(findings)
    run = invoke(os.fsdecode(os.path.join(root, b"gu\xefde.de.md")), "--format", "json-lines")
    assert_clean(run)
    assert run.code == 1
