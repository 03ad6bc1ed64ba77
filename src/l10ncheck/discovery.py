"""Files on disk -> articles: the same document in several languages.

This is the only module (besides the CLI) that touches the file system, and it only lists
directories and stats files: nothing is read. Supported layouts, detected per checked tree:

* ``article-dir``      ``<root>/<article>/<lang>.md``
* ``lang-dir``         ``<root>/<lang>/<path>.md`` (Hugo, VitePress, nodejs.org)
* ``lang-dir-suffix``  ``<root>/<name>/<path>.md`` + ``<root>/<name>.<lang>/<path>.md`` (tldr)
* ``lang-suffix``      ``<path>.<lang>.md``, with ``<path>.md`` as the source (mkdocs-i18n)

A folder only counts as a language folder when a sibling is the source language folder, so
``my/``, ``to/`` or ``is/`` next to ``docs/`` are never mistaken for Burmese, Tonga or
Icelandic. Every directory is listed once (one ``os.scandir`` walk), which keeps trees of
tens of thousands of files fast, and entries are sorted so results never depend on
``os.listdir`` order.
"""

from __future__ import annotations

import bisect
import os
import stat
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from l10ncheck.languages import is_lang_code, normalize_lang
from l10ncheck.patterns import PRESETS, PatternError, detect_preset, match_files
from l10ncheck.patterns import group as group_matches

__all__ = [
    "LAYOUTS",
    "Article",
    "Discovery",
    "DiscoveryError",
    "Skipped",
    "SourceFile",
    "discover",
]

LAYOUTS = ("auto", "article-dir", "lang-dir", "lang-dir-suffix", "lang-suffix",
           "hugo", "mkdocs", "tldr", "docusaurus", "vitepress", "pattern")
# Site presets that the tree layouts already cover.
_ALIASES = {"hugo": "auto", "mkdocs": "auto", "tldr": "lang-dir-suffix"}
_MARKDOWN_SUFFIXES = (".md", ".markdown")
_IGNORED_DIRS = frozenset({"node_modules", "__pycache__"})
_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "FIFO"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
    (stat.S_ISSOCK, "socket"),
)

Parts = tuple[str, ...]


class _Entry(Protocol):
    """What classifying needs from a directory entry: ``os.DirEntry`` or a ``_Probe``."""

    @property
    def name(self) -> str: ...

    @property
    def path(self) -> str: ...

    def is_symlink(self) -> bool: ...

    def is_dir(self, *, follow_symlinks: bool = True) -> bool: ...

    def is_file(self, *, follow_symlinks: bool = True) -> bool: ...

    def stat(self) -> os.stat_result: ...


@dataclass(frozen=True)
class SourceFile:
    """One localized file: its normalized language and its path as the user would write it."""

    lang: str
    path: str


@dataclass(frozen=True)
class Article:
    """The same document in several languages; ``files`` lists the source language first."""

    slug: str
    files: tuple[SourceFile, ...]

    def get(self, lang: str) -> SourceFile | None:
        wanted = normalize_lang(lang)
        return next((f for f in self.files if f.lang == wanted), None)

    @property
    def langs(self) -> tuple[str, ...]:
        return tuple(f.lang for f in self.files)


@dataclass(frozen=True)
class Skipped:
    """Something found that cannot be an article file; the caller reports it, never crashes."""

    path: str
    reason: str


@dataclass(frozen=True)
class Discovery:
    """Everything found under the checked paths."""

    layout: str
    source_lang: str
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    languages: tuple[str, ...]


class DiscoveryError(Exception):
    """A checked path cannot be used at all (it does not exist, or the layout is unknown)."""


def discover(paths: Sequence[str], source_lang: str = "en", layout: str = "auto",
             pattern: tuple[str, str] | None = None) -> Discovery:
    """Group the Markdown files under ``paths`` (directories or files) into articles.

    A file argument brings in its whole article (its siblings in the other languages), and so
    does a directory inside a language folder (``content/ja/docs`` is checked against
    ``content/en/docs``). ``pattern`` (source pattern, translation pattern) describes a
    custom layout (``layout="pattern"``); Docusaurus and VitePress use built-in patterns, and
    a Docusaurus site is recognised without being named.
    """
    if layout not in LAYOUTS:
        raise DiscoveryError(f"unknown layout: {layout} (expected one of {', '.join(LAYOUTS)})")
    for path in paths:
        _check_readable(path)
    source = normalize_lang(source_lang)
    dirs = [p for p in paths if os.path.isdir(p)]
    preset = layout if layout in PRESETS else None
    if layout == "auto" and dirs and len(dirs) == len(paths):
        detected = {detect_preset(p) for p in dirs}
        preset = detected.pop() if len(detected) == 1 else None
    if layout == "pattern" or preset is not None:
        pairs = PRESETS[preset] if preset else ((pattern,) if pattern else ())
        if not pairs:
            raise DiscoveryError("layout 'pattern' needs pattern (and source-pattern) settings")
        return _discover_patterns(paths, source, preset or "pattern", pairs)
    layout = _ALIASES.get(layout, layout)
    run = _Run(source, layout, os.getcwd())
    for path in paths:
        absolute = os.path.abspath(path)
        if not os.path.exists(absolute):
            raise DiscoveryError(f"path not found: {path}")
        given = os.path.normpath(path)
        if os.path.isdir(absolute):
            run.add_dir(given, absolute)
        else:
            run.add_file(given, absolute)
    return run.result()


# --------------------------------------------------------------------------------------
# The walk: one scandir per directory, results kept as a tree of names.


def _check_readable(path: str) -> None:
    """A checked path that cannot be read at all is an error, never a silently empty run.

    Entries below it that cannot be read are skipped (the rest is still checked); but when
    the folder or file the user named is unreadable, "no drift found" would be a lie.
    """
    try:
        if os.path.isdir(path):
            with os.scandir(path):
                pass
        elif os.path.exists(path) and not os.access(path, os.R_OK):
            raise PermissionError(13, "Permission denied", path)
    except PermissionError:
        raise DiscoveryError(f"cannot read {path}: permission denied") from None
    except OSError as error:
        raise DiscoveryError(f"cannot read {path}: {error.strerror or error}") from None


def _markdown_stem(name: str) -> str | None:
    lowered = name.lower()
    for suffix in _MARKDOWN_SUFFIXES:
        if lowered.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return None


def _within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _language_like(name: str) -> bool:
    """Whether a folder name can hold one language: ``ja``, ``pt_BR``, ``pages.ko``."""
    return is_lang_code(name) or is_lang_code(name.rpartition(".")[2])


def _special_reason(mode: int) -> str | None:
    """Why a stat'ed entry cannot be an article file, or None when it is a readable file."""
    if stat.S_ISDIR(mode):
        return "is a directory, not a file"
    for test, kind in _SPECIAL_KINDS:
        if test(mode):
            return f"not a regular file ({kind})"
    return None if stat.S_ISREG(mode) else "not a regular file"


@dataclass
class _File:
    """A Markdown file found on disk, before it becomes a SourceFile."""

    lang: str
    key: tuple[Parts, str]  # (directory, name) in its tree
    display: str
    absolute: str
    real: str
    direct: bool  # not reached through a directory symlink: preferred over aliases


@dataclass
class _Tree:
    """Markdown files and directories below ``top``, addressed by relative name tuples.

    ``top_given`` is ``top`` as the user spelled it; ``label`` is how paths below it are shown.
    """

    top: str
    top_given: str
    cwd: str
    boundary: str  # symlinks resolving outside this real path are not followed
    skipped: list[Skipped]
    dirs: dict[Parts, list[str]] = field(default_factory=dict)
    files: dict[Parts, list[str]] = field(default_factory=dict)
    real: dict[Parts, str] = field(default_factory=dict)
    file_real: dict[tuple[Parts, str], str] = field(default_factory=dict)
    aliased: set[Parts] = field(default_factory=set)  # reached through a symlinked folder
    direct: set[str] = field(default_factory=set)  # real paths of folders listed as themselves
    label: str = ""
    _prefixes: dict[Parts, tuple[str, str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if _within(self.top, self.cwd):
            relative = os.path.relpath(self.top, self.cwd)
            self.label = "" if relative == "." else relative.replace(os.sep, "/")
        else:
            self.label = self.top_given.replace(os.sep, "/")

    def display(self, parts: Parts, name: str | None = None) -> str:
        tail = "/".join(parts + ((name,) if name else ()))
        if not self.label:
            return tail or "."
        return f"{self.label}/{tail}" if tail else self.label

    def skip(self, parts: Parts, name: str | None, reason: str) -> None:
        self.skipped.append(Skipped(self.display(parts, name), reason))

    def file(self, parts: Parts, name: str, lang: str) -> _File:
        # Prefixes are computed once per directory: trees hold tens of thousands of files.
        prefixes = self._prefixes.get(parts)
        if prefixes is None:
            shown = self.display(parts)
            prefixes = (
                os.path.join(self.top, *parts, ""),
                "" if shown == "." else shown + "/",
                os.path.join(self.real[parts], ""),
            )
            self._prefixes[parts] = prefixes
        absolute, shown, real = (prefix + name for prefix in prefixes)
        real = self.file_real.get((parts, name), real)
        return _File(lang, (parts, name), shown, absolute, real, parts not in self.aliased)

    def walk(self, start: Parts = (), recursive: bool = True) -> None:
        """List ``start`` and (when recursive) everything below it, once per directory.

        Symlinked folders wait until every real folder is listed, so that we know whether
        they only repeat a folder already seen (see ``_follow``).
        """
        self.real[start] = os.path.realpath(os.path.join(self.top, *start))
        stack = [start]
        links: list[tuple[Parts, str]] = []  # (symlinked folder, its real target)
        while stack or (recursive and links):
            if not stack:
                links.sort()
                child, target = links.pop(0)
                if self._follow(child, target):
                    stack.append(child)
                continue
            parts = stack.pop()
            if parts not in self.aliased:
                self.direct.add(self.real[parts])
            try:
                with os.scandir(os.path.join(self.top, *parts)) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except PermissionError:
                self.skip(parts, None, "permission denied")
                continue
            except OSError as error:
                self.skip(parts, None, error.strerror or "cannot be listed")
                continue
            subdirs: list[str] = []
            names: list[str] = []
            for entry in entries:
                kind = self._classify(parts, entry)
                if kind == "dir":
                    subdirs.append(entry.name)
                elif kind == "file":
                    names.append(entry.name)
                elif kind == "link":
                    links.append(((*parts, entry.name), os.path.realpath(entry.path)))
            self.dirs[parts] = subdirs
            if names:
                self.files[parts] = names
            if recursive:
                stack.extend((*parts, name) for name in reversed(subdirs))

    def _follow(self, child: Parts, target: str) -> bool:
        """Whether to walk a symlinked folder (inside the checked tree) as ``child``.

        Never when it leads back to one of its own ancestors (a loop). A folder already
        listed under its real name is walked again only when the link gives it a meaning
        that its real name does not: a language (``pages.en -> pages``, ``en -> ../docs``).
        """
        parent = child[:-1]
        ancestors = {self.real[child[:i]] for i in range(len(child)) if child[:i] in self.real}
        if target in ancestors or _within(self.real[parent], target):
            self.skip(parent, child[-1], "symlink loop")
            return False
        if target in self.direct and not any(map(_language_like, child)):
            return False
        self.real[child] = target
        self.aliased.add(child)
        bisect.insort(self.dirs.setdefault(parent, []), child[-1])
        return True

    def _classify(self, parts: Parts, entry: _Entry) -> str:
        """'dir', 'link' (a symlinked folder), 'file' (a readable Markdown file) or ''."""
        name = entry.name
        stem = _markdown_stem(name)
        child = (*parts, name)
        try:
            if (name.startswith(".") or name in _IGNORED_DIRS) and entry.is_dir():
                return ""  # .git, .venv, node_modules: never content, often huge
            if entry.is_symlink():
                target = os.path.realpath(entry.path)
                if not os.path.exists(target):
                    if stem is not None:
                        self.skip(parts, name, "broken symlink")
                    return ""
                is_dir = os.path.isdir(target)
                if not _within(target, self.boundary):
                    if stem is not None or is_dir:
                        self.skip(parts, name, "symlink points outside the checked tree")
                    return ""
                if is_dir:
                    if stem is not None:
                        self.skip(parts, name, "is a directory, not a file")
                    return "link"
                self.file_real[(parts, name)] = target
            elif entry.is_dir(follow_symlinks=False):
                self.real[child] = os.path.join(self.real[parts], name)
                if parts in self.aliased:
                    self.aliased.add(child)
                if stem is not None:
                    self.skip(parts, name, "is a directory, not a file")
                return "dir"
            if stem is None:
                return ""
            if not entry.is_file(follow_symlinks=False) or entry.is_symlink():
                reason = _special_reason(entry.stat().st_mode)
                if reason is not None:
                    self.skip(parts, name, reason)
                    return ""
            if not os.access(entry.path, os.R_OK):
                self.skip(parts, name, "permission denied")
                return ""
        except PermissionError:
            if stem is not None:
                self.skip(parts, name, "permission denied")
            return ""
        except OSError as error:
            if stem is not None:
                self.skip(parts, name, error.strerror or "cannot be read")
            return ""
        return "file"


# --------------------------------------------------------------------------------------
# Layouts: which directories hold languages, and how files group into articles.


@dataclass(frozen=True)
class _Unit:
    """A container directory whose children (``roots``) hold one language each."""

    container: Parts
    kind: str  # 'lang-dir' | 'lang-dir-suffix'
    roots: tuple[tuple[str, str], ...]  # (child directory name, normalized language)

    @property
    def prefix(self) -> str:
        base = (self.roots[0][0].partition(".")[0],) if self.kind == "lang-dir-suffix" else ()
        return "/".join(self.container + base)


def _units(container: Parts, children: Iterable[str], source: str, layout: str) -> list[_Unit]:
    """The language-folder groups among ``children``; forced layouts need less evidence."""
    forced = layout != "auto"
    units: list[_Unit] = []
    if layout in ("auto", "lang-dir"):
        roots = tuple((c, normalize_lang(c)) for c in children if is_lang_code(c))
        langs = {lang for _, lang in roots}
        if (source in langs and len(roots) >= 2) or (
            forced and (source in langs or len(roots) >= 2)
        ):
            units.append(_Unit(container, "lang-dir", roots))
    if layout in ("auto", "lang-dir-suffix"):
        names = set(children)
        by_base: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for child in sorted(names):
            base, dot, suffix = child.rpartition(".")
            if dot and base and is_lang_code(suffix):
                by_base[base].append((child, normalize_lang(suffix)))
        for base, suffixed in sorted(by_base.items()):
            roots = ((base, source), *tuple(suffixed)) if base in names else tuple(suffixed)
            if source in {lang for _, lang in roots} and len(roots) >= 2:
                units.append(_Unit(container, "lang-dir-suffix", roots))
    return units


@dataclass
class _Group:
    """Files of one article found in one tree, before merging across checked paths."""

    slug: str
    layout: str
    unit: str  # the tree it was found in, to tell equal slugs of two trees apart
    files: list[_File]


def _unit_groups(tree: _Tree, units: list[_Unit], dirs: Iterable[Parts]) -> Iterator[_Group]:
    """Files below each unit's language roots, grouped by path below the root."""
    roots = {(*u.container, child): (u, lang) for u in units for child, lang in u.roots}
    prefixed = len(units) > 1
    groups: dict[tuple[str, str], _Group] = {}
    for parts in dirs:
        for depth in range(len(parts), 0, -1):
            found = roots.get(parts[:depth])
            if found is None:
                continue
            unit, lang = found
            for name in tree.files.get(parts, ()):
                stem = _markdown_stem(name) or name
                slug = "/".join((*parts[depth:], stem))
                if prefixed and unit.prefix:
                    slug = f"{unit.prefix}/{slug}"
                key = (unit.kind, slug)
                if key not in groups:
                    groups[key] = _Group(slug, unit.kind, tree.label, [])
                groups[key].files.append(tree.file(parts, name, lang))
            break
    yield from groups.values()


def _article_dir_groups(tree: _Tree, dirs: list[Parts], source: str, forced: bool) -> list[_Group]:
    """``<article>/<lang>.md``: folders whose Markdown files are mostly named by language."""
    strong: list[_Group] = []
    weak: list[_Group] = []
    for parts in dirs:
        names = tree.files.get(parts, [])
        langs = [
            (n, normalize_lang(s)) for n in names if (s := _markdown_stem(n)) and is_lang_code(s)
        ]
        if not langs:
            continue
        slug = "/".join(parts) or os.path.basename(tree.top)
        group = _Group(
            slug,
            "article-dir",
            tree.label,
            [tree.file(parts, n, lang) for n, lang in langs],
        )
        distinct = {lang for _, lang in langs}
        if forced or ((source in distinct or len(distinct) >= 2) and 2 * len(langs) >= len(names)):
            strong.append(group)
        elif len(langs) == len(names):
            # A lone fr.md (an orphan) is an article only if the tree uses the layout.
            weak.append(group)
    return strong + weak if strong else []


def _suffix_groups(
    tree: _Tree, dirs: list[Parts], source: str, taken: set[tuple[Parts, str]]
) -> list[_Group]:
    """``<name>.<lang>.md`` beside ``<name>.md`` (the source when no ``<name>.<source>.md``)."""
    groups: list[_Group] = []
    for parts in dirs:
        names = [n for n in tree.files.get(parts, []) if (parts, n) not in taken]
        by_base: dict[str, list[_File]] = defaultdict(list)
        plain: dict[str, str] = {}
        for name in names:
            stem = _markdown_stem(name) or name
            base, dot, suffix = stem.rpartition(".")
            if dot and base and is_lang_code(suffix):
                by_base[base].append(tree.file(parts, name, normalize_lang(suffix)))
            else:
                plain.setdefault(stem, name)
        for base, files in sorted(by_base.items()):
            if base in plain and source not in {f.lang for f in files}:
                files.insert(0, tree.file(parts, plain[base], source))
            groups.append(_Group("/".join((*parts, base)), "lang-suffix", tree.label, files))
    return groups


def _under_any(parts: Parts, roots: set[Parts]) -> bool:
    return any(parts[:depth] in roots for depth in range(1, len(parts) + 1))


def _tree_groups(tree: _Tree, source: str, layout: str) -> list[_Group]:
    """Detect the layouts of a walked tree, top-down, and group its files.

    Language folders claim everything below them first; the remaining files may be article
    folders, and what is left after that may carry language suffixes.
    """
    units: list[_Unit] = []
    claimed: set[Parts] = set()
    for parts in sorted(tree.dirs):
        if not _under_any(parts, claimed):
            for unit in _units(parts, tree.dirs[parts], source, layout):
                units.append(unit)
                claimed.update((*parts, child) for child, _ in unit.roots)
    file_dirs = sorted(tree.files)
    groups = list(_unit_groups(tree, units, file_dirs))
    free = [parts for parts in file_dirs if not _under_any(parts, claimed)]
    taken: set[tuple[Parts, str]] = set()
    if layout in ("auto", "article-dir"):
        article_groups = _article_dir_groups(tree, free, source, forced=layout != "auto")
        groups += article_groups
        taken = {f.key for group in article_groups for f in group.files}
    if layout in ("auto", "lang-suffix"):
        groups += _suffix_groups(tree, free, source, taken)
    return groups


# --------------------------------------------------------------------------------------
# One run over all checked paths.


class _Probe:
    """A ``DirEntry`` look-alike for one known path, so probes and walks classify alike."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.name = os.path.basename(path)
        self._mode = os.lstat(path).st_mode

    def is_symlink(self) -> bool:
        return stat.S_ISLNK(self._mode)

    def is_dir(self, *, follow_symlinks: bool = True) -> bool:
        return os.path.isdir(self.path) if follow_symlinks else stat.S_ISDIR(self._mode)

    def is_file(self, *, follow_symlinks: bool = True) -> bool:
        return os.path.isfile(self.path) if follow_symlinks else stat.S_ISREG(self._mode)

    def stat(self) -> os.stat_result:
        return os.stat(self.path)


class _Run:
    """State of one ``discover`` call: groups and skipped entries from every checked path."""

    def __init__(self, source: str, layout: str, cwd: str) -> None:
        self.source = source
        self.layout = layout
        self.cwd = cwd
        self.groups: list[_Group] = []
        self.skipped: list[Skipped] = []
        self._listings: dict[str, list[str]] = {}  # folder -> its subfolders
        self._siblings: dict[str, list[_Group]] = {}  # folder -> articles of its files

    def _tree(self, top: str, given: str, boundary: str | None = None) -> _Tree:
        # Paths outside the working directory are shown as given: absolute stays absolute.
        shown = top if os.path.isabs(given) else os.path.relpath(top, self.cwd)
        real_top = os.path.realpath(top)
        return _Tree(top, shown, self.cwd, boundary or real_top, self.skipped)

    def _subdirs(self, path: str) -> list[str]:
        if path not in self._listings:
            try:
                with os.scandir(path) as it:
                    names = [e.name for e in it if not e.name.startswith(".") and e.is_dir()]
            except OSError:
                names = []
            self._listings[path] = sorted(names)
        return self._listings[path]

    def _enclosing(self, path: str) -> tuple[str, list[_Unit], _Unit, str] | None:
        """The language folder that ``path`` is in or below, if any.

        Returns the container's path, all its units (for consistent slugs), the unit and the
        language folder's name. Only ancestors that could be language folders are listed.
        """
        if self.layout not in ("auto", "lang-dir", "lang-dir-suffix"):
            return None
        current = path
        while (parent := os.path.dirname(current)) != current:
            name = os.path.basename(current)
            if is_lang_code(name) or self.layout != "lang-dir":
                units = _units((), self._subdirs(parent), self.source, self.layout)
                for unit in units:
                    if name in dict(unit.roots):
                        return parent, units, unit, name
            current = parent
        return None

    def add_dir(self, given: str, absolute: str) -> None:
        found = self._enclosing(absolute)
        if found is None:
            tree = self._tree(absolute, given)
            tree.walk()
            self.groups += _tree_groups(tree, self.source, self.layout)
            return
        # Inside a language folder: walk the same sub-folder of every language.
        container, units, unit, root = found
        below = os.path.relpath(absolute, os.path.join(container, root))
        sub: Parts = () if below == "." else tuple(below.split(os.sep))
        tree = self._tree(container, given, os.path.realpath(container))
        for child, _ in unit.roots:
            if os.path.isdir(os.path.join(container, child, *sub)):
                tree.walk((child, *sub))
        lang = dict(unit.roots)[root]
        for group in _unit_groups(tree, units, sorted(tree.files)):
            if any(f.lang == lang for f in group.files):
                self.groups.append(group)

    def add_file(self, given: str, absolute: str) -> None:
        name = os.path.basename(absolute)
        shown = given.replace(os.sep, "/")
        if _within(absolute, self.cwd):
            shown = os.path.relpath(absolute, self.cwd).replace(os.sep, "/")
        stem = _markdown_stem(name)
        if stem is None:
            self.skipped.append(Skipped(shown, "not a Markdown file"))
            return
        parent = os.path.dirname(absolute)
        before = len(self.skipped)
        found = self._enclosing(parent)
        if found is not None:
            container, units, unit, root = found
            below = os.path.relpath(parent, os.path.join(container, root))
            sub: Parts = () if below == "." else tuple(below.split(os.sep))
            tree = self._tree(container, given, os.path.realpath(container))
            for child, _ in unit.roots:
                self._probe_siblings(tree, (child, *sub), stem, name)
            groups = list(_unit_groups(tree, units, sorted(tree.files)))
        elif parent in self._siblings:  # pre-commit hooks pass many files of one folder
            groups = self._siblings[parent]
        else:
            tree = self._tree(parent, os.path.dirname(given) or ".")
            tree.walk(recursive=False)
            groups = self._siblings[parent] = _tree_groups(tree, self.source, self.layout)
        mine = [g for g in groups if any(f.absolute == absolute for f in g.files)]
        self.groups += mine
        if not mine and len(self.skipped) == before:
            self.skipped.append(Skipped(shown, "fits no known layout (cannot tell its language)"))

    def _probe_siblings(self, tree: _Tree, parts: Parts, stem: str, name: str) -> None:
        """Stat the few names one article can have in one language folder (no listing)."""
        directory = os.path.join(tree.top, *parts)
        if not os.path.isdir(directory):
            return
        tree.real[parts] = os.path.realpath(directory)
        candidates = dict.fromkeys([name] + [stem + suffix for suffix in _MARKDOWN_SUFFIXES])
        for candidate in candidates:
            path = os.path.join(directory, candidate)
            if not os.path.lexists(path):
                continue
            try:
                probe = _Probe(path)
            except OSError:
                continue
            if tree._classify(parts, probe) == "file":
                tree.files.setdefault(parts, []).append(candidate)

    def result(self) -> Discovery:
        by_slug: dict[str, list[_Group]] = defaultdict(list)
        for group in self.groups:
            by_slug[group.slug].append(group)
        merged: dict[str, list[_Group]] = defaultdict(list)
        for slug, groups in by_slug.items():
            if len({g.unit for g in groups}) > 1 and _conflicting(groups):
                for group in groups:  # same slug in two checked trees: tell them apart
                    merged[f"{group.unit or '.'}/{slug}"].append(group)
            else:
                merged[slug] += groups
        articles = [self._article(slug, groups) for slug, groups in sorted(merged.items())]
        layouts = {g.layout for groups in merged.values() for g in groups}
        languages = {f.lang for article in articles for f in article.files}
        layout = layouts.pop() if len(layouts) == 1 else "mixed" if layouts else "none"
        return Discovery(
            layout=layout,
            source_lang=self.source,
            articles=tuple(articles),
            skipped=tuple(sorted(set(self.skipped), key=lambda s: (s.path, s.reason))),
            languages=tuple(sorted(languages, key=lambda lang: (lang != self.source, lang))),
        )

    def _article(self, slug: str, groups: list[_Group]) -> Article:
        """One article per slug: one file per language, aliases dropped, duplicates skipped."""
        by_lang: dict[str, list[_File]] = defaultdict(list)
        for group in groups:
            for file in group.files:
                by_lang[file.lang].append(file)
        files: list[SourceFile] = []
        for lang, candidates in by_lang.items():
            candidates.sort(key=lambda f: (not f.direct, f.display))
            kept = candidates[0]
            seen = {kept.real}
            for other in candidates[1:]:
                if other.real not in seen:
                    seen.add(other.real)
                    reason = f"duplicate {lang} version of {slug} (using {kept.display})"
                    self.skipped.append(Skipped(other.display, reason))
            files.append(SourceFile(lang, kept.display))
        files.sort(key=lambda f: (f.lang != self.source, f.lang))
        return Article(slug, tuple(files))


def _conflicting(groups: list[_Group]) -> bool:
    """Whether two groups hold different files for the same language."""
    reals: dict[str, set[str]] = defaultdict(set)
    for group in groups:
        for file in group.files:
            reals[file.lang].add(file.real)
    return any(len(paths) > 1 for paths in reals.values())


def _discover_patterns(paths: Sequence[str], source: str, name: str,
                       pairs: tuple[tuple[str, str], ...]) -> Discovery:
    matches = []
    for path in paths:
        if not os.path.exists(path):
            raise DiscoveryError(f"path not found: {path}")
        if not os.path.isdir(path):
            raise DiscoveryError(f"layout {name!r} checks folders, not files: {path}")
        try:
            matches += match_files(path, os.path.normpath(path), source, pairs)
        except PatternError as exc:
            raise DiscoveryError(str(exc)) from None
    articles = []
    for slug, files in sorted(group_matches(matches).items()):
        ordered = sorted(files.items(), key=lambda kv: (kv[0] != source, kv[0]))
        articles.append(Article(slug, tuple(SourceFile(lang, path) for lang, path in ordered)))
    languages = {f.lang for a in articles for f in a.files}
    return Discovery(name, source, tuple(articles), (),
                     tuple(sorted(languages, key=lambda lang: (lang != source, lang))))
