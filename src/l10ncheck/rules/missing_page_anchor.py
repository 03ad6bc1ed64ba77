from __future__ import annotations

from typing import Iterator
from urllib.parse import unquote

from l10ncheck.anchors import Heading, PageAnchors
from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules._links import matched_links
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, quote, where
from l10ncheck.skeleton import Block, Link


def _fragment(url: str) -> tuple[str, str]:
    """(path, fragment) of a link to a page with a fragment; ("", "") for anything else
    (fragment-only links are the in-page anchor rule's, text fragments point at no id)."""
    path, _, fragment = url.strip().partition("#")
    fragment = unquote(fragment).strip()
    if not path.strip() or not fragment or fragment.startswith(":~:"):
        return "", ""
    return path, fragment.lower()


class MissingPageAnchor(Rule):
    """A link to another page of the site names a `#fragment` that no heading of that page
    defines in the language the link opens, while the aligned source link's fragment is a
    heading of the source-language page.

    A relative link (`../install/#linux`) opens the page in the translation's language (or
    in a `fallback-langs` language when it is not translated), where the fragment must be an
    explicit `{#id}`, the id generated from a heading's text, or an HTML `id`. Warning when
    the translated page plainly lacks the anchor: its matching heading has another explicit
    id, the translator changed the fragment to one that names nothing, or the page has no
    such heading at all. Info when the translation kept the source's fragment and the
    matching heading was translated without an explicit id (the site may add ids another
    way; giving the heading the source's id fixes every link to it), and for site-absolute
    links without a language (`/docs/install/#linux`), which open the default language
    unless the site localizes them.

    Why it matters: a stale fragment opens the right page at the top instead of the section
    the sentence promises; on a long reference page readers are lost.

    Example:
        en: `[on Linux](../install/#linux)`; `en/docs/install.md` has `## Linux`
        ja: `[Linux では](../install/#linux-では)`; `ja/docs/install.md` has `## Linux {#linux}`
    """

    code = "L209"
    name = "missing-page-anchor"
    category = Category.LINK
    severity = Severity.WARNING
    uses_anchors = True

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        site = ctx.site
        if site is None or not site.anchors:
            return
        for src, s, t in matched_links(ctx):
            path_t, frag_t = _fragment(t.url)
            _, frag_s = _fragment(s.url)
            if not frag_t or not frag_s:
                continue
            resolved_s = site.resolve(s.url, ctx.article, ctx.source_lang)
            resolved_t = site.resolve(t.url, ctx.article, ctx.lang)
            if resolved_s is None or resolved_t is None:
                continue
            source_page = site.anchors_of(resolved_s[0], resolved_s[1] or ctx.source_lang)
            if source_page is None or not source_page.has(frag_s):
                continue  # the source's anchor comes from elsewhere (a shortcode, a theme)
            slug, explicit = resolved_t
            wanted = explicit or ctx.lang
            shown = next((lang for lang in (wanted, *ctx.fallback_langs, ctx.source_lang)
                          if site.has(slug, lang)), None)
            page = site.anchors_of(slug, shown) if shown else None
            if page is None or page.has(frag_t):
                continue  # no such page (the link-target rule's business), or the anchor is there
            # `/docs/x/#a` opens the default language's page unless the site localizes links.
            default = site.anchors_of(slug, ctx.source_lang) if shown != ctx.source_lang else None
            unsure = (explicit is None and t.url.lstrip().startswith("/") and default is not None
                      and default.has(frag_t))
            yield self._finding(ctx, src, s, t, path_t, frag_t, frag_s, source_page,
                                page, resolved_s[0] == slug, shown or wanted, unsure)

    def _finding(self, ctx: TranslationContext, src: Block, s: Link, t: Link, path: str,
                 frag_t: str, frag_s: str, source_page: PageAnchors, page: PageAnchors,
                 same_page: bool, shown: str, unsure: bool) -> Diagnostic:
        kept = frag_t == frag_s
        heading = _matching(source_page, page, frag_s) if same_page else None
        strong = True
        suggestion = None
        instead = f", shown because there is no {ctx.lang} page" if shown != ctx.lang else ""
        message = (f"anchor {quote('#' + frag_t)} is not in the {shown} page {page.path}{instead};"
                   f" the source link ({where(ctx.source, s.span)}) goes to {quote(s.url)}")
        if heading is not None:
            at = f"{quote(heading.text)} ({page.path}:{heading.line})"
            if heading.explicit:
                message += f"; the matching heading {at} has the id {quote(heading.explicit)}"
                if kept:  # which side is stale, the link or the heading's id, is the site's call
                    message += f": link to it, or give the heading the source's id {{#{frag_s}}}"
                else:
                    suggestion = f"{path}#{heading.explicit}"
            elif kept:
                strong = False
                message += (f"; the matching heading {at} was translated without an explicit id:"
                            f" give it {{#{frag_s}}}")
            else:
                message += f"; the matching heading {at} has the id {quote(heading.generated)}"
                suggestion = f"{path}#{heading.generated}"
        elif kept and any(not h.explicit and not source_page.has(h.generated) for h in page.headings):
            strong = False
            message += "; one of its headings translated without an explicit id may be the one"
        if unsure:
            strong = False
            message += (f" (the {ctx.source_lang} page has it, and the link opens that page unless"
                        " the site localizes links)")
        return self.report(
            ctx, t.span, message, source=s.span, suggestion=suggestion,
            severity=None if strong else Severity.INFO,
            anchor=block_anchor(ctx.source, src, f"/page-anchor:{s.url}"),
        )


def _matching(source_page: PageAnchors, page: PageAnchors, fragment: str) -> Heading | None:
    """The heading of the translated page that stands where the source page's heading with
    this id stands, when both pages have as many headings (else nothing can be told)."""
    index = source_page.heading_of(fragment)
    if index is None or len(source_page.headings) != len(page.headings):
        return None
    return page.headings[index]
