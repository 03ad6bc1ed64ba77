from harness import run, where

from l10ncheck.rules.list_nesting import ListNesting

SOURCE = """\
* [**Binance**](https://binance.com), the exchange
* [**MetaMask**](https://metamask.io), the wallet
"""


def test_item_that_became_a_sub_list_is_reported() -> None:
    found = run(ListNesting, SOURCE, """\
* - [**Binance**](https://binance.com), de beurs
* [**MetaMask**](https://metamask.io), de wallet
""")
    assert [d.code for d in found] == ["S107"]
    assert where(found[0]) == (1, 3)
    assert "nested at depth 2, its source item (en:1) at depth 1" in found[0].message


def test_translated_items_at_the_same_depth_are_fine() -> None:
    assert run(ListNesting, SOURCE, """\
* [**Binance**](https://binance.com), de beurs
* [**MetaMask**](https://metamask.io), de wallet
""") == []
