from harness import run, where

from l10ncheck.rules.italic_count import ItalicCount

SOURCE = "Binance is *the centralized cryptocurrency exchange* we use."


def test_dropped_italic_is_reported() -> None:
    found = run(ItalicCount, SOURCE, "Binance est la plateforme d'échange centralisée que nous utilisons.")
    assert [d.code for d in found] == ["E304"]
    assert where(found[0]) == (1, 1)
    assert "0 italic spans where the source (en:1) has 1" in found[0].message


def test_translated_italic_is_fine() -> None:
    assert run(ItalicCount, SOURCE,
               "Binance est *la plateforme d'échange centralisée* que nous utilisons.") == []
