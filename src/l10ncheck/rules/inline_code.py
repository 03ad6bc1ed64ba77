from __future__ import annotations

import bisect
import re
from typing import Iterator, Sequence

from rapidfuzz import fuzz

from l10ncheck.codeshape import code_key, same_code, spelled_options, unprivileged
from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.languages import is_lang_code, normalize_lang
from l10ncheck.rules._code_page import CodePage, is_command, quoted_letters, quoted_words, sample_text
from l10ncheck.rules.base import (
    Rule, TranslationContext, block_anchor, counterpart, quote, sentence_starts, where,
)
from l10ncheck.skeleton import Block, CodeSpan
from l10ncheck.terms import contains, prose



# Below this similarity a leftover translated span is not the source span changed.
_SIMILAR = 50


class InlineCodeChanged(Rule):
    """An inline code span of the source is missing or changed in the translated block.

    Why it matters: inline code is what readers type or click: commands, options, file
    names, setting names. It must stay verbatim; only placeholders such as `{{path}}`,
    `<name>` or a name marked as the reader's own (`YOUR_GITHUB_ID` -> `SEU_ID_GITHUB`) may
    be localized, and tldr's notation may differ (`{{[-l|--live]}}` = `-l`).

    These are info, as plausibly legitimate. A missing span that is one plain lower-case
    word no command of the page uses (`stdin`, `regex`), that the translation does not
    write at all, when it is the only span the block lost: translators put such words in
    their own language; so are several lost words when the translation sets as many words
    of its own in code or quotes there ('초', `제어판`). A span spelled otherwise
    (`nix-command` -> `nix command`, `Flakes` -> `flake`). The page's own command left
    implied in a description (`nmap` on the nmap page) when it is the only span lost. A
    command whose only change is its quoted sample text put in the translation's language,
    however many words it takes (`print "%s is %d years old"` -> `print "%s tiene %d
    años"`): format specifiers, escapes, placeholders, numbers and punctuation stay, and a
    typo (`"eror"`) is not another language. A command whose only change is a sample value
    named in a description (`ag string`) written as a placeholder (`ag {{foo}}`). In a
    description, a command whose unbraced argument word is put in the translation's words
    (`umount device` -> `umount 장치`; `devise` would be a typo). An example's language code
    set to the translation's own (`/ja/docs/x` -> `/pt/docs/x`). An option written short
    for long or long for short where the page teaches no option group (`rm -i` -> `rm
    --interactive`: the long one starts with the short one's letter). In running text (a
    paragraph, heading or list item), a span the source block repeats that the translation
    writes fewer times, but at least once (old-style `csproj` … the SDK style `csproj` ->
    `csproj` … le format SDK): translators name it once and then refer back to it. Not in
    a table, where each occurrence is a row of its own, nor for a span the translation does
    not write at all, nor when the translated block has fewer sentences (the one that named
    it again was dropped).

    Also info: a sample name in a description or header (a file, a user, a path) with
    its words put in the translation's language, where the example's command (else a
    command of the page) has those words in a placeholder and no longer the source's
    (`frame_1.jpg` -> `quadro_1.jpg` beside `{{caminho/para/quadro_%d.jpg}}`,
    `user@host:path` -> `пользователь@хост:путь`): the same shape once each run of letters
    is one letter, with a digit or sign besides. Not when the command keeps the source's
    word (the description and its command disagree), nor for an option, a word of the
    source page's code, or a Latin word on a page in another script (an old sample).

    Also info: spans the source writes side by side in one sentence (over `http` via
    `protobuf`) written as their compound (`http/protobuf`), when the source block writes
    that compound as a span of its own: the same thing, said the way the source says it
    elsewhere. A compound the source block does not write stays a warning.

    A span still written in the translation, without its backticks, is reported as lost
    formatting.

    Example:
        en: Run `npm install --global l10ncheck`.
        it: Esegui `npm installa --global l10ncheck`.
    """

    code = "C501"
    name = "inline-code-changed"
    category = Category.CODE
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        page: CodePage | None = None
        for src, tgt in ctx.block_pairs():
            if not src.code_spans:
                continue
            s_keys = [code_key(c.code) for c in src.code_spans]
            t_keys = [code_key(c.code) for c in tgt.code_spans]
            if s_keys == t_keys:
                continue  # every span kept, in order (most blocks): _exact leaves none over
            s_at, t_at = _places(src), _places(tgt)
            left, spare = _exact(s_keys, t_keys, s_at, t_at)
            if not left:
                continue
            if ctx.alignment.splits:
                # What the other half of a split block holds is not lost (a sentence set
                # apart, a command moved into a code block of its own).
                left, spare = _halves(ctx, src, tgt, s_keys, t_keys, left, spare)
                if not left:
                    continue
            if page is None:
                page = CodePage(ctx.source, ctx.target, ctx.alignment.matched())
            yield from self._leftovers(ctx, page, src, tgt, left, spare, s_at, t_at)

    def _leftovers(self, ctx: TranslationContext, page: CodePage, src: Block, tgt: Block,
                   left: list[int], spare: list[int], s_at: list[float], t_at: list[float],
                   ) -> Iterator[Diagnostic]:
        s_spans, t_spans = src.code_spans, tgt.code_spans
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
        pairs = _localized_samples(page, src, tgt, _pair_changed(src, tgt, left, spare), spare)
        again = _referred_back(src, tgt)
        joined = _compounds(src, tgt, pairs, set(unnamed) | {i for i, _ in pairs})
        # A repeated span the translation refers back to was not dropped: it is not counted
        # as lost below.
        lost = [i for i in unnamed + [i for i, j in pairs if j is None] if i not in again]
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
            why = (_compound(joined[i]) if i in joined else _REFERRED_BACK if i in again
                   else _PLACEHOLDER_NAME if alone or rendered or complete else "")
            yield self.report(
                ctx, counterpart(src, tgt, code.start),
                f"inline code {quote(code.code)} ({where(ctx.source, code.span)}) is missing" + why,
                source=code.span, anchor=block_anchor(ctx.source, src, f"/code:{code.code}"),
                severity=Severity.INFO if why else None,
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
                if i in joined:
                    why = _compound(joined[i])
                elif i in again:
                    why = _REFERRED_BACK
                elif rendered or (alone or complete) and page.prose_word(code.code, tgt):
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
                sample = not word and (
                    quoted_letters(code.code) == quoted_letters(changed.code)
                    and page.writes(quoted_words(changed.code) - quoted_words(code.code), tgt)
                    or sample_text(code.code) == sample_text(changed.code) and page.relanguaged(code.code, changed.code)
                    or page.sample_values(code.code, changed.code))
                why = (_compound(joined[i]) if i in joined else
                       " (the same name spelled otherwise, or as the page's placeholders have it)" if word else
                       " (only sample values differ: perhaps localized)" if sample else
                       " (an argument word put in the translation's words)" if not is_command(src)
                       and page.argument_localized(code.code, changed.code) else
                       " (the example's language code set to the translation's own)"
                       if _own_example(code.code, changed.code, ctx.source_lang, ctx.lang) else
                       " (an option written short for long, or long for short: the same, likely)"
                       if spelled_options(code.code, changed.code) else
                       " (a sample name localized, as the translated command writes it)"
                       if not is_command(src) and page.sample_localized(code.code, changed.code, src, tgt) else "")
                privilege = _privilege(code.code, changed.code)
                what = (f"inline code {quote(changed.code)} differs from the source {quote(code.code)} {ref}"
                        if privilege is None else
                        f"inline code {quote(changed.code)} {privilege} the source's {quote(code.code)} {ref}")
                yield self.report(
                    ctx, changed.span, what + why, source=code.span, suggestion=code.code,
                    anchor=anchor, severity=Severity.INFO if why else None,
                )


_REFERRED_BACK = " (a repeated span written fewer times: the translation may refer back to it)"
_PLACEHOLDER_NAME = " (it names a placeholder, which may be translated in prose)"


def _compound(code: str) -> str:
    return f" (written with its neighbours as {quote(code)}, as the source block also writes it)"


# Where a compound code span joins its parts (`http/protobuf`, `app.kubernetes.io`, `a:b`).
_JOINERS = re.compile(r"[/.:-]")


def _compounds(src: Block, tgt: Block, pairs: list[tuple[int, int | None]], lost: set[int]
               ) -> dict[int, str]:
    """The lost or changed source spans (``lost``, by index) that the translation writes as
    their compound: spans side by side in one sentence of the source ("over `http` via
    `protobuf`") whose joined form is a translated span paired with one of them
    (`http/protobuf`) and a span the source block writes itself. Each maps to the compound."""
    codes = [c.code.strip() for c in src.code_spans]
    sentences = sentence_starts(src.text)
    found: dict[int, str] = {}
    for i, j in pairs:
        if j is None:
            continue
        compound = tgt.code_spans[j].code.strip()
        parts = [p for p in _JOINERS.split(compound) if p]
        if len(parts) < 2 or compound not in codes:
            continue
        for first in range(max(0, i - len(parts) + 1), min(i, len(codes) - len(parts)) + 1):
            run = range(first, first + len(parts))
            if ([codes[k] for k in run] == parts and all(k in lost for k in run)
                    and _one_sentence(src, run, sentences)):
                found.update((k, compound) for k in run)
                break
    return found


def _one_sentence(block: Block, run: range, sentences: list[int]) -> bool:
    """Do the code spans ``run`` of ``block`` stand in one sentence?"""
    spans = block.code_spans
    return (bisect.bisect_right(sentences, spans[run[0]].start)
            == bisect.bisect_right(sentences, spans[run[-1]].start))


def _referred_back(src: Block, tgt: Block) -> set[int]:
    """The source spans of running text (a paragraph, heading or list item) that the block
    writes n >= 2 times and the translated block m times, 1 <= m < n: a shortfall there may be
    a reference back to the name ("the SDK style `csproj`" -> "le format SDK"). Not in a
    table, where each occurrence is a row of its own, nor when the translation has fewer
    sentences: then the one that named it again was dropped."""
    prose_kinds = ("paragraph", "heading", "item")
    if src.kind not in prose_kinds or tgt.kind not in prose_kinds:
        return set()
    if len(sentence_starts(tgt.text)) < len(sentence_starts(src.text)):
        return set()  # a sentence is gone, and the name with it
    # The very span repeated, not one of the same shape (`<Esc>` and `<Ctrl c>` are both
    # placeholders to code_key, and different keys).
    s_keys = [c.code.strip() for c in src.code_spans]
    t_keys = [c.code.strip() for c in tgt.code_spans]
    return {i for i, key in enumerate(s_keys) if 1 <= t_keys.count(key) < s_keys.count(key)}


# Words set in quotes, as translators mark a name they put in their own language.
_QUOTED = re.compile(r"(?<![^\W_])(?:'[^'\n]{1,40}'|\"[^\"\n]{1,40}\"|‘[^’\n]{1,40}’|“[^”\n]{1,40}”"
                     r"|«[^»\n]{1,40}»|„[^“”\n]{1,40}[“”]|「[^」\n]{1,40}」|『[^』\n]{1,40}』|《[^》\n]{1,40}》)")


def _quoted(block: Block) -> int:
    return len(_QUOTED.findall(prose(block)))


def _written_plain(code: str, block: Block) -> bool:
    """Does ``block`` write ``code`` in its running text, outside code spans and URLs (the
    backticks were lost)? A name in any letter case (`pico` as "Pico", `git diff` as "Git
    diff": running text capitalizes); an option or a short code only as it is."""
    if len(code) < 2:
        return False
    if code in block.text and contains(code, prose(block)):
        return True
    loose = len(code) >= 3 and code[0].isalpha() and code.lower() in block.text.lower()
    return loose and contains(code, prose(block), case_sensitive=False)


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


def _own_example(code: str, changed: str, source_lang: str, lang: str) -> bool:
    """Is ``changed`` ``code`` with one path segment that is a language code (`/ja/docs/x`,
    "from a Japanese page") set to the translation's own (`/pt/docs/x`)? Not the source
    language's code: `content/en/…` names the source tree on purpose."""
    xs, ys = code.split("/"), changed.split("/")
    differ = [(x, y) for x, y in zip(xs, ys) if x != y]
    if len(xs) != len(ys) or len(differ) != 1:
        return False
    x, y = differ[0]
    own = normalize_lang(lang)
    return (is_lang_code(x) and normalize_lang(x) not in (normalize_lang(source_lang), own)
            and normalize_lang(y) in (own, own.split("-")[0]))


def _privilege(code: str, changed: str) -> str | None:
    """How ``changed`` differs from ``code`` when only a leading `sudo` does: "lacks `sudo`
    of" or "adds `sudo` to"; None otherwise."""
    bare_code, bare_changed = unprivileged(code), unprivileged(changed)
    if bare_code != code and bare_changed == changed and same_code(bare_code, changed):
        return f"lacks the {quote(code.split(None, 1)[0])} of"
    if bare_changed != changed and bare_code == code and same_code(code, bare_changed):
        return f"adds {quote(changed.split(None, 1)[0])} to"
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
    commands = is_command(src) and is_command(tgt)
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


def _localized_samples(page: CodePage, src: Block, tgt: Block, pairs: list[tuple[int, int | None]],
                       spare: list[int]) -> list[tuple[int, int | None]]:
    """``pairs`` with each lost span of a description or header paired with a spare
    translated span that is the same sample name localized (:meth:`CodePage.sample_localized`:
    `пользователь@хост:путь` for `user@host:path`), however unlike the two read. Each spare
    span stands for one lost span at most."""
    if is_command(src):
        return pairs
    taken = {j for _, j in pairs if j is not None}
    out: list[tuple[int, int | None]] = []
    for i, j in pairs:
        if j is None:
            code = src.code_spans[i].code
            j = next((k for k in spare if k not in taken
                      and page.sample_localized(code, tgt.code_spans[k].code, src, tgt)), None)
            if j is not None:
                taken.add(j)
        out.append((i, j))
    return out


def _row(block: Block, code: CodeSpan) -> int:
    return code.span.line - block.span.line
