"""What a source page and its translation say about their code, as a whole: the option
aliases and placeholder names of their commands, how the translation renders placeholder
names and sample values, tldr's option mnemonics, the words the commands use, and how
long a translated block is against its source as a rule. C501 reads it to tell a span
put in the translation's words from a span lost."""

from __future__ import annotations

import re
from typing import Iterable, Mapping

from l10ncheck.align import BlockPair
from l10ncheck.codeshape import code_key, option_aliases, placeholder_names
from l10ncheck.skeleton import Block, Skeleton
from l10ncheck.terms import contains

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


def is_command(block: Block) -> bool:
    """Is the block one code span and nothing else (a tldr example's command)?"""
    return len(block.code_spans) == 1 and block.text.strip() == block.code_spans[0].code.strip()


class CodePage:
    """What the whole pages say about their code: option aliases, placeholder names."""

    def __init__(self, source: Skeleton, target: Skeleton, pairs: Iterable[BlockPair] = ()) -> None:
        self.target = target
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
        src_codes = [c.code for b in source.blocks for c in b.code_spans]
        tgt_codes = [c.code for b in target.blocks for c in b.code_spans]
        self.aliases: Mapping[str, str] = option_aliases(src_codes)
        self.source_names = placeholder_names(src_codes)
        self.target_names = placeholder_names(tgt_codes)
        # Words the page's commands use (`ls` in `ls -la`): those are code in any language.
        # A command is a span of several words that stands alone or holds more than words
        # (`Control Panel` in a sentence is a name, not a command).
        commands = [c.code for b in source.blocks for c in b.code_spans if " " in c.code.strip()
                    and (c.code.strip() == b.text.strip() or not _WORDS_ONLY.fullmatch(c.code))]
        commands += [b.code for b in source.blocks if b.kind == "code"]
        # tldr's mnemonics: the letter of an option in brackets inside the word it stands
        # for ("[S]ynchronize", "sys[u]pgrade", "refresh ([y])").
        self.mnemonics: dict[str, str] = {}
        for b in source.blocks:
            if "[" in b.text and b.kind != "code":
                for m in _MNEMONIC.finditer(b.text):
                    word = (m.group(1) + m.group(2) + m.group(3)) if m.group(2) else m.group(4)
                    letter = m.group(2) or m.group(5)
                    if len(word) >= 2:
                        self.mnemonics.setdefault(letter, word.lower())
        # Words a description puts in backticks ("matching `string`"): sample values.
        self.described = frozenset(c.code for b in source.blocks for c in b.code_spans
                                   if b.text.strip() != c.code.strip() and " " not in c.code.strip())
        # Placeholder names are what translators localize, not words of the command.
        # Whole words of the commands and option names (`regex` is not a word of
        # `--file-search-regex`).
        self.command_words = frozenset(w.lstrip("-") for c in commands for w in _COMMAND_WORD.findall(code_key(c)))

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
