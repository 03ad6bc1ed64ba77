from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity, Span
from l10ncheck.rules.base import Rule, TranslationContext, quote, where


class ListItemCount(Rule):
    """A list has more or fewer items than the aligned source list.

    Why it matters: a dropped item is a dropped option, step or warning; an extra one is
    unreviewed. Reported once per list, naming the items that have no counterpart.

    Example:
        en: a list of four platforms
        ru: the same list with three items
    """

    code = "S106"
    name = "list-item-count"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        # Per source list, how many of its items pair with each target list (plain dicts, not
        # Counters: a tldr page is a dozen one-item lists).
        partners: dict[int, dict[int, int]] = {}
        for src, tgt in ctx.block_pairs():
            if src.kind == "item" and tgt.kind == "item":
                counts = partners.setdefault(src.list_id, {})
                counts[tgt.list_id] = counts.get(tgt.list_id, 0) + 1
        missing: dict[int, list[str]] = {}
        for pair in ctx.alignment.pairs:
            if pair.source is not None and pair.target is None and pair.source.kind == "item":
                missing.setdefault(pair.source.list_id, []).append(pair.source.text)
        used_targets: set[int] = set()
        for src_id, counts in sorted(partners.items()):
            tgt_id = max(counts, key=counts.__getitem__)  # the first of the most frequent
            if tgt_id in used_targets:
                continue
            used_targets.add(tgt_id)
            src_list, tgt_list = ctx.source.lists[src_id], ctx.target.lists[tgt_id]
            if src_list.size == tgt_list.size:
                continue
            dropped = missing.get(src_id, [])
            detail = f"; missing: {', '.join(quote(t, 40) for t in dropped[:3])}" if dropped else ""
            s = tgt_list.span
            yield self.report(
                ctx, Span(s.line, s.column, s.line, s.column + 1),
                f"list has {_items(tgt_list.size)}, source list ({where(ctx.source, src_list.span)})"
                f" has {src_list.size}{detail}",
                source=src_list.span, anchor=f"list{src_id}",
            )


def _items(n: int) -> str:
    return f"{n} item" if n == 1 else f"{n} items"
