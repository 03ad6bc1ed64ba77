"""Command line: options in, one api call, reporters, an exit code.

One run writes the ``--format`` report to standard output (or ``--output``), any number of
``--report FORMAT=PATH`` files, and ``--statistics``; ``--baseline`` hides accepted findings
from all of them and from the exit code.

``--fix`` repairs the fixable findings in the translations (see ``fixes``), says on standard
error how many it fixed in each file, checks again and reports what remains. ``--diff``
prints those fixes as a unified diff instead and writes nothing.

Exit codes: 0 no finding at or above the fail level, 1 drift found, 2 usage, configuration
or internal error (one line on standard error, never a traceback). After ``--fix`` they
describe what remains. With ``--diff``: 0 nothing to fix, 1 there are fixes, 2 error.
"""

from __future__ import annotations

import json
import os
import sys
import textwrap
import time
from collections.abc import Sequence
from typing import Any, Callable

import click

from l10ncheck import __version__, baseline, cache, fixes
from l10ncheck.cache import CACHE_DIR
from l10ncheck.api import active_rules, check
from l10ncheck.baseline import Baseline, BaselineError, Outcome
from l10ncheck.config import FAIL_LEVELS, Config, ConfigError, load_config, load_config_file
from l10ncheck.diagnostics import Report, Severity
from l10ncheck.discovery import DiscoveryError
from l10ncheck.reporters import FORMATS, get_reporter
from l10ncheck.reporters._common import plural
from l10ncheck.reporters.github import step_summary

EXIT_OK, EXIT_DRIFT, EXIT_ERROR = 0, 1, 2
DEFAULT_PATH = "articles/"
# Formats for browsers, not terminals: written to a file even without --output/=PATH.
DEFAULT_REPORT_PATHS = {"html": "reports/l10ncheck.html"}
# --fix checks again after fixing; a fix that only became possible after another (two
# overlapping fixes) gets its turn in the next pass, so one --fix leaves nothing to a second.
MAX_FIX_PASSES = 4


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
@click.option("--report", "reports", multiple=True, metavar="FORMAT=PATH", help="Also write a report in FORMAT to PATH (repeatable), e.g. sarif=reports/drift.sarif.")
@click.option("--statistics", is_flag=True, help="Print counts per rule and per article and language after the report.")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False, path_type=str), help="Accepted findings (JSON): they are not reported and do not fail the run.")
@click.option("--update-baseline", is_flag=True, help="Write the current findings to the --baseline file (dropping fixed ones).")
@click.option("--layout", help="Force a layout instead of detecting it (article-dir, lang-dir, lang-suffix, ...).")
@click.option("--glossary", type=click.Path(path_type=str), help="Glossary of protected and forbidden terms (TOML, CSV/TSV or TBX).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=str), help="Use this config file instead of searching for one.")
@click.option("--color/--no-color", default=None, help="Colour the text report (default: only on a terminal).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None, help="Worker processes (default: one per core; 0 or 1: none). The output is the same whatever the number.")
@click.option("--changed-since", metavar="REF", help="Check only the articles with a file changed since the git REF (each whole article group).")
@click.option("--stale", is_flag=True, help="Also report translations whose source changed after them in git history (F705).")
@click.option("--no-cache", is_flag=True, help=f"Do not read or write the result cache ({CACHE_DIR}/ beside the config file).")
@click.option("--verbose", "-v", is_flag=True, help="Say on standard error which layout was detected and what was found.")
@click.option("--fix", is_flag=True, help="Repair what is mechanical in the translations (links split inside a word, punctuation in link text, provable URL typos), then report what remains.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the fixes --fix would make as a unified diff and write nothing; exit 1 when there are fixes, 0 when none.")
def check_command(paths: tuple[str, ...], source_lang: str | None, select: tuple[str, ...],
                  ignore: tuple[str, ...], fail_level: str | None, format_: str | None,
                  output: str | None, reports: tuple[str, ...], statistics: bool,
                  baseline_file: str | None, update_baseline: bool, layout: str | None,
                  glossary: str | None, config_file: str | None, color: bool | None,
                  jobs: int | None, changed_since: str | None, stale: bool,
                  no_cache: bool, fix: bool, show_diff: bool, verbose: bool) -> None:
    """Check PATH... (default: articles/) and report drift."""
    targets = list(paths) or [DEFAULT_PATH]
    fix_failed = False
    try:
        if show_diff and (output or reports or statistics or update_baseline):
            raise ConfigError("--diff prints only the diff: it cannot be combined with --output,"
                              " --report, --statistics or --update-baseline")
        config = _config(targets, config_file, {
            "source_lang": source_lang, "select": _split(select) or None,
            "ignore": _split(ignore) or None, "fail_level": fail_level, "format": format_,
            "layout": layout, "glossary": glossary, "baseline": baseline_file,
        })
        fmt = config.format if config.format in FORMATS else "text"
        output = output or DEFAULT_REPORT_PATHS.get(fmt)
        extra = _report_targets(reports, output)
        if update_baseline and not config.baseline:
            raise ConfigError("--update-baseline needs --baseline FILE (or baseline in the config)")
        accepted = _load_baseline(config.baseline, missing_ok=update_baseline)
        for path in targets:
            if not os.path.lexists(path):
                raise DiscoveryError(f"path not found: {path}")
        def run_check() -> Report:
            progress = _Progress() if sys.stderr.isatty() else None
            try:
                return check(targets, config, views="html" in (fmt, *(f for f, _ in extra)) and not show_diff,
                             jobs=jobs, cache_dir=None if no_cache else _cache_dir(config),
                             progress=progress, changed_since=changed_since, stale=stale)
            finally:
                if progress is not None:
                    progress.close()

        report = run_check()
        if verbose:
            langs = sorted({d.lang for a in report.articles for d in a.documents})
            click.echo(f"l10ncheck: layout: {report.layout or 'none'}; {len(report.articles)} articles,"
                       f" {report.documents} documents, languages: {', '.join(langs) or '-'}", err=True)
            for path, reason in report.skipped:
                click.echo(f"l10ncheck: skipped {path}: {reason}", err=True)
        if show_diff:
            planned = fixes.plan(_visible(report, accepted), targets)
            _emit(fixes.diff(planned), None)
            sys.exit(EXIT_DRIFT if planned else EXIT_OK)
        if fix:
            report, fix_failed = _fix(report, accepted, run_check, targets)
        outcome = None
        if accepted is not None:
            if update_baseline and config.baseline:
                fixed = baseline.apply(report, accepted).fixed
                accepted = _write_baseline(config.baseline, baseline.update(report, accepted), fixed)
            outcome = baseline.apply(report, accepted)
            report = outcome.report
        use_color = color if color is not None else (output is None and sys.stdout.isatty()
                                                     and "NO_COLOR" not in os.environ)
        _emit(_render(fmt, report, outcome, bool(use_color)), output)
        if output is not None and fmt in DEFAULT_REPORT_PATHS:
            click.echo(f"l10ncheck: wrote {output}", err=True)
        for extra_fmt, path in extra:
            _emit(_render(extra_fmt, report, outcome, False), path)
        if statistics and fmt != "statistics":
            # after the report; never inside a machine format that standard output carries
            to_stderr = output is None and fmt != "text"
            click.echo(("" if to_stderr or output else "\n") + get_reporter("statistics")(report),
                       nl=False, err=to_stderr)
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file and "github" in (fmt, *(f for f, _ in extra)):
            with open(summary_file, "a", encoding="utf-8", errors="backslashreplace") as handle:
                handle.write(step_summary(report))
    except (ConfigError, DiscoveryError, BaselineError) as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
    except Exception as exc:  # noqa: BLE001 - the promise is one line, never a traceback
        _fail(f"internal error: {type(exc).__name__}: {exc} (please report this)")
    sys.exit(EXIT_ERROR if fix_failed else exit_code(report, config.fail_level))


def _visible(report: Report, accepted: Baseline | None) -> Report:
    """The findings the run shows: what a baseline accepted is neither shown nor fixed."""
    return baseline.apply(report, accepted).report if accepted is not None else report


def _fix(report: Report, accepted: Baseline | None, run_check: Callable[[], Report],
         targets: Sequence[str]) -> tuple[Report, bool]:
    """Fix, check again, repeat while something was fixed; one line per fixed file on
    standard error. Returns the last report and whether a file could not be written."""
    counts: dict[str, int] = {}
    failed: set[str] = set()
    for _ in range(MAX_FIX_PASSES):
        wrote = False
        for planned in fixes.plan(_visible(report, accepted), targets):
            if planned.path in failed:
                continue
            try:
                fixes.write(planned, report.source_lang)
            except fixes.FixError as exc:
                failed.add(planned.path)
                click.echo(f"l10ncheck: error: cannot fix {planned.path}: {exc}", err=True)
                continue
            except OSError as exc:
                failed.add(planned.path)
                click.echo(f"l10ncheck: error: cannot fix {planned.path}: {exc.strerror or exc}", err=True)
                continue
            counts[planned.path] = counts.get(planned.path, 0) + len(planned.fixed)
            wrote = True
        if not wrote:
            break
        report = run_check()
    for path, count in sorted(counts.items()):
        click.echo(f"fixed {plural(count, 'finding')} in {path}", err=True)
    return report, bool(failed)


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
        fix = "  fixable with --fix" if r.fixable else ""
        click.echo(f"{r.code}  {r.name}  [{r.category.value}, {r.severity.value}]{fix}")
        click.echo(textwrap.fill(r.summary, 96, initial_indent="    ", subsequent_indent="    "))
        if r.why:
            click.echo(textwrap.fill("Why it matters: " + r.why, 96, initial_indent="    ",
                                     subsequent_indent="    "))
        if r.example:
            click.echo("    Example:")
            for line in r.example.splitlines():
                click.echo(f"      {line}")
        click.echo()


@main.command("clean")
@click.argument("path", required=False, default=".", type=click.Path(path_type=str))
def clean_command(path: str) -> None:
    """Remove the result cache (the .l10ncheck_cache folder beside the config file)."""
    try:
        root = _cache_root(load_config(path, {}))
    except ConfigError as exc:
        _fail(str(exc))
    removed = cache.clean(root)
    click.echo(f"removed {os.path.join(root, CACHE_DIR)}" if removed else "no cache to remove")


def _cache_root(config: Config) -> str:
    return os.path.dirname(os.path.abspath(config.config_path)) if config.config_path else os.getcwd()


def _cache_dir(config: Config) -> str:
    return os.path.join(_cache_root(config), CACHE_DIR)


class _Progress:
    """A one-line progress bar on standard error, only for runs long enough to need one."""

    DELAY = 1.0  # seconds before the bar appears

    def __init__(self) -> None:
        self.start = time.monotonic()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if time.monotonic() - self.start < self.DELAY and not self.shown:
            return
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} articles")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def exit_code(report: Report, fail_level: str) -> int:
    if fail_level == "never":
        return EXIT_OK
    threshold = Severity(fail_level).rank
    return EXIT_DRIFT if any(d.severity.rank >= threshold for d in report.diagnostics) else EXIT_OK


def _report_targets(specs: Sequence[str], output: str | None) -> list[tuple[str, str]]:
    """``--report FORMAT=PATH`` values as (format, path); a format with a default file (html)
    may leave out ``=PATH``. Two reports into one file is an error, not a silent overwrite."""
    targets = []
    for spec in specs:
        fmt, sep, path = (part.strip() for part in spec.partition("="))
        if not sep:
            path = DEFAULT_REPORT_PATHS.get(fmt, "")
        if fmt not in FORMATS:
            raise ConfigError(f"--report {spec}: unknown format {fmt!r} (choose one of: {', '.join(sorted(FORMATS))})")
        if not path:
            raise ConfigError(f"--report {spec}: expected FORMAT=PATH, e.g. sarif=reports/drift.sarif")
        targets.append((fmt, path))
    seen = {os.path.abspath(output)} if output else set()
    for _, path in targets:
        if os.path.abspath(path) in seen:
            raise ConfigError(f"--report: two reports would be written to {path}")
        seen.add(os.path.abspath(path))
    return targets


def _render(fmt: str, report: Report, outcome: Outcome | None, color: bool) -> str:
    """One format's text; the text format also says what the baseline hid."""
    rendered = get_reporter(fmt)(report, color=color and fmt == "text")
    if fmt == "text" and outcome is not None:
        rendered += _baseline_note(outcome)
    return rendered


def _baseline_note(outcome: Outcome) -> str:
    lines = []
    if outcome.baselined:
        lines.append(f"{plural(outcome.baselined, 'finding')} accepted by the baseline "
                     "(not shown, not failing the run).")
    if outcome.fixed:
        entries = "1 baseline entry is" if outcome.fixed == 1 else f"{outcome.fixed} baseline entries are"
        lines.append(f"{entries} fixed: run with --update-baseline to drop them.")
    return "".join(line + "\n" for line in lines)


def _load_baseline(path: str | None, *, missing_ok: bool) -> Baseline | None:
    if path is None:
        return None
    if missing_ok and not os.path.lexists(path):
        return Baseline(os.path.dirname(path) or ".")
    return baseline.load(path)


def _write_baseline(path: str, accepted: Baseline, fixed: int) -> Baseline:
    _emit(baseline.dumps(accepted), path)
    dropped = f", {fixed} fixed dropped" if fixed else ""
    click.echo(f"l10ncheck: wrote {path}: {plural(len(accepted.entries), 'accepted finding')}{dropped}",
               err=True)
    return accepted


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
