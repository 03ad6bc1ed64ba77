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


def test_number_with_a_unit_or_word_written_apart_is_fine() -> None:
    assert run(CodeTokenChanged, "The 8-core run used 2.4GHz and 44100kHz.",
               {"ja": "8 コアの実行は 2.4 GHz と 44100 kHz を使いました。",
                "ru": "Прогон на 8 ядрах использовал 2,4 ГГц и 44100 кГц."}) == []


def test_changed_number_with_a_unit_is_still_reported() -> None:
    found = run(CodeTokenChanged, "The radio uses 2.4GHz.", "La radio utilise 5GHz.")
    assert [(d.code, d.severity.value) for d in found] == [("C502", "warning")]
    assert '"5GHz" where the source has "2.4GHz"' in found[0].message


def test_an_english_plural_of_a_token_is_the_token_in_languages_without_plurals() -> None:
    source = "Download the MP3s of a playlist.\n"
    assert run(CodeTokenChanged, source, {"ko": "재생 목록의 MP3를 다운로드합니다.\n"}) == []
    assert [d.code for d in run(CodeTokenChanged, source, {"ko": "재생 목록의 MP4를 다운로드합니다.\n"})] == ["C502"]


def test_a_word_with_a_number_translated_around_its_number_is_only_info() -> None:
    from l10ncheck.diagnostics import Severity

    found = run(CodeTokenChanged, "Join field3 of file1 with field1 of file2.\n",
                {"es": "Une el campo3 del archivo1 con el campo1 del archivo2.\n"})
    assert found and all(d.severity is Severity.INFO for d in found)
    # A typo of the same word stays a warning.
    found = run(CodeTokenChanged, "Copy it to machine1 first.\n", {"es": "Cópialo primero a machin1.\n"})
    assert [d.severity for d in found] == [Severity.WARNING]
