"""A cache of per-article results, like ``.ruff_cache`` or ``.mypy_cache``.

An article's findings depend only on the bytes of its files, l10ncheck's code and the
settings that shape rules (selected rules, source language, glossary, expected languages).
The key is a hash of all of them, so a cached result can never be stale: any change makes a
new key. The code is hashed, not only its version number: an editable install or a
development checkout changes the code between two releases of the same version. Entries are JSON (never pickle: a cache folder in a repository must not be able to
run code). Writes are atomic (temporary file, then rename); a broken entry is a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

from l10ncheck import __version__
from l10ncheck.diagnostics import Category, Diagnostic, Location, Severity, Span

CACHE_DIR = ".l10ncheck_cache"
_FORMAT = 1


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A hash of l10ncheck's own source files, read once per run."""
    return tree_digest(Path(__file__).resolve().parent)


def tree_digest(package: Path) -> str:
    """A hash of the paths and bytes of every Python file under ``package``."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


class ResultCache:
    def __init__(self, root: str, settings: str):
        self.root = os.path.join(root, f"v{_FORMAT}")
        self.settings = settings

    @staticmethod
    def settings_key(parts: Iterable[str]) -> str:
        digest = hashlib.sha256(f"l10ncheck {__version__} format {_FORMAT} code {code_digest()}".encode())
        for part in parts:
            digest.update(b"\0" + part.encode("utf-8", "surrogateescape"))
        return digest.hexdigest()

    def key(self, slug: str, files: Sequence[tuple[str, str, bytes | None]]) -> str:
        """Hash of the settings and every (lang, path, bytes) of the article."""
        digest = hashlib.sha256(self.settings.encode())
        digest.update(slug.encode("utf-8", "surrogateescape"))
        for lang, path, data in files:
            digest.update(b"\0" + lang.encode() + b"\0" + path.encode("utf-8", "surrogateescape"))
            digest.update(b"\0" + (hashlib.sha256(data).digest() if data is not None else b"-"))
        return digest.hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self.root, key[:2], key[2:] + ".json")

    def get(self, key: str) -> list[Diagnostic] | None:
        try:
            with open(self._path(key), encoding="utf-8") as handle:
                return [_load(item) for item in json.load(handle)]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, diagnostics: Sequence[Diagnostic]) -> None:
        path = self._path(key)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            _ignore_folder(os.path.dirname(self.root))
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape") as handle:
                json.dump([_dump(d) for d in diagnostics], handle, ensure_ascii=True)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs time


def clean(root: str) -> bool:
    """Remove the cache folder under ``root``; True when there was one."""
    path = os.path.join(root, CACHE_DIR)
    if not os.path.isdir(path):
        return False
    shutil.rmtree(path, ignore_errors=True)
    return True


def _ignore_folder(folder: str) -> None:
    marker = os.path.join(folder, ".gitignore")
    if not os.path.exists(marker):
        with open(marker, "w", encoding="utf-8") as handle:
            handle.write("# Created by l10ncheck: this folder is a cache.\n*\n")


def _span(s: Span) -> list[int]:
    return [s.line, s.column, s.end_line, s.end_column]


def _dump(d: Diagnostic) -> list[Any]:
    src = [d.source.path, _span(d.source.span)] if d.source else None
    return [d.code, d.name, d.category.value, d.severity.value, d.article, d.lang,
            d.location.path, _span(d.location.span), d.message, src, d.suggestion, d.anchor]


def _load(item: list[Any]) -> Diagnostic:
    code, name, category, severity, article, lang, path, span, message, src, suggestion, anchor = item
    return Diagnostic(
        code=code, name=name, category=Category(category), severity=Severity(severity),
        article=article, lang=lang, location=Location(path, Span(*span)), message=message,
        source=Location(src[0], Span(*src[1])) if src else None, suggestion=suggestion,
        anchor=anchor,
    )
