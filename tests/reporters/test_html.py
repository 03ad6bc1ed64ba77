"""The HTML report: every finding shown, nothing from an article ever runs, same bytes twice.

The page is read back with the standard library's HTML parser, the way a browser tokenizes
it, so "escaped" means what a browser would see, not what a regex hopes for. The aligned
view (``l10ncheck.views``) is tested here too, on small Markdown documents.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser.pages import (
    HOSTILE,
    hostile_report,
    sample_report,
    view_of,
    with_views,
)
from harness import body

from l10ncheck.align import align
from l10ncheck.diagnostics import (
    ArticleInfo,
    Diagnostic,
    DocumentInfo,
    Location,
    Report,
    Span,
)
from l10ncheck.extract import build_skeleton
from l10ncheck.reporters import html
from l10ncheck.views import ArticleView, build_view


class Page(HTMLParser):
    """Tags, attributes and text of a page, as a browser's tokenizer splits them."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._in: str | None = None
        self.marks: list[tuple[dict[str, str], str]] = []
        self._mark: tuple[dict[str, str], list[str]] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        self.tags.append((tag, found))
        if tag in ("script", "style"):
            self._in = tag
            (self.scripts if tag == "script" else self.styles).append("")
        if tag == "mark":
            self._mark = (found, [])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._in = None
        if tag == "mark" and self._mark is not None:
            self.marks.append((self._mark[0], "".join(self._mark[1])))
            self._mark = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "style":
            self.styles[-1] += data
        else:
            self.text.append(data)
            if self._mark is not None:
                self._mark[1].append(data)

    def all(self, tag: str) -> list[dict[str, str]]:
        return [attrs for t, attrs in self.tags if t == tag]

    def by_class(self, cls: str) -> list[dict[str, str]]:
        return [attrs for _, attrs in self.tags if cls in attrs.get("class", "").split()]


def _csp(page: Page) -> dict[str, list[str]]:
    meta = [m for m in page.all("meta") if m.get("http-equiv", "").lower() == "content-security-policy"]
    assert len(meta) == 1
    policy: dict[str, list[str]] = {}
    for directive in meta[0]["content"].split(";"):
        name, *values = directive.split()
        policy[name] = values
    return policy


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


# --- the fixed report every reporter formats (no aligned views) --------------------------


def test_every_finding_appears_once_with_code_severity_and_location(report: Report) -> None:
    out = html.render(report)
    page = Page(out)
    notes = page.by_class("note")
    assert [n["id"] for n in notes] == [f"f{i}" for i in range(1, len(report.diagnostics) + 1)]
    text = "".join(page.text)
    for d, note in zip(report.diagnostics, notes):
        assert note["data-rule"] == d.code
        assert note["data-severity"] == d.severity.value
        assert note["data-category"] == d.category.value
        assert note["data-lang"] == d.lang
        assert d.message in text
        assert f"{d.path}:{d.location.line}:{d.location.column}" in text
        if d.source is not None:
            assert f"{d.source.path}:{d.source.line}:{d.source.column}" in text
        if d.suggestion is not None:
            assert d.suggestion in text


def test_message_with_markup_is_text_not_markup(report: Report) -> None:
    out = html.render(report)
    assert "<script>alert(1)</script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    page = Page(out)
    assert len(page.all("script")) == 1 and not page.all("script")[0]


def test_csp_allows_only_the_page_own_hashed_style_and_script(report: Report) -> None:
    page = Page(html.render(report))
    policy = _csp(page)
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == [_sha256(page.scripts[0])]
    assert policy["style-src"] == [_sha256(page.styles[0])]
    assert policy["img-src"] == ["'none'"] and policy["base-uri"] == ["'none'"]
    assert len(page.scripts) == 1 and len(page.styles) == 1
    # No inline handlers or style attributes: the policy would block them anyway.
    for _, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), attrs
        assert "style" not in attrs
    # The CSP comes before anything that could load or run.
    head = html.render(report).split("<head>", 1)[1]
    assert head.index("Content-Security-Policy") < head.index("<style>")


def test_self_contained(report: Report) -> None:
    out = html.render(report)
    page = Page(out)
    assert not page.all("link") and not page.all("img") and not page.all("iframe")
    assert all(a["href"].startswith("#") for a in page.all("a") if "href" in a)
    assert not re.search(r"https?:|//", out.split("<body>")[0])
    assert "@import" not in page.styles[0] and "url(" not in page.styles[0]


def test_heat_map_counts_per_article_and_language(report: Report) -> None:
    page = Page(html.render(report))
    cells = page.by_class("heat-cell")
    langs = ("en", "bg", "zh")  # source first
    assert len(cells) == 2 * len(langs)
    levels = [next(c for c in cell["class"].split() if re.fullmatch(r"h\d", c)) for cell in cells]
    # METAMASK bg has an error, a warning and an info: the darkest cell of the map.
    metamask, gas = levels[: len(langs)], levels[len(langs) :]  # sorted by slug
    assert metamask[1] == f"h{html.HEAT_LEVELS}"
    assert gas[0] == "h1"  # one info on the source: light, never the worst colour
    assert metamask[0] == "h0"  # a clean document
    assert max(levels, key=lambda level: int(level[1:])) == metamask[1]


def test_empty_report_says_no_drift(report: Report) -> None:
    empty = dataclasses.replace(report, diagnostics=())
    out = html.render(empty)
    assert "No drift found" in out and "0 of 0 findings shown" in out
    assert "h0" in out  # every document clean


def test_deterministic(report: Report) -> None:
    first = html.render(report)
    assert first == html.render(dataclasses.replace(report))
    assert first.endswith("\n")
    assert not re.search(r"20\d\d-\d\d-\d\d", first)  # no timestamp


# --- the aligned view ---------------------------------------------------------------------


SOURCE = """\
Title
=====

First paragraph with [a link](https://example.com).

Second paragraph that the translation drops.

- one
- two
"""

TRANSLATION = """\
Titel
=====

Erster Absatz mit [einem Link](https://example.com).

Ein Absatz, den nur die Übersetzung hat.

- eins
- zwei
"""


def _view(source: str = SOURCE, translations: dict[str, str] | None = None) -> ArticleView:
    translations = {"de": TRANSLATION} if translations is None else translations
    documents = {"en": ("en.md", body(source))}
    documents.update({lang: (f"{lang}.md", body(text)) for lang, text in translations.items()})
    skeleton = build_skeleton(documents["en"][1], "en", "en.md")
    alignments = {
        lang: align(skeleton, build_skeleton(text, lang, path))
        for lang, (path, text) in documents.items() if lang != "en"
    }
    return build_view("article", "en", documents, alignments)


def test_view_rows_follow_the_source() -> None:
    view = _view()
    assert view.langs == ("en", "de") and view.path("de") == "de.md"
    shape = [
        (row.extra, [None if c is None else (c.kind, c.line, c.end_line) for c in row.cells])
        for row in view.rows
    ]
    heading, first, *rest = shape
    assert heading == (False, [("heading", 1, 2), ("heading", 1, 2)])  # underline kept
    assert first == (False, [("paragraph", 4, 4), ("paragraph", 4, 4)])
    assert rest == [
        (False, [("paragraph", 6, 6), ("paragraph", 6, 6)]),
        (False, [("item", 8, 8), ("item", 8, 8)]),
        (False, [("item", 9, 9), ("item", 9, 9)]),
    ]
    # Every source block appears once, in order; translation blocks once each.
    src = [row.cells[0].index for row in view.rows if row.cells[0] is not None]
    assert src == sorted(src) == list(range(len(src)))
    de = sorted(row.cells[1].index for row in view.rows if row.cells[1] is not None)
    assert de == list(range(len(de)))


def test_view_keeps_raw_lines_and_numbers() -> None:
    view = _view()
    cell = view.rows[1].cells[1]
    assert cell is not None
    assert cell.numbered() == ((4, "Erster Absatz mit [einem Link](https://example.com)."),)
    assert view.rows[0].cells[0].lines == ("Title", "=====")  # type: ignore[union-attr]


def test_view_gap_and_extra_rows() -> None:
    dropped = "Title\n=====\n\nFirst paragraph with [a link](https://example.com).\n\n- one\n- two\n"
    extra = SOURCE.replace("- one", "An added paragraph with 42 and https://example.org.\n\n- one")
    view = _view(translations={"de": dropped, "fr": extra})
    assert view.langs == ("en", "de", "fr")
    gaps = [row for row in view.rows if row.cells[0] is not None and row.cells[1] is None]
    assert len(gaps) == 1 and gaps[0].cells[0].lines == ("Second paragraph that the translation drops.",)  # type: ignore[union-attr]
    extras = [row for row in view.rows if row.extra]
    assert len(extras) == 1
    assert extras[0].cells[0] is None and extras[0].cells[1] is None
    assert extras[0].cells[2] is not None and extras[0].cells[2].lines[0].startswith("An added")
    # The extra row stands right after the row of the source block before it.
    at = view.rows.index(extras[0])
    assert view.rows[at - 1].cells[0].lines[0].startswith("Second")  # type: ignore[union-attr]


def test_view_without_translations_shows_the_source() -> None:
    view = build_view("a", "en", {"en": ("en.md", body(SOURCE))}, {})
    assert view.langs == ("en",) and len(view.rows) == 5


# --- end to end: the sample articles and a hostile article --------------------------------


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return sample_report(tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return hostile_report(tmp_path_factory.mktemp("hostile"))


def test_sample_shows_four_languages_side_by_side(sample: Report) -> None:
    page = Page(html.render(sample))
    heads = [a for t, a in page.tags if t == "th" and "data-col-lang" in a]
    assert [h["data-col-lang"] for h in heads] == ["ms", "nl", "ru"]
    assert len(page.by_class("aligned")) == 1
    assert len(page.by_class("note")) == len(sample.diagnostics) > 0


def test_sample_findings_are_marked_on_their_exact_characters(sample: Report, tmp_path: Path) -> None:
    page = Page(html.render(sample))
    root = Path(__file__).resolve().parents[2]
    for i, d in enumerate(sample.diagnostics, start=1):
        fid = f"f{i}"
        span = d.location.span
        mine = [text for attrs, text in page.marks
                if fid in attrs["data-f"].split() and "ref" not in attrs["class"].split()]
        line = (root / d.path).read_text(encoding="utf-8").split("\n")[span.line - 1]
        if span.column == span.end_column:
            assert mine, (d, "insertion point not marked")
            continue
        assert "".join(mine) == line[span.column - 1 : span.end_column - 1], d
        # And the aligned source span is marked too, lightly.
        assert d.source is not None
        refs = [text for attrs, text in page.marks
                if fid in attrs["data-f"].split() and "ref" in attrs["class"].split()]
        src_line = (root / d.source.path).read_text(encoding="utf-8").split("\n")[d.source.line - 1]
        src = d.source.span
        if src.line == src.end_line:
            assert "".join(refs) == src_line[src.column - 1 : src.end_column - 1], d


def test_sample_notes_stand_in_the_row_of_their_block(sample: Report) -> None:
    out = html.render(sample)
    rows = out.split('<tr class="row')[1:]
    for i, d in enumerate(sample.diagnostics, start=1):
        row = next(r for r in rows if f'id="f{i}"' in r)
        assert f'data-n="{d.location.line}"' in row, d


def test_hostile_article_runs_nothing(hostile: Report) -> None:
    out = html.render(hostile)
    page = Page(out)
    assert len(page.all("script")) == 1 and "pwned" not in page.scripts[0]
    for tag in ("img", "svg", "iframe", "object", "embed", "link", "base", "form", "textarea"):
        assert not page.all(tag), tag
    for tag, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("href", "src", "action", "formaction", "xlink:href"):
            value = attrs.get(name, "")
            assert not value.strip().lower().startswith(("javascript:", "data:")), (tag, attrs)
    text = "".join(page.text)
    # The hostile text is still there, readable, as text.
    for needle in ('<script>document.title = "pwned"; window.pwned = 2;</script>',
                   "<img src=x onerror=", "javascript:window.pwned=9", "<svg onload=window.pwned=4>",
                   "</textarea></style></script><script>window.pwned=7</script>",
                   "evil<script>window.pwned=10</script>"):
        assert needle in text, needle
    assert "pwned" not in out.split("<title>")[1].split("</title>")[0]


def test_hostile_missing_block_is_a_visible_gap(hostile: Report) -> None:
    out = html.render(hostile)
    s104 = next(i for i, d in enumerate(hostile.diagnostics, start=1) if d.code == "S104")
    row = next(r for r in out.split('<tr class="row')[1:] if f'id="f{s104}"' in r)
    assert 'class="cell gap"' in row and "no de block here" in row
    assert "&lt;script&gt;window.pwned = 8&lt;/script&gt;" in row


def test_hostile_language_code_and_slug_are_escaped_in_attributes(hostile: Report) -> None:
    view = hostile.views[0]  # type: ignore[attr-defined]
    evil = dataclasses.replace(view, langs=(view.langs[0], 'de" onmouseover="x', *view.langs[2:]))
    out = html.render(with_views(hostile, (evil,)))
    assert 'onmouseover="x' not in out and "de&#34; onmouseover=&#34;x" in out


def test_report_without_views_lists_findings(sample: Report) -> None:
    bare = with_views(sample, ())
    page = Page(html.render(bare))
    assert len(page.by_class("note")) == len(sample.diagnostics)
    assert not page.by_class("aligned")


def test_view_of_unreadable_article_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "en.md").write_bytes(b"\xff\xfe\x00")
    info = ArticleInfo("a", (DocumentInfo("en", str(tmp_path / "en.md")),))
    assert view_of(info, "en") is None


def test_hostile_source_is_the_test_we_think(hostile: Report) -> None:
    assert {d.lang for d in hostile.diagnostics} == {"de", "fr"}
    assert set(HOSTILE) == {"en", "de", "fr"}


def test_sample_csp_matches_the_page_with_its_column_widths(sample: Report) -> None:
    page = Page(html.render(sample))
    policy = _csp(page)
    assert "table.aligned.cols-4" in page.styles[0]
    assert policy["style-src"] == [_sha256(page.styles[0])]
    assert policy["script-src"] == [_sha256(page.scripts[0])]


def test_same_bytes_in_another_process() -> None:
    """No hash seed, id() or set order reaches the page."""
    script = (
        "import hashlib, pathlib, tempfile\n"
        "from browser.pages import hostile_report, sample_report\n"
        "from l10ncheck.reporters import html\n"
        "out = ''.join(html.render(make(pathlib.Path(tempfile.mkdtemp())))"
        " for make in (sample_report, hostile_report))\n"
        "print(hashlib.sha256(out.encode()).hexdigest())\n"
    )
    tests = str(Path(__file__).resolve().parents[1])
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": os.pathsep.join([tests, *sys.path])}
        done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                              text=True, check=True)
        digests.add(done.stdout.strip())
    assert len(digests) == 1


# --- highlighting one line ----------------------------------------------------------------


def _d(report: Report, n: int, span: tuple[int, int, int, int]) -> Diagnostic:
    d = report.diagnostics[n]
    return dataclasses.replace(d, location=Location(d.path, Span(*span)))


def test_overlapping_spans_split_into_marked_runs(report: Report) -> None:
    a, b = _d(report, 0, (3, 3, 3, 8)), _d(report, 1, (3, 5, 3, 10))
    ids = {a: "f1", b: "f2"}
    runs = html._segments(3, "abcdefghijkl", [(a.location.span, a, False), (b.location.span, b, False)], ids)
    assert [(r.text, r.ids) for r in runs] == [
        ("ab", ""), ("cd", "f1"), ("efg", "f1 f2"), ("hi", "f2"), ("jkl", ""),
    ]
    worst = max((a, b), key=lambda d: d.severity.rank).severity.value
    assert runs[2].severity == worst and a.message in runs[2].title and b.message in runs[2].title


def test_multi_line_span_and_insertion_point(report: Report) -> None:
    d, p = _d(report, 0, (4, 5, 5, 3)), _d(report, 1, (5, 1, 5, 1))
    ids = {d: "f1", p: "f2"}
    spans = [(d.location.span, d, False), (p.location.span, p, True)]
    first = html._segments(4, "abcdefg", spans, ids)
    second = html._segments(5, "hijk", spans, ids)
    assert [(r.text, r.ids) for r in first] == [("abcd", ""), ("efg", "f1")]
    assert [(r.text, r.ids, r.point, r.ref) for r in second] == [
        ("", "f2", True, True), ("hi", "f1", False, False), ("jk", "", False, False),
    ]
    assert html._segments(6, "lmn", spans, ids) == (html.Segment("lmn"),)
