"""Which pages exist in which language: resolving a link to the page it opens.

Site generators publish `<path>.md`, `<path>/index.md` and `<path>/_index.md` at the URL
`/<path>/` (Hugo, Docusaurus, VitePress, MkDocs with directory URLs), under `/<lang>/` for
other languages. A link can therefore be resolved to an article slug without knowing the
generator: relative links against the page's own URL, site-absolute ones against the root,
with the language segment set aside.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from typing import Mapping
from urllib.parse import unquote

from l10ncheck.languages import is_lang_code, normalize_lang

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
_INDEX = ("", "/_index", "/index", "/README", "/readme")


@dataclass(frozen=True)
class SiteIndex:
    """Article slugs by language, for the articles of one run."""

    pages: Mapping[str, frozenset[str]] = field(default_factory=dict, compare=False, hash=False)

    def has(self, slug: str, lang: str) -> bool:
        return slug in self.pages.get(lang, frozenset())

    def resolve(self, url: str, page: str, lang: str) -> tuple[str, str | None] | None:
        """(slug, explicit language or None) of the page a link opens, if it is a page of this
        site; None for external links, anchors, files that are no article, or when no
        candidate exists in any language."""
        target = url.strip()
        if not target or target.startswith(("#", "//")) or _SCHEME.match(target):
            return None
        path = unquote(target.split("#", 1)[0].split("?", 1)[0])
        if not path:
            return None
        explicit = None
        if path.startswith("/"):
            parts = [p for p in path.split("/") if p]
            if parts and is_lang_code(parts[0]) and normalize_lang(parts[0]) in self.pages:
                explicit = normalize_lang(parts[0])
                parts = parts[1:]
            joined = "/".join(parts)
        else:
            # The page's own URL: <slug>/ (index pages: their folder).
            folder = page.rsplit("/", 1)[0] if page.rsplit("/", 1)[-1] in ("_index", "index") else page
            base = folder if not path.endswith(".md") else posixpath.dirname(page)
            joined = posixpath.normpath(posixpath.join(base, path)).strip("/")
            if joined.startswith(".."):
                return None
        joined = re.sub(r"\.(md|markdown|html)$", "", joined).strip("/")
        for suffix in _INDEX:
            slug = (joined + suffix).strip("/")
            if any(slug in pages for pages in self.pages.values()):
                return slug, explicit
        return None
