from __future__ import annotations

import re
from typing import Iterator

from rapidfuzz import fuzz

from l10ncheck.align import align_links
from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote, where
from l10ncheck.skeleton import Block
from l10ncheck.terms import Term, count_terms

_NAME_RUN = re.compile(r"[^\W\d_][\w.\-]*(?:\s+[^\W\d_][\w.\-]*)*")


class MissingTerm(Rule):
    """A protected term of the source block is missing from the aligned translated block.

    Protected terms are product and brand names that must stay verbatim: from the glossary,
    or learned from the article (names the source and most translations keep as they are,
    like "BNB Smart Chain"). When another name stands where the term should be, the message
    says what it was renamed to.

    Why it matters: a renamed product ("Binance Smart Chain" for "BNB Smart Chain") sends
    readers to the wrong network, and a translated name cannot be searched for.

    Example:
        en: `[**The BNB Smart Chain,**](…) (formerly Binance Smart Chain)`
        ru: `[**Binance Smart Chain**](…) (ранее Binance Smart Chain)`
    """

    code = "T401"
    name = "missing-term"
    category = Category.TERM
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        if not ctx.terms:
            return
        for pair in ctx.alignment.matched():
            src, tgt = pair.source, pair.target
            assert src is not None and tgt is not None
            if src.kind in ("code", "html"):
                continue
            src_counts = count_terms(ctx.terms, src.text, ctx.source_lang)
            if not any(src_counts.values()):
                continue
            tgt_counts = count_terms(ctx.terms, tgt.text, ctx.lang)
            used: set[tuple[int, int]] = set()
            for term in ctx.terms:
                want = src_counts.get(term.text, [])
                have = tgt_counts.get(term.text, [])
                if len(have) >= len(want):
                    continue
                yield self._finding(ctx, src, tgt, term, want, have, src_counts, tgt_counts, used)

    def _finding(self, ctx: TranslationContext, src: Block, tgt: Block, term: Term,
                 want: list[tuple[int, int]], have: list[tuple[int, int]],
                 src_counts: dict[str, list[tuple[int, int]]],
                 tgt_counts: dict[str, list[tuple[int, int]]],
                 used: set[tuple[int, int]]) -> Diagnostic:
        start, end = want[len(have)] if len(want) > len(have) else want[0]
        renamed = _renamed(ctx, src, tgt, term, (start, end), src_counts, tgt_counts, used)
        src_span = src.locate(start, end)
        ref = f"({where(ctx.source, src_span)})"
        if renamed is not None:
            used.add(renamed)
            found = tgt.text[renamed[0] : renamed[1]]
            return self.report(
                ctx, tgt.locate(*renamed),
                f"term {quote(term.text)} {ref} renamed to {quote(found)}",
                source=src_span, suggestion=term.text,
                anchor=block_anchor(ctx.source, src, f"/term:{term.text}"),
            )
        span = tgt.span
        count = f" ({len(have)} of {len(want)})" if have else ""
        return self.report(
            ctx, span.__class__(span.line, span.column, span.line, span.column),
            f"term {quote(term.text)} {ref} is missing{count}",
            source=src_span, severity=Severity.INFO if have else None,
            anchor=block_anchor(ctx.source, src, f"/term:{term.text}"),
        )


def _renamed(ctx: TranslationContext, src: Block, tgt: Block, term: Term, at: tuple[int, int],
             src_counts: dict[str, list[tuple[int, int]]],
             tgt_counts: dict[str, list[tuple[int, int]]],
             used: set[tuple[int, int]]) -> tuple[int, int] | None:
    """Where the translation put something else in the term's place, if that can be told.

    1. Another protected term that the translation has more often than the source.
    2. The name-like run closest to the term (fuzzy), searched first in the text of the link
       or bold span that holds the term in the source, then in the whole block.
    """
    words = set(term.text.lower().split())
    for other in ctx.terms:
        extra = tgt_counts.get(other.text, [])
        if other.text == term.text or len(extra) <= len(src_counts.get(other.text, [])):
            continue
        for span in _prefer_container(src, tgt, at, extra):
            span = _expand(tgt.text, *span)
            if span not in used:
                return span
    regions = _containers(src, tgt, at) + [(0, len(tgt.text))]
    for lo, hi in regions:
        best: tuple[float, tuple[int, int]] | None = None
        for m in _NAME_RUN.finditer(tgt.text, lo, hi):
            run = m.group()
            if not any(w.lower() in words for w in run.split()) and fuzz.ratio(run, term.text) < 70:
                continue
            span = _trim_run(tgt.text, m.start(), m.end(), term)
            if span in used:
                continue
            score = fuzz.token_set_ratio(tgt.text[span[0] : span[1]], term.text)
            if best is None or score > best[0]:
                best = (score, span)
        if best is not None and best[0] >= 50:
            return best[1]
    return None


_CAPITALIZED = re.compile(r"[^\W\d_][\w\-]*")


def _expand(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a span over the capitalized words right next to it ("Rantai Pintar" + "BNB")."""
    while True:
        m = re.search(r"([^\W\d_][\w\-]*) $", text[:start])
        if not m or not m.group(1)[0].isupper():
            break
        start = m.start(1)
    while True:
        m = re.match(r" ([^\W\d_][\w\-]*)", text[end:])
        if not m or not m.group(1)[0].isupper():
            break
        end += m.end(1)
    return start, end


def _trim_run(text: str, start: int, end: int, term: Term) -> tuple[int, int]:
    """Keep only the capitalized/name-like words of a run around the shared word."""
    words = [(m.start() + start, m.end() + start, m.group()) for m in re.finditer(r"\S+", text[start:end])]
    keep = [w for w in words if w[2][0].isupper() or any(c.isdigit() for c in w[2])
            or w[2].lower() in term.text.lower().split()]
    if not keep:
        return start, end
    # The longest contiguous stretch of kept words.
    best: list[tuple[int, int, str]] = []
    current: list[tuple[int, int, str]] = []
    kept = set(keep)
    for w in words:
        if w in kept:
            current.append(w)
            if len(current) > len(best):
                best = list(current)
        else:
            current = []
    s, e = best[0][0], best[-1][1]
    return s, e - (1 if text[e - 1] in ",.;:" else 0)


def _containers(src: Block, tgt: Block, at: tuple[int, int]) -> list[tuple[int, int]]:
    """Target text ranges of the link or bold span aligned to the one holding the term."""
    out: list[tuple[int, int]] = []
    for pair in align_links(src.links, tgt.links):
        s, t = pair.source, pair.target
        if s is not None and t is not None and s.start <= at[0] and at[1] <= s.end:
            out.append((t.start, t.end))
    for a, b in zip(src.strong, tgt.strong):
        if a.start <= at[0] and at[1] <= a.end:
            out.append((b.start, b.end))
    return out


def _prefer_container(src: Block, tgt: Block, at: tuple[int, int],
                      spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    regions = _containers(src, tgt, at)
    inside = [s for s in spans if any(lo <= s[0] and s[1] <= hi for lo, hi in regions)]
    return inside + [s for s in spans if s not in inside]
