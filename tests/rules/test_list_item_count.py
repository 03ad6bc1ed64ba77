from harness import run, where

from l10ncheck.rules.list_item_count import ListItemCount

SOURCE = """\
Supported platforms:

- The Binance exchange
- The MetaMask wallet
- The Trust Wallet app
- A Ledger device
"""


def test_dropped_item_is_reported_once_for_the_list() -> None:
    found = run(ListItemCount, SOURCE, """\
Поддерживаемые платформы:

- Биржа Binance
- Кошелёк MetaMask
- Устройство Ledger
""")
    assert [d.code for d in found] == ["S106"]
    assert where(found[0]) == (3, 1)
    assert 'list has 3 items, source list (en:3) has 4; missing: "The Trust Wallet app"' in found[0].message


def test_translated_items_of_the_same_list_are_fine() -> None:
    assert run(ListItemCount, SOURCE, """\
Platform yang disokong:

- Bursa Binance
- Dompet MetaMask
- Aplikasi Trust Wallet
- Peranti Ledger
""") == []
