"""Protected terms: whole-word matching in any script, and terms learned from translations."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from l10ncheck.align import align
from l10ncheck.extract import build_skeleton
from l10ncheck.terms import (Term, bounded, candidates, contains, count_terms, learn_terms, occurrences,
                             prose, script)

# Letters that sit on every side of a boundary: Latin, accented Latin, Cyrillic, Japanese,
# digits, underscore, punctuation and whitespace.
_ALPHABET = "aBcé0_ .-\n\tЖオ"


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, min_size=1, max_size=5).filter(str.strip),
       st.text(_ALPHABET, max_size=40), st.booleans())
def test_finder_matches_exactly_what_the_bounded_regex_matches(term: str, text: str, case: bool) -> None:
    term = term.strip()
    flags = 0 if case else re.IGNORECASE
    expected = [m.span() for m in re.finditer(bounded(term), text, flags)]
    assert occurrences(term, text, case) == expected
    assert contains(term, text, case) == bool(expected)


def test_a_latin_term_is_found_against_text_written_without_spaces() -> None:
    assert occurrences("OpenTelemetry", "OpenTelemetryオペレーター") == [(0, 13)]
    assert occurrences("Meta", "MetaMask") == []
    assert occurrences("BNB Smart Chain", "the BNB  Smart\nChain.") == [(4, 20)]
    assert occurrences("bnb", "BNB", case_sensitive=False) == [(0, 3)]


def test_count_terms_counts_a_shorter_term_inside_a_longer_one_once() -> None:
    terms = (Term("BNB"), Term("BNB Smart Chain"))
    found = count_terms(terms, "BNB Smart Chain and BNB", "en")
    assert found == {"BNB": [(20, 23)], "BNB Smart Chain": [(0, 15)]}


def test_candidates_are_names_not_sentence_starts() -> None:
    found = candidates("The wallet supports MetaMask and BNB Smart Chain.")
    assert {"MetaMask", "BNB Smart Chain", "BNB"} <= found
    assert "The" not in found


def _alignments(source: str, translations: dict[str, str]):  # type: ignore[no-untyped-def]
    src = build_skeleton(source, "en", "en.md")
    return {lang: align(src, build_skeleton(text, lang, f"{lang}.md"))
            for lang, text in translations.items()}


def test_a_name_the_translations_keep_is_learned_and_a_translated_word_is_not() -> None:
    source = "Open MetaMask now.\n\nThen Wallet Settings show MetaMask.\n"
    translations = {
        "de": "Öffne MetaMask jetzt.\n\nDann zeigen die Einstellungen MetaMask.\n",
        "fr": "Ouvrez MetaMask.\n\nLes paramètres montrent MetaMask.\n",
    }
    learned = {t.text for t in learn_terms("en", _alignments(source, translations))}
    assert "MetaMask" in learned
    assert "Wallet Settings" not in learned


def test_names_are_not_learned_from_code_placeholders_urls_or_identifiers() -> None:
    source = ("- Use `ExampleTool` for {{Apple}} at https://Example.org/Path and `ACCESS_FINE_LOCATION`,"
              " then FOO_BAR on MetaMask:\n")
    block = build_skeleton(source, "en", "en.md").blocks[0]
    found = candidates(prose(block))
    assert "MetaMask" in found
    assert not found & {"ExampleTool", "Apple", "Example.org", "Path", "FINE", "FOO", "BAR"}
    assert len(prose(block)) == len(block.text)  # offsets still hold
    alert = build_skeleton("> [!IMPORTANT]\n> Keep MetaMask.\n", "en", "en.md").blocks[-1]
    assert "IMPORTANT" in candidates(alert.text) and "IMPORTANT" not in candidates(prose(alert))


def test_numbers_with_units_are_not_names() -> None:
    assert "16GB" not in candidates("Raise it to 16GB on the BEP20 chain.")
    assert "BEP20" in candidates("Raise it to 16GB on the BEP20 chain.")


def test_a_lone_plain_word_needs_a_higher_keep_rate_than_a_name() -> None:
    # Kept in 2 of 3 blocks (67 %): enough for a name, not for a capitalized dictionary word.
    source = "Use MetaMask in Application.\n\nTap MetaMask in Application.\n\nFind MetaMask in Application.\n"
    translations = {
        "de": "Nutze MetaMask in Application.\n\nTippe MetaMask in Application.\n\nFinde MetaMask in Anwendung.\n",
        "fr": "Utilisez MetaMask dans Application.\n\nTouchez MetaMask dans Application.\n\nTrouvez MetaMask dans Appli.\n",
    }
    learned = {t.text for t in learn_terms("en", _alignments(source, translations))}
    assert "MetaMask" in learned
    assert "Application" not in learned
    kept = {lang: text.replace("Anwendung", "Application").replace("Appli.", "Application.")
            for lang, text in translations.items()}
    assert "Application" in {t.text for t in learn_terms("en", _alignments(source, kept))}


def test_script_of_text_and_who_kept_a_term() -> None:
    assert script("Öffne MetaMask") == "LATIN"
    assert script("Откройте MetaMask сейчас") == "CYRILLIC"
    assert script("ウォレットの MetaMask を開いてください") == "KANA"
    assert script("请打开你的钱包应用程序 MetaMask") == "HAN"
    assert script("123 !") == ""
    source = "Open MetaMask now.\n\nThen MetaMask shows it.\n"
    translations = {
        "de": "Öffne MetaMask jetzt.\n\nDann zeigt MetaMask es.\n",
        "ru": "Откройте MetaMask сейчас.\n\nЗатем MetaMask покажет.\n",
        "uk": "Відкрийте МетаМаск зараз.\n\nПотім МетаМаск покаже.\n",
    }
    term = next(t for t in learn_terms("en", _alignments(source, translations)) if t.text == "MetaMask")
    assert term.kept_by_other("CYRILLIC", "uk")  # ru kept it
    assert not term.kept_by_other("CYRILLIC", "ru")  # only ru itself
    assert not term.kept_by_other("KANA", "ja")


def test_a_name_with_a_leading_dot_keeps_it() -> None:
    assert ".NET Core" in candidates("Install the .NET Core SDK, not ASP.NET or file.NET.")
    terms = (Term(".NET Core"),)
    assert count_terms(terms, "には.NET Core SDK、ASP.NET Core", "ja") == {".NET Core": [(2, 11)]}


def test_a_name_written_hyphenated_or_in_another_case_counts_as_kept() -> None:
    source = "Android Asset Packaging Tool: package an app.\n"
    translations = {
        "de": "Android Asset Packaging Tool: eine App paketieren.\n",
        "nl": "Android Asset Packaging-tool: verpak een app.\n",
        "pt": "Ferramenta Android de empacotamento: empacota um app.\n",
    }
    learned = {t.text for t in learn_terms("en", _alignments(source, translations))}
    assert "Android Asset Packaging Tool" in learned
    assert "Android Asset Packaging" not in learned
