from __future__ import annotations

import re
from typing import Iterator, Sequence

from rapidfuzz import fuzz

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote, where
from l10ncheck.skeleton import Block
from l10ncheck.terms import Term, count_terms

# A block needs this many words of prose (outside names, code and URLs) to judge.
MIN_WORDS = 4
SIMILARITY = 92
# A table cell is running text from this many words on.
TABLE_CELL_WORDS = 3
_WORDS = re.compile(r"[^\W\d_]{2,}")
# Command and file names ("reload-or-try-restart", "config_file.yaml") are not prose.
_NON_SPACE = re.compile(r"\S+")
_JOINED = re.compile(r"\w[-_./]\w")
_EXTERNAL = re.compile(r"[a-z][a-z0-9+.-]*://", re.I)
_SHORTCODES = re.compile(r"\{\{[<%].*?[%>]\}\}", re.S)


def prose_words(block: Block, ctx: TranslationContext, lang: str) -> list[str]:
    """Lower-case words of running text, without protected terms, code spans and links'
    bare URLs: what a translator is expected to translate.

    A source block is compared with every language, usually under the very same terms: its
    words are remembered with the terms they were cut by (the list is shared: read it only)."""
    memo: list[object] = block.derived("prose_words", _empty_memo)
    if memo and memo[0] is ctx.terms and memo[1] == lang:
        return memo[2]  # type: ignore[return-value]
    words = _prose_words(block, ctx.terms, lang)
    memo[:] = [ctx.terms, lang, words]
    return words


def _empty_memo(block: Block) -> list[object]:
    return []


def _prose_words(block: Block, terms: Sequence[Term], lang: str) -> list[str]:
    text = block.text
    cut = [(c.start, c.end) for c in block.code_spans]
    cut += [(m.start(), m.end()) for m in _SHORTCODES.finditer(text)]
    cut += [(m.start(), m.end()) for m in _NON_SPACE.finditer(text) if _JOINED.search(m.group())]
    # Autolinks, and the text of links to other sites: titles of talks, articles and pull
    # requests are cited as published, in their own language.
    cut += [(l.start, l.end) for l in block.links if l.autolink or _EXTERNAL.match(l.url)]
    for spans in count_terms(terms, text, lang).values():
        cut.extend(spans)
    for start, end in _merge(cut):
        text = text[:start] + " " + text[end:]
    if block.kind == "table":
        # Cells of data (`apple | red | 6`, identifiers, one-word labels) read the same in
        # every language: only cells of running text are prose.
        text = "\n".join(cell for cell in text.split("\n") if len(_WORDS.findall(cell)) >= TABLE_CELL_WORDS)
    # Capitalized and camel-case words are names, not prose ("Trust Wallet", "MetaMask").
    return [w for w in _WORDS.findall(text) if w == w.lower()]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping spans, last first, so cutting one never shifts the next."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in reversed(merged)]


def same_prose(src: Block, tgt: Block, ctx: TranslationContext,
               source_words: list[str] | None = None) -> bool:
    a = prose_words(src, ctx, ctx.source_lang) if source_words is None else source_words
    if len(a) < MIN_WORDS:
        return False
    # Most translated blocks share almost no word with the source: tell them apart before
    # the costlier cut of names and code (the target's prose words are among its words).
    present = set(_WORDS.findall(tgt.text))
    if 2 * sum(1 for w in a if w in present) < len(a):
        return False
    b = prose_words(tgt, ctx, ctx.lang)
    return fuzz.ratio(" ".join(a), " ".join(b)) >= SIMILARITY


class UntranslatedBlock(Rule):
    """A block still holds the source's prose: it was left untranslated.

    Why it matters: readers who chose their language get a paragraph in another one, often a
    paragraph added to the source after the translation was made. Names, code, URLs and the
    text of links to other sites (titles cited as published) do not count as prose, nor
    table cells of fewer than three words (data), and blocks of fewer than four words are
    not judged, nor a heading that is the page's own name (a command's page titled with the
    command). When most of a file is untranslated, one
    finding is given for the whole file.

    Example:
        en: `Not all assets can be moved freely between all chains.`
        de: `Not all assets can be moved freely between all chains.`
    """

    code = "X601"
    name = "untranslated-block"
    category = Category.TEXT
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        if ctx.lang.split("-")[0] == ctx.source_lang.split("-")[0]:
            return  # en-GB from en: sharing prose is expected
        judged = 0
        same: list[tuple[Block, Block]] = []
        for src, tgt in ctx.block_pairs():
            if src.kind in ("code", "html", "rule", "shortcode") or _names_the_page(src, ctx.article):
                continue
            words = prose_words(src, ctx, ctx.source_lang)
            if len(words) < MIN_WORDS:
                continue
            judged += 1
            if same_prose(src, tgt, ctx, words):
                same.append((src, tgt))
        if not same:
            return
        if judged >= 4 and len(same) * 2 > judged:
            first_src, first_tgt = same[0]
            yield self.report(
                ctx, first_tgt.span,
                f"{len(same)} of {judged} blocks are still in the source language: the file looks"
                " untranslated",
                source=first_src, anchor="file/untranslated",
            )
            return
        for src, tgt in same:
            yield self.report(
                ctx, tgt.span,
                f"block {quote(tgt.text, 50)} is the same prose as the source"
                f" ({where(ctx.source, src.span)}): not translated",
                source=src, anchor=block_anchor(ctx.source, src, "/untranslated"),
            )


def _names_the_page(block: Block, article: str) -> bool:
    """A heading that is the page's own name (tldr's `# gcloud sql backups describe` on
    gcloud-sql-backups-describe.md): a name, kept in every language."""
    if block.kind != "heading":
        return False
    name = article.rsplit("/", 1)[-1].replace("-", " ").replace("_", " ").casefold()
    return " ".join(block.text.replace("-", " ").replace("_", " ").casefold().split()) == name
