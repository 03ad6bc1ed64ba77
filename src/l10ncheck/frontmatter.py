"""Front matter (YAML ``---`` or TOML ``+++``) read into top-level keys with their lines."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import Any, Mapping

import yaml  # type: ignore[import-untyped]

# libyaml's safe loader when PyYAML was built with it (the same documents, parsed in C,
# about 8 times faster: every page of a Hugo site has front matter), else the Python one.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# Keys whose values must be the same in every language unless configured otherwise: they
# order, identify or route the page, they are not text for readers.
IDENTICAL_KEYS = (
    "weight", "slug", "id", "aliases", "url", "type", "layout", "sidebar_position",
    "draft", "menu_position", "nav_order",
)


@dataclass(frozen=True)
class FrontMatter:
    values: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)
    lines: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False)
    first_line: int = 1
    error: str | None = None


def parse_front_matter(raw: str | None, fmt: str | None, first_line: int) -> FrontMatter | None:
    """Top-level keys of the front matter; an unparsable one keeps its error, never raises."""
    if raw is None:
        return None
    key_line = re.compile(r"^([A-Za-z_][\w.-]*)\s*[:=]", re.M)
    lines = {m.group(1): first_line + raw.count("\n", 0, m.start()) for m in key_line.finditer(raw)}
    try:
        data = tomllib.loads(raw) if fmt == "toml" else yaml.load(raw, Loader=_SAFE_LOADER)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError, RecursionError) as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return FrontMatter({}, lines, first_line, f"front matter does not parse: {message}")
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return FrontMatter({}, lines, first_line, "front matter is not a table of keys")
    return FrontMatter({str(k): v for k, v in data.items()}, lines, first_line)
