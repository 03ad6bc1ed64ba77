"""What a source page and its translation say about their code, as a whole: the option
aliases and placeholder names of their commands, how the translation renders placeholder
names, sample values, sample names and argument words, tldr's option mnemonics, the words
the commands use, and how long a translated block is against its source as a rule. Also what of a
command's quoted sample text is words a translator may put in their language and what is
code (:func:`sample_text`). C501 reads it to tell a span put in the translation's words
from a span lost."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Iterable, Iterator, Mapping

from rapidfuzz import fuzz

from l10ncheck.align import BlockPair
from l10ncheck.codeshape import code_key, option_aliases, placeholder_names
from l10ncheck.skeleton import Block, Skeleton
from l10ncheck.terms import contains, prose
from l10ncheck.textutil import normalize_digits

# Runs of letters of any script.
LETTERS = re.compile(r"[^\W\d_]+")
_PLAIN_WORD = re.compile(r"[a-z]{2,15}")
_COMMAND_WORD = re.compile(r"[^\s=,;:|()'\"<>{}\[\]/]+")
_NAMES = re.compile(r"\{\{(.*?)\}\}")
_MNEMONIC = re.compile(r"([^\W\d_]*)\[([A-Za-z])\]([^\W\d_]*)|([^\W\d_]{2,}) \(\[([A-Za-z])\]\)")
_SHORT_BUNDLE = re.compile(r"-[A-Za-z]{1,6}")
_WHOLE_NAME = re.compile(r"\{\{(?!\[)[^{}]+\}\}")
_WORDS_ONLY = re.compile(r"[^\W\d_\s]+(?:\s+[^\W\d_\s]+)*\s*")
_NATURAL_WORD = re.compile(r"[^\W\d_][^\W\d_A-Z]+")


# Below this similarity two words are not one respelled (`eror` for `error` is 89).
_LIKE = 60
# An unbraced argument word of a description's command (`device`, `printer_name`).
_ARGUMENT_WORD = re.compile(r"[^\W\d_]+(?:_[^\W\d_]+)*")


def is_command(block: Block) -> bool:
    """Is the block one code span and nothing else (a tldr example's command)?"""
    return len(block.code_spans) == 1 and block.text.strip() == block.code_spans[0].code.strip()


class CodePage:
    """What the whole pages say about their code: option aliases, placeholder names."""

    def __init__(self, source: Skeleton, target: Skeleton, pairs: Iterable[BlockPair] = ()) -> None:
        self.source, self.target = source, target
        ratios: list[float] = []
        # Placeholder names as the translation renders them, read off the commands the two
        # pages share ({{subscription_id}} -> {{id_sottoscrizione}}).
        self.renamed: dict[str, set[str]] = {}
        self.samples: set[str] = set()
        for pair in pairs:
            a, b = pair.source, pair.target
            assert a is not None and b is not None
            if a.kind in ("paragraph", "item") and len(a.text) >= 8 and not is_command(a):
                ratios.append(len(b.text) / len(a.text))
            if is_command(a) and len(b.code_spans) == 1 and "{{" in b.code_spans[0].code:
                # A literal of a source command standing where the translation has a
                # placeholder: a sample value (`ag string` -> `ag {{foo}}`).
                xs, ys = a.code_spans[0].code.split(), b.code_spans[0].code.split()
                if len(xs) == len(ys):
                    self.samples.update(x for x, y in zip(xs, ys) if "{{" not in x and not x.startswith("-")
                                        and _WHOLE_NAME.fullmatch(y))
            if len(a.code_spans) == 1 and len(b.code_spans) == 1 and "{{" in a.code_spans[0].code:
                x, y = a.code_spans[0].code, b.code_spans[0].code
                if code_key(x) == code_key(y):
                    for m, n in zip(_NAMES.findall(x), _NAMES.findall(y)):
                        if m != n and not m.startswith("["):
                            self.renamed.setdefault(m.strip(), set()).add(n.strip())
        ratios.sort()
        # How long a translated block of this page is against its source block, as a rule.
        self.ratio = ratios[len(ratios) // 2] if len(ratios) >= 3 else 0.0
        tgt_codes = [c.code for b in target.blocks for c in b.code_spans]
        self.target_names = placeholder_names(tgt_codes)
        # What the source page alone says: the same for every language.
        (self.aliases, self.source_names, self.mnemonics, self.described, self._commands,
         self.command_words) = source.derived("code_page", _source_facts)
        self._target_commands: list[str] | None = None
        self._source_words: frozenset[str] | None = None
        self._code_words: frozenset[str] | None = None

    def word_like(self, code: str, target: Block) -> bool:
        """Is ``code`` words of a language rather than code: up to four words of letters,
        none upper-case (`HEAD`) or camel-case (`MetaMask`), none used by the page's
        commands, and not written as such in ``target``?"""
        words = code.split()
        return (0 < len(words) <= 4 and all(_NATURAL_WORD.fullmatch(w) for w in words)
                and not any(w in self.command_words for w in words)
                and not contains(code, target.text))

    def names_the_page(self, code: str, article: str) -> bool:
        """Is ``code`` the command the page is about (`nmap` on nmap.md, `apt` on
        add-apt-repository.md)? Descriptions often leave it implied."""
        name = article.rsplit("/", 1)[-1].casefold()
        return code.casefold() == name or (" " not in code and code.casefold() in name.split("-"))

    def writes(self, words: set[str], besides: Block) -> bool:
        """Does the translated page use each of ``words`` in another block too (sample text
        localized consistently: `jabłko` in the description as in the command)?"""
        elsewhere = {w.casefold() for b in self.target.blocks if b is not besides
                     for w in LETTERS.findall(b.text)}
        return bool(words) and all(w.casefold() in elsewhere for w in words)

    def sample_renamed(self, code: str, target: Block) -> bool:
        """Is ``code`` a sample value that an aligned translated command writes as a
        placeholder (`ag string` -> `ag {{foo}}`), and that the translated block does not
        write either (the translation has its own sample)?"""
        return code in self.samples and not contains(code, target.text)

    def sample_localized(self, code: str, changed: str, src: Block, tgt: Block) -> bool:
        """Is ``changed`` the sample name ``code`` (a file, a user, a path: `frame_1.jpg`,
        `user@host:path/to/file`) with words put in the translation's language, as the
        translated commands have them (`quadro_1.jpg`, `{{caminho/para/quadro_%d.jpg}}`)?

        Both have one shape once each run of letters, of any script, is one letter, with a
        digit or a sign besides (`w_1.jpg`), and neither is an option. A word it adds is in
        a placeholder of the translated command, and none it drops is still an argument of
        that command (which then keeps the source's value). The command is that of the
        example ``src`` describes (the next block) when it has a dropped word, else any of
        the page (a sample in the page's header, or one a description names for all). No
        added word is a word of the source page's code (`frpc.ini` for `frps.ini` names
        another file of the page), and each is in the translated block's script (a Latin
        `foo.html` on a Korean page is an old sample, not a localized one)."""
        if code.startswith("-") or changed.startswith("-") or code == changed:
            return False
        shape = _sample_shape(code)
        if shape != _sample_shape(changed) or not any(not ch.isspace() and ch != "w" for ch in shape):
            return False
        old, new = Counter(letter_runs(code)), Counter(letter_runs(changed))
        gone, added = set(old - new), set(new - old)
        if not gone or not added:
            return False
        if self._code_words is None:
            self._code_words = frozenset(w.casefold() for b in self.source.blocks for c in b.code_spans
                                         for w in letter_runs(c.code))
        foreign = _mostly_beyond_latin([ch for ch in prose(tgt) if ch.isalpha()])
        if any(b.casefold() in self._code_words or foreign and _latin(b) for b in added):
            return False
        commands = self._sample_commands(src, tgt, gone)
        placed = {w for c in commands for m in _NAMES.finditer(c) if not m.group(1).startswith("[")
                  for w in letter_runs(m.group(1))}
        kept = {w for c in commands for w in _argument_runs(c)}
        return any(len(b) >= 2 and b in placed for b in added) and not gone & kept

    def _sample_commands(self, src: Block, tgt: Block, words: set[str]) -> list[str]:
        """The translated command of the example ``src`` and ``tgt`` describe (the next
        block) when the source one uses one of ``words``, else every translated command."""
        mine = _next_command(self.source, src), _next_command(self.target, tgt)
        if mine[0] is not None and mine[1] is not None and words & set(_argument_runs(mine[0])):
            return [mine[1]]
        return [b.code_spans[0].code for b in self.target.blocks if is_command(b)]

    def mnemonic_same(self, code: str, changed: str) -> bool:
        """The same command with short options spelled out, read through the page's own
        mnemonics: "[S]ynchronize", "Display [i]nformation" make `-Si` `--sync --info`."""
        if not self.mnemonics or "-" not in code or "-" not in changed:
            return False
        a, b = self._spelled(code), self._spelled(changed)
        if a is None or b is None or a[0] != b[0] or len(a[1]) != len(b[1]) or a[2] == b[2] == 0:
            return False
        free = list(b[1])
        for word in a[1]:
            hit = next((w for w in free if len(min(w, word, key=len)) >= 2
                        and (w.startswith(word) or word.startswith(w))), None)
            if hit is None:
                return False
            free.remove(hit)
        return True

    def _spelled(self, code: str) -> tuple[str, list[str], int] | None:
        """(arguments, option words, how many short options were read as mnemonics)."""
        args: list[str] = []
        words: list[str] = []
        read = 0
        for token in code.split():
            if _SHORT_BUNDLE.fullmatch(token):
                if not all(ch in self.mnemonics for ch in token[1:]):
                    return None
                words += [self.mnemonics[ch] for ch in token[1:]]
                read += 1
            elif token.startswith("--") and len(token) > 3:
                words.append(token[2:].split("=", 1)[0].lower())
            else:
                args.append(token)
        return code_key(" ".join(args)), words, read

    def sample_values(self, code: str, changed: str) -> bool:
        """Do ``code`` and ``changed`` differ only where the source has a sample value that a
        description of the page names in backticks (`ag string`, "matching `string`") and the
        translation a placeholder (`ag {{foo}}`)?"""
        xs, ys = code.split(), changed.split()
        if len(xs) != len(ys) or "{{" not in changed:
            return False
        differ = [(x, y) for x, y in zip(xs, ys) if x != y]
        return bool(differ) and all(
            x in self.described and not x.startswith("-") and _WHOLE_NAME.fullmatch(y) is not None
            for x, y in differ)

    def complete(self, src: Block, tgt: Block) -> bool:
        """Is ``tgt`` as long against ``src`` as this page's translated blocks are as a rule
        (nothing dropped from it)?"""
        return bool(self.ratio) and len(tgt.text) >= 0.8 * self.ratio * len(src.text)

    def renders(self, code: str, changed: str) -> bool:
        """Is ``changed`` ``code`` with placeholder names put as the page's commands put them
        (`!!:s^string1^string2` -> `!!:s^문자열1^문자열2`), or a word of a placeholder name as
        the translated name has it (`subscription` of {{subscription_id}} -> `sottoscrizione`
        of {{id_sottoscrizione}})?"""
        if not self.renamed:
            return False
        if code in self.renamed and changed in self.renamed[code]:
            return True
        for name, renderings in self.renamed.items():
            if name in code:
                for rendering in renderings:
                    if code.replace(name, rendering) == changed:
                        return True
        words, other = set(LETTERS.findall(code)), set(LETTERS.findall(changed))
        if len(words) != 1 or len(other) != 1:
            return False
        return any(words <= set(LETTERS.findall(name)) and any(
            other <= set(LETTERS.findall(r)) for r in renderings) for name, renderings in self.renamed.items())

    def prose_word(self, code: str, target: Block) -> bool:
        """Is ``code`` a plain lower-case word (`stdin`, `regex`) that no command of the page
        uses and that the translated block does not write either? Then the translator most
        likely put it in words of their language ("entrada estándar"): not sure drift."""
        return (_PLAIN_WORD.fullmatch(code) is not None and code not in self.command_words
                and not contains(code, target.text))

    def argument_localized(self, code: str, changed: str) -> bool:
        """Is ``changed`` the command ``code`` that a description names with an unbraced
        argument word put in the translation's words (`umount device` -> `umount 장치`,
        `lpoptions -d printer_name` -> `lpoptions -d impressora`)? The command (first word)
        and the number of words stay; each changed word is lower-case letters (`_` may join
        them) that no command of the page uses, and becomes letters that no translated
        command uses and that do not look like it (rapidfuzz < 60: `devise` is a typo)."""
        xs, ys = code.split(), changed.split()
        if len(xs) < 2 or len(xs) != len(ys) or xs[0] != ys[0]:
            return False
        differ = [(x, y) for x, y in zip(xs, ys) if x != y]
        if not differ or not all(_ARGUMENT_WORD.fullmatch(x) and x == x.lower() and _ARGUMENT_WORD.fullmatch(y)
                                 and fuzz.ratio(x, y) < _LIKE for x, y in differ):
            return False
        if self._target_commands is None:
            self._target_commands = _commands(self.target)
        # Used by another command of the page (the span itself may count as one).
        used = {w for c in self._commands if c != code for w in _command_words(c)}
        used |= {w for c in self._target_commands if c != changed for w in _command_words(c)}
        return not any(x in used or y in used for x, y in differ)

    def relanguaged(self, code: str, changed: str) -> bool:
        """Is the sample text in quotes of ``changed`` that of ``code`` put in another
        language rather than respelled? Either its new words have a letter beyond ASCII that
        the words it replaces lack (`años`, `小明`), or a word on each side looks like none
        on the other (rapidfuzz < 60: `week ago` -> `hace semana`), the new one not written
        anywhere on the source page (`debug` -> `info` may be another value). A typo
        (`eror` for `error`) keeps its like."""
        old, new = Counter(sample_words(code)), Counter(sample_words(changed))
        gone, added = list((old - new).elements()), list((new - old).elements())
        if not gone or not added:
            return False
        letters = {ch for w in gone for ch in w}
        if any(ch.isalpha() and not ch.isascii() and ch not in letters for w in added for ch in w):
            return True
        if self._source_words is None:
            self._source_words = frozenset(w.casefold() for b in self.source.blocks for w in LETTERS.findall(b.text))
        return (any(all(fuzz.ratio(w, v) < _LIKE for v in added) for w in gone)
                and any(w not in self._source_words and all(fuzz.ratio(w, v) < _LIKE for v in gone) for w in added))


# Option names, alone or in tldr's groups (`-chunk`, `--file=`, `{{[-o|--output]}}`).
_OPTION_NAMES = re.compile(r"\{\{\[[^\]{}]*\]\}\}|(?<!\S)--?[^\W\d_][\w-]*=?")


def _argument_runs(command: str) -> list[str]:
    """The letter runs of ``command``'s arguments: its option names set aside (a sample
    `chunk001.pdf` is not the option `-chunk`)."""
    return letter_runs(_OPTION_NAMES.sub(" ", command))


def _next_command(page: Skeleton, block: Block) -> str | None:
    """The command right after the description ``block``, if any."""
    after = block.index + 1
    if is_command(block) or after >= len(page.blocks) or not is_command(page.blocks[after]):
        return None
    return page.blocks[after].code_spans[0].code


def letter_runs(text: str) -> list[str]:
    """The runs of letters of ``text``, marks included (`फ्रेम` is one run, not three)."""
    runs: list[str] = []
    run = ""
    for ch in text:
        if unicodedata.category(ch)[0] in "LM":
            run += ch
            continue
        if run:
            runs.append(run)
        run = ""
    return runs + [run] if run else runs


def _sample_shape(text: str) -> str:
    """``text`` with each run of letters (:func:`letter_runs`) as one `w`: `foto_1.jpg` and
    `फ्रेम_1.jpg` are both `w_1.w`."""
    out: list[str] = []
    letters = False
    for ch in text:
        letter = unicodedata.category(ch)[0] in "LM"
        if not letter:
            out.append(ch)
        elif not letters:
            out.append("w")
        letters = letter
    return "".join(out)


def _latin(word: str) -> bool:
    return all(ch <= "\u024f" for ch in word)


def _mostly_beyond_latin(letters: list[str]) -> bool:
    """Are most of ``letters`` of a script other than Latin (the block is written in it)?"""
    return sum(ch > "\u024f" for ch in letters) * 2 > len(letters)


_SourceFacts = tuple[Mapping[str, str], frozenset[str], Mapping[str, str], frozenset[str],
                     tuple[str, ...], frozenset[str]]


def _source_facts(source: Skeleton) -> _SourceFacts:
    """The option aliases and placeholder names of the source page's code, its mnemonics,
    the words its descriptions put in backticks, its commands and their words."""
    src_codes = [c.code for b in source.blocks for c in b.code_spans]
    # tldr's mnemonics: the letter of an option in brackets inside the word it stands
    # for ("[S]ynchronize", "sys[u]pgrade", "refresh ([y])").
    mnemonics: dict[str, str] = {}
    for b in source.blocks:
        if "[" in b.text and b.kind != "code":
            for m in _MNEMONIC.finditer(b.text):
                word = (m.group(1) + m.group(2) + m.group(3)) if m.group(2) else m.group(4)
                letter = m.group(2) or m.group(5)
                if len(word) >= 2:
                    mnemonics.setdefault(letter, word.lower())
    # Words a description puts in backticks ("matching `string`"): sample values.
    described = frozenset(c.code for b in source.blocks for c in b.code_spans
                          if b.text.strip() != c.code.strip() and " " not in c.code.strip())
    # Whole words of the commands and option names (`regex` is not a word of
    # `--file-search-regex`); placeholder names are what translators localize.
    commands = tuple(_commands(source))
    command_words = frozenset(w for c in commands for w in _command_words(c))
    return (option_aliases(src_codes), placeholder_names(src_codes), mnemonics, described,
            commands, command_words)


def _commands(page: Skeleton) -> list[str]:
    """The page's commands: spans of several words that stand alone or hold more than words
    (`Control Panel` in a sentence is a name, not a command), and code blocks."""
    commands = [c.code for b in page.blocks for c in b.code_spans if " " in c.code.strip()
                and (c.code.strip() == b.text.strip() or not _WORDS_ONLY.fullmatch(c.code))]
    return commands + [b.code for b in page.blocks if b.kind == "code"]


@lru_cache(maxsize=16384)
def _command_words(command: str) -> frozenset[str]:
    """Words a command uses (`ls` in `ls -la`): those are code in any language."""
    return frozenset(w.lstrip("-") for w in _COMMAND_WORD.findall(code_key(command)))


# A quoted argument. Inside one that holds quotes of the other kind (an awk or shell
# program: `'{print "Exact match"}'`), only those inner quotes hold sample text.
_QUOTED_ARGUMENT = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
_INNER = {"'": re.compile(r"\"[^\"\n]*\""), '"': re.compile(r"(?<![^\W\d_])'[^'\n]*'(?![^\W\d_])")}
# What is code in sample text all the same: placeholders, escapes (`\n`), format specifiers
# (`%-20s`), variables (`$1`, `${x}`), options (`-l`), dotted names and extensions
# (`process.versions`, `*.txt`), a key with its value (`due:{{mon}}`, `p:first-of-type`).
_TEXT_CODE = re.compile(r"\{\{.*?\}\}|<[^<>\s][^<>]*>|\\.|%[-+#0]*(?:\d+|\*)?(?:\.\d+)?[A-Za-z]"
                        r"|\$(?:\{[^{}]*\}|\w+)|(?<!\S)--?[^\W\d_][\w-]*|[^\W_]*(?:\.[^\W_]+)+|[^\W_]+[:=][^\s'\"]+")
# A word of sample text: letters and digits, perhaps joined by `-` or an apostrophe.
_TEXT_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_DIGITS = re.compile(r"\d+")
# Full stops and commas of scripts that have their own (NFKC folds the full-width forms).
_STOPS = str.maketrans({"。": ".", "、": ","})


def sample_text(code: str) -> str:
    """The command with each run of words and spaces of its quoted sample text reduced to one
    mark, with the numbers it holds: `print -f "%s is %d years old.\n"` and `print -f "%s
    tiene %d años.\n"` are the same command with their sample text localized. Format
    specifiers, escapes, placeholders and punctuation stay. Without quotes, the command."""
    if "'" not in code and '"' not in code:
        return code
    return code_key("".join(_text_shape(piece) if text else piece for piece, text in _quoted_parts(code)))


def sample_words(code: str) -> list[str]:
    """The words of the quoted sample text of ``code``, case folded."""
    return [w.casefold() for piece, text in _quoted_parts(code) if text for w, _ in _text_tokens(piece) if w]


def quoted_letters(code: str) -> str:
    """The command with every letter run inside quotes reduced to one mark, all else kept:
    `sed 's/(apple)/…/'` and `sed 's/(jabłko)/…/'` (stricter than :func:`sample_text`)."""
    if "'" not in code and '"' not in code:
        return code
    return code_key(_QUOTED_ARGUMENT.sub(lambda m: LETTERS.sub("w", m.group()), code))


def quoted_words(code: str) -> set[str]:
    """Every letter run inside quotes (`apple` of `sed 's/(apple)/…/'`)."""
    return {w for m in _QUOTED_ARGUMENT.finditer(code) for w in LETTERS.findall(m.group())}


def _quoted_parts(code: str, inner: bool = False) -> Iterator[tuple[str, bool]]:
    """``code`` in pieces, each with whether it is sample text (the inside of quotes). A
    quoted key (`{"color": "red"}`) is code."""
    last = 0
    for m in (_INNER[code[0]].finditer(code, 1, len(code) - 1) if inner else _QUOTED_ARGUMENT.finditer(code)):
        quoted, mark = m.group(), m.group()[0]
        yield code[last:m.start()], False
        last = m.end()
        if code[last:].lstrip().startswith(":"):
            yield quoted, False
        elif inner or not _INNER[mark].search(quoted, 1, len(quoted) - 1):
            yield from ((mark, False), (quoted[1:-1], True), (mark, False))
        else:  # a program in quotes (`'{print "Exact match"}'`): its own quotes hold the text
            yield from _quoted_parts(quoted, inner=True)
    yield code[last:], False


def _text_tokens(text: str) -> Iterator[tuple[str, str]]:
    """Sample text as (word, "") or ("", what is code or punctuation); spaces dropped."""
    at = 0
    while at < len(text):
        code = _TEXT_CODE.match(text, at)
        word = None if code else _TEXT_WORD.match(text, at)
        if word:
            yield word.group(), ""
            at = word.end()
        elif code:
            yield "", code.group()
            at = code.end()
        else:
            if not text[at].isspace():
                yield "", unicodedata.normalize("NFKC", text[at]).translate(_STOPS)
            at += 1


def _text_shape(text: str) -> str:
    out: list[str] = []
    run: list[str] = []
    for word, other in _text_tokens(text):
        if word:
            run.append(word)
            continue
        if run:
            out.append(_mark(run))
            run = []
        out.append(other)
    if run:
        out.append(_mark(run))
    return "".join(out)


def _mark(run: list[str]) -> str:
    """One mark for a run of words, with its numbers (`Line 1` -> `w#1`), which localizing keeps."""
    numbers = (n.lstrip("0") or "0" for n in _DIGITS.findall(normalize_digits(" ".join(run))))  # ٠٠٧ is 7
    # Ordered by value without int(): a number of thousands of digits is text all the same.
    return "w" + "".join(f"#{n}" for n in sorted(numbers, key=lambda n: (len(n), n)))
