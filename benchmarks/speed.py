"""How fast is l10ncheck, and how does that compare with parsing alone?

Runs on ../shared/corpus when it is there (or on the folders given), else on a corpus it
generates. Prints, for a full lint: files per second; the same for parsing alone with mistune
in this process (the floor no linter built on it can beat); their ratio; peak memory; the
time at 1x, 2x and 4x a sample of the corpus (linear cost means the times double); and a
warm run against the result cache.

    python benchmarks/speed.py                         # the shared corpora, all cores
    python benchmarks/speed.py ../shared/corpus/tldr --jobs 1
    python benchmarks/speed.py --generate 2000         # no corpus needed

Not a test: speed goals live here, never in timed tests.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "corpus"
WORDS = "alpha beta gamma delta network wallet token chain bridge deposit withdraw guide".split()


def generate(root: Path, articles: int, seed: int = 1) -> Path:
    """A Hugo-like corpus: content/<lang>/<slug>.md in five languages."""
    rng = random.Random(seed)
    for i in range(articles):
        blocks = []
        for j in range(rng.randint(4, 20)):
            kind = rng.random()
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 40)))
            if kind < 0.15:
                blocks.append(f"## Section {j}")
            elif kind < 0.3:
                blocks.append("\n".join(f"- {words[:30]} [link](https://x.io/{i}/{j}/{k})" for k in range(3)))
            elif kind < 0.4:
                blocks.append(f"```sh\nrun --flag {j}\n```")
            else:
                blocks.append(f"{words} **Bold {j}** with `code{j}` and [a link](https://x.io/{i}/{j}).")
        text = "---\ntitle: Article %d\n---\n\n" % i + "\n\n".join(blocks) + "\n"
        for lang in ("en", "de", "fr", "ja", "ru"):
            path = root / "content" / lang / f"article-{i:05d}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text if lang == "en" else text.replace("alpha", "альфа"), encoding="utf-8")
    return root


def markdown_files(paths: list[Path]) -> list[Path]:
    return sorted(p for root in paths for p in root.rglob("*.md") if p.is_file())


def parse_floor(files: list[Path]) -> float:
    """Seconds mistune alone takes to parse every file (block and inline), in this process."""
    import mistune

    md = mistune.create_markdown(renderer=None, plugins=["table", "strikethrough"])
    texts = [f.read_bytes().decode("utf-8", "replace") for f in files]
    start = time.perf_counter()
    for text in texts:
        md(text)
    return time.perf_counter() - start


def lint(paths: list[Path], jobs: int | None, cache: bool, cwd: Path) -> tuple[float, int]:
    """Wall time and peak memory (KiB, largest process) of one l10ncheck run."""
    cmd = [sys.executable, "-m", "l10ncheck", *map(str, paths), "--format", "json",
           "--fail-level", "never", "--output", os.devnull]
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    if not cache:
        cmd.append("--no-cache")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    env = dict(os.environ)  # this checkout's l10ncheck, installed or not
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE.parent / "src"), env.get("PYTHONPATH")]))
    subprocess.run(cmd, check=True, cwd=cwd, env=env)
    elapsed = time.perf_counter() - start
    return elapsed, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def scaled(sample: list[Path], factor: int, root: Path) -> Path:
    """A copy of the sample corpus repeated ``factor`` times (as separate article trees)."""
    out = root / f"x{factor}"
    for k in range(factor):
        for lang_root in sample:
            shutil.copytree(lang_root, out / f"copy{k}" / lang_root.name, dirs_exist_ok=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    parser.add_argument("--generate", type=int, metavar="N", help="generate N articles instead")
    parser.add_argument("--no-scaling", action="store_true", help="skip the 1x/2x/4x runs")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="l10ncheck-bench-"))
    try:
        if args.generate:
            paths = [generate(work / "generated", args.generate)]
        elif args.paths:
            paths = [p.resolve() for p in args.paths]
        elif SHARED.is_dir():
            paths = sorted(p for p in SHARED.iterdir() if p.is_dir())
        else:
            paths = [generate(work / "generated", 1000)]
        files = markdown_files(paths)
        print(f"corpus: {len(files)} Markdown files in {', '.join(p.name for p in paths)}")
        floor = parse_floor(files)
        cold, memory = lint(paths, args.jobs, cache=False, cwd=work)
        _, _ = lint(paths, args.jobs, cache=True, cwd=work)  # fills the cache
        warm, _ = lint(paths, args.jobs, cache=True, cwd=work)
        print(f"full lint:      {cold:8.1f} s  {len(files) / cold:8.0f} files/s  (jobs: {args.jobs or os.cpu_count()})")
        print(f"parse only:     {floor:8.1f} s  {len(files) / floor:8.0f} files/s  (mistune, one process)")
        print(f"lint / parse:   {cold / floor:8.2f} x")
        print(f"warm (cached):  {warm:8.1f} s  {len(files) / warm:8.0f} files/s  ({cold / warm:.1f}x faster)")
        print(f"peak memory:    {memory / 1024:8.0f} MiB (largest process)")
        if not args.no_scaling:
            sample_root = paths[0]
            langs = [p for p in sample_root.rglob("*") if p.is_dir() and (p / "en").is_dir()] or [sample_root]
            sample = sorted(p for p in langs[0].iterdir() if p.is_dir())[:4] if langs[0] != sample_root else [sample_root]
            for factor in (1, 2, 4):
                tree = scaled(sample, factor, work / "scale")
                seconds, _ = lint([tree], args.jobs, cache=False, cwd=work)
                print(f"scale {factor}x:       {seconds:8.1f} s  ({len(markdown_files([tree]))} files)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
