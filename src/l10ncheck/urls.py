"""What makes two link destinations the same page in two languages.

A translation may point to the localized copy of a page: a language path segment
(`/en/docs/x` → `/ja/docs/x`, `/hc/en-us/…` → `/hc/ru/…`, `/service/` → `/es/service/`) or a
language subdomain (`en.wikipedia.org` → `nl.wikipedia.org`). Those are not drift.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache

from l10ncheck.languages import COUNTRY_DOMAINS, is_lang_code, normalize_lang

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
    if "#" in query:
        query, hash_, fragment = query.partition("#")
    if sep and not scheme:
        sep = query = ""  # a page of this site is the same page whatever its query says
    elif sep:
        query = "&".join(p for p in query.split("&") if not p.startswith("utm_"))  # tracking
        sep = "?" if query else ""
    segments = [s for s in path.split("/") if not is_lang(s)]
    path = "/".join(segments).rstrip("/")
    return scheme + host.lower() + path + sep + query + hash_ + fragment


def page_url(article: str) -> str:
    """The URL path a static site gives the page of an article: `docs/x` -> `/docs/x/`,
    `docs/x/index` and `docs/x/_index` -> `/docs/x/`."""
    path = "/" + article.strip("/")
    for tail in ("/_index", "/index"):
        if path.endswith(tail):
            path = path[: -len(tail)]
    return path.rstrip("/") + "/"


def resolve(url: str, article: str) -> str:
    """``url`` as a site-absolute path when it is relative to the page of ``article``:
    `../y/` from `docs/x` -> `/docs/y/`; a link to a Markdown file (`../y.md`) is relative
    to the file's folder instead. Absolute URLs, fragments and other schemes are as given."""
    url = url.strip()
    if not url or url.startswith(("/", "#", "?")) or _SCHEME.match(url):
        return url
    end = _PATH_END.search(url)
    path, rest = (url[: end.start()], url[end.start():]) if end else (url, "")
    base = page_url(article)
    if path.endswith((".md", ".mdx", ".markdown")):
        base = base.rstrip("/").rsplit("/", 1)[0] + "/"
    resolved = posixpath.normpath(posixpath.join(base, path))
    if path.endswith("/") and not resolved.endswith("/"):
        resolved += "/"
    return resolved + rest


_SCHEME = re.compile(r"[a-z][a-z0-9+.\-]*:", re.I)
_PATH_END = re.compile(r"[?#]")


def same_destination(src_url: str, tgt_url: str, source_lang: str, lang: str) -> bool:
    a, b = src_url.strip().rstrip("/"), tgt_url.strip().rstrip("/")
    if a == b:
        return True
    langs = _langs(source_lang, lang)
    ca, cb = canonical(a, langs), canonical(b, langs)
    return ca == cb or _same_commit(ca, cb)


_HEX = re.compile(r"[0-9a-f]{7,40}")


def _same_commit(a: str, b: str) -> bool:
    """The same address but for a commit id written in full in one and abbreviated in the
    other (`/blob/9bd13bd/x.md`, `/blob/9bd13bd7b3ec…/x.md`): one revision to every forge."""
    xs, ys = a.split("/"), b.split("/")
    if len(xs) != len(ys) or xs == ys:
        return False
    for x, y in zip(xs, ys):
        if x != y and not (_HEX.fullmatch(x) and _HEX.fullmatch(y) and (x.startswith(y) or y.startswith(x))):
            return False
    return True


def _langs(source_lang: str, lang: str) -> frozenset[str]:
    """The two languages' codes and primary subtags: the segments ``canonical`` takes out."""
    return frozenset({normalize_lang(source_lang), normalize_lang(lang), _primary(source_lang), _primary(lang)})


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


def same_path_on_this_site(src_url: str, tgt_url: str, source_lang: str, lang: str) -> bool:
    """Does the translation link, site-absolute (``/it/container/``), the very path the source
    links on a full address (``https://glossary.cncf.io/container/``)? Sites link their own
    pages either way; which host is the site's own is not known here, so this is a
    reviewer's call, not sure drift."""
    a, b = _SPLIT.match(src_url.strip()), _SPLIT.match(tgt_url.strip())
    if not a or not b or not a.group(1) or b.group(1) or not b.group(3).startswith("/"):
        return False
    langs = _langs(source_lang, lang)
    path_a = canonical(a.group(3) or "/", langs).rstrip("/")
    return bool(path_a) and path_a == canonical(b.group(3), langs).rstrip("/")


_LANG_QUERY = re.compile(r"[?&](?:hl|lang|language|locale|lng)=([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?)(?:&|#|$)")


def localized_reference(src_url: str, tgt_url: str, lang: str) -> bool:
    """Does the translation link to another site that names the translation's language
    (guidance written for its readers: ``ru.wikipedia.org``, a ``.de`` site for German, a
    ``/fr/`` path or ``hl=fr`` query) where the source links to a site that does not?"""
    a, b = _SPLIT.match(src_url.strip()), _SPLIT.match(tgt_url.strip())
    if not a or not b or not a.group(1) or not b.group(1):
        return False
    return _address_names_language(b.group(2).lower(), b.group(3), lang) and not _address_names_language(
        a.group(2).lower(), a.group(3), lang)


def _address_names_language(host: str, rest: str, lang: str) -> bool:
    """Does a URL's host or the rest of it name ``lang`` (text: ``languages.names_language``)?"""
    primary, full = _primary(lang), normalize_lang(lang)
    labels = host.split(":")[0].split(".")
    if labels[0] in (primary, full) or normalize_lang(labels[0]) == full:
        return True  # ru.wikipedia.org, pt-br.example.org
    if len(labels) > 1 and labels[-1] in COUNTRY_DOMAINS.get(primary, ()):
        return True  # bdl.oqlf.gouv.qc.ca, sozluk.gov.tr
    path, _, _ = rest.partition("?")
    if any(segment and normalize_lang(segment) in (full, primary) for segment in path.split("/")):
        return True
    query = _LANG_QUERY.search(rest)
    return query is not None and normalize_lang(query.group(1)) in (full, primary)


# -- configured rewrites ----------------------------------------------------------------------

_PLACEHOLDER_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# What a placeholder matches unless its pattern says otherwise.
_DEFAULTS = {"path": r".*", "lang": r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*"}
_SEGMENT = r"[^/?#]+"


class RewriteError(ValueError):
    """A URL pattern that cannot be used; the message says where in the pattern."""


@dataclass(frozen=True)
class UrlRewrite:
    """How a site's source-language URL maps to the same page in another language.

    ``source`` and ``target`` are URL patterns: literal text with placeholders. ``{lang}``
    is a language code (in ``source`` the source language, in ``target`` the translation's,
    compared as language codes: ``pt_BR`` = ``pt-br``, and ``pt`` stands for ``pt-br``);
    ``{path}`` matches anything, ``/`` included; any other ``{name}`` matches one path
    segment; ``{name:regex}`` matches the regex. A name in both patterns must match the same
    text in both URLs; a name only in ``target`` matches anything there (a localized slug).
    ``{{`` and ``}}`` are literal braces. ``langs``: the translations it applies to (empty:
    all).
    """

    source: str
    target: str
    langs: tuple[str, ...] = ()

    def matches(self, src_url: str, tgt_url: str, source_lang: str, lang: str) -> bool:
        """Is ``tgt_url`` the rewrite of ``src_url`` for a translation into ``lang``?"""
        if self.langs and not any(_same_lang(code, lang) for code in self.langs):
            return False
        src = _fullmatch(compile_pattern(self.source), src_url)
        if src is None or not _lang_ok(src, source_lang):
            return False
        tgt = _fullmatch(compile_pattern(self.target), tgt_url)
        if tgt is None or not _lang_ok(tgt, lang):
            return False
        values = tgt.groupdict()
        return all(
            name not in values or (values[name] or "").rstrip("/") == (value or "").rstrip("/")
            for name, value in src.groupdict().items() if name != "lang"
        )


def _fullmatch(pattern: re.Pattern[str], url: str) -> re.Match[str] | None:
    """Match with or without a trailing slash: `/docs/x` and `/docs/x/` are one page."""
    url = url.strip().rstrip("/")
    return pattern.fullmatch(url) or pattern.fullmatch(url + "/")


def _lang_ok(m: re.Match[str], lang: str) -> bool:
    value = m.groupdict().get("lang")
    return value is None or _same_lang(value, lang)


def _same_lang(a: str, b: str) -> bool:
    """Language codes naming the same language: equal once normalized, or one is the
    other's primary subtag (`pt` for `pt-br`, `zh` for `zh-cn`)."""
    a, b = normalize_lang(a), normalize_lang(b)
    return a == b or a == _primary(b) or b == _primary(a)


@lru_cache(maxsize=256)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    """A URL pattern (see :class:`UrlRewrite`) as a regex; RewriteError when it is malformed."""
    out: list[str] = []
    seen: set[str] = set()
    i, n = 0, len(pattern)
    literal: list[str] = []
    while i < n:
        ch = pattern[i]
        if pattern.startswith("{{", i) or pattern.startswith("}}", i):
            literal.append(ch)
            i += 2
            continue
        if ch == "}":
            raise RewriteError(f"'}}' at column {i + 1} closes no placeholder (write '}}}}' for a brace)")
        if ch != "{":
            literal.append(ch)
            i += 1
            continue
        out.append(re.escape("".join(literal)))
        literal = []
        depth, j = 1, i + 1
        while j < n and depth:  # a regex may hold braces of its own: {id:[0-9]{4}}
            depth += {"{": 1, "}": -1}.get(pattern[j], 0)
            j += 1
        if depth:
            raise RewriteError(f"'{{' at column {i + 1} is never closed")
        name, colon, regex = pattern[i + 1 : j - 1].partition(":")
        name = name.strip()
        if not _PLACEHOLDER_NAME.fullmatch(name):
            raise RewriteError(f"{{{pattern[i + 1 : j - 1]}}} at column {i + 1} is not a placeholder:"
                               f" write {{name}} or {{name:regex}}")
        if colon and not regex:
            raise RewriteError(f"{{{name}:}} at column {i + 1} has an empty regex")
        if name in seen:
            if colon:
                raise RewriteError(f"{{{name}}} is repeated with a regex at column {i + 1}:"
                                   f" give the regex at its first use only")
            out.append(f"(?P={name})")
        else:
            body = regex if colon else _DEFAULTS.get(name, _SEGMENT)
            try:
                re.compile(body)
            except re.error as exc:
                raise RewriteError(f"bad regex in {{{name}:{regex}}}: {exc}") from None
            out.append(f"(?P<{name}>(?:{body}))")
            seen.add(name)
        i = j
    out.append(re.escape("".join(literal)))
    try:
        return re.compile("".join(out))
    except re.error as exc:  # a group name that the regex uses itself, and the like
        raise RewriteError(f"cannot be used: {exc}") from None


def rewritten(rewrites: tuple[UrlRewrite, ...], src_url: str, tgt_url: str, source_lang: str,
              lang: str) -> bool:
    """Does a configured rewrite map the source URL to the translation's?"""
    return any(rule.matches(src_url, tgt_url, source_lang, lang) for rule in rewrites)
