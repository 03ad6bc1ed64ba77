"""Fuzz targets over the parsing and alignment entry points, shared by every fuzzer.

``check_text`` runs one input through ``parsing.parse``, ``extract.build_skeleton`` and
``align.align`` / ``align.align_links`` against a fixed source and checks what must hold for
any input: nothing raises, every node and block span lies inside the text, alignment keeps
every block exactly once and in order.

Spans are checked down to the line only, unless ``L10NCHECK_FUZZ_COLUMNS=1``: the parser
still has known column bugs (see ``test_fuzz_findings.py``, strict xfails), and a fuzz run
in the suite must fail on new bugs, not on those. Turn it on to hunt, and for good once the
xfails there pass.

``mutate`` is a small, seeded mutation engine (splices, repeats, syntax insertions) that turns
real articles into hostile ones; ``python -m tests.properties.fuzz_atheris`` drives the same
target with atheris when it is installed.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from l10ncheck.align import align, align_links
from l10ncheck.diagnostics import Span
from l10ncheck.extract import build_skeleton, skeleton_from_nodes
from l10ncheck.loading import Text, decode
from l10ncheck.parsing import parse
from l10ncheck.skeleton import Skeleton

ROOT = Path(__file__).resolve().parents[2]
SYNTAX = [
    "*", "**", "_", "__", "`", "```", "~~~", "[", "]", "](", ")", "(", "<", ">", "!", "#",
    "# ", "- ", "* ", "+ ", "1. ", "1) ", "> ", "|", "| --- |", "\\", "&amp;", "&#", "\n",
    "\n\n", "    ", "\t", "---\n", "+++\n", "<div>", "</div>", "<!--", "-->", "{{< x >}}",
    ":::", "\ufeff", "\u00a0", "\u200b", "\u0301", "é", "я", "中", "🦊", "https://x.y/z",
]


def seeds() -> list[str]:
    """Real articles to start from (the sample), and a few tricky snippets."""
    found = sorted((ROOT / "articles").rglob("*.md"))
    texts = [path.read_text("utf-8") for path in found]
    texts += [
        "# T\n\n* a\n  * b\n    * c\n\n> q\n> > r\n\n| a | b |\n|---|---|\n| `c` | [d](e) |\n",
        "Text [link **bold** `code`](http://x \"t\") and ![img](i.png) <http://auto>.\n",
        "---\ntitle: x\n---\n\nSetext\n===\n\n    indented code\n\n```sh\nfenced\n```\n",
        "[ref]: http://x\n\nSee [ref] and [text][ref].\n\n1. one\n2) two\n",
    ]
    return texts


SOURCE = seeds()[0]


def mutate(text: str, rng: random.Random, rounds: int | None = None) -> str:
    """A few random edits: insert syntax, delete, duplicate or repeat a slice, splice a seed."""
    pool = seeds()
    for _ in range(rounds if rounds is not None else rng.randint(1, 8)):
        n = len(text)
        at = rng.randint(0, n)
        op = rng.randrange(6)
        if op == 0:
            text = text[:at] + rng.choice(SYNTAX) * rng.choice([1, 1, 2, 3, 50]) + text[at:]
        elif op == 1 and n:
            text = text[:at] + text[at + rng.randint(1, 40) :]
        elif op == 2 and n:
            end = min(n, at + rng.randint(1, 200))
            text = text[:at] + text[at:end] * rng.randint(2, 5) + text[at:]
        elif op == 3:
            other = rng.choice(pool)
            cut = rng.randint(0, len(other))
            text = text[:at] + other[cut : cut + rng.randint(1, 400)] + text[at:]
        elif op == 4:
            depth = rng.randint(2, 60)
            text = text[:at] + rng.choice(["> ", "- ", "  - ", "*", "[", "**"]) * depth + text[at:]
        else:
            text = text.replace(rng.choice(SYNTAX), rng.choice(SYNTAX), rng.randint(1, 5))
    return text


COLUMNS = os.environ.get("L10NCHECK_FUZZ_COLUMNS", "") == "1"


def inside(span: Span, lines: list[str], columns: bool = True) -> bool:
    """Whether ``span`` lies inside ``lines`` (with ``columns``: down to the character)."""
    if not (1 <= span.line <= len(lines) and 1 <= span.end_line <= len(lines)):
        return False
    if not columns:
        return span.line <= span.end_line
    if not (1 <= span.column <= len(lines[span.line - 1]) + 1):
        return False
    if not (1 <= span.end_column <= len(lines[span.end_line - 1]) + 1):
        return False
    return (span.line, span.column) <= (span.end_line, span.end_column)


def check_skeleton(skeleton: Skeleton, lines: list[str], columns: bool) -> None:
    for block in skeleton.blocks:
        assert inside(block.span, lines, columns), (block.kind, block.span)
        for link in block.links:
            assert inside(link.span, lines, columns), link
            assert inside(link.text_span, lines, columns), link
        for emphasis in block.emphasis:
            assert inside(emphasis.span, lines, columns), emphasis
        for code in block.code_spans:
            assert inside(code.span, lines, columns), code


def check_text(text: str, source: str = SOURCE, columns: bool = COLUMNS) -> None:
    """The fuzz target: one normalized text through parse, skeleton and alignment."""
    lines = text.split("\n")
    nodes = parse(text)
    for top in nodes:
        for node in top.walk():
            assert inside(node.span, lines, columns), (node.type, node.span)
    target = skeleton_from_nodes(nodes, "xx", "xx.md")
    check_skeleton(target, lines, columns)
    src = build_skeleton(source, "en", "en.md")
    for a, b in ((src, target), (target, src), (target, target)):
        alignment = align(a, b)
        sources = [p.source.index for p in alignment.pairs if p.source is not None]
        targets = [p.target.index for p in alignment.pairs if p.target is not None]
        assert sorted(sources) == list(range(len(a.blocks))), sources
        assert sorted(targets) == list(range(len(b.blocks))), targets
        for pair in alignment.matched():
            assert pair.source is not None and pair.target is not None
            for link_pair in align_links(pair.source.links, pair.target.links):
                assert link_pair.source is not None or link_pair.target is not None


def check_bytes(data: bytes) -> None:
    """Bytes as a file holds them: decode, then the text target."""
    loaded = decode(data)
    if isinstance(loaded, Text):
        check_text(loaded.body)
    else:
        assert loaded.reason and loaded.line >= 1 and loaded.column >= 1
