"""One-line harness for rule tests: Markdown in, findings out (never CLI text)."""

from __future__ import annotations

import textwrap

from l10ncheck.api import check_documents
from l10ncheck.diagnostics import Diagnostic
from l10ncheck.loading import Text, decode
from l10ncheck.rules import Rule
from l10ncheck.terms import Term


def body(markdown: str) -> str:
    text = decode(textwrap.dedent(markdown).lstrip("\n").encode("utf-8"))
    assert isinstance(text, Text)
    return text.body


def run(
    rule: type[Rule],
    source: str,
    translations: dict[str, str] | str,
    *,
    source_lang: str = "en",
    glossary: tuple[Term, ...] = (),
) -> list[Diagnostic]:
    """Findings of ``rule`` for each translation (a str means one translation in 'xx')."""
    if isinstance(translations, str):
        translations = {"xx": translations}
    documents = {source_lang: (f"{source_lang}.md", body(source))}
    documents.update({lang: (f"{lang}.md", body(md)) for lang, md in translations.items()})
    return check_documents("article", source_lang, documents, [rule()], glossary)


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


def where(d: Diagnostic) -> tuple[int, int]:
    return d.location.span.line, d.location.span.column
