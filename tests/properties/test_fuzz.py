"""Fuzzing the parsing and alignment entry points, in a short form for the suite.

Three drivers share one target (``fuzz_targets.check_text``):

* hypothesis, over mutated real articles and over Markdown "soup" (shrinks failures);
* a seeded mutation loop bounded by wall-clock time: ``L10NCHECK_FUZZ_SECONDS`` (default 3);
* atheris, coverage-guided, when it is installed (skipped otherwise).
"""

from __future__ import annotations

import importlib.util
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import l10ncheck

from .conftest import budget
from .fuzz_targets import check_bytes, check_text, mutate, seeds
from .strategies import any_bytes, markdown_soup

ROOT = Path(__file__).resolve().parents[2]
SECONDS = float(os.environ.get("L10NCHECK_FUZZ_SECONDS", "3"))
# No single input of these sizes may take longer than this (a hang shows up as a failure).
PER_INPUT_SECONDS = 5.0


def timed(text: str) -> None:
    start = time.monotonic()
    check_text(text)
    assert time.monotonic() - start < PER_INPUT_SECONDS, f"slow input ({len(text)} chars)"


@st.composite
def mutated(draw: st.DrawFn) -> str:
    seed = draw(st.sampled_from(seeds()))
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    return mutate(seed, rng, draw(st.integers(1, 10)))


@budget(60)
@given(mutated())
def test_fuzz_mutated_articles(text: str) -> None:
    timed(text.replace("\r\n", "\n").replace("\r", "\n"))


@budget(100)
@given(markdown_soup)
def test_fuzz_markdown_soup(text: str) -> None:
    timed(text.replace("\r\n", "\n").replace("\r", "\n"))


@budget(100)
@given(any_bytes)
def test_fuzz_bytes(data: bytes) -> None:
    check_bytes(data)


def test_fuzz_time_bounded() -> None:
    """Random mutations for ``SECONDS``; a failure names the seed that reproduces it."""
    seed = int(os.environ.get("L10NCHECK_FUZZ_SEED", "20261122"))
    rng = random.Random(seed)
    pool = seeds()
    deadline = time.monotonic() + SECONDS
    runs = 0
    while time.monotonic() < deadline or runs < 20:
        case_seed = rng.randrange(2**32)
        text = mutate(rng.choice(pool), random.Random(case_seed))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        try:
            timed(text)
        except Exception as error:  # report the input, then fail
            raise AssertionError(
                f"fuzz input from mutate(seed, random.Random({case_seed})) failed: {error!r}\n"
                f"{text[:2000]!r}"
            ) from error
        runs += 1
    assert runs >= 20


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris not installed")
def test_fuzz_atheris_short() -> None:
    """A few seconds of coverage-guided fuzzing in a subprocess (atheris exits the process)."""
    env = dict(os.environ)
    src = str(Path(str(l10ncheck.__file__)).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), src, env.get("PYTHONPATH")]))
    seconds = max(2, int(SECONDS))
    proc = subprocess.run(
        [sys.executable, "-m", "tests.properties.fuzz_atheris", f"-max_total_time={seconds}",
         "-rss_limit_mb=1536", "-max_len=4096", "-timeout=10"],
        check=False, cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=seconds + 60,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
