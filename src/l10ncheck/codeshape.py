"""The shape of a piece of code: what must survive translation, with what may be localized
(placeholders such as ``{{path/to/file}}`` or ``<name>``, tldr's option notation) set aside.

Shared by alignment (code as evidence that two blocks are the same) and the code rules
(code that changed): both must agree on when two commands are the same command.

- :func:`code_key` is a hashable key: equal keys are the same command. Cheap, cached.
- :func:`same_code` is the finer equivalence used once the keys differ: the same command
  written in another notation (``{{[-l|--live]}}`` = ``-l`` = ``--live``; ``{{4}}`` = ``4``;
  options in another order; a list placeholder ``{{a b ...}}`` = ``{{a}} {{b}}``).
  Operators (``>`` vs ``>>``), options and literal arguments still count, and so do quotes,
  but only as the shell reads them (:func:`shell_quotes`): ``'…'`` and ``"…"`` are one
  where double quotes expand nothing, and quotes around text that means the same bare
  (``+"%Y"`` = ``+%Y``) are none; ``'$HOME'`` is not ``"$HOME"``. A
  placeholder may also stand for the literal it names (``{{DP1}}`` = ``DP1``,
  ``{{path/to/image.img}}`` = ``image.img``), an argument may be split differently between
  placeholder and literal text (``{{dir/}}tool`` = ``{{path/to/tool}}``,
  ``{{path/to/file}}.c`` = ``{{경로/파일.c}}``), and two option groups that share an
  alternative are the same option (``{{[n|neighbour]}}`` = ``{{[n|neighbor]}}``). A
  translation's ``{{c|connect}}`` covers the source's ``connect`` (not the other way round),
  and placeholders joined by ``.``, ``/``, ``:`` or ``@`` are one argument.
- :func:`your_slots` tells a name the source marks as the reader's own (``YOUR_GITHUB_ID``,
  ``your-service-name``, which :data:`PLACEHOLDER` also covers) written as another name of the
  same shape (``SEU_ID_GITHUB``, ``votre-nom-de-service``); ``same_code`` accepts it.
- :func:`option_aliases` collects a page's ``{{[short|long]}}`` alternatives, so that ``-S``
  written alone elsewhere on the page is known to be ``--sync``.
- :func:`placeholder_names` lists the names a page's placeholders use (``num`` of ``{{num}}``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Mapping

# Placeholders translators are expected to localize: {{path/to/file}}, <name>, {name}.
# Also a word in single braces (`{verb} {object}`, `{import-path}`), not a shell variable
# (`${HOME}`) nor part of a `{{…}}`.
BRACED_WORD = r"(?<![$\\{])\{[^\W\d_][\w-]*\}(?!\})"
# The reader's own value, unbracketed: one name whose parts include "your" (`YOUR_GITHUB_ID`,
# `your-service-name`, `short-name-for-your-blog-post`, `yourApp`). Not `.`-joined, so the
# `.py` of `YOUR_APP.py` stays.
YOUR_WORD = (r"(?<![\w-])(?:(?:[^\W_]+[_-])*(?:your|YOUR|Your)(?:[_-][^\W_]+)+|your[A-Z][^\W_]*)(?![\w-])")
PLACEHOLDER = re.compile(r"\{\{.*?\}\}|<[^<>\s][^<>]*>|" + BRACED_WORD + "|" + YOUR_WORD)
YOUR_NAME = re.compile(YOUR_WORD)

# tldr's option notation {{[-l|--length]}} stands for the option itself: the long form.
_OPTION = re.compile(r"\{\{\[(?:[^\]|{}]*\|)*([^\]|{}]*)\]\}\}")
# The same notation with all its alternatives.
_OPTION_GROUP = re.compile(r"\{\{\[([^\]{}]*)\]\}\}")
# A placeholder holding a literal number ({{4}}, {{0.5}}): its default value.
_NUMBER_PLACEHOLDER = re.compile(r"\{\{\s*([+-]?\d+(?:[.,]\d+)*)\s*\}\}")
# A placeholder standing for several arguments: {{file1 file2 ...}}, {{...}}.
_LIST_HINT = re.compile(r"\.\.\.|…")
_OPTION_TOKEN = re.compile(r"--?[^\W\d_-]")
_NAME_SPLIT = re.compile(r"[|\s]+")
# A Windows command switch (`/A`, `/s`, `/?`): one to three letters after a slash.
_WINDOWS_SWITCH = re.compile(r"/[A-Za-z?]{1,3}")
_LIST = "{…}"
_HOLE = "{}"


# Commands that run the rest of the line with other rights: `sudo chown …` is `chown …`
# run as root, the same example.
PRIVILEGE = frozenset({"sudo", "doas", "pkexec", "run0"})


def unprivileged(code: str) -> str:
    """``code`` without the privilege commands that open it (`sudo`, `doas`, …)."""
    words = code.split(" ")
    while words and words[0] in PRIVILEGE:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=65536)
def code_key(code: str) -> str:
    """Code with placeholders reduced to ``{}``, options to their long form, and runs of
    whitespace to one space."""
    code = _OPTION.sub(lambda m: m.group(1), code)
    return " ".join(PLACEHOLDER.sub("{}", code).split())


def option_aliases(codes: Iterable[str]) -> dict[str, str]:
    """Every alternative of the ``{{[a|b]}}`` option groups in ``codes``, mapped to the
    group's canonical (last) alternative: ``{"-l": "--live", "--live": "--live"}``."""
    aliases: dict[str, str] = {}
    for code in codes:
        if "{{[" not in code:
            continue
        for m in _OPTION_GROUP.finditer(code):
            alternatives = [" ".join(a.split()) for a in m.group(1).split("|")]
            canonical = alternatives[-1]
            for alternative in alternatives:
                if alternative:
                    aliases.setdefault(alternative, canonical)
    return aliases


def placeholder_names(codes: Iterable[str]) -> frozenset[str]:
    """The names placeholders of ``codes`` use: ``{{path/to/dir}}`` gives ``path/to/dir`` and ``dir``,
    ``{{a|b}}`` gives ``a`` and ``b``, ``<name>`` gives ``name``; never option groups."""
    names: set[str] = set()
    for code in codes:
        if "{{" not in code and "<" not in code and "{" not in code and "our" not in code.casefold():
            continue
        for m in PLACEHOLDER.finditer(code):
            inner = (m.group()[2:-2] if m.group().startswith("{{") else
                     m.group()[1:-1] if m.group().startswith(("<", "{")) else m.group())
            if inner.startswith("["):
                continue
            inner = _LIST_HINT.sub(" ", inner).strip()
            if not inner:
                continue
            names.add(inner)
            for part in _NAME_SPLIT.split(inner):
                if part:
                    names.add(part)
                    names.add(part.rstrip("/").rsplit("/", 1)[-1])  # path/to/file: file
    return frozenset(names)


def same_code(a: str, b: str, aliases: Mapping[str, str] | None = None) -> bool:
    """Whether ``a`` and ``b`` are the same command written differently (see the module doc).

    ``aliases`` (from :func:`option_aliases` over the source page) maps options written
    alone to their canonical form; both codes' own option groups are always used.
    """
    if a == b or code_key(a) == code_key(b):
        return True
    local = option_aliases((a, b))
    if aliases:
        local = {**aliases, **local}
    for unwrap in (False, True):
        x, y = _shape(a, local, unwrap), _shape(b, local, unwrap)
        if x == y:
            return True
        if _LIST in x[0] or _LIST in y[0]:
            if _collapse(x) == _collapse(y):
                return True
    return _same_words(a, b, local) or your_slots(a, b) or your_slots(b, a)


def your_slots(a: str, b: str) -> bool:
    """Is ``b`` ``a`` with each of its "your" placeholders (:data:`YOUR_WORD`) written as
    another name of the same shape: one name of letters and digits of any script joined by
    the placeholder's own separators, in its case (`YOUR_GITHUB_ID` -> `SEU_ID_GITHUB`,
    `your-service-name` -> `votre-nom-de-service`; not `seu id` nor `seu_id`)?"""
    a, b = " ".join(a.split()), " ".join(b.split())
    if "our" not in a.casefold():
        return False
    holes = [m.group() for m in YOUR_NAME.finditer(a)]
    if not holes:
        return False
    m = _your_pattern(a).fullmatch(b)
    return m is not None and all(_same_case(hole, name) for hole, name in zip(holes, m.groups()))


@lru_cache(maxsize=4096)
def _your_pattern(code: str) -> re.Pattern[str]:
    parts: list[str] = []
    last = 0
    for m in YOUR_NAME.finditer(code):
        seps = "".join(sorted(set(m.group()) & {"_", "-"}))
        joined = f"(?:[{re.escape(seps)}][^\\W_]+)*" if seps else ""
        parts += [re.escape(code[last:m.start()]), f"([^\\W_]+{joined})"]
        last = m.end()
    return re.compile("".join(parts) + re.escape(code[last:]))


def _same_case(name: str, other: str) -> bool:
    if name == name.upper():
        return other == other.upper()
    if name == name.lower():
        return other == other.lower()
    return True


_WHOLE_PLACEHOLDER = re.compile(r"\{\{(?!\[)(.+)\}\}")
_ONE_PLACEHOLDER = re.compile(r"([^{}\s]*)\{\{(?!\[)[^{}]+\}\}([^{}\s]*)")
_JOINED = re.compile(r"(?:\{\{(?!\[)[^{}]+\}\}[./:@])+\{\{(?!\[)[^{}]+\}\}")
_UNWRAP = re.compile(r"\{\{(?!\[)(.+?)\}\}")
_GROUP_WORD = re.compile(r"\{\{\[([^\]{}]*)\]\}\}")


def _same_words(a: str, b: str, aliases: Mapping[str, str]) -> bool:
    """Word by word, the same command once placeholders are read for what they name: a
    placeholder against the literal it names or ends with, an argument whose placeholder
    boundary moved, option groups sharing an alternative. Same number of words, same order."""
    if "{{" in a and "{{" in b and _moved_braces(" ".join(a.split()), " ".join(b.split())):
        return True  # a placeholder of several words, its quotes inside or outside the braces
    if "{{" not in a + b:
        return False
    xs, ys = _one_word_placeholders(a).split(), _one_word_placeholders(b).split()
    if len(xs) != len(ys):
        return False
    return all(_same_word(x, y, aliases) for x, y in zip(xs, ys))


def _one_word_placeholders(code: str) -> str:
    """``code`` with the spaces inside its placeholders turned into word joiners:
    `{{APK ファイルのパス}}` is one argument, as `{{path/to/file}}.apk` is."""
    return _SPACED_PLACEHOLDER.sub(lambda m: "\u2060".join(m.group().split()), code) if " " in code else code


_SPACED_PLACEHOLDER = re.compile(r"\{\{(?!\[)[^{}]*\s[^{}]*\}\}")


def _same_word(x: str, y: str, aliases: Mapping[str, str]) -> bool:
    if x == y or _tokens(x, True) == _tokens(y, True):
        return True
    if x.lower().endswith(".exe") != y.lower().endswith(".exe"):
        return x.lower().removesuffix(".exe") == y.lower().removesuffix(".exe")  # `sc.exe` is `sc`
    if x.startswith("-") and "=" in x and y.startswith("-") and "=" in y:
        (ox, _, vx), (oy, _, vy) = x.partition("="), y.partition("=")
        return ox == oy and _same_word(vx, vy, aliases)  # `--server={{a/b}}` = `--server=a/b`
    if "{{" in x and "{{" not in y and _UNWRAP.sub(r"\1", x) == y or (
            "{{" in y and "{{" not in x and _UNWRAP.sub(r"\1", y) == x):
        return True  # `{{{a..c}}}{{{1..3}}}` holds exactly `{a..c}{1..3}`
    if "{{" in x and "{{" in y and _moved_braces(x, y):
        return True  # `-{{vv}}` and `-v{{v}}`, `{{'a b'}}` and `'{{a b}}'`: one word either way
    whole_x, whole_y = _WHOLE_PLACEHOLDER.fullmatch(x), _WHOLE_PLACEHOLDER.fullmatch(y)
    if whole_y and "{{" not in x and not x.startswith("-") and x in whole_y.group(1).split("|"):
        return True  # the translation offers the source's word among alternatives: `{{d|disconnect}}`
    if whole_x and _JOINED.fullmatch(y) or whole_y and _JOINED.fullmatch(x):
        return True  # `{{user}}.{{role}}` is one argument, as `{{role_name}}` is
    gx, gy = _GROUP_WORD.fullmatch(x), _GROUP_WORD.fullmatch(y)
    if gx or gy:
        ax = {aliases.get(o, o) for o in (gx.group(1).split("|") if gx else [x])}
        ay = {aliases.get(o, o) for o in (gy.group(1).split("|") if gy else [y])}
        raw_x = set(gx.group(1).split("|")) if gx else {x}
        raw_y = set(gy.group(1).split("|")) if gy else {y}
        if ax & ay or raw_x & raw_y:
            return True
        # `pod` for `{{[po|pods]}}`: a word between a subcommand's short and long spelling.
        group, word = (raw_x, y) if gx and not gy else (raw_y, x) if gy and not gx else (set(), "")
        return bool(group) and _between(word, group)
    return _names(x, y) or _names(y, x)


def _between(word: str, group: set[str]) -> bool:
    """Is ``word`` a spelling between the shortest and the longest of a group of words that
    are not options (`pod` between `po` and `pods`, `rec` between `r` and `record`)?"""
    if word.startswith("-") or any(g.startswith("-") or not g for g in group):
        return False
    shortest, longest = min(group, key=len), max(group, key=len)
    return longest.startswith(shortest) and word.startswith(shortest) and longest.startswith(word)


_SHORT = re.compile(r"-([A-Za-z])")
_LONG = re.compile(r"--([A-Za-z])[\w-]+")


def spelled_options(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` one command but for options written short in one and long in the
    other, the long one starting with the short one's letter (`rm -i` and `rm
    --interactive`, `-h` and `--help`), or bundled on one side and as many long ones on the
    other (`-Syu` and `--sync --refresh --sysupgrade`)? Without the page's own option table
    that is not proof, only likely."""
    xs, ys = code_key(a).split(), code_key(b).split()
    if xs == ys:
        return False
    if len(xs) != len(ys):
        return _bundled(xs, ys) or _bundled(ys, xs)
    for x, y in zip(xs, ys):
        if x == y:
            continue
        short, long = (x, y) if y.startswith("--") and not x.startswith("--") else (y, x)
        m, n = _SHORT.fullmatch(short), _LONG.fullmatch(long)
        if m is None or n is None or m.group(1).lower() != n.group(1).lower():
            return False
    return True


def _bundled(xs: list[str], ys: list[str]) -> bool:
    """`pacman -Syu` and `pacman --sync --refresh --sysupgrade`: the same words but for
    short options bundled on one side and as many long options on the other."""
    short = [x for x in xs if _BUNDLE.fullmatch(x)]
    long = [y for y in ys if y.startswith("--")]
    if not short or not long or any(x.startswith("--") for x in xs) or any(_BUNDLE.fullmatch(y) for y in ys):
        return False
    letters = sum(len(x) - 1 for x in short)
    rest_x = [x for x in xs if x not in short]
    rest_y = [y for y in ys if y not in long]
    return letters == len(long) and rest_x == rest_y


_BUNDLE = re.compile(r"-[A-Za-z]+")


def _moved_braces(x: str, y: str) -> bool:
    """The same characters with placeholder braces set elsewhere: each side's braces balanced,
    the same text once they are gone, and every `|`, `[` and `]` inside braces on one side
    inside them on the other (an alternative or an option group moved across a brace changes
    what it means: `{{[-r|--reverse}}]` is broken notation): `-{{vv}}` = `-v{{v}}`,
    `{{0c01a9}}..{{9a1743}}` = `{{0c01a9..9a1743}}`, `{{'a b'}}` = `'{{a b}}'`."""
    plain_x, inside_x = _unbraced(x)
    plain_y, inside_y = _unbraced(y)
    if plain_x is None or plain_x != plain_y:
        return False
    return all(inside_x[i] == inside_y[i] for i, ch in enumerate(plain_x) if ch in "|[]")


def _unbraced(code: str) -> tuple[str | None, list[bool]]:
    """``code`` without ``{{``/``}}`` and, per character left, whether it stood inside them;
    None when the braces do not pair up."""
    out: list[str] = []
    inside: list[bool] = []
    depth = i = 0
    while i < len(code):
        pair = code[i : i + 2]
        if pair == "{{":
            depth += 1
            i += 2
        elif pair == "}}" and depth:
            depth -= 1
            i += 2
        elif pair == "}}":
            return None, []
        else:
            out.append(code[i])
            inside.append(depth > 0)
            i += 1
    return ("".join(out), inside) if depth == 0 else (None, [])


def _names(word: str, other: str) -> bool:
    """Is ``word`` a whole placeholder (``{{…}}``) standing for ``other``: the literal it
    holds or ends with (``{{DP1}}`` for ``DP1``, ``{{path/to/a.img}}`` for ``a.img``), or
    the same argument with its literal part outside (``{{path/to/tool}}`` for ``{{dir/}}tool``),
    a file extension included (``{{APK ファイルのパス}}`` for ``{{path/to/file}}.apk``)."""
    m = _WHOLE_PLACEHOLDER.fullmatch(word)
    if m is None or "{{" in m.group(1):
        return False
    inner = m.group(1).strip()
    if "{{" not in other:
        if other.startswith("-"):
            return False  # an option is never a placeholder's value
        return inner == other or inner.endswith(("/" + other, "\\" + other))
    parts = _ONE_PLACEHOLDER.fullmatch(other)
    if parts is None:
        return False
    prefix, suffix = parts.group(1), parts.group(2)
    if not prefix and not suffix or prefix.startswith("-") or "=" in prefix:
        return False
    if not prefix and _EXTENSION.fullmatch(suffix):
        # `{{APK ファイルのパス}}` for `{{path/to/file}}.apk`: the extension folded in, unless
        # the placeholder names another one (`{{archivo.zip}}`).
        named = {e.lower() for e in _EXTENSION.findall(inner)}
        return not named or suffix.lower() in named
    return inner.startswith(prefix) and inner.endswith(suffix)


_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}(?![A-Za-z0-9])")


@lru_cache(maxsize=16384)
def _tokens(code: str, unwrap: bool) -> tuple[str, ...]:
    """Whitespace tokens with option groups as their alternatives joined by ``|``, literal
    number placeholders unwrapped (or not), other placeholders as ``{}`` or ``{…}``, and
    quotes as :func:`shell_quotes` writes them."""
    marks: list[str] = []

    def group(m: re.Match[str]) -> str:
        marks.append(m.group(1))
        return f"\x00{len(marks) - 1}\x00"

    code = _OPTION_GROUP.sub(group, code)
    if unwrap:
        code = _NUMBER_PLACEHOLDER.sub(lambda m: m.group(1), code)
    code = PLACEHOLDER.sub(lambda m: _LIST if _LIST_HINT.search(m.group()) else _HOLE, code)
    code = shell_quotes(code)
    out: list[str] = []
    for token in code.split():
        if token.startswith("\x00") and token.endswith("\x00") and token.count("\x00") == 2:
            out.append("\x00" + marks[int(token[1:-1])])
        elif token.startswith("--") and "=" in token:
            # `--resume-from=x` is `--resume-from x` to every option parser of this notation.
            option, _, value = token.partition("=")
            out.extend(t for t in (option, value) if t)
        elif len(token) > 2 and token[0] == "-" and token[1].isalpha() and token[2:] in (_HOLE, _LIST):
            out.extend((token[:2], token[2:]))  # `-T{{svg}}` is `-T {{svg}}`
        elif _WINDOWS_SWITCH.fullmatch(token):
            out.append(token.lower())  # cmd.exe switches ignore case: `/A` is `/a`
        else:
            out.append(token)
    return tuple(out)


# Text that single and double quotes pass alike: nothing double quotes expand or escape
# (`$`, a backtick, `\`, `!` for history) and no `"` of its own.
_LITERAL_IN_QUOTES = re.compile(r'[^$`\\!"]*')
# Text that means the same quoted or not: no space, glob, expansion, operator, quote, `~`
# or `#`, no braces (brace expansion; and placeholders, whose quotes keep the reader's
# value one word).
_BARE_SAFE = re.compile(r"[\w%+\-.,/:=@^]+")
# Where a command begins: quoting a command's name stops alias and keyword lookup
# (`\ls`, `"ls"`) and makes `"a=b"` a name rather than an assignment.
_COMMAND_START = frozenset("|;&(\n")


def shell_quotes(code: str) -> str:
    """``code`` with each quoted piece written the one way that yields the same shell word:
    `'…'` as `"…"` when double quotes would expand nothing in it, and the quotes dropped
    when the text means the same unquoted (`+"%Y"` is `+%Y`; `'$HOME'` stays apart from
    `"$HOME"`, and quotes around spaces, globs or braces stay, as do those of a command's
    name). Backslash escapes are kept as they are; unbalanced quotes leave ``code`` as it is."""
    if "'" not in code and '"' not in code:
        return code
    out: list[str] = []
    i = 0
    in_word = False
    command_next = True  # the next word is a command's name
    command_word = False  # the word being read is one
    while i < len(code):
        ch = code[i]
        if ch.isspace() or ch in _COMMAND_START:
            in_word = False
            command_next = command_next or ch in _COMMAND_START
            out.append(ch)
            i += 1
            continue
        if not in_word:
            in_word, command_word, command_next = True, command_next, False
        if ch == "\\":
            out.append(code[i:i + 2])
            i += 2
            continue
        if ch not in "'\"":
            out.append(ch)
            i += 1
            continue
        end = _closing(code, i)
        if end < 0:
            return code
        out.append(_requoted(code[i + 1:end], ch, command_word))
        i = end + 1
    return "".join(out)


def _requoted(text: str, mark: str, command_word: bool) -> str:
    """The quoted ``text`` (opened by ``mark``) in its one form: see :func:`shell_quotes`."""
    if not _LITERAL_IN_QUOTES.fullmatch(text):
        return mark + text + mark  # what double quotes would expand, or a `"` inside
    if _BARE_SAFE.fullmatch(text) and not command_word:
        return text
    return '"' + text + '"'


def _closing(code: str, at: int) -> int:
    """Where the quote opened at ``at`` closes (a `\\"` inside double quotes does not), or -1."""
    mark = code[at]
    i = at + 1
    while i < len(code):
        if code[i] == "\\" and mark == '"':
            i += 2
            continue
        if code[i] == mark:
            return i
        i += 1
    return -1


def _shape(code: str, aliases: Mapping[str, str], unwrap: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(arguments in order, options sorted): options are canonicalised through ``aliases``
    (a token or a run of up to three tokens that is an alternative of an option group)."""
    tokens = _tokens(code, unwrap)
    words: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.startswith("\x00"):
            alternatives = [" ".join(x.split()) for x in token[1:].split("|")]
            words.extend(alternatives[-1].split())
            i += 1
            continue
        for n in (3, 2, 1):
            run = " ".join(tokens[i:i + n]) if i + n <= len(tokens) else None
            if run is not None and run in aliases:
                words.extend(aliases[run].split())
                i += n
                break
        else:
            words.append(token)
            i += 1
    args = tuple(w for w in words if not _OPTION_TOKEN.match(w))
    options = tuple(sorted(w for w in words if _OPTION_TOKEN.match(w)))
    return args, options


def _collapse(shape: tuple[tuple[str, ...], tuple[str, ...]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Runs of placeholders as one list placeholder: ``{{a}} {{b}}`` = ``{{a b ...}}``."""
    args: list[str] = []
    for word in shape[0]:
        if word in (_HOLE, _LIST):
            if args and args[-1] == _LIST:
                continue
            word = _LIST
        args.append(word)
    return tuple(args), shape[1]
