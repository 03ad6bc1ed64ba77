"""What the fuzzers found, minimized: each input is a test of the correct behaviour.

Every span the parser gives must lie inside the text (line within the file, column at most
the line's length + 1, start before end), and a finding must point at the element it is
about. They were failures once (fixed in ``parsing.py``); each stays as a regression test.
"""

from __future__ import annotations

import pytest

from l10ncheck.api import check_documents
from l10ncheck.parsing import parse
from l10ncheck.rules import ALL_RULES

from .fuzz_targets import check_text, inside


CASES = [
    ">Ben*\n1. --\n---",  # mistune reorders: found by looking back
    "+++\n>>\n2)",  # approximate place (mistune reorders), but inside the file
    ">[]()\nq\n-\n>",  # approximate place (mistune reorders), but inside the file
    ">s\n*\n>* t* c\n>>s",  # approximate place (mistune reorders), but inside the file
    ">\n>\n|a|b|\n|||",  # approximate place (mistune reorders), but inside the file
    "[]()\n>e\n2)",  # approximate place (mistune reorders), but inside the file
    ">```\n|\n",  # approximate place (mistune reorders), but inside the file
    "* ```\n* B\n",  # approximate place (mistune reorders), but inside the file
    "\t\t\n,\n",  # a line of tabs: whitespace-only indented code
    "\u00a0\n-",  # a setext heading made of a no-break space
    "\u00a0\ny\n-",
    # Inputs that once looked suspicious and hold: keep them as plain regression tests.
    "  \n,\n",
    "> a\n> > b\n> > > c\n",
    "| a |\n| --- |\n| `b|c` |\n",
    "[a](<b c> 'd') [e][f]\n\n[f]: g\n",
    "***a** b*\n",
    "`` a ` b ``\n",
]


@pytest.mark.parametrize("text", CASES)
def test_every_span_lies_inside_the_text(text: str) -> None:
    lines = text.split("\n")
    outside = [(n.type, n.span) for top in parse(text) for n in top.walk()
               if not inside(n.span, lines)]
    assert outside == []
    check_text(text, columns=True)


@pytest.mark.parametrize(("prefix", "line"), [
    pytest.param(">Read ", 1),  # mistune hands the quote over after the list
    pytest.param("\t\t\nRead ", 2),
    pytest.param("Read ", 1),
], ids=["quote-then-list", "blank-code", "plain"])
def test_findings_point_at_their_element(prefix: str, line: int) -> None:
    """A dropped link is reported where the paragraph stands, quoting the source's place."""
    tail = "\n1. --\n---\n" if prefix.startswith(">") else "\n"  # the list interrupts the quote
    source = prefix + "[the guide](https://example.com/g) now*" + tail
    translation = prefix.replace("Read", "Lies") + "den Leitfaden jetzt*" + tail
    documents = {"en": ("en.md", source), "xx": ("xx.md", translation)}
    found = check_documents("a", "en", documents, [rule() for rule in ALL_RULES])
    (missing,) = [d for d in found if d.code == "L201"]
    assert missing.source is not None
    assert (missing.source.span.line, missing.source.span.column) == (line, 6 + prefix.count(">"))
    assert missing.location.span.line == line
