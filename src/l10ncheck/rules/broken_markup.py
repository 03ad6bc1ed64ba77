from __future__ import annotations

import re
from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity, Span
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote, where
from l10ncheck.skeleton import Block

# Markdown syntax that shows up as literal text when a translator broke it.
_BROKEN = re.compile(r"\*\*|__(?=\S)|(?<=\S)__|\]\(|\]\s+\(|\[[^\]\n]*\]\((?=\S)|(?<!\S)\*(?=\S)[^*\n]*$")

# Every pattern of _BROKEN holds one of these characters.
_MAY_BREAK = re.compile(r"[*_\]]").search


def leftovers(block: Block) -> tuple[tuple[str, Span], ...]:
    """Markdown syntax left as literal text in the block (remembered per block)."""
    return block.derived("leftovers", _leftovers)


def _leftovers(block: Block) -> tuple[tuple[str, Span], ...]:
    found: list[tuple[str, Span]] = []
    # Inside inline code, `**` or `](` is what the code says, not broken Markdown.
    code = {(c.start, c.end) for c in block.code_spans}
    for i, literal in enumerate(block.literals):
        if not _MAY_BREAK(literal.text) or code and _in_code(block, i, code):
            continue  # (most literals: no character any pattern needs)
        for m in _BROKEN.finditer(literal.text):
            token = m.group().strip()
            if not token:
                continue
            if "]" in token and not _URL_AFTER.match(literal.text, m.end()):
                token = "]?"  # brackets then parentheses in prose ("[a] (all)"): a link only if one was lost
            head = literal.text[: m.start()]
            line = literal.span.line + head.count("\n")
            col = (len(head) - head.rfind("\n")) if "\n" in head else literal.span.column + m.start()
            found.append((token[:2], Span(line, col, line, col + len(m.group()))))
    return tuple(found)


# What a link's destination looks like: a URL, a path or a fragment, up to the parenthesis.
_URL_AFTER = re.compile(r"\s*(?:[A-Za-z][A-Za-z0-9+.-]*:|www\.|[./#~]|[^\s()]*[/.][^\s()]*\))")


def _in_code(block: Block, literal: int, code: set[tuple[int, int]]) -> bool:
    """Is literal number ``literal`` the text of an inline code span?"""
    for offset, owner in zip(block._offsets, block._owners):
        if owner == literal:
            return (offset, offset + len(block.literals[literal].text)) in code
    return False


class BrokenMarkup(Rule):
    """Markdown syntax broken into literal text: a stray `**`, `__` or `](` that renders as is.

    Why it matters: a bold that does not close shows asterisks to the reader and loses the
    emphasis; a broken link shows its URL syntax and is not clickable. Only reported where
    the aligned source block renders without such leftovers; brackets followed by a
    parenthesis that holds no URL or path (`[a] (all)`, tldr's option mnemonics) only where
    the translated block has lost a link.

    Example:
        en: `**Not all assets can be moved.**`
        ms: `** Bukan semua aset boleh dipindahkan.**`
    """

    code = "X602"
    name = "broken-markup"
    category = Category.TEXT
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for pair in ctx.alignment.pairs:
            src, tgt = pair.source, pair.target
            if tgt is None or tgt.kind in ("code", "html"):
                continue
            found = leftovers(tgt)
            if not found:
                continue
            src_tokens = {t for t, _ in leftovers(src)} if src is not None else set()
            lost_link = src is not None and len(src.links) > len(tgt.links)
            for token, span in found:
                if token in src_tokens or token == "]?" and not lost_link:
                    continue
                token = "](" if token == "]?" else token
                ref = f" (source: {where(ctx.source, src.span)})" if src is not None else ""
                yield self.report(
                    ctx, span,
                    f"literal {quote(token)} shows as text: broken Markdown{ref}",
                    source=src, anchor=block_anchor(ctx.target if src is None else ctx.source,
                                                     tgt if src is None else src, f"/markup:{token}"),
                )
                break  # one per block: the first break usually explains the rest
