from harness import run, where

from l10ncheck.rules.block_kind import BlockKind


def test_list_item_turned_into_paragraph_is_reported() -> None:
    found = run(BlockKind, "1. Open MetaMask on your phone.", "Abre MetaMask en tu teléfono.")
    assert [d.code for d in found] == ["S110"]
    assert where(found[0]) == (1, 1)
    assert "is a list item in the source" in found[0].message


def test_translated_item_that_stays_an_item_is_fine() -> None:
    source = "1. Open MetaMask on your phone.\n2. Tap **Send**.\n"
    assert run(BlockKind, source, "1. Buka MetaMask pada telefon anda.\n2. Ketik **Hantar**.\n") == []
