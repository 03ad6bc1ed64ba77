from __future__ import annotations

import re
from typing import Iterable, Iterator, Mapping, Sequence

from rapidfuzz import fuzz

from l10ncheck.codeshape import code_key, option_aliases, placeholder_names, same_code
from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, counterpart, quote, where
from l10ncheck.align import BlockPair
from l10ncheck.skeleton import Block, CodeSpan, Skeleton
from l10ncheck.terms import contains, prose

_PLAIN_WORD = re.compile(r"[a-z]{2,15}")
_COMMAND_WORD = re.compile(r"[^\s=,;:|()'\"<>{}\[\]/]+")


# Below this similarity a leftover translated span is not the source span changed.
_SIMILAR = 50


class InlineCodeChanged(Rule):
    """An inline code span of the source is missing or changed in the translated block.

    Why it matters: inline code is what readers type or click: commands, options, file
    names, setting names. It must stay verbatim; only placeholders such as `{{path}}` or
    `<name>` may be localized, and tldr's notation may differ (`{{[-l|--live]}}` = `-l`).
    A missing span that is one plain lower-case word no command of the page uses (`stdin`,
    `regex`) and that the translation does not write at all is info when it is the only span
    the block lost: translators put such words in their own language. So are several lost
    words when the translation sets as many words of its own in code or quotes there ('초',
    `제어판`); a span spelled otherwise (`nix-command` -> `nix command`, `Flakes` ->
    `flake`); and the page's own command left implied in a
    description (`nmap` on the nmap page) when it is the only span lost; so is a command
    whose only change is words of quoted sample text (`sed 's/apple/…/'` with the fruit
    named in the translation's language), or whose only change is a sample value named
    in a description (`ag string`) written as a placeholder (`ag {{foo}}`). A span still
    written in the translation, without its backticks, is reported as lost formatting.

    Example:
        en: Run `npm install --global l10ncheck`.
        it: Esegui `npm installa --global l10ncheck`.
    """

    code = "C501"
    name = "inline-code-changed"
    category = Category.CODE
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        page: _Page | None = None
        for src, tgt in ctx.block_pairs():
            if not src.code_spans:
                continue
            s_keys = [code_key(c.code) for c in src.code_spans]
            t_keys = [code_key(c.code) for c in tgt.code_spans]
            left, spare = _exact(s_keys, t_keys, _places(src), _places(tgt))
            if not left:
                continue
            if ctx.alignment.splits:
                # What the other half of a split block holds is not lost (a sentence set
                # apart, a command moved into a code block of its own).
                left, spare = _halves(ctx, src, tgt, s_keys, t_keys, left, spare)
                if not left:
                    continue
            if page is None:
                page = _Page(ctx.source, ctx.target, ctx.alignment.matched())
            yield from self._leftovers(ctx, page, src, tgt, left, spare)

    def _leftovers(self, ctx: TranslationContext, page: _Page, src: Block, tgt: Block,
                   left: list[int], spare: list[int]) -> Iterator[Diagnostic]:
        s_spans, t_spans = src.code_spans, tgt.code_spans
        s_at, t_at = _places(src), _places(tgt)
        # The same command in another notation ({{[-l|--live]}} = -l, {{4}} = 4).
        for i in list(left):
            match = _nearest(s_at[i], [
                j for j in spare if same_code(s_spans[i].code, t_spans[j].code, page.aliases)
                or _own_language(s_spans[i].code, t_spans[j].code, ctx.lang)
                or _qualified(s_spans[i].code, t_spans[j].code)
                or page.mnemonic_same(s_spans[i].code, t_spans[j].code)
                or " " not in s_spans[i].code and page.renders(s_spans[i].code, t_spans[j].code)
                and "{{" not in s_spans[i].code], t_at)
            if match is not None:
                left.remove(i)
                spare.remove(match)
        # A span naming a placeholder ("up to `num` levels" for `tree -L {{num}}`) is
        # localized like the placeholder: any placeholder name of the translation will do.
        named = [i for i in left if s_spans[i].code in page.source_names]
        unnamed: list[int] = []  # naming a placeholder, and no placeholder name stands for it
        for i in named:
            left.remove(i)
            match = _nearest(s_at[i], [j for j in spare if t_spans[j].code in page.target_names], t_at)
            if match is not None:
                spare.remove(match)
            else:
                unnamed.append(i)
        pairs = _pair_changed(src, tgt, left, spare)
        lost = unnamed + [i for i, j in pairs if j is None]
        # Several spans gone from one block: content was dropped, not words translated, so
        # none of them is excused below; unless every one is a word and the translation
        # writes as many words of its own in code or quotes at that place ('초', `제어판`).
        alone = len({s_spans[i].code for i in lost}) == 1
        rendered = not alone and all(page.word_like(s_spans[i].code, tgt) for i in lost) and (
            len(lost) <= len(spare) - sum(1 for _, j in pairs if j is not None) + _quoted(tgt))
        # Nothing dropped from the block: its lost plain words were put in other words.
        complete = not alone and page.complete(src, tgt)
        reported: set[str] = set()
        for i in unnamed:
            code = s_spans[i]
            if code.code in reported:
                continue  # the same name twice in one block: one finding
            reported.add(code.code)
            excused = alone or rendered or complete
            yield self.report(
                ctx, counterpart(src, tgt, code.start),
                f"inline code {quote(code.code)} ({where(ctx.source, code.span)}) is missing"
                + (" (it names a placeholder, which may be translated in prose)" if excused else ""),
                source=code.span, anchor=block_anchor(ctx.source, src, f"/code:{code.code}"),
                severity=Severity.INFO if excused else None,
            )
        for i, j in pairs:
            code = s_spans[i]
            anchor = block_anchor(ctx.source, src, f"/code:{code.code}")
            ref = f"({where(ctx.source, code.span)})"
            if j is None:
                if code.code in reported:
                    continue
                reported.add(code.code)
                if _written_plain(code.code, tgt):
                    yield self.report(
                        ctx, counterpart(src, tgt, code.start),
                        f"inline code {quote(code.code)} {ref} lost its code formatting: the"
                        " translation writes it as plain text",
                        source=code.span, anchor=anchor,
                    )
                    continue
                why = ""
                if rendered or (alone or complete) and page.prose_word(code.code, tgt):
                    why = " (a plain word, perhaps translated in prose)"
                elif alone and page.names_the_page(code.code, ctx.article):
                    why = " (the page's own command, perhaps left implied)"
                elif page.sample_renamed(code.code, tgt):
                    why = " (a sample value the translated commands name otherwise)"
                yield self.report(
                    ctx, counterpart(src, tgt, code.start),
                    f"inline code {quote(code.code)} {ref} is missing" + why,
                    source=code.span, anchor=anchor, severity=Severity.INFO if why else None,
                )
            else:
                changed = t_spans[j]
                # The same name spelled otherwise (`nix-command`, `Flakes`): perhaps
                # legitimate. (A word changed into another, `mode` -> `modus`, is not told
                # apart from a mistyped identifier, `Service` -> `Servicex`: a warning.)
                word = (_spelling(code.code) == _spelling(changed.code) is not None
                        or page.renders(code.code, changed.code))
                sample = not word and (_sample_text(code.code) == _sample_text(changed.code) and (
                    page.writes(_quoted_words(changed.code) - _quoted_words(code.code), tgt))
                    or page.sample_values(code.code, changed.code))
                why = (" (the same name spelled otherwise, or as the page's placeholders have it)" if word else
                       " (only sample values differ: perhaps localized)" if sample else "")
                privilege = _privilege(code.code, changed.code)
                what = (f"inline code {quote(changed.code)} differs from the source {quote(code.code)} {ref}"
                        if privilege is None else
                        f"inline code {quote(changed.code)} {privilege} the source's {quote(code.code)} {ref}")
                yield self.report(
                    ctx, changed.span, what + why, source=code.span, suggestion=code.code,
                    anchor=anchor, severity=Severity.INFO if why else None,
                )


class _Page:
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
            if (a.kind in ("paragraph", "item") and len(a.text) >= 8
                    and not (len(a.code_spans) == 1 and a.text.strip() == a.code_spans[0].code.strip())):
                ratios.append(len(b.text) / len(a.text))
            if (len(a.code_spans) == 1 and len(b.code_spans) == 1 and "{{" in b.code_spans[0].code
                    and a.text.strip() == a.code_spans[0].code.strip()):
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
                     for w in _LETTERS.findall(b.text)}
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
        words, other = set(_NAME_WORD.findall(code)), set(_NAME_WORD.findall(changed))
        if len(words) != 1 or len(other) != 1:
            return False
        return any(words <= set(_NAME_WORD.findall(name)) and any(
            other <= set(_NAME_WORD.findall(r)) for r in renderings) for name, renderings in self.renamed.items())

    def prose_word(self, code: str, target: Block) -> bool:
        """Is ``code`` a plain lower-case word (`stdin`, `regex`) that no command of the page
        uses and that the translated block does not write either? Then the translator most
        likely put it in words of their language ("entrada estándar"): not sure drift."""
        return (_PLAIN_WORD.fullmatch(code) is not None and code not in self.command_words
                and not contains(code, target.text))


_NAMES = re.compile(r"\{\{(.*?)\}\}")
_MNEMONIC = re.compile(r"([^\W\d_]*)\[([A-Za-z])\]([^\W\d_]*)|([^\W\d_]{2,}) \(\[([A-Za-z])\]\)")
_SHORT_BUNDLE = re.compile(r"-[A-Za-z]{1,6}")
_NAME_WORD = re.compile(r"[^\W\d_]+")
_WHOLE_NAME = re.compile(r"\{\{(?!\[)[^{}]+\}\}")
_WORDS_ONLY = re.compile(r"[^\W\d_\s]+(?:\s+[^\W\d_\s]+)*\s*")
_NATURAL_WORD = re.compile(r"[^\W\d_][^\W\d_A-Z]+")
# Words set in quotes, as translators mark a name they put in their own language.
_QUOTED = re.compile(r"(?<![^\W_])(?:'[^'\n]{1,40}'|\"[^\"\n]{1,40}\"|‘[^’\n]{1,40}’|“[^”\n]{1,40}”"
                     r"|«[^»\n]{1,40}»|„[^“”\n]{1,40}[“”]|「[^」\n]{1,40}」|『[^』\n]{1,40}』|《[^》\n]{1,40}》)")


def _quoted(block: Block) -> int:
    return len(_QUOTED.findall(prose(block)))


def _written_plain(code: str, block: Block) -> bool:
    """Does ``block`` write ``code`` in its running text, outside code spans and URLs (the
    backticks were lost)?"""
    return len(code) >= 2 and code in block.text and contains(code, prose(block))


_QUOTED_ARGUMENT = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
_LETTERS = re.compile(r"[^\W\d_]+")


def _sample_text(code: str) -> str:
    """The command with every word inside quotes reduced to one mark: `grep "error"` and
    `grep "Fehler"` are the same command with its sample text localized. Without quotes,
    the command itself."""
    if "'" not in code and '"' not in code:
        return code
    return code_key(_QUOTED_ARGUMENT.sub(lambda m: _LETTERS.sub("w", m.group()), code))


def _quoted_words(code: str) -> set[str]:
    return {w for m in _QUOTED_ARGUMENT.finditer(code) for w in _LETTERS.findall(m.group())}


def _spelling(code: str) -> str | None:
    """A name without case, separators or a plural ending (`nix-command` = `nix command`,
    `Flakes` = `flake`); None for options and short codes, whose case and letters matter
    (`-s` is not `-S`)."""
    folded = re.sub(r"[-_\s]+", "", code.casefold())
    if code.startswith(("-", "/")) or len(folded) < 4 or not folded.isalpha():
        return None
    return folded[:-1] if folded.endswith("s") else folded


def _halves(ctx: TranslationContext, src: Block, tgt: Block, s_keys: list[str], t_keys: list[str],
            left: list[int], spare: list[int]) -> tuple[list[int], list[int]]:
    """Source spans found in the other half of a split translated block are not lost;
    translated spans that a merged-in source half holds are not spare."""
    t_more: list[str] = []
    s_more: list[str] = []
    for split in ctx.alignment.splits:
        if split.side == "target" and split.neighbour == tgt.index:
            half = ctx.target.blocks[split.block]
            t_more += [code_key(c.code) for c in half.code_spans]
            if half.kind == "code":
                t_more.append(code_key(half.code.strip()))
        elif split.side == "source" and split.neighbour == src.index:
            s_more += [code_key(c.code) for c in ctx.source.blocks[split.block].code_spans]
    for i in list(left):
        if s_keys[i] in t_more:
            t_more.remove(s_keys[i])
            left.remove(i)
    for j in list(spare):
        if t_keys[j] in s_more:
            s_more.remove(t_keys[j])
            spare.remove(j)
    return left, spare


# How docs name "your language code" in an example path or setting.
_LANG_PLACEHOLDER = re.compile(r"(?<![A-Za-z0-9])(?:xx|XX|xx-XX|LANG_ID|LANG|lang|<lang>|\{lang\})(?![A-Za-z0-9])")


def _own_language(code: str, changed: str, lang: str) -> bool:
    """Is ``changed`` ``code`` with its language placeholder filled in with the translation's
    own language code (`layouts/xx` -> `layouts/pt`)?"""
    if not _LANG_PLACEHOLDER.search(code):
        return False
    forms = {lang, lang.lower(), lang.replace("-", "_"), lang.split("-")[0], lang.upper(), lang.split("-")[0].upper()}
    return any(_LANG_PLACEHOLDER.sub(form, code) == changed for form in forms)


_PRIVILEGE = re.compile(r"(?:sudo|doas|pkexec|run0)\s+")


def _privilege(code: str, changed: str) -> str | None:
    """How ``changed`` differs from ``code`` when only a leading `sudo` does: "lacks `sudo`
    of" or "adds `sudo` to"; None otherwise."""
    a, b = _PRIVILEGE.match(code), _PRIVILEGE.match(changed)
    if a and not b and same_code(code[a.end():], changed):
        return f"lacks the {quote(a.group().strip())} of"
    if b and not a and same_code(code, changed[b.end():]):
        return f"adds {quote(b.group().strip())} to"
    return None


def _qualified(code: str, changed: str) -> bool:
    """Is ``changed`` the call ``code`` with its owner spelled out
    (`GlobalOpenTelemetry.get()` for `get()`, `std::move()` for `move()`)?"""
    return ("(" in code and len(code) >= 3 and changed.endswith(("." + code, "::" + code))
            and " " not in changed)  # a call: a setting's key (`enabled`) is not a short form


def _places(block: Block) -> list[float]:
    """Where each code span stands in its block, from 0 (start) to 1 (end): a span twice in
    the source and once in the translation is the one at the same place in the text."""
    size = max(len(block.text), 1)
    return [(c.start + c.end) / 2 / size for c in block.code_spans]


def _exact(s_keys: Sequence[str], t_keys: Sequence[str], s_at: Sequence[float],
           t_at: Sequence[float]) -> tuple[list[int], list[int]]:
    """Consume equal keys over the whole block first (a multiset, nearest place first):
    the source spans left over and the translated spans left over, by index."""
    where_key: dict[str, list[int]] = {}
    for j, key in enumerate(t_keys):
        where_key.setdefault(key, []).append(j)
    left: list[int] = []
    used: set[int] = set()
    # Keys that stand once on each side pair first; then the rest, nearest place first.
    for i, key in enumerate(s_keys):
        free = [j for j in where_key.get(key, ()) if j not in used]
        if not free:
            left.append(i)
            continue
        nearest = _nearest(s_at[i], free, t_at) if len(free) > 1 else free[0]
        assert nearest is not None
        if len(free) == 1 and s_keys.count(key) > 1:
            # More source spans than translated ones want this span: the nearest claims it.
            rivals = [k for k in range(len(s_keys)) if s_keys[k] == key and k not in left and k >= i]
            best = min(rivals, key=lambda k: abs(s_at[k] - t_at[free[0]]))
            if best != i:
                left.append(i)
                continue
        used.add(nearest)
    return left, [j for j in range(len(t_keys)) if j not in used]


def _nearest(at: float, candidates: Sequence[int], t_at: Sequence[float]) -> int | None:
    """The candidate index whose place in its block is closest to ``at``."""
    if not candidates:
        return None
    return min(candidates, key=lambda j: abs(t_at[j] - at))


def _pair_changed(src: Block, tgt: Block, left: list[int], spare: list[int]
                  ) -> list[tuple[int, int | None]]:
    """Pair leftover source spans with similar leftover translated spans, best first: same
    table row, then similarity, then position. Unpaired source spans get ``None``."""
    s_spans, t_spans = src.code_spans, tgt.code_spans
    # A command block paired with a command block: whatever their similarity, the one is
    # the other changed (an example rewritten), not one missing.
    commands = (len(s_spans) == len(t_spans) == 1 and src.text.strip() == s_spans[0].code.strip()
                and tgt.text.strip() == t_spans[0].code.strip())
    candidates: list[tuple[int, float, float, int, int]] = []
    for i in left:
        for j in spare:
            ratio = fuzz.ratio(s_spans[i].code, t_spans[j].code)
            if ratio < _SIMILAR and not commands:
                continue
            same_row = src.kind == "table" and _row(src, s_spans[i]) == _row(tgt, t_spans[j])
            distance = abs((i + 0.5) / len(s_spans) - (j + 0.5) / len(t_spans))
            candidates.append((0 if same_row else 1, -ratio + 30 * distance, distance, i, j))
    candidates.sort()
    paired: dict[int, int] = {}
    taken: set[int] = set()
    for *_, i, j in candidates:
        if i in paired or j in taken:
            continue
        paired[i] = j
        taken.add(j)
    return [(i, paired.get(i)) for i in left]


def _row(block: Block, code: CodeSpan) -> int:
    return code.span.line - block.span.line
