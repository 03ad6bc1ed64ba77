from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, counterpart, quote, where
from l10ncheck.skeleton import Block


class MissingBold(Rule):
    """The translated block has fewer bold spans than its source block.

    Bold spans in the other half of a paragraph the translation split in two (a sentence
    set apart as a paragraph of its own) are not missing.

    When the translation has a new link for each bold span it lacks (bold text turned into a
    link to what it names), or writes the bold words as inline code or in italics, the
    finding is info: the words still stand out.

    Why it matters: help articles put their warnings in bold ("**Not all assets can be
    moved freely between all chains.**"). A translation that drops the bold hides the
    warning in running text, which is how readers lose funds.

    Example:
        en: `**Note that BEP2 tokens may not work in dapps.** To use them, …`
        es: `Ten en cuenta que los tokens BEP2 pueden no funcionar. Para usarlos, …`
    """

    code = "E301"
    name = "missing-bold"
    category = Category.EMPHASIS
    severity = Severity.ERROR

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for src, tgt in ctx.block_pairs():
            if src.kind == "code" or len(tgt.strong) >= len(src.strong):
                continue
            # The other half of a paragraph the translation split in two holds its own bold.
            held = len(tgt.strong) + sum(len(ctx.target.blocks[h].strong)
                                         for h in ctx.alignment.halves("target", tgt.index))
            if held >= len(src.strong):
                continue
            missing = src.strong[len(tgt.strong)] if not tgt.strong else _unmatched(src, tgt)
            deficit = len(src.strong) - held
            # Bold text that became a link (to the guide it names) still stands out.
            linked = len(tgt.links_only) - len(src.links_only) >= deficit
            # Or it is set apart another way: the same words in code or italics.
            apart = _set_apart(tgt)
            moved = [b for b in src.strong if b.text.strip().casefold() in apart]
            marked = len(moved) >= deficit
            if marked:
                missing = moved[0]
            yield self.report(
                ctx, counterpart(src, tgt, missing.start),
                f"{len(tgt.strong)} bold span{'s' if len(tgt.strong) != 1 else ''} where the source"
                f" ({where(ctx.source, src.span)}) has {len(src.strong)}; not bold here:"
                f" {quote(missing.text, 50)}"
                + (" (written as code or in italics instead)" if marked and not linked else ""),
                source=missing.span, anchor=block_anchor(ctx.source, src, "/bold"),
                severity=Severity.INFO if linked or marked else None,
            )


def _set_apart(block: Block) -> set[str]:
    """The texts of the block's code and italic spans, in any case."""
    found = {c.code.strip().casefold() for c in block.code_spans}
    found.update(e.text.strip().casefold() for e in block.emphasis if e.kind == "emphasis")
    return found


def _unmatched(src, tgt):  # type: ignore[no-untyped-def]
    """The source bold span whose relative place in its block is furthest from any target
    bold span: the best guess for the one the translation dropped."""
    src_len = max(len(src.text), 1)
    tgt_len = max(len(tgt.text), 1)
    places = [b.start / tgt_len for b in tgt.strong]
    return max(src.strong, key=lambda b: min(abs(b.start / src_len - p) for p in places))
