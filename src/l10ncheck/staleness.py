"""What git history says: which files changed since a ref, and which translations are stale.

Two questions that the Markdown alone cannot answer:

* ``--changed-since REF`` (pull-request CI): which articles have a file that changed since
  ``REF``, counting commits, staged and unstaged edits and new untracked files, so only those
  articles are checked. "Since" means since the point where the branch left ``REF`` (their
  merge base, as ``git diff REF...``): when ``main`` moves on, its own new commits are not the
  pull request's changes.
* stale translations: the source of an article changed after a translation last changed. A
  translator then needs to know *what* changed, so each finding names the source sections
  that were added, removed, renamed or edited since the translation's last commit (the
  heading outlines of both versions of the source, diffed with their section bodies).

Everything goes through :func:`_git`: ``git`` run without a shell, output decoded as UTF-8
(undecodable bytes replaced), with a timeout, and any failure turned into a
:class:`StalenessError` with git's own explanation. In a shallow clone the verdicts stay
right (a commit beyond the boundary is older than anything visible) but the list of changed
sections may be incomplete.
"""

from __future__ import annotations

import difflib
import os
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from l10ncheck.discovery import Article
from l10ncheck.extract import build_skeleton
from l10ncheck.loading import Text, decode
from l10ncheck.skeleton import Block, Skeleton

__all__ = [
    "Commit",
    "GitRepo",
    "SectionChange",
    "Staleness",
    "StalenessError",
    "articles_changed",
    "changed_files",
    "open_repo",
    "section_changes",
    "stale_translations",
]

GIT_TIMEOUT = 60.0  # seconds per git call; a hung credential helper or NFS mount must not hang CI
_FIELD = "\x1f"  # separates the fields of a commit line in git's output
_RECORD = "\x1e"  # separates commits


class StalenessError(Exception):
    """git is missing, the path is not in a git repository, or a ref is unknown."""


# --------------------------------------------------------------------------------------
# Results.


@dataclass(frozen=True)
class Commit:
    """A commit as messages show it: full id, committer date (ISO 8601) and subject."""

    id: str
    date: str
    subject: str = ""

    @property
    def short(self) -> str:
        return self.id[:7]

    @property
    def day(self) -> str:
        return self.date[:10]


@dataclass(frozen=True)
class SectionChange:
    """One section of the source that changed since the translation was last updated.

    ``kind`` is ``added``, ``removed``, ``renamed`` (the heading text changed; ``old_heading``
    holds it), ``edited`` (the body or the heading level changed) or ``front-matter``.
    ``heading`` is ``""`` for the text before the first heading. ``line`` is the heading's line
    in the current source (``None`` for a removed section).
    """

    kind: str
    heading: str
    level: int = 0
    line: int | None = None
    old_heading: str = ""

    def describe(self) -> str:
        name = f'"{self.heading}"'
        if self.kind == "front-matter":
            return "changed front matter"
        if self.kind == "renamed":
            return f'renamed section "{self.old_heading}" to {name}'
        if not self.heading:
            what = "the text before the first heading"
            return {"added": f"added {what}", "removed": f"removed {what}"}.get(self.kind, f"edited {what}")
        return f"{self.kind} section {name}"


@dataclass(frozen=True)
class Staleness:
    """A translation whose source changed after the translation last changed.

    ``source_commit`` is the newest commit that changed the source since
    ``translation_commit`` (``None`` when the only change is not committed yet); ``commits``
    counts those commits and ``uncommitted`` says the source also has uncommitted edits.
    """

    lang: str
    path: str
    source_path: str
    source_commit: Commit | None
    translation_commit: Commit
    sections_changed: tuple[SectionChange, ...] = ()
    commits: int = 0
    uncommitted: bool = False

    def message(self, limit: int = 5) -> str:
        """One line for a finding: when each side changed, then what changed in the source."""
        t = self.translation_commit
        parts = []
        if self.source_commit is not None:
            s = self.source_commit
            many = f"{self.commits} commits, newest" if self.commits > 1 else "commit"
            parts.append(f"{many} {s.short} ({s.day})")
        if self.uncommitted:
            parts.append("uncommitted edits")
        head = (f"{self.source_path} changed since this translation was last updated in {t.short}"
                f" ({t.day}): {' and '.join(parts)}")
        if not self.sections_changed:
            return head
        described = [c.describe() for c in self.sections_changed[:limit]]
        more = len(self.sections_changed) - limit
        if more > 0:
            described.append(f"{more} more")
        return f"{head}; {', '.join(described)}"


# --------------------------------------------------------------------------------------
# Running git.


def _git(cwd: str, *args: str, timeout: float = GIT_TIMEOUT, check: bool = True) -> tuple[int, bytes, str]:
    """Run ``git -C cwd args…`` and return (exit code, raw stdout, decoded stderr).

    Paths are printed verbatim (``core.quotepath=off``, and callers use ``-z``), pathspecs
    are literal (a file may be called ``[id].md``), and no optional lock is taken, so a
    linter running beside an editor never fights it for the index.
    """
    command = ["git", "-C", cwd, "-c", "core.quotepath=off", "--no-optional-locks",
               "--literal-pathspecs", *args]
    try:
        proc = subprocess.run(command, capture_output=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        raise StalenessError("git is not installed (or not on PATH); it is needed for"
                             " --changed-since and stale-translation checks") from None
    except subprocess.TimeoutExpired:
        raise StalenessError(f"git {args[0]} took longer than {timeout:g} s in {cwd}") from None
    except OSError as exc:
        raise StalenessError(f"cannot run git: {exc.strerror or exc}") from None
    stderr = proc.stderr.decode("utf-8", errors="replace")
    if check and proc.returncode != 0:
        raise StalenessError(f"git {args[0]} failed in {cwd}: {_first_line(stderr)}")
    return proc.returncode, proc.stdout, stderr


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _first_line(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    return lines[0].removeprefix("fatal: ").removeprefix("error: ") if lines else "no message"


@dataclass(frozen=True)
class GitRepo:
    """A work tree: its root (as git reports it) and HEAD's commit id (``None`` before the
    first commit). Open it once per run and pass it around; every query is a git call."""

    root: str
    head: str | None

    def relative(self, path: str) -> str | None:
        """``path`` (relative to the working directory, or absolute) relative to the root,
        with ``/`` separators; ``None`` when it lies outside the work tree.

        Only the folder is resolved through symlinks: a symlinked file is tracked by git as
        the link, under its own name.
        """
        folder, name = os.path.split(os.path.abspath(path))
        rel = os.path.relpath(os.path.join(os.path.realpath(folder), name), os.path.realpath(self.root))
        if rel == os.curdir or rel == os.pardir or rel.startswith(os.pardir + os.sep) or os.path.isabs(rel):
            return None
        return rel.replace(os.sep, "/")


def open_repo(path: str = ".") -> GitRepo:
    """The git work tree holding ``path`` (a folder or a file)."""
    folder = path if os.path.isdir(path) else os.path.dirname(path) or os.curdir
    if not os.path.isdir(folder):
        raise StalenessError(f"{path}: no such directory")
    code, out, err = _git(folder, "rev-parse", "--show-toplevel", check=False)
    if code != 0:
        if "not a git repository" in err:
            raise StalenessError(f"{path} is not inside a git repository")
        raise StalenessError(f"git cannot use {path}: {_first_line(err)}")
    root = _text(out).strip()
    if not root:  # inside .git, or a bare repository: no work tree to compare with
        raise StalenessError(f"{path} is not inside a git work tree")
    code, out, _ = _git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}", check=False)
    return GitRepo(root, _text(out).strip() if code == 0 else None)


def _resolve(repo: GitRepo, ref: str) -> str:
    if not ref or ref.startswith("-"):  # never let a ref be read as an option
        raise StalenessError(f"invalid git ref {ref!r}")
    code, out, _ = _git(repo.root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False)
    if code != 0:
        hint = ""
        _, shallow, _ = _git(repo.root, "rev-parse", "--is-shallow-repository", check=False)
        if _text(shallow).strip() == "true":
            hint = " (this clone is shallow: fetch the ref, or clone with full history, e.g. fetch-depth: 0)"
        raise StalenessError(f"unknown git ref {ref!r} in {repo.root}{hint}")
    return _text(out).strip()


def _paths(data: bytes) -> list[str]:
    return [p for p in _text(data).split("\0") if p]


# --------------------------------------------------------------------------------------
# --changed-since


def changed_files(repo: str | GitRepo, ref: str) -> frozenset[str]:
    """Paths (relative to the repository root, ``/`` separators) changed between ``ref`` and
    the working tree: committed since the branch left ``ref``, staged, unstaged, deleted and
    untracked (not ignored) files. Renames count as the old and the new path."""
    git = repo if isinstance(repo, GitRepo) else open_repo(repo)
    target = _resolve(git, ref)
    base = target
    if git.head is not None:
        code, out, _ = _git(git.root, "merge-base", target, git.head, check=False)
        if code == 0 and _text(out).strip():
            base = _text(out).strip()  # unrelated histories have none: compare with the ref itself
    _, diff, _ = _git(git.root, "diff", "--name-only", "-z", "--no-renames", "--no-ext-diff",
                      "--no-textconv", base, "--")
    _, untracked, _ = _git(git.root, "ls-files", "--others", "--exclude-standard", "-z")
    return frozenset(_paths(diff) + _paths(untracked))


def articles_changed(articles: Iterable[Article], changed: frozenset[str] | set[str],
                     root: str | None = None) -> tuple[Article, ...]:
    """The articles with at least one file in ``changed``, whole (every language), in order.

    ``changed`` holds repository-relative paths (:func:`changed_files`). Article paths are as
    discovery gives them: with ``root`` (the repository root) they are resolved against the
    working directory first; without it they must already be relative to the root.
    """
    repo = GitRepo(root, None) if root is not None else None

    def key(path: str) -> str | None:
        if repo is not None:
            return repo.relative(path)
        return os.path.normpath(path).replace(os.sep, "/")

    return tuple(a for a in articles if any(key(f.path) in changed for f in a.files))


# --------------------------------------------------------------------------------------
# Stale translations


def stale_translations(repo: str | GitRepo, article: Article, source_lang: str) -> list[Staleness]:
    """The translations of ``article`` whose source changed after they last changed.

    A translation is stale when a commit reachable from HEAD but not from the translation's
    last commit changed the source (so a source change on a parallel branch, merged later,
    counts), or when the source has uncommitted edits, and the source's content differs from
    what it was at the translation's last commit (a reverted change or a re-wrapped
    paragraph gives a translator nothing to do). A translation that is untracked or has
    uncommitted edits is skipped: it is being written now. Results follow ``article.files``.
    """
    git = repo if isinstance(repo, GitRepo) else open_repo(repo)
    source = article.get(source_lang)
    if git.head is None or source is None:
        return []
    source_rel = git.relative(source.path)
    translations = [(f, git.relative(f.path)) for f in article.files if f.lang != source.lang]
    tracked = [(f, rel) for f, rel in translations if rel is not None]
    if source_rel is None or not tracked:
        return []
    dirty = _dirty(git, [source_rel, *(rel for _, rel in tracked)])
    if dirty.get(source_rel) == "??":
        return []  # a new source: no history to compare translations with
    source_dirty = source_rel in dirty
    found: list[Staleness] = []
    now: Text | None = None
    for file, rel in tracked:
        if rel in dirty:
            continue
        translation_commit = _last_commit(git, rel)
        if translation_commit is None:
            continue  # ignored, or outside HEAD's history
        newer = _commits(git, f"{translation_commit.id}..{git.head}", source_rel)
        if not newer and not source_dirty:
            continue
        if now is None:
            now = _read(source.path)
            if now is None:
                return found  # the source cannot be read: the file rules report that
        before = _blob(git, translation_commit.id, source_rel)
        if before is None:
            changes: tuple[SectionChange, ...] = ()  # the source did not exist then (renamed?)
        else:
            changes = section_changes(before, now)
            if not changes:
                continue  # same content, give or take formatting
        found.append(Staleness(
            lang=file.lang, path=file.path, source_path=source.path,
            source_commit=newer[0] if newer else None, translation_commit=translation_commit,
            sections_changed=changes, commits=len(newer), uncommitted=source_dirty,
        ))
    return found


def _dirty(git: GitRepo, paths: Sequence[str]) -> dict[str, str]:
    """Working-tree state of ``paths``: ``{path: XY}`` from ``git status`` (``??`` untracked);
    clean paths are absent."""
    _, out, _ = _git(git.root, "status", "--porcelain=v1", "-z", "--untracked-files=all",
                     "--no-renames", "--", *paths)
    state: dict[str, str] = {}
    for record in _paths(out):
        if len(record) > 3:
            state[record[3:]] = record[:2]
    return state


def _log(git: GitRepo, *args: str) -> list[Commit]:
    fmt = f"--format={_RECORD}%H{_FIELD}%cI{_FIELD}%s"
    _, out, _ = _git(git.root, "log", fmt, *args)
    commits = []
    for record in _text(out).split(_RECORD):
        fields = record.strip("\n").split(_FIELD)
        if len(fields) == 3:
            commits.append(Commit(*fields))
    return commits


def _last_commit(git: GitRepo, path: str) -> Commit | None:
    found = _log(git, "-1", git.head or "HEAD", "--", path)
    return found[0] if found else None


def _commits(git: GitRepo, revisions: str, path: str) -> list[Commit]:
    return _log(git, revisions, "--", path)


def _blob(git: GitRepo, commit: str, path: str) -> Text | None:
    """The file as it was at ``commit`` (raw blob bytes: ``git cat-file`` applies no textconv
    or filter, unlike ``git show``); ``None`` if it did not exist or is not text."""
    code, out, _ = _git(git.root, "cat-file", "blob", f"{commit}:{path}", check=False)
    if code != 0:
        return None
    text = decode(out)
    return text if isinstance(text, Text) else None


def _read(path: str) -> Text | None:
    try:
        with open(path, "rb") as handle:
            text = decode(handle.read())
    except OSError:
        return None
    return text if isinstance(text, Text) else None


# --------------------------------------------------------------------------------------
# Which sections changed


@dataclass(frozen=True)
class _Section:
    heading: str
    level: int
    line: int | None
    body: tuple[tuple[object, ...], ...]


def _outline(skeleton: Skeleton) -> list[_Section]:
    """Sections of a skeleton with a fingerprint of their body: what a translator would have
    to re-translate. Whitespace is collapsed, so re-wrapping a paragraph changes nothing."""
    outline = []
    for section in skeleton.sections:
        body = tuple(_fingerprint(skeleton.blocks[i]) for i in section.blocks)
        if section.heading is None:
            outline.append(_Section("", 0, None, body))
        else:
            heading = skeleton.blocks[section.heading]
            outline.append(_Section(" ".join(heading.text.split()), heading.level, heading.span.line, body))
    return outline


def _fingerprint(block: Block) -> tuple[object, ...]:
    return (block.kind, block.level, block.depth, block.quote, " ".join(block.text.split()),
            block.code, block.info, tuple(link.url for link in block.links))


def section_changes(before: Text, after: Text) -> tuple[SectionChange, ...]:
    """How the source's sections changed from ``before`` to ``after``, in document order.

    Headings are matched by their text (a longest-common-subsequence diff, so inserting one
    section does not shift every later one); between matched headings, a removed and an added
    heading at the same place with a similar title or the same body is one renamed section.
    """
    old = _outline(build_skeleton(before.body))
    new = _outline(build_skeleton(after.body))
    changes: list[SectionChange] = []
    if _front_matter(before) != _front_matter(after):
        changes.append(SectionChange("front-matter", "", 0, 1))
    matcher = difflib.SequenceMatcher(None, [s.heading for s in old], [s.heading for s in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for a, b in zip(old[i1:i2], new[j1:j2]):
                if a.body != b.body or a.level != b.level:
                    changes.append(SectionChange("edited", b.heading, b.level, b.line))
            continue
        changes += _replaced(old[i1:i2], new[j1:j2])
    return tuple(changes)


def _replaced(olds: list[_Section], news: list[_Section]) -> list[SectionChange]:
    """Removed and added sections at one place, with renamed ones paired up (in order)."""
    changes: list[SectionChange] = []
    i = j = 0
    for a_index, a in enumerate(olds):
        b_index = next((k for k in range(j, len(news)) if _renamed(a, news[k])), None)
        if b_index is None:
            continue
        changes += [SectionChange("removed", x.heading, x.level, None) for x in olds[i:a_index]]
        changes += [SectionChange("added", y.heading, y.level, y.line) for y in news[j:b_index]]
        b = news[b_index]
        changes.append(SectionChange("renamed", b.heading, b.level, b.line, a.heading))
        i, j = a_index + 1, b_index + 1
    changes += [SectionChange("removed", x.heading, x.level, None) for x in olds[i:]]
    changes += [SectionChange("added", y.heading, y.level, y.line) for y in news[j:]]
    return changes


def _renamed(a: _Section, b: _Section) -> bool:
    if not a.heading or not b.heading:
        return False
    if a.body == b.body:
        return True
    return difflib.SequenceMatcher(None, a.heading.lower(), b.heading.lower()).ratio() >= 0.6


def _front_matter(text: Text) -> str:
    return "\n".join(line.rstrip() for line in (text.front_matter or "").strip().splitlines())
