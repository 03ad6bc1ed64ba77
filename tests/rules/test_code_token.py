from harness import run, where

from l10ncheck.rules.code_token import CodeTokenChanged


def test_changed_token_standard_is_reported_where_it_stands() -> None:
    found = run(CodeTokenChanged, "Withdraw your BNB as BEP20 tokens.",
                "Keluarkan BNB anda sebagai token BEP2.")
    assert [d.code for d in found] == ["C502"]
    assert where(found[0]) == (1, 34)
    assert '"BEP2" where the source has "BEP20"' in found[0].message


def test_token_glued_to_a_translated_word_is_fine() -> None:
    source = "Withdraw your BNB as BEP20 tokens with app v2.1.0."
    assert run(CodeTokenChanged, source, {
        "nl": "Neem je BNB op als BEP20-tokens met app v2.1.0.",
        "ru": "Выведите BNB как токены BEP20 в приложении v2.1.0.",
    }) == []
