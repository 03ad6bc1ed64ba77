from __future__ import annotations

import re
from typing import Iterator

from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.languages import names_language
from l10ncheck.rules._structure import describe_gap, gaps
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
    of a list the source keeps in one alert.
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
            yield self.report(
                ctx, block.span, f"{describe_gap(ctx, gap, 'target')} {verb} not in the source"
                + (" (perhaps split from the paragraph next to it)" if gap.split else "")
                + (" (it credits people: the translators, perhaps)" if credits else "")
                + (" (it names the translation's own language: a note for its readers, perhaps)"
                   if own else "")
                + (" (an alert for each item of the source's one alert with a list)" if split_alert else ""),
                anchor=block_anchor(ctx.target, block, "+"),
                # A horizontal rule changes the look, not the content.
                # A paragraph probably split from (or merged into) its neighbour, judged by
                # length alone, is for a reviewer to confirm; so is a credit to the people
                # who made the translation.
                severity=Severity.INFO
                if gap.split or credits or own or split_alert or all(b.kind == "rule" for b in gap.blocks)
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


# A person's profile page: github.com/<user>, linkedin.com/in/<user>, x.com/<user>, …
_PROFILE = re.compile(r"https?://(?:www\.)?(?:(?:github|gitlab|twitter|x)\.com/[\w.-]+/?"
                      r"|linkedin\.com/in/[^/\s]+/?)(?:[?#].*)?$", re.I)


def _credits(block: Block, source_links: set[str]) -> bool:
    """A block that names people by links to their profiles, none of which the source has
    (a localization team's credits)."""
    links = [link.url for link in block.links_only]
    profiles = [url for url in links if _PROFILE.match(url) and url not in source_links]
    return len(profiles) >= 2 and 2 * len(profiles) > len(links)
