from __future__ import annotations

import re
from typing import Iterator

from rapidfuzz import fuzz

from l10ncheck.diagnostics import Category, Diagnostic, Severity, Span
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote, where

# Comments translators may translate: `# …` and `// …` after code or on their own line,
# `-- …` and `; …` (SQL, Lisp, INI) only on their own line, so `--save` stays code.
_COMMENT = re.compile(r"(?m)(?:^|\s)(?:#|//)(?!!).*$|^\s*(?:--|;)\s.*$|/\*[\s\S]*?\*/|<!--[\s\S]*?-->")
_STRING = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'")
_PLACEHOLDER = re.compile(r"\{\{.*?\}\}|<[^<>\s]+>")


_TOKEN = re.compile(r"\w+|[^\w\s]")


def code_shape(code: str) -> str:
    """Code without what translators may translate (comments, string contents, placeholders)
    and without layout: the token sequence, so re-wrapped arguments are not drift."""
    code = _COMMENT.sub(" ", code)
    code = _STRING.sub('""', code)
    code = _PLACEHOLDER.sub("{}", code)
    return " ".join(_TOKEN.findall(code))


class CodeBlockChanged(Rule):
    """A code block's code differs from the aligned source code block.

    Why it matters: readers copy code blocks. Translated comments, string literals and
    placeholders (`{{path}}`, `<name>`) are allowed; commands, options and values are not.

    Example:
        en: `npm install --save l10ncheck`
        fr: `npm install --save-dev l10ncheck`
    """

    code = "S108"
    name = "code-block-changed"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for src, tgt in ctx.block_pairs():
            if src.kind != "code" or tgt.kind != "code":
                continue
            a, b = code_shape(src.code), code_shape(tgt.code)
            if a == b:
                continue
            line = _first_different_line(src.code, tgt.code)
            shown = tgt.code.split("\n")[line] if line < len(tgt.code.split("\n")) else ""
            similarity = fuzz.ratio(a, b)
            yield self.report(
                ctx, Span(tgt.span.line, tgt.span.column, tgt.span.line, tgt.span.column),
                f"code differs from the source code block ({where(ctx.source, src.span)}) from"
                f" its line {line + 1} on ({quote(shown, 40)}); {min(similarity, 99.9):.1f}% similar"
                " once comments, strings and layout are set aside",
                source=src, anchor=block_anchor(ctx.source, src),
            )


def _first_different_line(a: str, b: str) -> int:
    la, lb = a.split("\n"), b.split("\n")
    for i, (x, y) in enumerate(zip(la, lb)):
        if code_shape(x) != code_shape(y):
            return i
    return min(len(la), len(lb))
