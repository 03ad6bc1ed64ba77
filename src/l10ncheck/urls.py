"""What makes two link destinations the same page in two languages.

A translation may point to the localized copy of a page: a language path segment
(`/en/docs/x` → `/ja/docs/x`, `/hc/en-us/…` → `/hc/ru/…`, `/service/` → `/es/service/`) or a
language subdomain (`en.wikipedia.org` → `nl.wikipedia.org`). Those are not drift.
"""

from __future__ import annotations

import re
from functools import lru_cache

from l10ncheck.languages import is_lang_code, normalize_lang

_SPLIT = re.compile(r"^([a-z][a-z0-9+.\-]*://)?([^/?#]*)(.*)$", re.I)


def _primary(lang: str) -> str:
    return normalize_lang(lang).split("-")[0]


@lru_cache(maxsize=65536)
def canonical(url: str, langs: frozenset[str] | None = None) -> str:
    """The URL with language segments and language subdomains taken out.

    With ``langs`` only those languages (and their primary subtags) are taken out; without,
    any language code is.
    """
    url = url.strip()
    m = _SPLIT.match(url)
    if not m:
        return url
    scheme, host, rest = m.group(1) or "", m.group(2), m.group(3)

    def is_lang(part: str) -> bool:
        if not part or not is_lang_code(part):
            return False
        if langs is None:
            return True
        norm = normalize_lang(part)
        return norm in langs or _primary(norm) in langs

    if scheme and "." in host:
        first, _, tail = host.partition(".")
        if tail.count(".") >= 1 and is_lang(first):
            host = "{lang}." + tail
    path, sep, query = rest.partition("?") if "?" in rest else (rest, "", "")
    path, hash_, fragment = path.partition("#")
    segments = [s for s in path.split("/") if not is_lang(s)]
    path = "/".join(segments).rstrip("/")
    return scheme + host.lower() + path + sep + query + hash_ + fragment


def same_destination(src_url: str, tgt_url: str, source_lang: str, lang: str) -> bool:
    a, b = src_url.strip().rstrip("/"), tgt_url.strip().rstrip("/")
    if a == b:
        return True
    langs = frozenset({normalize_lang(source_lang), normalize_lang(lang),
                       _primary(source_lang), _primary(lang)})
    return canonical(a, langs) == canonical(b, langs)


def localized_resource(src_url: str, tgt_url: str, lang: str) -> bool:
    """Does the translation link to the same site under its own language (a localized
    article with another title), rather than to another site?"""
    a, b = _SPLIT.match(src_url.strip()), _SPLIT.match(tgt_url.strip())
    if not a or not b or not a.group(1) or not b.group(1):
        return False
    host_a, host_b = a.group(2).lower(), b.group(2).lower()
    first_b, _, tail_b = host_b.partition(".")
    _, _, tail_a = host_a.partition(".")
    primary = _primary(lang)
    if tail_a == tail_b and (first_b == primary or normalize_lang(first_b) == normalize_lang(lang)):
        return True
    segments = b.group(3).split("/")
    return host_a == host_b and any(s and normalize_lang(s) in (normalize_lang(lang), primary) for s in segments)
