"""Properties of the whole pipeline over generated Markdown (see ``strategies``).

* nothing raises, whatever the text or bytes;
* the JSON report is valid JSON, conforms to the documented contract (the JSON Schema beside
  this file) and every finding points inside its file;
* the output is byte-identical across runs and whatever order the files were created in;
* a translation that only changes prose words gives no finding;
* one injected drift of a known kind gives a finding of that category where it was made.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import assume, event, given, note
from hypothesis import strategies as st

from l10ncheck.api import check, check_documents
from l10ncheck.config import Config
from l10ncheck.diagnostics import Diagnostic
from l10ncheck.extract import build_skeleton
from l10ncheck.loading import Text, decode
from l10ncheck.reporters import get_reporter
from l10ncheck.rules import ALL_RULES

from .conftest import budget
from .strategies import (
    SCRIPTS,
    Doc,
    Drift,
    Em,
    Heading,
    Link,
    Paragraph,
    Strong,
    Word,
    any_bytes,
    any_text,
    apply_drift,
    documents,
    lists,
    possible_drifts,
    render,
    translate,
)

RULES = tuple(rule() for rule in ALL_RULES)
SCHEMA = json.loads((Path(__file__).parent / "json_contract.schema.json").read_text("utf-8"))
FINDING_KEYS = [
    "rule", "name", "category", "severity", "article", "lang", "path", "line", "column",
    "end_line", "end_column", "source_path", "source_line", "source_column", "message",
]
scripts = st.sampled_from(sorted(SCRIPTS))


def body(text: str) -> str:
    loaded = decode(text.encode("utf-8"))
    assert isinstance(loaded, Text)
    return loaded.body


def lint(source: str, translations: Mapping[str, str]) -> list[Diagnostic]:
    """All rules over one article: ``en`` source and ``{lang: text}`` translations."""
    documents = {"en": ("en.md", body(source))}
    documents.update({lang: (f"{lang}.md", body(text)) for lang, text in translations.items()})
    return check_documents("article", "en", documents, RULES)


def show(diagnostics: list[Diagnostic]) -> list[str]:
    return [f"{d.lang}:{d.location.span.line}:{d.location.span.column} {d.code} {d.message}"
            for d in diagnostics]


# -- no exception --------------------------------------------------------------------------


@budget(40)
@given(documents(), documents(), scripts)
def test_no_exception_on_generated_documents(source: Doc, other: Doc, script: str) -> None:
    text = render(source).text
    lint(text, {"xx": render(other).text, "yy": render(translate(source, script)).text})


@budget(60)
@given(any_text, any_text)
def test_no_exception_on_arbitrary_text(source: str, translation: str) -> None:
    for text in (source, translation):
        loaded = decode(text.encode("utf-8", "surrogatepass"))
        assume(isinstance(loaded, Text))
    lint(source, {"xx": translation, "yy": source})


@budget(60)
@given(any_bytes, documents(max_blocks=4))
def test_no_exception_on_arbitrary_bytes(data: bytes, doc: Doc) -> None:
    loaded = decode(data)
    if not isinstance(loaded, Text):
        assert loaded.line >= 1 and loaded.column >= 1 and loaded.reason
        return
    assert "\r" not in loaded.body and not loaded.body.startswith("\ufeff")
    build_skeleton(loaded.body)
    documents = {"en": ("en.md", loaded.body), "xx": ("xx.md", body(render(doc).text))}
    check_documents("article", "en", documents, RULES)
    documents = {"en": ("en.md", body(render(doc).text)), "xx": ("xx.md", loaded.body)}
    check_documents("article", "en", documents, RULES)


# -- the JSON report: contract, positions, determinism ----------------------------------------------


@contextmanager
def working_directory(path: str) -> Iterator[None]:
    before = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def run_json(files: Mapping[str, bytes], order: list[str] | None = None) -> str:
    """Write ``files`` (in ``order``) into a fresh folder and return ``--format json`` output."""
    with tempfile.TemporaryDirectory() as root:
        for name in order or list(files):
            path = Path(root, name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(files[name])
        with working_directory(root):
            report = check(["articles"], Config())
            out = get_reporter("json")(report)
            check_positions(json.loads(out), files)
            return out


def check_positions(data: dict[str, Any], files: Mapping[str, bytes]) -> None:
    """Every finding's start and end lie within its file (columns up to line length + 1)."""
    for f in data["findings"]:
        for path, line, column in ((f["path"], f["line"], f["column"]),
                                   (f["path"], f["end_line"], f["end_column"]),
                                   (f["source_path"], f["source_line"], f["source_column"])):
            if path is None:
                continue
            text = files[path].decode("utf-8", "replace").removeprefix("\ufeff")
            lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            assert 1 <= line <= len(lines), (f, len(lines))
            assert 1 <= column <= len(lines[line - 1]) + 1, (f, lines[line - 1])
        assert (f["line"], f["column"]) <= (f["end_line"], f["end_column"]), f


def check_contract(out: str) -> None:
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    findings = data["findings"]
    summary = data["summary"]
    assert summary["findings"] == len(findings)
    assert sum(summary["by_severity"].values()) == len(findings)
    assert sum(summary["by_category"].values()) == len(findings)
    for f in findings:
        assert list(f)[: len(FINDING_KEYS)] == FINDING_KEYS
        assert list(f)[-1] == "fingerprint"
    keys = [(f["path"], f["line"], f["column"], f["rule"]) for f in findings]
    assert keys == sorted(keys)


def test_sample_articles_conform_to_the_contract() -> None:
    """The schema itself is checked against a real report: the sample articles'."""
    root = Path(__file__).resolve().parents[2]
    with working_directory(str(root)):
        out = get_reporter("json")(check(["articles"], Config()))
    data = json.loads(out)
    assert data["findings"], "the sample articles drift"
    check_contract(out)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**data, "version": 2}, SCHEMA)
    finding = dict(data["findings"][0], line=0)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**data, "findings": [finding]}, SCHEMA)


@st.composite
def corpora(draw: st.DrawFn) -> dict[str, bytes]:
    """One to three articles: a source, translations (prose-only, drifted, random or bytes)."""
    files: dict[str, bytes] = {}
    for a in range(draw(st.integers(1, 3))):
        doc = draw(documents(max_blocks=6))
        files[f"articles/a{a}/en.md"] = render(doc).text.encode()
        for lang in draw(st.lists(st.sampled_from(["de", "fr", "ru", "zh-cn"]), max_size=3,
                                  unique=True)):
            kind = draw(st.sampled_from(["prose", "drift", "random", "bytes"]))
            target = translate(doc, draw(st.sampled_from(sorted(SCRIPTS))))
            drifts = possible_drifts(target)
            if kind == "drift" and drifts:
                target = apply_drift(target, draw(st.sampled_from(drifts)))
            if kind == "random":
                target = draw(documents(max_blocks=6))
            data = render(target).text.encode()
            if kind == "bytes":
                data = draw(any_bytes)
            files[f"articles/a{a}/{lang}.md"] = data
    return files


@budget(25)
@given(corpora())
def test_json_output_is_valid_conforms_and_points_inside_files(files: dict[str, bytes]) -> None:
    check_contract(run_json(files))


@budget(15)
@given(corpora(), st.randoms(use_true_random=False))
def test_output_is_deterministic_whatever_the_creation_order(
    files: dict[str, bytes], random: Any
) -> None:
    order = list(files)
    first = run_json(files, order)
    assert run_json(files, order) == first
    random.shuffle(order)
    assert run_json(files, order) == first
    assert run_json(files, order[::-1]) == first


# -- prose-only translations ---------------------------------------------------------------------


@budget(60)
@given(documents(), scripts)
def test_translating_prose_only_gives_no_finding(doc: Doc, script: str) -> None:
    source = render(doc).text
    translation = render(translate(doc, script)).text
    note(source)
    note(translation)
    assert show(lint(source, {"xx": translation})) == []


# -- one injected drift ---------------------------------------------------------------------------


def block_lines(doc: Doc, index: int) -> range:
    """The lines of block ``index`` in the rendered ``doc``."""
    rendered = render(doc)
    start = rendered.lines[index]
    end = rendered.lines[index + 1] - 1 if index + 1 < len(doc) else rendered.text.count("\n")
    return range(start, end + 1)


def anchors(block: Paragraph) -> tuple[object, ...]:
    """What alignment can see in a paragraph once translated: links, code, names, numbers
    and bold (italics may legitimately come and go, so alignment does not count them)."""
    kept: list[object] = []
    for piece in block.inline:
        if isinstance(piece, Link):
            kept.append(("link", piece.url))
        elif isinstance(piece, Strong):
            kept.append("strong")
        elif not isinstance(piece, (Word, Em)):
            kept.append(piece)
    return tuple(kept)


def interchangeable(doc: Doc, index: int) -> list[int]:
    """Paragraphs of the same section as ``doc[index]`` with the same anchors, itself included."""
    paragraph = doc[index]
    assert isinstance(paragraph, Paragraph)
    start = max((i for i in range(index) if isinstance(doc[i], Heading)), default=-1)
    end = min((i for i in range(index, len(doc)) if isinstance(doc[i], Heading)), default=len(doc))
    return [i for i in range(start + 1, end)
            if isinstance(doc[i], Paragraph) and anchors(doc[i]) == anchors(paragraph)]  # type: ignore[arg-type]


@st.composite
def drifted(draw: st.DrawFn) -> tuple[Doc, Doc, Drift]:
    """A document, and its translation with one drift; each kind of drift equally likely."""
    doc = draw(documents(min_blocks=1, max_blocks=8))
    if draw(st.booleans()):
        doc += (draw(lists(min_items=2)),)
    drifts = possible_drifts(doc)
    assume(drifts)
    kind = draw(st.sampled_from(sorted({d.kind for d in drifts})))
    drift = draw(st.sampled_from([d for d in drifts if d.kind == kind]))
    target = apply_drift(translate(doc, draw(scripts)), drift)
    return doc, target, drift


@budget(100)
@given(drifted())
def test_one_injected_drift_is_found_where_it_was_made(case: tuple[Doc, Doc, Drift]) -> None:
    doc, target, drift = case
    source, translation = render(doc).text, render(target).text
    note(source)
    note(translation)
    note(str(drift))
    found = lint(source, {"xx": translation})
    note("\n".join(show(found)))
    event(drift.kind)
    mine = [d for d in found if d.code == drift.rule]
    assert mine, f"no {drift.rule} for {drift}: {show(found)}"
    assert all(d.category.value == drift.category for d in mine)
    if drift.kind == "drop-paragraph":
        # Paragraphs that share every anchor (links, code, names, numbers, bold) in the same
        # section cannot be told apart once translated: any of them may be the missing one.
        candidates = {render(doc).lines[b] for b in interchangeable(doc, drift.block)}
        assert any(d.source is not None and d.source.span.line in candidates for d in mine), (
            sorted(candidates), show(found))
        # In the translation, the gap is reported between the blocks around it.
        starts = render(target).lines
        low = starts[drift.block - 1] if drift.block > 0 else 1
        high = starts[drift.block] if drift.block < len(target) else translation.count("\n") + 1
        assert any(low <= d.location.span.line <= high for d in mine), ((low, high), show(found))
        return
    if drift.item >= 0:
        lines = range(render(target).item_lines[drift.block][drift.item],
                      render(target).item_lines[drift.block][drift.item] + 1)
    else:
        lines = block_lines(target, drift.block)
    assert any(d.location.span.line in lines for d in mine), (list(lines), show(found))


def test_strategies_cover_every_drift_and_block() -> None:
    """The model can produce every kind of drift (guards the strategies against decay)."""
    seen: set[str] = set()
    kinds: set[str] = set()

    @budget(120)
    @given(documents(max_blocks=10))
    def collect(doc: Doc) -> None:
        seen.update(d.kind for d in possible_drifts(doc))
        kinds.update(type(b).__name__ for b in doc)

    collect()
    assert seen == {"drop-link", "drop-paragraph", "change-code", "drop-bold", "nest-item"}
    assert {"Heading", "Paragraph", "ListBlock", "Fence", "Table", "Html", "FrontMatter"} <= kinds


# -- what the properties found ---------------------------------------------------------------


def test_dropped_paragraph_next_to_a_name_only_paragraph() -> None:
    found = lint("MetaMask\n\naa\n", {"xx": "аа\n"})
    assert [(d.code, d.source.span.line if d.source else None) for d in found] == [("S104", 1)]


@budget(100)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
                                      blacklist_characters="\\`*_~[]!<>&\n\r"), min_size=1, max_size=60))
def test_the_plain_line_shortcut_reads_as_mistune(line: str) -> None:
    """parsing._inline_tokens skips mistune for a line without inline syntax: same tokens."""
    from mistune.core import BlockState

    from l10ncheck.parsing import _INLINE_STRIP, _MD, _inline_tokens

    text = line.strip(_INLINE_STRIP)
    assume(text)
    assert _inline_tokens(text, BlockState().env) == _MD.inline(text, BlockState().env)


_PLAIN = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
                                         blacklist_characters="\\`*_~[]!<>&\n\r"), max_size=20)


@budget(100)
@given(_PLAIN, st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="`\r"),
                       min_size=1, max_size=40), _PLAIN)
def test_the_code_span_shortcut_reads_as_mistune(before: str, body: str, after: str) -> None:
    """parsing._inline_tokens skips mistune for one code span in plain text: same tokens."""
    from mistune.core import BlockState

    from l10ncheck.parsing import _INLINE_STRIP, _MD, _inline_tokens

    text = (before + "`" + body + "`" + after).strip(_INLINE_STRIP)
    assert _inline_tokens(text, BlockState().env) == _MD.inline(text, BlockState().env)
