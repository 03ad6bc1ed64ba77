"""Helpers every reporter shares, so that formats agree on identity, paths and order."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator

from l10ncheck.diagnostics import Diagnostic, Report, Severity

# Positions quoted in messages ("(en:13)", "ru:16:6", "line 13") move whenever lines are
# added above them; dropping their digits keeps a fingerprint stable across such shifts.
_POSITION_DIGITS = re.compile(r"(?<=:)\d+|(?<=\bline )\d+")

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def fingerprint(d: Diagnostic) -> str:
    """A 16-hex id of a finding that survives line shifts.

    Built from path, rule, structural anchor and the position-free message, never from
    line or column numbers, so baselines, SARIF alerts and GitLab issues keep their
    identity when text is inserted above the finding.
    """
    message = _POSITION_DIGITS.sub("", d.message)
    data = "\0".join((posix_path(d.path), d.code, d.anchor, message))
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def unique_fingerprints(diagnostics: Iterable[Diagnostic]) -> list[str]:
    """Fingerprints made unique within one run, in the given order.

    Two identical findings at different lines share a :func:`fingerprint`; GitLab and
    GitHub would merge them into one issue, so the n-th repeat gets a salted id instead.
    """
    seen: dict[str, int] = {}
    out = []
    for d in diagnostics:
        base = fingerprint(d)
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.append(base if n == 0 else hashlib.sha256(f"{base}\0{n}".encode()).hexdigest()[:16])
    return out


def posix_path(path: str) -> str:
    """The path with forward slashes and no leading "./", as CI services expect."""
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def lang_key(report: Report) -> Callable[[str], tuple[bool, str]]:
    """Sort key for languages: the source language first, then the others by code."""
    return lambda lang: (lang != report.source_lang, lang)


def documents(report: Report) -> Iterator[tuple[str, str, str]]:
    """(article, lang, path) of every checked document and of every document with findings.

    Ordered by article slug, then source language first; a document that only appears in
    a finding (say a missing translation) still gets its place.
    """
    paths = {(a.slug, doc.lang): doc.path for a in report.articles for doc in a.documents}
    for d in report.diagnostics:
        paths.setdefault((d.article, d.lang), d.path)
    key = lang_key(report)
    for article, lang in sorted(paths, key=lambda al: (al[0], key(al[1]))):
        yield article, lang, paths[article, lang]


def plural(n: int, word: str) -> str:
    """ "1 error", "2 errors": summaries read as sentences."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary(report: Report) -> str:
    """The one-line verdict shared by the human formats."""
    scope = f"{plural(len(report.articles), 'article')}, {plural(report.documents, 'document')}"
    if not report.diagnostics:
        return f"No drift found in {scope}."
    counts = report.counts_by_severity()
    by_severity = ", ".join(plural(counts[s.value], s.value) for s in SEVERITIES)
    return f"{plural(len(report.diagnostics), 'finding')} ({by_severity}) in {scope}"


def with_suggestion(d: Diagnostic, sep: str = "\n") -> str:
    """The message, followed by the suggested fix where the rule offers one."""
    return d.message if d.suggestion is None else f"{d.message}{sep}→ {d.suggestion}"


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(text: str) -> str:
    """Control characters (ESC and friends) as visible escapes: file text never drives a
    terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
