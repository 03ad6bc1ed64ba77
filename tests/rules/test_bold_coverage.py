from harness import run, where

from l10ncheck.rules.bold_coverage import BoldCoverage

SOURCE = "**Not all assets can be moved freely between all chains.**"


def test_bold_that_shrinks_to_a_few_words_is_reported() -> None:
    found = run(BoldCoverage, SOURCE,
                "**Bukan semua aset** boleh dipindahkan secara bebas antara semua rantaian.")
    assert [d.code for d in found] == ["E303"]
    assert where(found[0]) == (1, 1)
    assert '"Bukan semua aset" covers' in found[0].message


def test_bold_over_the_whole_translated_sentence_is_fine() -> None:
    assert run(BoldCoverage, SOURCE, {
        "ms": "**Bukan semua aset boleh dipindahkan secara bebas antara semua rantaian.**",
        "ru": "**Не все активы можно свободно перемещать между всеми сетями.**",
    }) == []
