from harness import run, where

from l10ncheck.rules.missing_link import MissingLink

SOURCE = "Follow [Binance’s instructions](https://www.binance.com/en/support/faq/115003670492)."


def test_dropped_link_is_reported() -> None:
    found = run(MissingLink, "First step.\n\n" + SOURCE, "Langkah pertama.\n\nIkut arahan Binance.")
    assert [d.code for d in found] == ["L201"]
    assert where(found[0]) == (3, 1)
    assert "https://www.binance.com/en/support/faq/115003670492 (en:3) is missing" in found[0].message


def test_translated_text_and_localized_url_are_fine() -> None:
    assert run(MissingLink, SOURCE, {
        "ms": "Ikut [arahan Binance](https://www.binance.com/ms/support/faq/115003670492).",
        "ar": "اتبع [تعليمات Binance](https://www.binance.com/ar/support/faq/115003670492).",
    }) == []
