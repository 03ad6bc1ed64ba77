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


def test_a_link_moved_to_the_other_paragraph_of_its_list_item_is_not_missing() -> None:
    source = ("- A **framework** to ease the\n  - Generation\n  - Export\n  - Collection\n  - Storage\n\n"
              "  of [telemetry data](https://x.io/t) such as [traces](https://x.io/tr).\n")
    moved = ("- Een **framework** voor [telemetrie](https://x.io/t), zoals [traces](https://x.io/tr), om\n"
             "  - Generatie\n  - Export\n  - Verzameling\n  - Opslag\n\n  te vergemakkelijken.\n")
    assert run(MissingLink, source, moved) == []
    dropped = ("- Een **framework** om\n  - Generatie\n  - Export\n  - Verzameling\n  - Opslag\n\n"
               "  te vergemakkelijken.\n")
    assert [d.code for d in run(MissingLink, source, dropped)] == ["L201", "L201"]
