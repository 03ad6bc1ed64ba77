"""Settings: defaults, then ``l10ncheck.toml`` or ``[tool.l10ncheck]``, then command-line options.

A mistyped setting must never be silently ignored (a linter that quietly checks less is
worse than one that stops), so every key, type and value is validated and a bad one is
reported as ``<file>:<line>: <what is wrong>``, the way compilers report errors.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any, Protocol, cast

from l10ncheck.diagnostics import Category, Severity
from l10ncheck.discovery import LAYOUTS
from l10ncheck.frontmatter import IDENTICAL_KEYS
from l10ncheck.languages import is_lang_code, normalize_lang
from l10ncheck.reporters import FORMATS as REPORTERS
from l10ncheck.urls import RewriteError, UrlRewrite, compile_pattern

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

__all__ = [
    "CONFIG_FILE",
    "FAIL_LEVELS",
    "FORMATS",
    "Config",
    "ConfigError",
    "RuleLike",
    "find_config",
    "ignored_codes",
    "load_config",
    "load_config_file",
    "resolve_severity",
    "select_rules",
]

CONFIG_FILE = "l10ncheck.toml"
FAIL_LEVELS = ("error", "warning", "info", "never")
FORMATS = tuple(sorted(REPORTERS))
SEVERITIES = tuple(s.value for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))


@dataclass(frozen=True)
class Config:
    """Everything a run can be told; ``config_path`` says where it came from (None: defaults)."""

    source_lang: str = "en"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_level: str = "warning"
    format: str = "text"
    layout: str = "auto"
    glossary: str | None = None
    severity: tuple[tuple[str, str], ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    per_language_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    baseline: str | None = None
    front_matter_keys: tuple[str, ...] = IDENTICAL_KEYS
    fallback_langs: tuple[str, ...] = ()
    url_rewrite: tuple[UrlRewrite, ...] = ()  # how source URLs map to localized ones
    pattern: str | None = None  # custom layout: translations, e.g. "content/{lang}/{path}.md"
    source_pattern: str | None = None  # and the source, e.g. "docs/{path}.md"
    config_path: str | None = None


class ConfigError(Exception):
    """A setting that cannot be used; ``str()`` is one line, ``<file>:<line>: <problem>``."""

    def __str__(self) -> str:  # one line even if a quoted TOML key holds a newline
        return " ".join(super().__str__().splitlines())


class RuleLike(Protocol):
    """What selection needs from a rule (a Rule class, a RuleInfo, ...)."""

    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def category(self) -> Category: ...


_KEYS = {f.name.replace("_", "-"): f.name for f in fields(Config) if f.name != "config_path"}
# Our table's header, even when broken ("[tool.l10ncheck" without its bracket).
_TABLE = re.compile(r"^\s*\[\s*tool\s*\.\s*l10ncheck\b", re.MULTILINE)
_HEADER = re.compile(r"^\s*\[")


# --------------------------------------------------------------------------------------
# Finding and reading the file.


def find_config(start: str) -> str | None:
    """The nearest ``l10ncheck.toml``, or ``pyproject.toml`` with ``[tool.l10ncheck]``.

    Walks up from ``start`` (a file or directory) to the file-system root, so running from a
    sub-folder finds the project's settings. A ``pyproject.toml`` without the table belongs
    to some other tool and does not stop the walk.
    """
    directory = os.path.abspath(start)
    if not os.path.isdir(directory):
        directory = os.path.dirname(directory)
    while True:
        candidate = os.path.join(directory, CONFIG_FILE)
        if os.path.isfile(candidate):
            return _shown(candidate)
        candidate = os.path.join(directory, "pyproject.toml")
        if os.path.isfile(candidate) and _has_table(candidate):
            return _shown(candidate)
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _shown(path: str) -> str:
    """A path as the user would write it: relative when under the working directory."""
    try:
        relative = os.path.relpath(path, os.getcwd())
    except ValueError:  # another drive (Windows)
        return path
    return path if relative == ".." or relative.startswith(".." + os.sep) else relative


def _has_table(pyproject: str) -> bool:
    try:
        with open(pyproject, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return False
    if "l10ncheck" not in text:
        return False
    try:
        tool = tomllib.loads(text).get("tool")
    except tomllib.TOMLDecodeError:
        return _TABLE.search(text) is not None  # broken, but ours: report it, do not skip it
    return isinstance(tool, dict) and "l10ncheck" in tool


def load_config(start: str, overrides: Mapping[str, object] | None = None) -> Config:
    """Settings for checking ``start``: the nearest config file, then ``overrides`` on top.

    ``overrides`` come from the command line, keyed by field name (``fail_level``) or TOML key
    (``fail-level``); None values mean "not given" and leave the file's value alone.
    """
    path = find_config(start)
    config = load_config_file(path) if path is not None else Config()
    return _apply_overrides(config, overrides or {})


def load_config_file(path: str, overrides: Mapping[str, object] | None = None) -> Config:
    """Settings from one named file (``--config``), then ``overrides`` on top."""
    try:
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8")
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raw = open(path, "rb").read()
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise ConfigError(f"{path}:{line}:{column}: not valid UTF-8 (byte 0x{raw[error.start]:02x})") from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _toml_error(path, error) from None
    except RecursionError:
        raise ConfigError(f"{path}:1:1: nested too deeply to read") from None
    in_pyproject = os.path.basename(path) == "pyproject.toml"
    tool = document.get("tool", {})
    table = (
        (tool.get("l10ncheck", {}) if isinstance(tool, dict) else None)
        if in_pyproject
        else document
    )
    where = _Where(path, text, ("tool", "l10ncheck") if in_pyproject else ())
    if not isinstance(table, dict):
        raise where.error("l10ncheck", "[tool.l10ncheck] must be a table")
    config = _from_table(table, where)
    return _apply_overrides(replace(config, config_path=path), overrides or {})


def _toml_error(path: str, error: tomllib.TOMLDecodeError) -> ConfigError:
    """Reuse the parser's position: ``f:3: invalid TOML: Expected '=' ... (column 5)``."""
    message = str(error).splitlines()[0] if str(error) else "cannot parse"
    match = re.search(r"\s*\(at line (\d+), column (\d+)\)", message)
    problem = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
    if match is None:
        return ConfigError(f"{path}: invalid TOML: {problem}")
    return ConfigError(f"{path}:{match[1]}: invalid TOML: {problem} (column {match[2]})")


# --------------------------------------------------------------------------------------
# Validation.


@dataclass(frozen=True)
class _Where:
    """A config file's text, to point errors at the line of the offending key."""

    path: str
    text: str
    table: tuple[str, ...]

    def line_of(self, key: str, subtable: str | None = None) -> int | None:
        lines = self.text.splitlines()
        header = self.table + ((subtable,) if subtable else ())
        start = 0
        if header:
            pattern = re.compile(r"^\s*\[\s*" + r"\s*\.\s*".join(map(re.escape, header)) + r"\s*\]")
            found = next((i for i, line in enumerate(lines) if pattern.match(line)), None)
            if found is None and subtable:  # an inline table: `severity = { L204 = "error" }`
                return self.line_of(subtable) or self.line_of(key)
            start = 0 if found is None else found + 1
        end = next((i for i in range(start, len(lines)) if _HEADER.match(lines[i])), len(lines))
        key_pattern = re.compile(r"""^\s*(["']?)""" + re.escape(key) + r"""\1\s*=""")
        for i in range(start, end):
            if key_pattern.match(lines[i]):
                return i + 1
        return next((i + 1 for i, line in enumerate(lines) if key in line), None)

    def line_of_item(self, key: str, number: int, entry_key: str | None) -> int | None:
        """The line of ``entry_key`` in the ``number``-th ``[[key]]`` table (1-based), or of
        that table's header; the array's own line when it is written inline."""
        lines = self.text.splitlines()
        header = re.compile(r"^\s*\[\[\s*" + r"\s*\.\s*".join(map(re.escape, self.table + (key,))) + r"\s*\]\]")
        starts = [i for i, line in enumerate(lines) if header.match(line)]
        if len(starts) < number:
            return self.line_of(key)
        start = starts[number - 1]
        end = next((i for i in range(start + 1, len(lines)) if _HEADER.match(lines[i])), len(lines))
        if entry_key is not None:
            key_pattern = re.compile(r"""^\s*(["']?)""" + re.escape(entry_key) + r"""\1\s*=""")
            for i in range(start + 1, end):
                if key_pattern.match(lines[i]):
                    return i + 1
        return start + 1

    def error(self, key: str, problem: str, subtable: str | None = None) -> ConfigError:
        line = self.line_of(key, subtable)
        return ConfigError(f"{self.path}:{line}: {problem}" if line else f"{self.path}: {problem}")


class _Invalid(ValueError):
    """A bad value, before we know whether it came from a file or the command line.

    ``entry`` names the offending key inside a table setting (a pattern of
    ``per-file-ignores``), so the error can point at that line rather than the table's.
    """

    def __init__(self, message: str, entry: str | None = None,
                 item: tuple[int, str | None] | None = None):
        super().__init__(message)
        self.entry = entry
        self.item = item  # (number of the [[table]] from 1, key in it) in an array of tables


def _describe(value: object) -> str:
    kinds = {
        bool: "boolean",
        int: "integer",
        float: "number",
        str: "string",
        list: "array",
        dict: "table",
    }
    kind = kinds.get(type(value), type(value).__name__)
    return f"{kind} {value!r}" if isinstance(value, (bool, int, float, str)) else kind


def _choice(key: str, value: object, choices: Sequence[str]) -> str:
    if not isinstance(value, str):
        raise _Invalid(f"{key} must be a string (got {_describe(value)})")
    if value.strip().lower() not in choices:
        raise _Invalid(f"{key} must be one of {', '.join(choices)} (got {value!r})")
    return value.strip().lower()


def _strings(key: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise _Invalid(f"{key} must be a list of strings (got {_describe(value)})")
    if any(not v.strip() for v in value):
        raise _Invalid(f"{key} must not contain empty strings")
    return tuple(v.strip() for v in value)


def _ignores(key: str, value: object) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``per-file-ignores`` (glob -> rules) or ``per-language-ignores`` (language -> rules).

    Every rule selector must name a rule: an ignore that ignores nothing is a typo.
    """
    what = "glob pattern" if key == "per-file-ignores" else "language"
    pairs = value.items() if isinstance(value, Mapping) else value
    if not isinstance(pairs, Iterable) or isinstance(pairs, str):
        raise _Invalid(f"{key} must be a table of {what} = [rules] (got {_describe(value)})")
    rules = _known_rules()
    result: dict[str, tuple[str, ...]] = {}
    for pair in pairs:
        if not (isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], str)):
            raise _Invalid(f"{key} must be a table of {what} = [rules] (got {_describe(value)})")
        entry, selectors = pair
        name = f"{key}.{entry!r}" if key == "per-file-ignores" else f"{key}.{entry}"
        try:
            if key == "per-file-ignores":
                if not entry.strip():
                    raise _Invalid(f"{key} must not have an empty pattern")
                target = entry.strip()
            else:
                if not is_lang_code(entry.strip()):
                    raise _Invalid(f"{name}: {entry!r} is not a language code such as 'ru' or 'pt-BR'")
                target = normalize_lang(entry)
            codes = _strings(name, selectors)
            unknown = [c for c in codes if not _matching(rules, c)]
            if unknown:
                raise _Invalid(f"{name}: unknown rule or category: {', '.join(unknown)}")
        except _Invalid as error:
            raise _Invalid(str(error), entry) from None
        result[target] = result.get(target, ()) + codes
    return tuple(result.items())


_REWRITE_KEYS = ("source", "target", "langs")


def _rewrites(key: str, value: object) -> tuple[UrlRewrite, ...]:
    """``[[url-rewrite]]`` tables: ``source`` and ``target`` URL patterns, optional ``langs``."""
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, Mapping) for v in value):
        raise _Invalid(f"{key} must be a list of tables with source and target, written"
                       f" [[{key}]] (got {_describe(value)})")
    result = []
    for number, entry in enumerate(value, 1):
        name = f"{key} #{number}"
        for part in entry:
            if part not in _REWRITE_KEYS:
                hint = (f"; a setting written below [[{key}]] belongs to that table: move it above"
                        if part in _KEYS else "")
                raise _Invalid(f"{name}: unknown key {part!r} (expected one of: {', '.join(_REWRITE_KEYS)}){hint}",
                               item=(number, part))
        patterns = []
        for part in ("source", "target"):
            pattern = entry.get(part)
            if pattern is None:
                raise _Invalid(f"{name} has no {part} (both source and target are needed)",
                               item=(number, None))
            if not isinstance(pattern, str) or not pattern.strip():
                raise _Invalid(f"{name}: {part} must be a URL pattern such as"
                               f" 'https://docs.example.com/{{lang}}/{{path}}' (got {_describe(pattern)})",
                               item=(number, part))
            try:
                compile_pattern(pattern.strip())
            except RewriteError as error:
                raise _Invalid(f"{name}: {part} {pattern.strip()!r}: {error}", item=(number, part)) from None
            patterns.append(pattern.strip())
        langs: tuple[str, ...] = ()
        if "langs" in entry:
            try:
                langs = _strings(f"{name}: langs", entry["langs"])
            except _Invalid as error:
                raise _Invalid(str(error), item=(number, "langs")) from None
            bad = [code for code in langs if not is_lang_code(code)]
            if bad:
                raise _Invalid(f"{name}: langs: {bad[0]!r} is not a language code such as 'ja' or 'pt-BR'",
                               item=(number, "langs"))
        result.append(UrlRewrite(patterns[0], patterns[1], tuple(normalize_lang(c) for c in langs)))
    return tuple(result)


def _known_rules() -> tuple[RuleLike, ...]:
    # Imported when a setting names rules, not at the top: most runs never need it here.
    from l10ncheck.rules import ALL_RULES

    return ALL_RULES


def _validate(key: str, value: object) -> object:
    """The normalized value of one setting; raises _Invalid naming the TOML key."""
    if key == "source-lang":
        if not isinstance(value, str) or not is_lang_code(value.strip()):
            raise _Invalid(
                f"source-lang must be a language code such as 'en' (got {_describe(value)})"
            )
        return normalize_lang(value)
    if key in ("select", "ignore"):
        selectors = _strings(key, value)
        try:  # a mistyped rule is reported where it is written
            select_rules(_known_rules(), selectors, ())
        except ConfigError as exc:
            raise _Invalid(str(exc)) from None
        return selectors
    if key == "front-matter-keys":
        return _strings(key, value)
    if key == "fallback-langs":
        return tuple(normalize_lang(v) for v in _strings(key, value))
    if key == "fail-level":
        return _choice(key, value, FAIL_LEVELS)
    if key == "format":
        return _choice(key, value, FORMATS)
    if key == "layout":
        return _choice(key, value, LAYOUTS)
    if key in ("pattern", "source-pattern"):
        if not isinstance(value, str) or "{path}" not in value:
            raise _Invalid(f"{key} must be a path pattern with {{path}}, like 'content/{{lang}}/{{path}}.md'"
                           f" (got {_describe(value)})")
        return value.strip()
    if key in ("glossary", "baseline"):
        if not isinstance(value, str) or not value.strip():
            raise _Invalid(f"{key} must be a path (got {_describe(value)})")
        return value.strip()
    if key in ("per-file-ignores", "per-language-ignores"):
        return _ignores(key, value)
    if key == "url-rewrite":
        return _rewrites(key, value)
    if key == "severity":
        pairs = value.items() if isinstance(value, Mapping) else value
        if not isinstance(pairs, Iterable) or isinstance(pairs, str):
            raise _Invalid(f"severity must be a table of rule = level (got {_describe(value)})")
        result = []
        known = {r.code.lower() for r in _known_rules()} | {r.name.lower() for r in _known_rules()}
        for pair in pairs:
            if not (isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], str)):
                raise _Invalid(f"severity must be a table of rule = level (got {_describe(value)})")
            if pair[0].strip().lower() not in known:
                raise _Invalid(f"severity: unknown rule {pair[0]!r}", entry=pair[0])
            result.append((pair[0].strip(), _choice(f"severity.{pair[0]}", pair[1], SEVERITIES)))
        return tuple(result)
    raise _Invalid(f"unknown setting {key!r} (expected one of: {', '.join(_KEYS)})")


def _from_table(table: Mapping[str, object], where: _Where) -> Config:
    values: dict[str, Any] = {}  # field name -> validated value
    for key, value in table.items():
        if key not in _KEYS:
            section = "[tool.l10ncheck]" if where.table else where.path
            raise where.error(
                key,
                f"unknown setting {key!r} in {section} (expected one of: {', '.join(_KEYS)})",
            )
        if key == "severity" and isinstance(value, dict):
            for rule, level in value.items():  # point at the bad entry, not the table
                try:
                    _choice(f"severity.{rule}", level, SEVERITIES)
                except _Invalid as error:
                    raise where.error(rule, str(error), subtable="severity") from None
        try:
            values[_KEYS[key]] = _validate(key, value)
        except _Invalid as error:
            if error.item is not None:
                line = where.line_of_item(key, *error.item)
                raise ConfigError(f"{where.path}:{line}: {error}" if line else f"{where.path}: {error}") from None
            if error.entry is None:
                raise where.error(key, str(error)) from None
            raise where.error(error.entry, str(error), subtable=key) from None
    for key in ("glossary", "baseline"):  # relative to the file, so it works from any directory
        path = values.get(key)
        if isinstance(path, str):
            values[key] = os.path.normpath(os.path.join(os.path.dirname(where.path), path))
    return replace(Config(), **values)


def _apply_overrides(config: Config, overrides: Mapping[str, object]) -> Config:
    changes: dict[str, Any] = {}  # field name -> validated value
    for raw_key, value in overrides.items():
        if value is None:
            continue
        key = raw_key.replace("_", "-")
        if key not in _KEYS:
            raise ConfigError(f"unknown option: {raw_key}")
        if key in ("select", "ignore") and isinstance(value, str):  # "--select L2,link"
            value = [part for part in value.split(",") if part.strip()]
        try:
            normalized = _validate(key, value)
        except _Invalid as error:
            raise ConfigError(f"option {error}") from None
        if key == "severity":  # merged, so a command-line override keeps the file's others
            merged = dict(config.severity)
            merged.update(cast("tuple[tuple[str, str], ...]", normalized))
            normalized = tuple(merged.items())
        changes[_KEYS[key]] = normalized
    return replace(config, **changes)


# --------------------------------------------------------------------------------------
# Rule selection.


def _matching(rules: Sequence[RuleLike], selector: str) -> list[RuleLike]:
    """Rules a selector names: a code, a name, a category, or a code prefix (``L2``)."""
    wanted = selector.strip().lower()
    return [
        rule
        for rule in rules
        if wanted in (rule.name.lower(), rule.category.value.lower())
        or rule.code.lower().startswith(wanted)
    ]


def select_rules(
    rules: Iterable[RuleLike],
    select: Sequence[str],
    ignore: Sequence[str],
    *,
    origin: str | None = None,
) -> frozenset[str]:
    """Codes of the rules to run: ``select`` (empty: all) minus ``ignore``.

    An unknown selector is an error rather than a no-op: ``ignore = ["L240"]`` for a rule that
    does not exist would otherwise silently ignore nothing. ``origin`` (the config file)
    prefixes the message.
    """
    known = list(rules)
    chosen = {rule.code for rule in known} if not select else set()
    for selectors, add in ((select, True), (ignore, False)):
        for selector in selectors:
            matched = _matching(known, selector)
            if not matched:
                prefix = f"{origin}: " if origin else ""
                raise ConfigError(f"{prefix}unknown rule or category: {selector}")
            codes = {rule.code for rule in matched}
            chosen = chosen | codes if add else chosen - codes
    return frozenset(chosen)


def ignored_codes(config: Config, rules: Iterable[RuleLike]) -> Callable[[str, str], frozenset[str]]:
    """A function ``(path, lang) -> codes`` that ``per-file-ignores`` and
    ``per-language-ignores`` turn off for that file.

    Patterns are globs relative to the config file's folder (the working directory when
    there is none), with ``/`` as separator: ``*`` and ``?`` stay inside one folder, ``**``
    crosses folders, a pattern naming a folder covers everything under it, and a pattern
    without ``/`` matches at any depth (``ru.md``, ``legacy``), as in ``.gitignore``.
    """
    known = list(rules)
    root = os.path.dirname(os.path.abspath(config.config_path)) if config.config_path else os.getcwd()

    def codes(selectors: Sequence[str]) -> frozenset[str]:
        return frozenset(rule.code for s in selectors for rule in _matching(known, s))

    by_pattern = [
        (_glob(pattern if "/" in pattern.strip().strip("/") else "**/" + pattern.strip()), codes(selectors))
        for pattern, selectors in config.per_file_ignores
    ]
    by_lang = {normalize_lang(lang): codes(selectors) for lang, selectors in config.per_language_ignores}
    cache: dict[tuple[str, str], frozenset[str]] = {}

    def ignored(path: str, lang: str) -> frozenset[str]:
        key = (path, lang)
        if key not in cache:
            found = set(by_lang.get(normalize_lang(lang), ()))
            if by_pattern:
                relative = os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")
                for regex, pattern_codes in by_pattern:
                    if regex.match(relative):
                        found |= pattern_codes
            cache[key] = frozenset(found)
        return cache[key]

    return ignored


def _glob(pattern: str) -> re.Pattern[str]:
    """A glob as a regex over posix paths (see :func:`ignored_codes`)."""
    pattern = pattern.strip().replace("\\", "/")
    while pattern.startswith("./"):
        pattern = pattern[2:]
    pattern = pattern.rstrip("/") or "**"
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "[" and "]" in pattern[i + 2 :]:  # [abc], [!abc]; "[]" is literal
            end = pattern.index("]", i + 2)
            body = pattern[i + 1 : end]
            negate = body.startswith("!")
            body = re.sub(r"([\\^\[])", r"\\\1", body[1:] if negate else body)
            out.append(("[^" if negate else "[") + body + "]")
            i = end + 1
        else:
            out.append({"*": "[^/]*", "?": "[^/]"}.get(pattern[i]) or re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"(?:/.*)?\Z")


def resolve_severity(rules: Iterable[RuleLike], config: Config) -> dict[str, Severity]:
    """Rule code -> overridden severity; later entries win, selectors as in select_rules."""
    known = list(rules)
    result: dict[str, Severity] = {}
    for selector, level in config.severity:
        matched = _matching(known, selector)
        if not matched:
            prefix = f"{config.config_path}: " if config.config_path else ""
            raise ConfigError(f"{prefix}unknown rule or category in severity: {selector}")
        result.update((rule.code, Severity(level)) for rule in matched)
    return result
