"""Which pages exist in which language: resolving a link to the page it opens.

Site generators publish `<path>.md`, `<path>/index.md` and `<path>/_index.md` at the URL
`/<path>/` (Hugo, Docusaurus, VitePress, MkDocs with directory URLs), under `/<lang>/` for
other languages. A link can therefore be resolved to an article slug without knowing the
generator: relative links against the page's own URL, site-absolute ones against the root,
with the language segment set aside.

The index also carries what else a run knows about the site: the heading anchors of the
pages that links point to with a `#fragment` (see ``anchors``) and the configured URL
rewrites (``url-rewrite``).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping
from urllib.parse import unquote

from l10ncheck.anchors import PageAnchors, anchor_index, digest
from l10ncheck.languages import is_lang_code, normalize_lang
from l10ncheck.urls import UrlRewrite

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
_INDEX = ("", "/_index", "/index", "/README", "/readme")


@dataclass(frozen=True)
class SiteIndex:
    """Article slugs by language, for the articles of one run; the anchors of linked pages
    by (language, slug), with their digest (for cache keys); the URL rewrites."""

    pages: Mapping[str, frozenset[str]] = field(default_factory=dict, compare=False, hash=False)
    anchors: Mapping[tuple[str, str], PageAnchors] = field(default_factory=dict, compare=False,
                                                           hash=False)
    anchors_digest: str = ""
    rewrites: tuple[UrlRewrite, ...] = ()

    def has(self, slug: str, lang: str) -> bool:
        return slug in self.pages.get(lang, frozenset())

    def with_anchors(self, files: Iterable[tuple[str, str, str]]) -> SiteIndex:
        """This index with the anchors of every page linked to with a fragment; ``files``:
        (lang, slug, path) of every file of the site."""
        index = anchor_index(files, self.resolve)
        return replace(self, anchors=index, anchors_digest=digest(index))

    def anchors_of(self, slug: str, lang: str) -> PageAnchors | None:
        """The anchors of a page, None when the index does not know it (not linked to with a
        fragment, unreadable, or no anchor index was built)."""
        return self.anchors.get((lang, slug))

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
