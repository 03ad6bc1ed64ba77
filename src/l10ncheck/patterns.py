"""Layouts described by path patterns: presets (Docusaurus, VitePress) and custom ones.

A pattern is a path relative to the checked folder with ``{lang}`` and ``{path}``
placeholders, e.g. ``i18n/{lang}/docusaurus-plugin-content-docs/current/{path}.md``. The
source pattern has no ``{lang}`` (``docs/{path}.md``) or names the source language through
it. Files matching a translation pattern with a language code, and files matching the source
pattern, are grouped by ``{path}``.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass

from l10ncheck.languages import is_lang_code, normalize_lang

# preset -> ((source pattern, translation pattern), ...)
PRESETS: dict[str, tuple[tuple[str, str], ...]] = {
    "docusaurus": (
        ("docs/{path}.md", "i18n/{lang}/docusaurus-plugin-content-docs/current/{path}.md"),
        ("docs/{path}.mdx", "i18n/{lang}/docusaurus-plugin-content-docs/current/{path}.mdx"),
        ("blog/{path}.md", "i18n/{lang}/docusaurus-plugin-content-blog/{path}.md"),
    ),
    "vitepress": (("{path}.md", "{lang}/{path}.md"),),
}
_SKIP = frozenset({"node_modules", "__pycache__"})


class PatternError(ValueError):
    pass


@dataclass(frozen=True)
class Match:
    lang: str
    slug: str
    path: str  # as the user would write it


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """``{lang}`` matches one path segment, ``{path}`` one or more."""
    if "{path}" not in pattern:
        raise PatternError(f"pattern {pattern!r} needs a {{path}} placeholder")
    parts = re.split(r"(\{lang\}|\{path\})", pattern.strip("/"))
    regex = "".join(
        "(?P<lang>[^/]+)" if p == "{lang}" else "(?P<path>.+?)" if p == "{path}" else re.escape(p)
        for p in parts
    )
    return re.compile(regex + r"\Z")


def detect_preset(root: str) -> str | None:
    """A Docusaurus site keeps its translations in i18n/<lang>/docusaurus-plugin-content-*."""
    i18n = os.path.join(root, "i18n")
    if os.path.isdir(i18n) and os.path.isdir(os.path.join(root, "docs")):
        try:
            langs = [d for d in os.listdir(i18n) if is_lang_code(d)]
        except OSError:
            return None
        if any(os.path.isdir(os.path.join(i18n, d, "docusaurus-plugin-content-docs")) for d in langs):
            return "docusaurus"
    return None


def match_files(root: str, shown_root: str, source_lang: str,
                pairs: tuple[tuple[str, str], ...]) -> list[Match]:
    """Every Markdown file under ``root`` that one of the pattern pairs places."""
    compiled = [(compile_pattern(s), compile_pattern(t)) for s, t in pairs]
    source = normalize_lang(source_lang)
    found: list[Match] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP)
        for name in sorted(files):
            if not name.endswith((".md", ".mdx", ".markdown")):
                continue
            rel = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
            shown = os.path.normpath(os.path.join(shown_root, rel)).replace(os.sep, "/")
            for src_re, tgt_re in compiled:
                m = tgt_re.match(rel)
                if m and is_lang_code(m.group("lang")):
                    found.append(Match(normalize_lang(m.group("lang")), m.group("path"), shown))
                    break
                m = src_re.match(rel)
                if m:
                    lang = m.groupdict().get("lang")
                    if lang is not None and normalize_lang(lang) != source:
                        continue
                    found.append(Match(source, m.group("path"), shown))
                    break
    return found


def group(matches: list[Match]) -> dict[str, dict[str, str]]:
    """slug -> {lang: path}; the first file wins when two claim one language."""
    articles: dict[str, dict[str, str]] = defaultdict(dict)
    for m in sorted(matches, key=lambda m: (m.slug, m.lang, m.path)):
        articles[m.slug].setdefault(m.lang, m.path)
    return articles
