from harness import run, where

from l10ncheck.rules.broken_markup import BrokenMarkup


def test_bold_opened_with_a_space_shows_its_asterisks() -> None:
    found = run(BrokenMarkup, "Note: **Not all assets can be moved.**",
                "Nota: ** Bukan semua aset boleh dipindahkan.**")
    assert [d.code for d in found] == ["X602"]
    assert where(found[0]) == (1, 7)
    assert 'literal "**"' in found[0].message


def test_well_formed_translated_markup_is_fine() -> None:
    source = "Note: **Not all assets can be moved.** See [the FAQ](https://x.io/faq)."
    assert run(BrokenMarkup, source, {
        "ru": "Примечание: **Не все активы можно перемещать.** См. [FAQ](https://x.io/faq).",
        "nl": "Let op: **Niet alle activa kunnen worden verplaatst.** Zie [de FAQ](https://x.io/faq).",
    }) == []


def test_markup_characters_inside_inline_code_are_code() -> None:
    source = "Match bold text with grep.\n"
    assert run(BrokenMarkup, source, {"de": "Fett finden mit `grep '**'`.\n"}) == []
    assert [d.code for d in run(BrokenMarkup, source, {"de": "Fett finden mit ** grep.\n"})] == ["X602"]


def test_brackets_before_a_parenthesis_in_prose_are_not_a_broken_link() -> None:
    source = "- Align [a] the text (top, bottom):\n"
    assert run(BrokenMarkup, source, {"ko": "- 텍스트 정렬[a](위쪽[t], 아래쪽[b]):\n"}) == []
    # A link split by a space, or with a URL after the bracket, is broken wherever it is.
    found = run(BrokenMarkup, "See [the FAQ](https://x.io/faq).", {"de": "Siehe [die FAQ] (https://x.io/faq)."})
    assert [d.code for d in found] == ["X602"]
    found = run(BrokenMarkup, "See [the FAQ](faq) here.", {"de": "Siehe [die FAQ] (die Seite) hier."})
    assert [d.code for d in found] == ["X602"]
