from __future__ import annotations

import re
from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.languages import names_language
from l10ncheck.rules._structure import Gap, describe_gap, facing, gaps
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor
from l10ncheck.skeleton import Block


class ExtraBlock(Rule):
    """The translation has a paragraph, heading, code block, table or list the source lacks.

    Why it matters: text with no source counterpart is unreviewed: a stale paragraph the
    source has since removed, or a translator's addition. Whitespace-only paragraphs are not
    blocks and never count.

    Example:
        en: two paragraphs
        ms: the same two paragraphs and a third one between them

    Consecutive extra blocks are reported once. A block crediting people by links to their
    profiles (the localization team) is info, and so are extra blocks whose first block names
    the translation's own language where the source never does (its team or chat channel,
    a translator's note on its conventions: "Türkçe yerelleştirme ekibi",
    `#glossary-localization-russian`, a `dev-es` branch), and an alert opened for each item
    of a list the source keeps in one alert. A shortcode standing alone where the source
    has a paragraph that opens with that shortcode and goes on (`{{% param note %}} Issues
    labeled…`) is what is left of an older version of that paragraph: info, since the
    missing paragraph is reported already (missing-block).
    """

    code = "S105"
    name = "extra-block"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        source_links: set[str] | None = None  # read only when a block is extra
        source_names: bool | None = None  # whether the source names the language, likewise
        for gap in gaps(ctx, "target"):
            block = gap.first
            verb = "are" if gap.more else "is"
            if source_links is None:
                source_links = {link.url for b in ctx.source.blocks for link in b.links_only}
            credits = all(_credits(b, source_links) for b in gap.blocks)
            # The translation's own language named (its team, its channel, its conventions,
            # a translator's note): content about the translation itself.
            own = not credits and names_language(block.text, ctx.lang)
            if own and source_names is None:
                source_names = names_language(" ".join(b.text for b in ctx.source.blocks), ctx.lang)
            own = own and not source_names
            split_alert = not credits and not own and _alert_per_item(ctx, gap.blocks)
            remnant = None if credits or own or split_alert else _remnant_of(ctx, gap)
            yield self.report(
                ctx, block.span, f"{describe_gap(ctx, gap, 'target')} {verb} not in the source"
                + (" (perhaps split from the paragraph next to it)" if gap.split else "")
                + (" (it credits people: the translators, perhaps)" if credits else "")
                + (" (it names the translation's own language: a note for its readers, perhaps)"
                   if own else "")
                + (" (an alert for each item of the source's one alert with a list)" if split_alert else "")
                + (f" (what is left of the source's paragraph at {ctx.source_lang}:{remnant.span.line},"
                   " which is missing here)" if remnant is not None else ""),
                anchor=block_anchor(ctx.target, block, "+"),
                # A horizontal rule changes the look, not the content.
                # A paragraph probably split from (or merged into) its neighbour, judged by
                # length alone, is for a reviewer to confirm; so is a credit to the people
                # who made the translation.
                severity=Severity.INFO
                if gap.split or credits or own or split_alert or remnant is not None
                or all(b.kind == "rule" for b in gap.blocks)
                else None,
            )


def _alert_per_item(ctx: TranslationContext, blocks: tuple[Block, ...] | list[Block]) -> bool:
    """Extra alert markers, each opening a block paired with an item of a list the source
    keeps inside one alert: the same notes, one alert each."""
    if not all(b.kind == "shortcode" and b.info == "alert" for b in blocks):
        return False
    for block in blocks:
        src = ctx.alignment.source_of.get(block.index + 1)
        if src is None or src.kind != "item" or src.quote == 0:
            return False
    return True


def _remnant_of(ctx: TranslationContext, gap: Gap) -> Block | None:
    """The unpaired source block at the gap's place that holds, with text around them, the
    very shortcodes (name and arguments) of a gap made only of shortcode blocks (no alerts:
    an alert is structure of its own): the gap is what the translation kept of that block."""
    if not all(b.kind == "shortcode" and b.info and "alert" not in b.info.split() for b in gap.blocks):
        return None
    wanted = [_normal(m) for b in gap.blocks for m in _SHORTCODES.findall(b.text)]
    if not wanted:
        return None
    for src in facing(ctx, gap, "target"):
        if src.kind not in ("paragraph", "item"):
            continue
        held = [_normal(m) for m in _SHORTCODES.findall(src.text)]
        if held and all(w in held for w in wanted) and _SHORTCODES.sub("", src.text).strip():
            return src
    return None


_SHORTCODES = re.compile(r"\{\{[<%].*?[%>]\}\}")


def _normal(shortcode: str) -> str:
    return " ".join(shortcode[3:-3].split())


# A person's profile page: github.com/<user>, linkedin.com/in/<user>, x.com/<user>, …
_PROFILE = re.compile(r"https?://(?:www\.)?(?:(?:github|gitlab|twitter|x)\.com/[\w.-]+/?"
                      r"|linkedin\.com/in/[^/\s]+/?)(?:[?#].*)?$", re.I)


def _credits(block: Block, source_links: set[str]) -> bool:
    """A block that names people by links to their profiles, none of which the source has
    (a localization team's credits)."""
    links = [link.url for link in block.links_only]
    profiles = [url for url in links if _PROFILE.match(url) and url not in source_links]
    return len(profiles) >= 2 and 2 * len(profiles) > len(links)
