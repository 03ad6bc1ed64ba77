"""A baseline: the findings a team has accepted, kept in git, so only new drift fails a run.

Each accepted finding is keyed by its file (relative to the baseline file's folder, with
``/``), its rule and its structural fingerprint (:func:`l10ncheck.reporters.fingerprint`:
section and element, rule and message without positions, never line numbers), so the
baseline survives edits elsewhere in the file. Identical findings (same key) are counted:
a baseline holding one does not hide a second.

The file is pretty, sorted JSON, so a review shows exactly which findings were accepted:

```json
{
  "version": 1,
  "tool": "l10ncheck",
  "findings": [
    {"path": "articles/guide/ru.md", "rule": "T401", "name": "missing-term",
     "fingerprint": "9bd295729a3598fb", "message": "term \\"BNB Smart Chain\\" (en:13) renamed …"}
  ]
}
```

``name`` and ``message`` are for the reader; matching uses ``path``, ``rule`` and
``fingerprint`` only.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from l10ncheck.diagnostics import Diagnostic, Report
from l10ncheck.reporters import fingerprint
from l10ncheck.reporters._common import posix_path

VERSION = 1

Key = tuple[str, str, str]  # (path relative to the baseline's folder, rule code, fingerprint)


class BaselineError(Exception):
    """A baseline file that cannot be used; ``str()`` is one line naming the file."""


@dataclass(frozen=True)
class Entry:
    path: str
    rule: str
    fingerprint: str
    name: str = ""
    message: str = ""

    @property
    def key(self) -> Key:
        return (self.path, self.rule, self.fingerprint)


@dataclass(frozen=True)
class Baseline:
    """The accepted findings of one baseline file; ``root`` is the folder paths are relative to."""

    root: str
    entries: tuple[Entry, ...] = ()

    def key(self, d: Diagnostic) -> Key:
        path = relative(d.path, self.root)
        return (path, d.code, fingerprint(replace(d, location=replace(d.location, path=path))))


@dataclass(frozen=True)
class Outcome:
    """A report without its baselined findings, and what the baseline did."""

    report: Report
    baselined: int  # findings hidden because the baseline accepts them
    fixed: int  # baseline entries in the checked files and rules that no longer occur


def relative(path: str, root: str) -> str:
    """``path`` relative to ``root``, with ``/``: the same on every machine and OS."""
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    except ValueError:  # another drive (Windows): keep it as given
        rel = path
    return posix_path(rel.replace(os.sep, "/"))


def load(path: str) -> Baseline:
    """Read a baseline file; a missing, unreadable or malformed one is a BaselineError."""
    root = os.path.dirname(path) or "."
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise BaselineError(
            f"baseline file not found: {path} (create it with --update-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise BaselineError(f"{path}: cannot read baseline: {reason}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}:{exc.lineno}: invalid JSON: {exc.msg} (column {exc.colno})") from None
    return Baseline(root, _entries(data, path))


def _entries(data: Any, path: str) -> tuple[Entry, ...]:
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not an l10ncheck baseline (no \"findings\" list)")
    if data.get("version") != VERSION:
        raise BaselineError(
            f"{path}: baseline version {data.get('version')!r} is not supported (expected {VERSION})")
    entries = []
    for number, item in enumerate(data["findings"], 1):
        fields = ("path", "rule", "fingerprint")
        if not isinstance(item, dict) or not all(isinstance(item.get(f), str) for f in fields):
            raise BaselineError(
                f"{path}: finding {number} needs string \"path\", \"rule\" and \"fingerprint\"")
        entries.append(Entry(posix_path(item["path"]), item["rule"], item["fingerprint"],
                             str(item.get("name", "")), str(item.get("message", ""))))
    return tuple(entries)


def apply(report: Report, baseline: Baseline) -> Outcome:
    """Drop the findings the baseline accepts (each entry accepts one finding)."""
    left = Counter(e.key for e in baseline.entries)
    kept = []
    for d in report.diagnostics:
        key = baseline.key(d)
        if left[key] > 0:
            left[key] -= 1
        else:
            kept.append(d)
    in_scope = _scope(report, baseline.root)
    fixed = sum(n for key, n in left.items() if n > 0 and in_scope(key))
    return Outcome(replace(report, diagnostics=tuple(kept)),
                   len(report.diagnostics) - len(kept), fixed)


def _scope(report: Report, root: str) -> Callable[[Key], bool]:
    """Whether a baseline key belongs to what this run checked (its files and its rules):
    entries outside it are neither fixed nor dropped."""
    paths = {relative(doc.path, root) for a in report.articles for doc in a.documents}
    paths |= {relative(d.path, root) for d in report.diagnostics}
    rules = {r.code for r in report.rules}
    return lambda key: key[0] in paths and key[1] in rules


def update(report: Report, previous: Baseline) -> Baseline:
    """The new baseline: the findings of ``report``, plus the previous entries for files or
    rules this run did not check (checking one article must not forget the others); fixed
    findings are dropped. ``previous`` may be empty (``Baseline(root)``)."""
    in_scope = _scope(report, previous.root)
    kept = [e for e in previous.entries if not in_scope(e.key)]
    current = [Entry(*previous.key(d), d.name, d.message) for d in report.diagnostics]
    return Baseline(previous.root, tuple(sorted(kept + current, key=_order)))


def _order(e: Entry) -> tuple[str, str, str, str]:
    return (e.path, e.rule, e.fingerprint, e.message)


def dumps(baseline: Baseline) -> str:
    """Deterministic, pretty JSON (sorted entries, fixed key order, final newline)."""
    findings = [
        {"path": e.path, "rule": e.rule, "name": e.name, "fingerprint": e.fingerprint,
         "message": e.message}
        for e in sorted(baseline.entries, key=_order)
    ]
    data = {"version": VERSION, "tool": "l10ncheck", "findings": findings}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
