"""Position recovery: every span must cover exactly the characters it names."""

from __future__ import annotations

from l10ncheck.diagnostics import Span
from l10ncheck.loading import Text, decode
from l10ncheck.parsing import Node, parse


def load(raw: bytes) -> str:
    text = decode(raw)
    assert isinstance(text, Text)
    return text.body


def cut(text: str, span: Span) -> str:
    lines = text.split("\n")
    if span.line == span.end_line:
        return lines[span.line - 1][span.column - 1 : span.end_column - 1]
    parts = [lines[span.line - 1][span.column - 1 :]]
    parts += lines[span.line : span.end_line - 1]
    parts.append(lines[span.end_line - 1][: span.end_column - 1])
    return "\n".join(parts)


def nodes(text: str, kind: str) -> list[Node]:
    return [n for top in parse(text) for n in top.walk() if n.type == kind]


def test_links_in_nested_containers_cover_their_markdown() -> None:
    text = load(
        b"# Title [a](https://a.io)\n\n"
        b"> quote with [b](https://b.io \"title\") and\n"
        b"> more [c][ref]\n\n"
        b"* item [d](<https://d.io/x y>)\n"
        b"  * nested **[e](https://e.io/(x))**\n"
        b"1. <https://f.io>\n\n"
        b"[ref]: https://c.io\n"
    )
    got = [cut(text, n.span) for n in nodes(text, "link")]
    assert got == [
        "[a](https://a.io)",
        '[b](https://b.io "title")',
        "[c][ref]",
        "[d](<https://d.io/x y>)",
        "[e](https://e.io/(x))",
        "<https://f.io>",
    ]
    assert [cut(text, n.inner) for n in nodes(text, "link") if n.inner] == ["a", "b", "c", "d", "e", "https://f.io"]


def test_bom_crlf_and_front_matter_do_not_shift_positions() -> None:
    raw = "\ufeff---\r\ntitle: x\r\n---\r\n\r\nSome **bold** text.\r\n".encode("utf-8")
    text = load(raw)
    strong = nodes(text, "strong")[0]
    assert (strong.span.line, strong.span.column) == (5, 6)
    assert cut(text, strong.span) == "**bold**"


def test_toml_front_matter_keeps_line_numbers() -> None:
    text = load(b"+++\ntitle = 'x'\n+++\n# Heading\n")
    heading = parse(text)[0]
    assert heading.type == "heading" and heading.span.line == 4


def test_multiline_paragraph_and_inline_code() -> None:
    text = load(b"First line with `code`\nsecond line with [link](u) and `` a`b ``.\n")
    code = nodes(text, "codespan")
    assert [cut(text, c.span) for c in code] == ["`code`", "`` a`b ``"]
    assert [cut(text, c.inner) for c in code if c.inner] == ["code", "a`b"]
    link = nodes(text, "link")[0]
    assert (link.span.line, link.span.column) == (2, 18)


def test_columns_count_code_points_not_bytes() -> None:
    text = load("Привет, 世界 [ссылка](https://x.io) 🙂 **жирный**\n".encode("utf-8"))
    link = nodes(text, "link")[0]
    strong = nodes(text, "strong")[0]
    assert link.span.column == 12
    assert cut(text, strong.span) == "**жирный**"


def test_table_cells_and_list_markers() -> None:
    text = load(b"| a | b |\n|---|---|\n| c [l](u) | d |\n\n- one\n- two\n  - three\n")
    cells = nodes(text, "table_cell")
    assert [cut(text, c.span) for c in cells] == ["a", "b", "c [l](u)", "d"]
    items = nodes(text, "list_item")
    assert [(i.span.line, i.span.column) for i in items] == [(5, 1), (6, 1), (7, 3)]


def test_setext_heading_and_code_blocks() -> None:
    text = load(b"Title\n=====\n\n```py\nx = 1\n```\n\n    indented\n")
    top = parse(text)
    assert [(n.type, n.span.line, n.span.end_line) for n in top] == [
        ("heading", 1, 1), ("code", 4, 6), ("code", 8, 8),
    ]


def test_escaped_and_entity_text() -> None:
    text = load(b"a \\*not bold\\* &amp; [x](u)\n")
    link = nodes(text, "link")[0]
    assert cut(text, link.span) == "[x](u)"


def test_deep_nesting_does_not_crash() -> None:
    text = load(b"> " * 200 + b"deep\n\n" + b"[" * 500 + b"x" + b"]" * 500 + b"\n")
    assert parse(text)  # flattened beyond the nesting limit, never a RecursionError


def test_a_line_of_plain_words_is_read_as_mistune_reads_it() -> None:
    from mistune.core import BlockState

    from l10ncheck.parsing import _MD, _inline_tokens

    lines = ["Install the collector", "Run it (again) now: 42 times, {{path/to/file}} and #tag",
             "Привет, мир — ünïcödé 漢字 ไทย العربية", "a|b = c; d?", "  spaced  out  "]
    for line in lines:
        text = line.strip()
        assert _inline_tokens(text, BlockState().env) == _MD.inline(text, BlockState().env)


def test_a_code_span_in_plain_text_is_read_as_mistune_reads_it() -> None:
    from mistune.core import BlockState

    from l10ncheck.parsing import _MD, _inline_tokens

    spans = ["`tar cf {{target.tar}} {{file1}}`", "` padded `", "`  `", "`a\nb`", "` x`",
             "`[link](x) **no** <b>`", "`x`", "Compress a file with `gzip`:", "`ls` lists",
             "Siehe auch: `tar`."]
    for text in spans:
        assert _inline_tokens(text, BlockState().env) == _MD.inline(text, BlockState().env)
    # Not one span with plain text around it: mistune reads them.
    assert _inline_tokens("`a` and `b`", BlockState().env)[1] == {"type": "text", "raw": " and "}
    assert _inline_tokens("**Run** `ls`", BlockState().env)[0]["type"] == "strong"


def test_a_one_line_span_is_the_same_as_the_general_computation() -> None:
    from l10ncheck.parsing import _LineMap

    single = _LineMap([0], [(3, 5, 2, 20)])  # file line 3, column 5, 2 characters skipped, line ends at 20
    general = _LineMap([0, 100], [(3, 5, 2, 20), (4, 1, 0, 9)])  # the same first line
    for start, end in [(0, 0), (0, 4), (2, 9), (5, 3), (10, 40), (1, 2)]:
        assert single.span(start, end) == general.span(start, end)


def test_a_line_ending_in_a_break_is_mapped_as_one_line() -> None:
    from l10ncheck.parsing import _Locator

    locator = _Locator(["- Description:", "", "`cmd`"])
    linemap = locator._map_lines("Description:\n")  # as mistune hands a list item's text on
    assert linemap.single == (1, 3, 0, 15) and locator.cursor == 1


FOOTNOTES = (
    "Share of views[^1] and scripts[^cat].\n"
    "\n"
    "[^1]: サイト全体の1,200万閲覧数に対する割合。\n"
    "\n"
    "[^cat]:\n"
    "    これらのスクリプトは命名規則に従います。\n"
    "    [テスト](/t/#x)と `npm test` を参照。\n"
    "\n"
    "        code of the note\n"
    "\n"
    "After.\n"
)


def test_a_footnote_definition_is_a_container_never_a_link_definition() -> None:
    # `[^1]: 文` (no space in the text) is a valid link reference definition to mistune, and
    # an indented line after one would be code: it is a footnote, whatever the script.
    text = FOOTNOTES
    notes = [n for n in parse(text) if n.type == "footnote"]
    assert [n.attrs["label"] for n in notes] == ["1", "cat"]
    assert [[c.type for c in n.children] for n in notes] == [["paragraph"], ["paragraph", "code"]]
    assert cut(text, notes[0].span) == "[^1]: サイト全体の1,200万閲覧数に対する割合。"
    first, second = notes[0].children[0], notes[1].children[0]
    assert (first.span.line, first.span.column) == (3, 7) and first.text.startswith("サイト")
    assert cut(text, second.span) == (
        "これらのスクリプトは命名規則に従います。\n    [テスト](/t/#x)と `npm test` を参照。")
    assert cut(text, notes[1].children[1].span) == "code of the note"
    # Inline rules still run on the note's text, with exact places.
    assert [cut(text, n.span) for n in nodes(text, "link")] == ["[テスト](/t/#x)"]
    assert [cut(text, n.span) for n in nodes(text, "codespan")] == ["`npm test`"]
    assert [n.type for n in parse(text)][-1] == "paragraph"  # "After." is outside the note


def test_footnote_references_are_nodes_of_their_own_only_when_defined() -> None:
    text = FOOTNOTES
    refs = nodes(text, "footnote_ref")
    assert [(r.text, cut(text, r.span)) for r in refs] == [("1", "[^1]"), ("cat", "[^cat]")]
    assert "".join(n.text for n in nodes(text, "text") if n.span.line == 1) == "Share of views and scripts."
    # No definition: plain text, as every renderer shows it.
    assert nodes("Text[^2] here.\n", "footnote_ref") == []


def test_a_footnote_continues_lazily_and_ends_at_the_next_definition() -> None:
    text = "[^a]: First line\ncontinued lazily.\n[^b]: Second.\n- a list after it\n"
    top = parse(text)
    assert [n.type for n in top] == ["footnote", "footnote", "list"]
    assert cut(text, top[0].children[0].span) == "First line\ncontinued lazily."
    # A label with a space is not a footnote (GitHub, markdown-it): a link definition.
    assert [n.type for n in parse("[^a b]: /url\n")] == []
