from __future__ import annotations

from collections import Counter
from typing import Iterator

from l10ncheck.codeshape import code_key
from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, counterpart, quote, where

class InlineCodeChanged(Rule):
    """An inline code span of the source is missing or changed in the translated block.

    Why it matters: inline code is what readers type or click: commands, options, file
    names, setting names. It must stay verbatim; only placeholders such as `{{path}}` or
    `<name>` may be localized.

    Example:
        en: Run `npm install --global l10ncheck`.
        it: Esegui `npm installa --global l10ncheck`.
    """

    code = "C501"
    name = "inline-code-changed"
    category = Category.CODE
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for src, tgt in ctx.block_pairs():
            if not src.code_spans:
                continue
            have = Counter(code_key(c.code) for c in tgt.code_spans)
            spare = [c for c in tgt.code_spans]
            for code in src.code_spans:
                key = code_key(code.code)
                if have[key] > 0:
                    have[key] -= 1
                    spare = [c for c in spare if code_key(c.code) != key] + [
                        c for c in spare if code_key(c.code) == key][1:]
                    continue
                ref = f"({where(ctx.source, code.span)})"
                changed = _closest(code.code, [c for c in spare if have[code_key(c.code)] > 0])
                if changed is not None:
                    have[code_key(changed.code)] -= 1
                    spare.remove(changed)
                    yield self.report(
                        ctx, changed.span,
                        f"inline code {quote(changed.code)} differs from the source {quote(code.code)} {ref}",
                        source=code.span, suggestion=code.code,
                        anchor=block_anchor(ctx.source, src, f"/code:{code.code}"),
                    )
                else:
                    yield self.report(
                        ctx, counterpart(src, tgt, code.start),
                        f"inline code {quote(code.code)} {ref} is missing",
                        source=code.span, anchor=block_anchor(ctx.source, src, f"/code:{code.code}"),
                    )


def _closest(code: str, spare):  # type: ignore[no-untyped-def]
    from rapidfuzz import fuzz

    best = max(spare, key=lambda c: fuzz.ratio(c.code, code), default=None)
    if best is not None and fuzz.ratio(best.code, code) >= 50:
        return best
    return None
