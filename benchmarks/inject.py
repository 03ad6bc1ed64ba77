"""Inject one known drift into real translations and measure whether l10ncheck finds it.

For each sampled (source, translation) pair of a corpus, the translation is checked as is,
then once per kind of drift with one change injected; the injection counts as found when a
*new* finding of the expected category points at the changed line (±1). Also reports how many
new findings each injection caused elsewhere (cascades).

    python benchmarks/inject.py ../shared/corpus/opentelemetry --sample 60 --seed 1
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from l10ncheck.api import active_rules, check_documents
from l10ncheck.config import Config
from l10ncheck.discovery import discover
from l10ncheck.loading import Text, decode

LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\(([^)\s]+)\)")
BOLD = re.compile(r"\*\*([^*\n]+)\*\*")
CODE = re.compile(r"`([^`\n]+)`")


@dataclass
class Injection:
    kind: str
    category: str
    apply: Callable[[list[str], random.Random], int | None]  # edits lines, returns 1-based line


def _pick(lines: list[str], pattern: re.Pattern[str], rng: random.Random) -> tuple[int, re.Match[str]] | None:
    spots = [(i, m) for i, line in enumerate(lines) for m in pattern.finditer(line)
             if not line.lstrip().startswith(("```", "    "))]
    return rng.choice(spots) if spots else None


def drop_link(lines: list[str], rng: random.Random) -> int | None:
    spot = _pick(lines, LINK, rng)
    if not spot:
        return None
    i, m = spot
    lines[i] = lines[i][: m.start()] + m.group(1) + lines[i][m.end() :]
    return i + 1


def change_url(lines: list[str], rng: random.Random) -> int | None:
    spot = _pick(lines, LINK, rng)
    if not spot:
        return None
    i, m = spot
    url = m.group(2)
    new = url[:-1] + ("x" if url[-1] != "x" else "y")
    lines[i] = lines[i][: m.start(2)] + new + lines[i][m.end(2) :]
    return i + 1


def drop_bold(lines: list[str], rng: random.Random) -> int | None:
    spot = _pick(lines, BOLD, rng)
    if not spot:
        return None
    i, m = spot
    lines[i] = lines[i][: m.start()] + m.group(1) + lines[i][m.end() :]
    return i + 1


def change_code(lines: list[str], rng: random.Random) -> int | None:
    spot = _pick(lines, CODE, rng)
    if not spot:
        return None
    i, m = spot
    lines[i] = lines[i][: m.start(1)] + m.group(1) + "x" + lines[i][m.end(1) :]
    return i + 1


def split_link(lines: list[str], rng: random.Random) -> int | None:
    spots = [(i, m) for i, line in enumerate(lines) for m in LINK.finditer(line)
             if re.fullmatch(r"[^\W\d_]{4,}", m.group(1)) and (m.start() == 0 or line[m.start() - 1] == " ")]
    if not spots:
        return None
    i, m = rng.choice(spots)
    word = m.group(1)
    lines[i] = lines[i][: m.start()] + word[:1] + "[" + word[1:] + "](" + m.group(2) + ")" + lines[i][m.end() :]
    return i + 1


def drop_paragraph(lines: list[str], rng: random.Random) -> int | None:
    # A paragraph: a run of non-blank lines between blank lines, not code, list, heading, table.
    paras: list[tuple[int, int]] = []
    i = 0
    fence = False
    while i < len(lines):
        if lines[i].lstrip().startswith(("```", "~~~")):
            fence = not fence
        if not fence and lines[i].strip() and (i == 0 or not lines[i - 1].strip()):
            j = i
            while j < len(lines) and lines[j].strip():
                j += 1
            block = lines[i:j]
            if all(not x.lstrip().startswith(("#", "-", "*", "|", ">", "```", "{{", "<", "1.")) for x in block) \
                    and sum(len(x) for x in block) > 60:
                paras.append((i, j))
            i = j
        else:
            i += 1
    if not paras:
        return None
    i, j = rng.choice(paras)
    del lines[i:j + 1 if j < len(lines) and not lines[j].strip() else j]
    return i + 1


INJECTIONS = (
    Injection("drop-link", "link", drop_link),
    Injection("change-url", "link", change_url),
    Injection("drop-bold", "emphasis", drop_bold),
    Injection("change-code", "code", change_code),
    Injection("split-link", "link", split_link),
    Injection("drop-paragraph", "structure", drop_paragraph),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--source-lang", default="en")
    parser.add_argument("--verbose", "-v", action="store_true", help="list the misses")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    found = discover([args.corpus], args.source_lang)
    rules = active_rules(Config())
    pairs = [(a, f) for a in found.articles if a.get(args.source_lang) for f in a.files
             if f.lang != args.source_lang]
    rng.shuffle(pairs)
    stats: Counter[str] = Counter()
    tried: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    misses: list[str] = []
    for article, target in pairs[: args.sample]:
        src_file = article.get(args.source_lang)
        assert src_file is not None
        src = decode(open(src_file.path, "rb").read())
        tgt = decode(open(target.path, "rb").read())
        if not isinstance(src, Text) or not isinstance(tgt, Text):
            continue
        docs = {args.source_lang: (src_file.path, src.body), target.lang: (target.path, tgt.body)}
        # Findings are told apart by rule and message (which quotes the source position), not
        # by their line in the translation: an injected deletion shifts every line after it.
        before = Counter((d.code, d.message) for d in check_documents(article.slug, args.source_lang, docs, rules))
        for inj in INJECTIONS:
            lines = tgt.body.split("\n")
            line = inj.apply(lines, rng)
            if line is None:
                continue
            tried[inj.kind] += 1
            docs2 = dict(docs)
            docs2[target.lang] = (target.path, "\n".join(lines))
            after = check_documents(article.slug, args.source_lang, docs2, rules)
            seen = Counter(before)
            new = []
            for d in after:
                if seen[(d.code, d.message)] > 0:
                    seen[(d.code, d.message)] -= 1
                else:
                    new.append(d)
            hit = [d for d in new if d.category.value == inj.category and abs(d.location.line - line) <= 1
                   and d.severity.value != "info"]
            if hit:
                stats[inj.kind] += 1
            else:
                misses.append(f"{inj.kind} {target.path}:{line} new={[(d.code, d.location.line) for d in new][:4]}")
            extra[inj.kind] += max(0, len(new) - 1)
    print(f"{'injection':16} {'found':>7} {'tried':>6} {'recall':>7} {'extra findings':>15}")
    for inj in INJECTIONS:
        n = tried[inj.kind]
        if n:
            print(f"{inj.kind:16} {stats[inj.kind]:7} {n:6} {stats[inj.kind] / n:7.0%} {extra[inj.kind]:15}")
    if misses and args.verbose:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
