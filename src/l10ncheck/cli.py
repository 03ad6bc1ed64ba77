"""Command line: options in, one api call, one reporter, an exit code.

Exit codes: 0 no finding at or above the fail level, 1 drift found, 2 usage, configuration
or internal error (one line on standard error, never a traceback).
"""

from __future__ import annotations

import json
import os
import sys
import textwrap
from typing import Any, Sequence

import click

from l10ncheck import __version__
from l10ncheck.api import active_rules, check
from l10ncheck.config import FAIL_LEVELS, Config, ConfigError, load_config, load_config_file
from l10ncheck.diagnostics import Report, Severity
from l10ncheck.discovery import DiscoveryError
from l10ncheck.reporters import FORMATS, get_reporter
from l10ncheck.reporters.github import step_summary

EXIT_OK, EXIT_DRIFT, EXIT_ERROR = 0, 1, 2
DEFAULT_PATH = "articles/"


class _DefaultGroup(click.Group):
    """``l10ncheck PATH...`` runs ``check``; ``l10ncheck rules`` lists the rules."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = ["check", *args]
        return super().parse_args(ctx, args)


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="l10ncheck", message="%(prog)s %(version)s")
def main() -> None:
    """Check localized Markdown articles for drift from their source language."""


@main.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--source-lang", help="Language of the source files (default: en).")
@click.option("--select", multiple=True, help="Rules to run: codes, names or categories (comma-separated).")
@click.option("--ignore", multiple=True, help="Rules to skip: codes, names or categories.")
@click.option("--fail-level", type=click.Choice(FAIL_LEVELS), help="Lowest severity that fails the run (default: warning).")
@click.option("--format", "format_", type=click.Choice(sorted(FORMATS)), help="Output format (default: text).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=str), help="Write the report to FILE instead of standard output.")
@click.option("--layout", help="Force a layout instead of detecting it (article-dir, lang-dir, lang-suffix, ...).")
@click.option("--glossary", type=click.Path(path_type=str), help="Glossary of protected terms (TOML).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=str), help="Use this config file instead of searching for one.")
@click.option("--color/--no-color", default=None, help="Colour the text report (default: only on a terminal).")
def check_command(paths: tuple[str, ...], source_lang: str | None, select: tuple[str, ...],
                  ignore: tuple[str, ...], fail_level: str | None, format_: str | None,
                  output: str | None, layout: str | None, glossary: str | None,
                  config_file: str | None, color: bool | None) -> None:
    """Check PATH... (default: articles/) and report drift."""
    targets = list(paths) or [DEFAULT_PATH]
    try:
        config = _config(targets, config_file, {
            "source_lang": source_lang, "select": _split(select) or None,
            "ignore": _split(ignore) or None, "fail_level": fail_level, "format": format_,
            "layout": layout, "glossary": glossary,
        })
        for path in targets:
            if not os.path.lexists(path):
                raise DiscoveryError(f"path not found: {path}")
        report = check(targets, config)
        fmt = config.format if config.format in FORMATS else "text"
        use_color = color if color is not None else (output is None and sys.stdout.isatty()
                                                     and "NO_COLOR" not in os.environ)
        rendered = get_reporter(fmt)(report, color=bool(use_color) and fmt == "text")
        _emit(rendered, output)
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if fmt == "github" and summary_file:
            with open(summary_file, "a", encoding="utf-8", errors="backslashreplace") as handle:
                handle.write(step_summary(report))
    except (ConfigError, DiscoveryError) as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
    except Exception as exc:  # noqa: BLE001 - the promise is one line, never a traceback
        _fail(f"internal error: {type(exc).__name__}: {exc} (please report this)")
    sys.exit(exit_code(report, config.fail_level))


@main.command("rules")
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text")
def rules_command(format_: str) -> None:
    """List every rule: code, name, category, severity, why it matters and an example."""
    infos = [rule.info() for rule in active_rules(Config())]
    if format_ == "json":
        click.echo(json.dumps([{
            "code": r.code, "name": r.name, "category": r.category.value,
            "severity": r.severity.value, "summary": r.summary, "why": r.why,
            "example": r.example, "fixable": r.fixable,
        } for r in infos], indent=2, ensure_ascii=False))
        return
    for r in infos:
        fix = ", fixable" if r.fixable else ""
        click.echo(f"{r.code}  {r.name}  [{r.category.value}, {r.severity.value}{fix}]")
        click.echo(textwrap.fill(r.summary, 96, initial_indent="    ", subsequent_indent="    "))
        if r.why:
            click.echo(textwrap.fill("Why it matters: " + r.why, 96, initial_indent="    ",
                                     subsequent_indent="    "))
        if r.example:
            click.echo("    Example:")
            for line in r.example.splitlines():
                click.echo(f"      {line}")
        click.echo()


def exit_code(report: Report, fail_level: str) -> int:
    if fail_level == "never":
        return EXIT_OK
    threshold = Severity(fail_level).rank
    return EXIT_DRIFT if any(d.severity.rank >= threshold for d in report.diagnostics) else EXIT_OK


def _config(targets: list[str], config_file: str | None, overrides: dict[str, Any]) -> Config:
    if config_file:
        if not os.path.isfile(config_file):
            raise ConfigError(f"config file not found: {config_file}")
        return load_config_file(config_file, overrides)
    return load_config(targets[0], overrides)


def _emit(text: str, output: str | None) -> None:
    if output is None:
        stream = sys.stdout
        data = text.encode(stream.encoding or "utf-8", errors="backslashreplace") if hasattr(stream, "buffer") else None
        if data is not None:
            stream.flush()
            stream.buffer.write(data)
            stream.buffer.flush()
        else:
            stream.write(text)
        return
    parent = os.path.dirname(output)
    if parent:
        os.makedirs(parent, exist_ok=True)
    with open(output, "w", encoding="utf-8", errors="backslashreplace", newline="") as handle:
        handle.write(text)


def _fail(message: str) -> None:
    click.echo(f"l10ncheck: error: {message}", err=True)
    sys.exit(EXIT_ERROR)
