from __future__ import annotations

from typing import Any, Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity, Span
from l10ncheck.rules.base import Rule, TranslationContext, quote


class FrontMatterDrift(Rule):
    """The translation's front matter lacks a key of the source's, or changes a value that
    must stay identical in every language (`weight`, `slug`, `id`, `aliases`, `url`, `type`,
    `layout`, `sidebar_position`, `draft`… set with `front-matter-keys`).

    Translatable values (`title`, `description`, `linkTitle`…) may differ, and keys that only
    translations carry (translation bookkeeping such as `default_lang_commit`) are not drift.
    A missing key is a warning for those identical keys and `title`, information otherwise.

    Why it matters: a changed `weight` reorders the menu in one language only, a changed
    `slug` or `aliases` breaks links to the page, a missing `title` leaves the page untitled.

    Example:
        en: `weight: 20`
        ja: `weight: 30`
    """

    code = "S111"
    name = "front-matter"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        src, tgt = ctx.source_front, ctx.target_front
        if src is None or src.error:
            return
        if tgt is None:
            yield self.report(ctx, Span(1, 1, 1, 1),
                              f"no front matter; the source has {len(src.values)} keys",
                              source=Span(src.first_line, 1, src.first_line, 1), anchor="front")
            return
        if tgt.error:
            yield self.report(ctx, Span(tgt.first_line, 1, tgt.first_line, 1), tgt.error,
                              severity=Severity.ERROR, anchor="front/error")
            return
        target = {k.lower(): k for k in tgt.values}  # "Title" and "title" are one key
        for key, value in src.values.items():
            src_line = src.lines.get(key, src.first_line)
            identical = key.lower() in ctx.identical_keys
            if key.lower() not in target:
                # Missing routing keys and the title matter; other keys may be tooling.
                yield self.report(
                    ctx, Span(tgt.first_line, 1, tgt.first_line, 1),
                    f"front matter key {quote(key)} (source line {src_line}) is missing",
                    source=Span(src_line, 1, src_line, 1), anchor=f"front/{key}",
                    severity=None if identical or key.lower() == "title" else Severity.INFO,
                )
                continue
            mine = tgt.values[target[key.lower()]]
            if identical and _norm(mine) != _norm(value):
                line = tgt.lines.get(target[key.lower()], tgt.first_line)
                yield self.report(
                    ctx, Span(line, 1, line, len(key) + 1),
                    f"front matter {key} is {quote(_show(mine))}, the source's is"
                    f" {quote(_show(value))} (source line {src_line}); it must be the same in"
                    " every language",
                    source=Span(src_line, 1, src_line, 1), suggestion=_show(value),
                    anchor=f"front/{key}",
                )


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip().rstrip("/")
    if isinstance(value, list):
        return [_norm(v) for v in value]
    return value


def _show(value: Any) -> str:
    return str(value) if not isinstance(value, list) else ", ".join(map(str, value))
