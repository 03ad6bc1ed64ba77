from harness import run, where

from l10ncheck.rules.missing_term import MissingTerm
from l10ncheck.terms import Term

SOURCE = """\
Switch to the BNB Smart Chain network.

Note: fees on BNB Smart Chain are low.
"""
KEPT = {
    "nl": "Schakel over naar het BNB Smart Chain-netwerk.\n\nLet op: de kosten op BNB Smart Chain zijn laag.\n",
    "ms": "Tukar ke rangkaian BNB Smart Chain.\n\nPerhatian: yuran di BNB Smart Chain adalah rendah.\n",
}


def test_learned_term_renamed_in_one_translation_is_reported() -> None:
    renamed = "Переключитесь на сеть Binance Smart Chain.\n\nВнимание: комиссии в BNB Smart Chain низкие.\n"
    found = run(MissingTerm, SOURCE, {**KEPT, "ru": renamed})
    assert [(d.code, d.lang) for d in found] == [("T401", "ru")]
    assert where(found[0]) == (1, 23)
    assert 'term "BNB Smart Chain" (en:1) renamed to "Binance Smart Chain"' in found[0].message


def test_glossary_term_missing_from_the_translation_is_reported() -> None:
    found = run(MissingTerm, "Open MetaMask and tap Send.", "メタマスクを開いて「送信」をタップします。",
                glossary=(Term("MetaMask", learned=False),))
    assert [d.code for d in found] == ["T401"]
    assert where(found[0]) == (1, 1)
    assert 'term "MetaMask" (en:1) is missing' in found[0].message


def test_kept_terms_translated_words_and_allowed_forms_are_fine() -> None:
    # "Note" is translated everywhere ("Let op", "Perhatian"): never a term.
    assert run(MissingTerm, SOURCE, KEPT) == []
    glossary = (Term("BNB Smart Chain", {"ru": ("Смарт-чейн BNB",)}, learned=False),)
    allowed = "Переключитесь на сеть Смарт-чейн BNB.\n\nВнимание: комиссии в Смарт-чейн BNB низкие.\n"
    assert run(MissingTerm, SOURCE, {"ru": allowed}, glossary=glossary) == []
