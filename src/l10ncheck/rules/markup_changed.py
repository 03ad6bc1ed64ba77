from __future__ import annotations

from collections import Counter
from typing import Iterator

from l10ncheck import markup
from l10ncheck.diagnostics import Category, Diagnostic, Severity
from l10ncheck.rules.base import Rule, TranslationContext, block_anchor, counterpart, quote, where
from l10ncheck.skeleton import Block, Markup


class MarkupChanged(Rule):
    """A shortcode, MDX/JSX component, HTML element, comment or footnote reference of the
    source block is missing, renamed or added in the translated block, or an admonition
    keyword was translated.

    Shortcodes (`{{< name >}}`, `{{% name %}}`), components (`<Tabs>`, `<TabItem>`) and HTML
    elements (`<details>`, `<kbd>`, `<img>`) are compared by name, inside text and in HTML
    blocks; their parameters and the text they wrap may be translated. Admonitions (Hugo
    alert shortcodes, Docusaurus `:::note`, GitHub `> [!NOTE]`) are one kind, "alert", so a
    site may move between them; a keyword the site does not know (`:::nota`) is drift.
    Elements that only style text (`<br>`, `<b>`, `<span>`…) are not compared. Footnote
    references (`[^1]`, where the page defines `[^1]: …`) are compared by label. A missing or
    renamed element is a warning; an added one, or a missing HTML comment, is info (a
    translator's note or a line break may be deliberate).

    Why it matters: the site renders shortcodes and components: a dropped `{{< param version >}}`
    shows readers nothing, and a translated component name breaks the page build. A footnote
    no text refers to any more is left out of the page (Hugo) or dangles at its end.

    Example:
        en: `Install {{< param version >}} with <kbd>Ctrl</kbd>+<kbd>C</kbd>.`
        de: `Installieren Sie die Version mit <kbd>Strg</kbd>+C.`
    """

    code = "S112"
    name = "markup-changed"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, ctx: TranslationContext) -> Iterator[Diagnostic]:
        for src, tgt in ctx.block_pairs():
            if src.kind == "shortcode" and tgt.kind == "shortcode":
                if _differ(src.info, tgt.info):
                    yield self.report(
                        ctx, tgt.span,
                        f"{_names(tgt.info)} stands where the source ({where(ctx.source, src.span)})"
                        f" has {_names(src.info)}",
                        source=src, suggestion=src.info, anchor=block_anchor(ctx.source, src, "/markup"),
                    )
                continue
            yield from self._compare(ctx, src, tgt)

    def _compare(self, ctx: TranslationContext, src: Block, tgt: Block) -> Iterator[Diagnostic]:
        if src.kind == "table" and src.rows != tgt.rows:
            return  # rows added or dropped: the table-shape rule says so, once
        want = [m for m in src.markup if markup.compared(m.kind, m.name, m.closing)]
        have = [m for m in tgt.markup if markup.compared(m.kind, m.name, m.closing)]
        if not want and not have:
            return
        missing = _surplus(want, have)
        extra = _surplus(have, want)
        # One missing and one extra of the same sort in a block: renamed (a translated name).
        for gone in list(missing):
            new = next((m for m in extra if _sort(m) == _sort(gone)), None)
            if new is None or gone.kind == "comment":
                continue
            missing.remove(gone)
            extra.remove(new)
            yield self.report(
                ctx, new.span,
                f"{_what(new)} stands where the source ({where(ctx.source, gone.span)}) has {_what(gone)}",
                source=gone.span, suggestion=gone.name,
                anchor=block_anchor(ctx.source, src, f"/markup:{gone.name}"),
            )
        for gone in missing:
            yield self.report(
                ctx, counterpart(src, tgt, gone.start) if src.kind != "html" else tgt.span,
                f"{_what(gone)} ({where(ctx.source, gone.span)}) is missing",
                source=gone.span, anchor=block_anchor(ctx.source, src, f"/markup:{gone.name}"),
                severity=Severity.INFO if gone.kind == "comment" else None,
            )
        for new in extra:
            yield self.report(
                ctx, new.span,
                f"{_what(new)} is not in the source block ({where(ctx.source, src.span)})",
                source=src, anchor=block_anchor(ctx.source, src, f"/markup+{new.name}"),
                severity=Severity.INFO,
            )


def _differ(a: str, b: str) -> bool:
    """Do two shortcode blocks name different things? An alert opened on the same line as
    another shortcode (`{{% alert %}} {{% param x %}}`) holds the same thing as that one."""
    names_a, names_b = a.split(), b.split()
    rest_a = [n for n in names_a if n != "alert"]
    rest_b = [n for n in names_b if n != "alert"]
    if rest_a and rest_b:
        return rest_a != rest_b
    if rest_a or rest_b:  # one side is an alert only: the same if the other opens one too
        return "alert" not in (names_a if rest_a else names_b)
    return False


def _surplus(items: list[Markup], other: list[Markup]) -> list[Markup]:
    """The items of each (kind, name) beyond what ``other`` has: the last ones of the block
    (the first ones are those both sides have)."""
    left = Counter((m.kind, m.name) for m in items) - Counter((m.kind, m.name) for m in other)
    out: list[Markup] = []
    for m in reversed(items):
        if left[(m.kind, m.name)] > 0:
            left[(m.kind, m.name)] -= 1
            out.append(m)
    return sorted(out, key=lambda m: m.start)


def _sort(m: Markup) -> tuple[str, bool]:
    """A renamed piece keeps its sort: shortcode, component or HTML element."""
    return m.kind, markup.component(m.name)


def _what(m: Markup) -> str:
    if m.kind == "footnote":
        return f"footnote reference [^{m.name}]"
    if m.kind == "comment":
        return "HTML comment"
    if m.kind == "shortcode":
        return f"shortcode {quote(m.name)}"
    return f"component <{m.name}>" if markup.component(m.name) else f"HTML element <{m.name}>"


def _names(info: str) -> str:
    if info == "alert":
        return "an alert"
    return f"admonition {quote(info)}" if info.startswith(":::") else f"shortcode {quote(info)}"
