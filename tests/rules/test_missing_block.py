from harness import run, where

from l10ncheck.rules.missing_block import MissingBlock

SOURCE = """\
Open MetaMask and unlock your wallet.

Never share your recovery phrase, not even with Binance support.

Then send 5 BNB to the new address.
"""


def test_dropped_paragraph_is_one_finding_where_it_belongs() -> None:
    found = run(MissingBlock, SOURCE, """\
Open MetaMask en ontgrendel je wallet.

Stuur daarna 5 BNB naar het nieuwe adres.
""")
    assert [d.code for d in found] == ["S104"]
    assert where(found[0]) == (3, 1)
    assert '"Never share your recovery phrase' in found[0].message
    assert "(en:3) is missing" in found[0].message


def test_reworded_translation_is_fine() -> None:
    assert run(MissingBlock, SOURCE, """\
Ontgrendel eerst je wallet in MetaMask.

Deel je herstelzin met niemand, ook niet met de support van Binance.

Stuur vervolgens 5 BNB naar het nieuwe adres.
""") == []
