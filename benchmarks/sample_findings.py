"""Print a reproducible random sample of l10ncheck's findings on a corpus, for human review.

Each sampled finding is shown with the translation's line (the characters at fault
underlined) and the aligned source line read from the files, so a reviewer can judge
whether it is real drift or a false alarm without opening anything. Used to measure
precision on the shared corpora (see ``benchmarks/accuracy.md``).

    python benchmarks/sample_findings.py ../shared/corpus/opentelemetry --sample 50 --seed 1
    python benchmarks/sample_findings.py ../shared/corpus/tldr/pages.de/common --seed 3
    python benchmarks/sample_findings.py ../shared/corpus/nodejs --severity info --sample 20
    python benchmarks/sample_findings.py --report saved.json --sample 50 --seed 1
    python benchmarks/sample_findings.py ../shared/corpus/nodejs --rule T401 --ignore-rule F7

l10ncheck runs in this process (``l10ncheck.api.check`` with the settings the command line
would find, ``l10ncheck.config.load_config``, and no cache) on the paths given, or the
findings are read from a report written earlier with ``--format json`` (``--report``), so a
sample can be drawn again from exactly the findings that were reviewed. The sample depends
only on the findings and the seed: findings are put in the report's total order (path, line,
column, rule, message), filtered by severity (and ``--rule``, ``--ignore-rule``), then
``random.Random(seed).sample`` picks them; they are printed in that order, numbered, so "#17"
names the same finding on every run.

Run from the repository root (paths in the output are as given on the command line).
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sys
import unicodedata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
SEVERITIES = ("error", "warning", "info")


def run_check(paths: list[str], jobs: int) -> list[dict[str, Any]]:
    """Findings of a fresh in-process run, as the JSON report's finding objects."""
    if str(SRC) not in sys.path:
        sys.path.insert(0, str(SRC))
    from l10ncheck.api import check
    from l10ncheck.config import load_config
    from l10ncheck.reporters.json import finding

    report = check(paths, load_config(paths[0]), jobs=jobs, cache_dir=None)
    return [finding(d) for d in report.diagnostics]


def load_report(path: str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    return list(document["findings"] if isinstance(document, dict) else document)


def order_key(f: dict[str, Any]) -> tuple[Any, ...]:
    return (f["path"], f["line"], f["column"], f["rule"], f["message"],
            f.get("end_line") or 0, f.get("end_column") or 0,
            f.get("source_path") or "", f.get("source_line") or 0)


def _matches(code: str, selectors: frozenset[str] | set[str]) -> bool:
    return code in selectors or code[:2] in selectors or code[:1] in selectors


def choose(findings: list[dict[str, Any]], severities: set[str], rules: set[str],
           size: int, seed: int, ignore: frozenset[str] | set[str] = frozenset(),
           ) -> tuple[list[dict[str, Any]], int]:
    """The sample and the size of the population it was drawn from."""
    population = sorted((f for f in findings
                         if f["severity"] in severities
                         and (not rules or _matches(f["rule"], rules))
                         and not _matches(f["rule"], ignore)),
                        key=order_key)
    if size >= len(population):
        return population, len(population)
    return random.Random(seed).sample(population, size), len(population)


_LINES: dict[str, list[str] | None] = {}


def file_lines(path: str | None) -> list[str] | None:
    if not path:
        return None
    if path not in _LINES:
        try:
            text = Path(path).read_bytes().decode("utf-8", errors="replace")
        except OSError:
            _LINES[path] = None
        else:
            _LINES[path] = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return _LINES[path]


def width(text: str) -> int:
    """Terminal columns of ``text`` (wide CJK characters take two)."""
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def show_lines(path: str | None, line: int | None, *, column: int | None = None,
               end_line: int | None = None, end_column: int | None = None,
               context: int = 0, limit: int = 400) -> list[str]:
    """The file's ``line`` (and up to ``end_line``, ±context), numbered; a caret line under
    the span when it is on one line."""
    lines = file_lines(path)
    if lines is None or not line:
        return ["      (no aligned source)" if not line else f"      (cannot read {path})"]
    last = max(line, min(end_line or line, line + 6))
    out = []
    for n in range(max(1, line - context), min(len(lines), last + context) + 1):
        text = lines[n - 1].replace("\t", "    ")
        marker = ">" if line <= n <= last else " "
        shown = text if len(text) <= limit else text[:limit] + " …"
        out.append(f"  {marker}{n:5d}| {shown}")
        if n == line and column and (end_line in (None, line)) and len(text) <= limit:
            start = width(text[: column - 1])
            stop = width(text[: (end_column or column + 1) - 1]) if end_column else start + 1
            out.append("        | " + " " * start + "^" * max(1, stop - start))
    return out


def describe(number: int, f: dict[str, Any], context: int) -> str:
    head = (f"#{number} {f['rule']} {f['name']} [{f['severity']}] {f['lang']} "
            f"{f['path']}:{f['line']}:{f['column']}")
    parts = [head, f"   message: {f['message']}"]
    if f.get("suggestion"):
        parts.append(f"   suggestion: {f['suggestion']}")
    parts.append(f"   translation {f['path']}:")
    parts += show_lines(f["path"], f["line"], column=f["column"], end_line=f.get("end_line"),
                        end_column=f.get("end_column"), context=context)
    if f.get("source_path"):
        parts.append(f"   source {f['source_path']}:")
        parts += show_lines(f["source_path"], f.get("source_line"), context=context,
                            column=f.get("source_column"))
    else:
        parts.append("   source: (none)")
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="corpus folders or files to check")
    parser.add_argument("--report", help="read findings from this l10ncheck --format json "
                        "report instead of running l10ncheck")
    parser.add_argument("--sample", type=int, default=50, help="how many findings (default 50)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--severity", default="warning,error",
                        help="comma-separated severities to sample from (default warning,error)")
    parser.add_argument("--rule", default="", help="only these rule codes or prefixes (S1,L203)")
    parser.add_argument("--ignore-rule", default="",
                        help="leave these rule codes or prefixes out (e.g. a rule added after a review)")
    parser.add_argument("--context", type=int, default=0, help="lines of context around each line")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the run")
    parser.add_argument("--json", action="store_true", help="print the sampled findings as JSON")
    args = parser.parse_args(argv)

    severities = {s.strip() for s in args.severity.split(",") if s.strip()}
    if not severities <= set(SEVERITIES):
        parser.error(f"--severity: choose from {', '.join(SEVERITIES)}")
    if bool(args.paths) == bool(args.report):
        parser.error("give corpus paths or --report, not both and not neither")
    rules = {r.strip() for r in args.rule.split(",") if r.strip()}
    ignore = {r.strip() for r in args.ignore_rule.split(",") if r.strip()}

    findings = load_report(args.report) if args.report else run_check(args.paths, args.jobs)
    sample, population = choose(findings, severities, rules, args.sample, args.seed, ignore)
    if args.json:
        print(json.dumps(sample, ensure_ascii=False, indent=1))
        return 0
    where = args.report or " ".join(args.paths)
    print(f"# {len(sample)} of {population} findings ({','.join(sorted(severities))}"
          f"{'; rules ' + ','.join(sorted(rules)) if rules else ''}"
          f"{'; without ' + ','.join(sorted(ignore)) if ignore else ''}) of {len(findings)} "
          f"in {where}, seed {args.seed}")
    counts: dict[str, int] = {}
    for f in sample:
        counts[f["rule"]] = counts.get(f["rule"], 0) + 1
    print("# by rule: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    for number, f in enumerate(sample, 1):
        print()
        print(describe(number, f, args.context))
    return 0


if __name__ == "__main__":
    if hasattr(signal, "SIGPIPE"):  # `| head` ends the output quietly
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())
