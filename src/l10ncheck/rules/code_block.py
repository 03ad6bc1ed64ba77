from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Iterator

from rapidfuzz import fuzz

from l10ncheck.codeshape import BRACED_WORD, YOUR_NAME, YOUR_WORD, your_slots
from l10ncheck.diagnostics import Category, Diagnostic, Severity, Span
from l10ncheck.rules._output import PrintedStrings, is_output
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote, where

# Comments translators may translate: `# …` and `// …` after code or on their own line,
# `-- …` and `; …` (SQL, Lisp, INI) only on their own line, so `--save` stays code.
_COMMENT = re.compile(r"(?m)(?:^|\s)(?:#|//)(?!!).*$|^\s*(?:--|;)\s.*$|/\*[\s\S]*?\*/|<!--[\s\S]*?-->")
_STRING = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'")
# Placeholders: {{x}}, <name>, and <words of a placeholder> (`<path where you saved the
# chart>`: letters, digits, spaces, hyphens; no `=`, quotes or punctuation of real markup).
# The reader's own value, unbracketed (`your-service-name`), is a placeholder too.
_PLACEHOLDER = re.compile(r"\{\{.*?\}\}|<[^<>\s]+>|<[^\W\d_][\w -]{0,60}[\w]>|" + BRACED_WORD + "|" + YOUR_WORD)


_TOKEN = re.compile(r"\w+|[^\w\s]")

# Comments only some languages have, by fence language: batch `rem`/`::`, SQL/Lua/Haskell
# `--` after code, Lisp/INI/assembly `;` after code, TeX/Erlang/MATLAB/Prolog `%`,
# PowerShell `<# … #>`.
_BATCH = re.compile(r"(?im)^\s*@?(?:rem\b.*|::.*)$")
_DASH_DASH = re.compile(r"(?m)(?:^|\s)--(?:\s.*)?$")
_SEMICOLON = re.compile(r"(?m)(?:^|\s);.*$")
_PERCENT = re.compile(r"(?m)(?<!\\)%.*$")
_POWERSHELL = re.compile(r"<#[\s\S]*?#>")
_LANG_COMMENTS: dict[str, tuple[re.Pattern[str], ...]] = {}
for _names, _pattern in (
    ("bat cmd batch batchfile dos dosbatch winbatch", _BATCH),
    ("sql mysql psql plsql postgres postgresql sqlite tsql lua haskell hs elm ada vhdl", _DASH_DASH),
    ("ini cfg dosini asm nasm lisp elisp emacs-lisp clojure clj scheme racket autohotkey ahk", _SEMICOLON),
    ("tex latex matlab octave erlang erl prolog postscript", _PERCENT),
    ("powershell ps1 ps pwsh", _POWERSHELL),
):
    for _name in _names.split():
        _LANG_COMMENTS[_name] = _LANG_COMMENTS.get(_name, ()) + (_pattern,)

# Mermaid: labels are prose ([text], (text), {text}, |text|, "text", -- text -->, text after
# a colon in sequence, class, state and gantt diagrams, titles of subgraphs and of sequence
# blocks such as `loop`); ids, edges and keywords are the graph.
_MERMAID_COMMENT = re.compile(r"(?m)%%.*$")
_MERMAID_LABEL = re.compile(r"\[[^\[\]\n]*\]|\([^()\n]*\)|\{[^{}\n]*\}|\|[^|\n]*\||\"[^\"\n]*\"")
_MERMAID_EDGE_TEXT = re.compile(r"(?:--|==|-\.)(?![->.=])[ \t]+[^\n]*?[ \t]+(?=-->|==>|\.->|---|-\.-|===)")
_MERMAID_FREE_TEXT = re.compile(
    r"(?im)^([ \t]*)(title|accTitle|accDescr|section|loop|alt|else|opt|par|and|critical|break|option"
    r"|subgraph(?![ \t]+[^\s\x01]+[ \t]*\x01))\b.*$")
_MERMAID_ALIAS = re.compile(r"(?im)^(\s*(?:participant|actor)\s+\S+)\s+as\s.*$")
_MERMAID_COLON_TAIL = re.compile(r"(?m)^(?!\s*(?:classDef|style|linkStyle|class|click)\b)([^:\n]*?)(?<!:):(?!:).*$")
_MERMAID_COLON_HEAD = re.compile(r"(?m)^(?!\s*(?:dateFormat|axisFormat|title|section)\b)[^:\n]*:")
_MERMAID_WORD = re.compile(r"[^\W\d_]+")

# Markdown examples: the markup is the code, the prose and front matter values are text.
_MD_FRONT_KEY = re.compile(r"^\s*(?:-\s+)?[\w.-]+\s*[:=]")
_MD_PREFIX = re.compile(r"^\s*(?:#{1,6}(?=\s)|[-*+](?=\s)|\d+[.)](?=\s)|>|\s)*")
_MD_KEEP = re.compile(r"`[^`\n]+`|\]\([^)\s]*|</?[A-Za-z][\w-]*|\{\{[<%]\s*/?[\w-]+|\||^\s*(?:```|~~~).*")
_HTML_COMMENT = re.compile(r"<!--[\s\S]*?-->")
_FENCE = re.compile(r"^\s*(?:```|~~~)")


def fence_language(info: str) -> str:
    """The language of a fence's info string: "ts {hl_lines=[6]}" gives "ts"."""
    word = info.strip().split(maxsplit=1)[0] if info.strip() else ""
    return word.strip("{}.").lower()


@lru_cache(maxsize=8192)
def code_shape(code: str, lang: str = "") -> str:
    """Code without what translators may translate (comments, string contents, placeholders;
    the labels of a Mermaid graph, the prose of a Markdown example) and without layout: the
    token sequence, so re-wrapped arguments are not drift."""
    code = _structure(code, lang)
    for pattern in _LANG_COMMENTS.get(lang, ()):
        code = pattern.sub(" ", code)
    if lang not in _STRUCTURED:  # there `#` is a heading or a colour, not a comment
        code = _COMMENT.sub(" ", code)
    if lang in _BACKTICK_STRINGS:
        code = _TEMPLATE.sub(_template_code, code)
    code = _STRING.sub('""', code)
    code = _PLACEHOLDER.sub("{}", code)
    return " ".join(_TOKEN.findall(code))


_STRUCTURED = ("mermaid", "md", "markdown", "mdx")

# Languages whose backtick strings are strings: JavaScript's template literals (their
# `${…}` is code and stays), Go's raw strings. In shell a backtick runs a command.
_BACKTICK_STRINGS = frozenset("js javascript mjs cjs jsx ts typescript tsx go golang".split())
_TEMPLATE = re.compile(r"`(?:[^`\\]|\\.)*`")
_INTERPOLATION = re.compile(r"\$\{[^{}]*\}")


def _template_code(m: re.Match[str]) -> str:
    return "`" + " ".join(_INTERPOLATION.findall(m.group())) + "`"


def _structure(code: str, lang: str) -> str:
    """Mermaid and Markdown examples reduced to their structure, line for line."""
    if lang == "mermaid":
        return _mermaid(code)
    if lang in ("md", "markdown", "mdx"):
        return _markdown(code)
    return code


def _mermaid(code: str) -> str:
    code = _MERMAID_COMMENT.sub("", code)
    first = code.strip().split(maxsplit=1)[0].lower() if code.strip() else ""
    while True:
        shorter = _MERMAID_LABEL.sub("\x01", code)
        if shorter == code:
            break
        code = shorter
    code = _MERMAID_EDGE_TEXT.sub("", code)
    code = _MERMAID_FREE_TEXT.sub(r"\1\2", code)
    code = _MERMAID_ALIAS.sub(r"\1", code)
    if first in ("gantt", "journey", "timeline"):
        code = _MERMAID_COLON_HEAD.sub(":", code)
    elif first.startswith(("sequence", "class", "state", "er", "requirement")):
        code = _MERMAID_COLON_TAIL.sub(r"\1", code)
    elif first == "mindmap":
        head, _, rest = code.partition("\n")
        code = head + "\n" + _MERMAID_WORD.sub("w", rest)
    return code.replace("\x01", " ")


def _markdown(code: str) -> str:
    lines = _HTML_COMMENT.sub(lambda m: "\n" * m.group().count("\n"), code).split("\n")
    out: list[str] = []
    front = bool(lines) and lines[0].strip() in ("---", "+++")
    fenced = False
    for k, line in enumerate(lines):
        if front:
            if k == 0 or line.strip() in ("---", "+++"):
                front = k == 0
                out.append(line)
                continue
            key = _MD_FRONT_KEY.match(line)
            out.append(key.group() if key else "")
            continue
        if _FENCE.match(line):
            fenced = not fenced
            out.append(line)
            continue
        if fenced:
            out.append(_COMMENT.sub(" ", line))
            continue
        prefix = _MD_PREFIX.match(line)
        out.append(" ".join([prefix.group().strip() if prefix else ""] + _MD_KEEP.findall(line)))
    return "\n".join(out)


class CodeBlockChanged(Rule):
    """A code block's code differs from the aligned source code block.

    Why it matters: readers copy code blocks. Translated comments (as the fence language
    writes them: `#`, `//`, `rem`, `--`, `;`, `%`), string literals and placeholders are
    allowed: `{{path}}`, `<name>`, and a name the source marks as the reader's own
    (`your-service-name` written `votre-nom-de-service`: one name, the same separators and
    case). So are the labels of a Mermaid graph and the prose of a Markdown example;
    commands, options, values, graph edges and markup are not. Output (a `text` block,
    the lines after a prompt's command) may print a string as the page's translated code
    writes it: `Listening on http://localhost:8080` may read `Escuchando en
    http://localhost:8080` when the code's `Listening on ${PORT}` reads `Escuchando en
    ${PORT}` (interpolations such as `${…}`, `%s`, `{}`, `{name}` stand for any value).

    Example:
        en: `npm install --save l10ncheck`
        fr: `npm install --save-dev l10ncheck`
    """

    code = "S108"
    name = "code-block-changed"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        printed: PrintedStrings | None = None  # read from the page's code when output differs
        for src, tgt in ctx.block_pairs():
            if src.kind != "code" or tgt.kind != "code":
                continue
            lang = fence_language(src.info)
            source, target = src.code, tgt.code
            a, b = code_shape(source, lang), code_shape(target, lang)
            if a != b and YOUR_NAME.search(source):
                target = _your_filled(source, target)
                b = code_shape(target, lang)
            if a != b and is_output(lang):
                printed = printed if printed is not None else PrintedStrings(_changed_strings(ctx))
                source, target = printed.rewrite(source, lang), printed.rewrite(target, lang)
                a, b = code_shape(source, lang), code_shape(target, lang)
            if a == b:
                continue
            line = _first_different_line(source, target, lang)
            shown = tgt.code.split("\n")[line] if line < len(tgt.code.split("\n")) else ""
            similarity = fuzz.ratio(a, b)
            yield self.report(
                ctx, Span(tgt.span.line, tgt.span.column, tgt.span.line, tgt.span.column),
                f"code differs from the source code block ({where(ctx.source, src.span)}) from"
                f" its line {line + 1} on ({quote(shown, 40)}); {min(similarity, 99.9):.1f}% similar"
                " once comments, strings and layout are set aside",
                source=src, anchor=block_anchor(ctx.source, src),
            )


def _changed_strings(ctx: TranslationContext) -> Iterator[tuple[str, str]]:
    """The string literals the translation's code blocks put otherwise (source text,
    translated text): those of lines that are the same code (the same shape) in paired
    blocks, taken in order when both lines hold as many. Output blocks are not code."""
    for src, tgt in ctx.block_pairs():
        lang = fence_language(src.info)
        if src.kind != "code" or tgt.kind != "code" or is_output(lang) or lang in _STRUCTURED:
            continue
        la, lb = src.code.split("\n"), tgt.code.split("\n")
        matcher = SequenceMatcher(None, [code_shape(x, lang) for x in la],
                                  [code_shape(y, lang) for y in lb], autojunk=False)
        for i, j, size in matcher.get_matching_blocks():
            for x, y in zip(la[i:i + size], lb[j:j + size]):
                xs, ys = _literals(x, lang), _literals(y, lang)
                if len(xs) == len(ys):
                    yield from ((p, q) for p, q in zip(xs, ys) if p != q)


def _literals(line: str, lang: str) -> list[str]:
    """The insides of a line's string literals, in order. One scan finds strings and
    comments, so that neither hides the other (`"#{name}"`, `// it's`)."""
    for pattern in _LANG_COMMENTS.get(lang, ()):
        line = pattern.sub(" ", line)
    scan = _STRING_OR_COMMENT[lang in _BACKTICK_STRINGS]
    return [m.group("s")[1:-1] for m in scan.finditer(line) if m.group("s")]


_STRING_OR_COMMENT = {
    backtick: re.compile(f"(?P<s>{_STRING.pattern}{'|' + _TEMPLATE.pattern if backtick else ''})"
                         f"|{_COMMENT.pattern.removeprefix('(?m)')}", re.M)
    for backtick in (False, True)
}


def _your_filled(source: str, target: str) -> str:
    """``target`` with each line that writes a source line's "your" placeholders as names of
    its own (`--service_name votre-nom-de-service`) put back as the source line."""
    wanted = [line for line in source.split("\n") if YOUR_NAME.search(line)]
    lines = target.split("\n")
    for k, line in enumerate(lines):
        hit = next((w for w in wanted if your_slots(w, line)), None)
        if hit is not None:
            lines[k] = hit
            wanted.remove(hit)
    return "\n".join(lines)


def _first_different_line(a: str, b: str, lang: str = "") -> int:
    la, lb = _structure(a, lang).split("\n"), _structure(b, lang).split("\n")
    if lang in _STRUCTURED:
        lang = ""  # already reduced to structure, which line by line would lose context
    for i, (x, y) in enumerate(zip(la, lb)):
        if code_shape(x, lang) != code_shape(y, lang):
            return i
    return min(len(la), len(lb))
