"""Output formats: one pure ``render(report, *, color=False) -> str`` per module.

Reporters format and never compute: they read a :class:`~l10ncheck.diagnostics.Report`,
do no I/O, read no clock or environment, and return byte-identical text for equal reports.
Only ``text`` uses ``color``; machine formats ignore it.
"""

from __future__ import annotations

from collections.abc import Callable

from l10ncheck.reporters import (
    concise,
    github,
    gitlab,
    html,
    json,
    jsonlines,
    junit,
    sarif,
    statistics,
    text,
)
from l10ncheck.reporters._common import fingerprint

Reporter = Callable[..., str]

FORMATS: dict[str, Reporter] = {
    "text": text.render,
    "concise": concise.render,
    "json": json.render,
    "json-lines": jsonlines.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "gitlab": gitlab.render,
    "html": html.render,
    "statistics": statistics.render,
}


def get_reporter(name: str) -> Reporter:
    """The render function of a format, or a ValueError naming the formats there are."""
    try:
        return FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; choose one of: {', '.join(FORMATS)}") from None


__all__ = ["FORMATS", "Reporter", "fingerprint", "get_reporter"]
