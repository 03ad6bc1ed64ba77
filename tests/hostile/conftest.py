"""Generators and runners for the hostile-input battery.

Every hostile input is generated here, in the test's temporary folder: nothing large is
committed. Each test puts a normal article (``articles/good``, one known finding: a dropped
link) beside the hostile one and checks that it is still reported, so a hostile file can
never silently stop the rest of the corpus from being checked.

Slow or possibly hanging runs go through :func:`run_cli`: the real command line in a
subprocess, killed after ``timeout`` seconds, with its peak memory measured by ``wait4``.
Quick ones go through :func:`invoke` (click's CliRunner, in process).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import l10ncheck
from l10ncheck.cli import main

# The package's folder (src/ or site-packages), so a subprocess imports the code under test.
PACKAGE_ROOT = str(Path(l10ncheck.__file__).resolve().parents[1])
# Peak resident memory allowed for one run, whatever the input.
MAX_MEMORY_MB = 1536

GOOD_EN = (
    "# Title\n"
    "\n"
    "Read the [guide](https://example.com/guide) before you start.\n"
    "\n"
    "Keep your **recovery phrase** secret.\n"
)
GOOD_DE = (
    "# Titel\n"
    "\n"
    "Lies den Leitfaden, bevor du anfängst.\n"
    "\n"
    "Halte deine **Wiederherstellungsphrase** geheim.\n"
)
# What the good article always yields: (rule, path, line).
GOOD_FINDING = ("L201", "articles/good/de.md", 3)


# -- building trees ----------------------------------------------------------------------


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def article(root: Path, slug: str, files: Mapping[str, str | bytes]) -> Path:
    """``articles/<slug>/<lang>.md`` for each ``{lang: content}``; returns the folder."""
    folder = root / "articles" / slug
    folder.mkdir(parents=True, exist_ok=True)
    for lang, content in files.items():
        write(folder / f"{lang}.md", content)
    return folder


def good_article(root: Path) -> Path:
    return article(root, "good", {"en": GOOD_EN, "de": GOOD_DE})


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary working directory holding the good article."""
    good_article(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- hostile Markdown generators ------------------------------------------------------------


def nested_list(depth: int) -> str:
    """A list nested ``depth`` levels deep by indentation (two more spaces per level)."""
    return "".join("  " * i + "- item\n" for i in range(depth))


def nested_markers(depth: int) -> str:
    """A list nested ``depth`` levels deep on one line: ``- - - - item``."""
    return "- " * depth + "item\n"


def nested_quote(depth: int) -> str:
    return ">" * depth + " quoted\n"


def nested_quote_list(depth: int) -> str:
    """Block quotes and lists alternating, ``depth`` levels, one line: ``> - > - x``."""
    return "> - " * (depth // 2) + "text\n"


def nested_footnotes(depth: int) -> str:
    """Footnote definitions, each opening the text of the one before, quotes and lists
    between them: ``[^a]: > [^a]: - [^a]: …`` (and the references to them)."""
    return "Text[^a].\n\n" + "[^a]: > [^a]: - " * (depth // 3) + "note\n"


def emphasis_run(depth: int) -> str:
    return "*" * depth + "word" + "*" * depth + "\n"


def unclosed_emphasis(depth: int) -> str:
    return "*_" * depth + "word\n"


def bracket_run(depth: int) -> str:
    return "[" * depth + "text" + "]" * depth + "(https://example.com)\n"


def unclosed_brackets(depth: int) -> str:
    return "[" * depth + "text\n"


def many_links(count: int) -> str:
    """One paragraph of ``count`` links."""
    return " ".join(f"[link {i}](https://example.com/{i})" for i in range(count)) + "\n"


def long_line(chars: int) -> str:
    """A single line of ``chars`` characters: words, a link and bold, no line break."""
    unit = "lorem ipsum [dolor](https://example.com/d) **sit** amet "
    return (unit * (chars // len(unit) + 1))[:chars] + "\n"


def big_file(megabytes: float) -> bytes:
    """About ``megabytes`` MB of ordinary Markdown: headings, paragraphs, lists and links."""
    section = (
        b"## Section\n\n"
        b"A paragraph with a [link](https://example.com/page) and **bold** text and `code`.\n\n"
        b"- first item\n- second item with *emphasis*\n\n"
    )
    return b"# Big\n\n" + section * int(megabytes * 1_000_000 / len(section))


# -- running the command line ----------------------------------------------------------------


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    memory_mb: float  # peak resident set size of the process (and the workers it waited for)

    def json(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.stdout)
        return data

    def findings(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self.json()["findings"]
        return found


def run_cli(*args: str, cwd: Path, timeout: float) -> Run:
    """``python -m l10ncheck ARGS`` in ``cwd``; fails the test if it runs past ``timeout``.

    Output goes to files (no pipe can fill up and block), the process is polled with
    ``wait4`` so its own peak memory is known, and a run past the deadline is killed.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [PACKAGE_ROOT, env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("GITHUB_STEP_SUMMARY", None)
    out_path, err_path = cwd / ".stdout", cwd / ".stderr"
    start = time.monotonic()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "l10ncheck", *args, "--no-cache"],
            cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env,
            start_new_session=True,
        )
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > timeout:
                os.killpg(proc.pid, signal.SIGKILL)
                os.wait4(proc.pid, 0)
                proc.returncode = -9
                pytest.fail(f"l10ncheck {' '.join(args)} still running after {timeout:.0f} s")
            time.sleep(0.02)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - start
    stdout = out_path.read_bytes().decode("utf-8")
    stderr = err_path.read_bytes().decode("utf-8", "backslashreplace")
    out_path.unlink()
    err_path.unlink()
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    scale = 1 if sys.platform == "darwin" else 1024
    return Run(proc.returncode, stdout, stderr, seconds, usage.ru_maxrss * scale / 2**20)


def invoke(*args: str) -> Run:
    """The command line in process (click's CliRunner): for quick runs."""
    start = time.monotonic()
    result = CliRunner().invoke(main, [*args, "--no-cache"])
    return Run(result.exit_code, result.stdout, result.stderr, time.monotonic() - start, 0.0)


# -- what every run must satisfy --------------------------------------------------------------


def assert_clean(run: Run, *, memory: bool = False) -> None:
    """A finished run: exit 0 or 1, no traceback, nothing on standard error but one line."""
    assert "Traceback" not in run.stderr, run.stderr
    assert "internal error" not in run.stderr, run.stderr
    assert run.code in (0, 1), f"exit {run.code}: {run.stderr}"
    assert run.stderr.count("\n") <= 1, run.stderr
    if memory:
        assert run.memory_mb < MAX_MEMORY_MB, f"peak memory {run.memory_mb:.0f} MB"


def assert_one_line_error(run: Run, *needles: str) -> None:
    """Exit 2 with one line on standard error that names every needle, never a traceback."""
    assert run.code == 2, (run.code, run.stdout, run.stderr)
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr
    assert run.stderr.count("\n") == 1, run.stderr
    for needle in needles:
        assert needle in run.stderr, (needle, run.stderr)


def assert_good_checked(findings: list[dict[str, Any]]) -> None:
    """The normal article beside the hostile one was still checked."""
    rule, path, line = GOOD_FINDING
    assert any(
        f["rule"] == rule and f["path"] == path and f["line"] == line for f in findings
    ), [(f["rule"], f["path"]) for f in findings]


def assert_inside(findings: list[dict[str, Any]], root: Path) -> None:
    """Every finding's start and end lie within its file's lines (columns up to length + 1)."""
    lines: dict[str, list[str]] = {}
    for f in findings:
        path = str(f["path"])
        if path not in lines:
            data = (root / path).read_bytes().decode("utf-8", "replace").lstrip("\ufeff")
            lines[path] = data.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        text = lines[path]
        for line, column in ((f["line"], f["column"]), (f["end_line"], f["end_column"])):
            assert 1 <= line <= len(text), (f, len(text))
            assert 1 <= column <= len(text[line - 1]) + 1, (f, len(text[line - 1]))
        assert (f["line"], f["column"]) <= (f["end_line"], f["end_column"]), f


def of(findings: list[dict[str, Any]], path: str) -> list[dict[str, Any]]:
    return [f for f in findings if f["path"] == path]
