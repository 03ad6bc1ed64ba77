"""What a page's programs print, put as the translation has them.

A translated page often localizes the strings its code prints (`console.log(`Listening on
${PORT}`)` written `Escuchando en …`) and then the output it shows (`Escuchando en
http://localhost:8080`). S108 sets string literals aside in code, but output is compared
literally: :class:`PrintedStrings` rewrites the output lines of a block with the page's own
literal changes, so that the output of the translated code is not drift. A literal's
interpolations (`${PORT}`, `%s`, `%d`, `{}`, `{0}`, `{name}`, `#{x}`, `$x`) stand for any
value (`8080`), which is carried over to where the translated literal puts it.
"""

from __future__ import annotations

import re
from typing import Iterable

# Interpolations of the common string notations: `${x}` (JavaScript, shell, Kotlin), `#{x}`
# (Ruby, Elixir), `{{x}}` (templates), `{}`, `{0}`, `{name}`, `{0:>5}` (Python, C#, Rust),
# printf's `%s`, `%-5d`, `%(name)s`, `%v` (C, Python, Go), `$x` (shell, PHP, Perl), `\(x)`
# (Swift). No space among printf flags: `50% done` holds no `% d`.
_SLOT = re.compile(
    r"\$\{[^{}]*\}|#\{[^{}]*\}|\{\{[^{}]*\}\}|\{[\w.\[\]]*(?:[:!][^{}\s]*)?\}"
    r"|%(?:\(\w+\))?[-+#0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l)?[diouxXeEfFgGcsrpvqb]"
    r"|\$(?:[A-Za-z_]\w*|\d)|\\\([^()\n]*\)")
# What an interpolation printed: a run of characters between fixed text, a word at an end.
_VALUE, _EDGE_VALUE = r".*?", r"\S*"
# Longer lines (minified JSON, base64) are compared as they are: matching stays quick.
_LONGEST = 500
_LETTER = re.compile(r"[^\W\d_]")
_ESCAPE = re.compile(r"\\([\\\"'`])")

# Fence languages of output: all their lines are what a program printed.
_OUTPUT = frozenset("text txt plain plaintext log logs output out none nocode".split()) | {""}
# Terminal sessions: the lines after a prompt are output. Shell blocks are sessions when
# they show a prompt (`$ node app.js`), else they are commands only.
_SESSION = frozenset("console shell-session sh-session bash-session shellsession terminal".split())
_SHELL = frozenset("sh shell bash zsh".split())
# A prompt: `$`, `#`, `%`, `>`, `>>>`, `...`, `user@host:~/dir$`, `PS C:\>`, `C:\dir>`.
_PROMPT = re.compile(r"\s*(?:[\w.@-]+(?::[~\w./-]*)?)?(?:[$#%>]|>>>|\.\.\.|PS [^>\n]*>|[A-Za-z]:\\[^>\n]*>)(?:\s|$)")


def is_output(lang: str) -> bool:
    """Can a block of this fence language show what a program printed?"""
    return lang in _OUTPUT or lang in _SESSION or lang in _SHELL


class PrintedStrings:
    """The string literals a translated page changed (`Listening on ${PORT}` ->
    `Escuchando en ${PORT}`), to put output the source shows as the translation has it.

    The same rewriting applies to both sides, so output a translation left as the source
    wrote it still matches, and two blocks that read the same still do. A source string
    translated two ways on one page is rewritten to the first way, from either.
    """

    def __init__(self, changes: Iterable[tuple[str, str]]) -> None:
        canonical: dict[str, str] = {}
        renderings: dict[str, str] = {}  # a text to rewrite -> the first way the page puts it
        for source, target in changes:
            for a, b in _line_pairs(source, target):
                if a == b or not _fits(a, b):
                    continue
                first = canonical.setdefault(a, b)
                renderings.setdefault(a, first)
                if b != first:
                    renderings.setdefault(b, first)
        # Longer fixed text first: `Hello world` before `Hello`.
        self._texts = sorted(renderings, key=lambda t: -len(_SLOT.sub("", t)))
        self._templates = [renderings[t] for t in self._texts]
        # The longest fixed text of each: a line without it cannot hold the string.
        self._needles = [max(_SLOT.split(t), key=len) for t in self._texts]
        self._patterns: dict[tuple[int, ...], re.Pattern[str]] = {}

    def rewrite(self, code: str, lang: str) -> str:
        """``code`` with the printed strings of its output lines put as the page's
        translated code puts them; prompts and the commands after them stay."""
        if not self._texts or not is_output(lang):
            return code
        lines = code.split("\n")
        output = _output_lines(lines, lang)
        return "\n".join(self._rewrite_line(line) if k in output else line for k, line in enumerate(lines))

    def _rewrite_line(self, line: str) -> str:
        """One pass over the line, with only the strings whose fixed text it holds (a page
        may have many strings: matching all of them at each character would be slow)."""
        found = tuple(i for i, needle in enumerate(self._needles) if needle in line)
        if not found or len(line) > _LONGEST:
            return line
        if found not in self._patterns:
            self._patterns[found] = re.compile("|".join(f"(?P<e{i}>{_regex(self._texts[i], i)})" for i in found))
        return self._patterns[found].sub(self._render, line)

    def _render(self, m: re.Match[str]) -> str:
        i = int((m.lastgroup or "e0")[1:])
        values = {key: m.group(f"e{i}s{j}") for j, key in enumerate(_slot_keys(self._texts[i]))}
        template = self._templates[i]
        out, at = [], 0
        for slot, key in zip(_SLOT.finditer(template), _slot_keys(template)):
            out += [template[at:slot.start()], values[key]]
            at = slot.end()
        return "".join(out) + template[at:]


def _line_pairs(source: str, target: str) -> list[tuple[str, str]]:
    """A literal and its translation as the lines they print (split at `\\n`), paired when
    both print as many lines."""
    a, b = _printed_lines(source), _printed_lines(target)
    return list(zip(a, b)) if len(a) == len(b) else []


def _printed_lines(literal: str) -> list[str]:
    lines = (_ESCAPE.sub(r"\1", line).strip() for line in re.split(r"(?<!\\)\\n", literal))
    return [line for line in lines if line]


def _fits(source: str, target: str) -> bool:
    """Can ``source`` be looked for in output and ``target`` be put in its place? It must
    hold a letter besides its interpolations (`%s: %d` matches anything), and both must
    interpolate the same values, which then carry over."""
    return (_LETTER.search(_SLOT.sub("", source)) is not None
            and sorted(_slot_keys(source)) == sorted(_slot_keys(target)))


def _slot_keys(text: str) -> list[str]:
    """Each interpolation of ``text`` named by its notation and, when the notation repeats
    (`%s … %s`), by its rank: `%s`, `%s#2`."""
    keys: list[str] = []
    for m in _SLOT.finditer(text):
        key, n = m.group(), 2
        while key in keys:
            key, n = f"{m.group()}#{n}", n + 1
        keys.append(key)
    return keys


def _regex(text: str, i: int) -> str:
    """A pattern that finds ``text`` in a line of output, whole words only, each
    interpolation any value: a word at either end, else the shortest run before the fixed
    text that follows (taken in a lookahead, which never backtracks: no slow matching)."""
    fixed = _SLOT.split(text)
    out = [re.escape(fixed[0])]
    for j, rest in enumerate(fixed[1:]):
        slot = f"e{i}s{j}"
        if j == 0 and not fixed[0] or not rest and j == len(fixed) - 2:
            out.append(f"(?P<{slot}>{_EDGE_VALUE}){re.escape(rest)}")
        else:
            out.append(f"(?=(?P<{slot}x>(?P<{slot}>{_VALUE}){re.escape(rest)}))(?P={slot}x)")
    head = r"(?<!\w)" if re.match(r"\w", text) else ""
    tail = r"(?!\w)" if re.search(r"\w$", text) else ""
    return head + "".join(out) + tail


def _output_lines(lines: list[str], lang: str) -> set[int]:
    """Indexes of the lines a program printed: all of a text block's; in a session, those
    that neither show a prompt nor continue its command (`\\` at the end)."""
    if lang in _OUTPUT:
        return set(range(len(lines)))
    prompts = [_PROMPT.match(line) is not None for line in lines]
    if lang in _SHELL and not any(prompts):
        return set()
    out: set[int] = set()
    command = False
    for k, line in enumerate(lines):
        command = prompts[k] or (command and lines[k - 1].rstrip().endswith("\\"))
        if not command:
            out.add(k)
    return out
