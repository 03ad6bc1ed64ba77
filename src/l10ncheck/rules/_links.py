"""Link pairs of aligned blocks, and what makes two URLs the same page in two languages."""

from __future__ import annotations

import re
from typing import Iterator

from l10ncheck.align import LinkPair, align_links
from l10ncheck.rules.base import TranslationContext
from l10ncheck.skeleton import Block

_SEGMENT = re.compile(r"(?<=[/.=])([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4})?)(?=[/.?#&]|$)")


def link_pairs(ctx: TranslationContext, images: bool = False) -> Iterator[tuple[Block, Block, LinkPair]]:
    for pair in ctx.alignment.matched():
        src, tgt = pair.source, pair.target
        assert src is not None and tgt is not None
        src_links = src.images if images else src.links_only
        tgt_links = tgt.images if images else tgt.links_only
        if not src_links and not tgt_links:
            continue
        for link_pair in align_links(src_links, tgt_links):
            yield src, tgt, link_pair


def same_destination(src_url: str, tgt_url: str, source_lang: str, lang: str) -> bool:
    """Equal, or equal once the language code in a path segment or subdomain is set aside
    (`/en/docs/x` ~ `/ru/docs/x`, `en.wikipedia.org` ~ `nl.wikipedia.org`, `hc/en-us` ~ `hc/ms`)."""
    a, b = src_url.strip().rstrip("/"), tgt_url.strip().rstrip("/")
    if a == b:
        return True
    langs = {source_lang.lower(), lang.lower(), source_lang.split("-")[0].lower(),
             lang.split("-")[0].lower()}
    return _mask(a, langs) == _mask(b, langs)


def _mask(url: str, langs: set[str]) -> str:
    url = re.sub(r"^(https?://)([a-z]{2,3}(?:-[a-z]{2,4})?)\.", lambda m: m.group(1) + "{lang}."
                 if m.group(2).lower() in langs or len(m.group(2)) == 2 else m.group(0), url)
    return _SEGMENT.sub(lambda m: "{lang}" if m.group(1).lower().replace("_", "-") in langs
                        or m.group(1).lower().split("-")[0] in langs else m.group(1), url)
