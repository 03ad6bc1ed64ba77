from harness import run, where

from l10ncheck.rules.number_changed import NumberChanged


def test_changed_number_is_reported() -> None:
    found = run(NumberChanged, "Intro.\n\nWait 12 confirmations before you withdraw.",
                "Giriş.\n\nÇekmeden önce 2 onay bekleyin.")
    assert [d.code for d in found] == ["C503"]
    assert where(found[0]) == (3, 1)
    assert 'number "12" (en:3) is not in the translation' in found[0].message


SOURCE = "Wait 12 confirmations; you can withdraw up to 1,000 USDT or 2.5 BNB per day."


def test_other_digits_and_separators_are_the_same_number() -> None:
    assert run(NumberChanged, SOURCE, {
        "ar": "انتظر ١٢ تأكيدًا؛ يمكنك سحب ما يصل إلى 1000 USDT أو 2.5 BNB يوميًا.",
        "fa": "۱۲ تأیید صبر کنید؛ روزانه تا 1,000 USDT یا 2.5 BNB برداشت کنید.",
        "nl": "Wacht 12 bevestigingen; je kunt tot 1.000 USDT of 2,5 BNB per dag opnemen.",
        "ru": "Дождитесь 12 подтверждений; можно вывести до 1000 USDT или 2,5 BNB в день.",
    }) == []


def test_arabic_separators_are_the_same_number() -> None:
    # ١٬٠٠٠ (U+066C thousands separator) is 1,000; ٢٫٥ (U+066B decimal separator) is 2.5.
    assert run(NumberChanged, SOURCE,
               "انتظر ١٢ تأكيدًا؛ يمكنك سحب ما يصل إلى ١٬٠٠٠ USDT أو ٢٫٥ BNB يوميًا.") == []


def test_number_glued_to_a_word_is_compared_as_a_number() -> None:
    assert run(NumberChanged, "The 8-core run.", "8 コアの実行。") == []
    assert [d.code for d in run(NumberChanged, "The 8-core run.", "4 コアの実行。")] == ["C503"]
