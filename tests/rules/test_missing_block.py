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


FOOTNOTE_SOURCE = """\
Views per language[^1] and the scripts[^cat].

[^1]: Percentage of the site-total 12M views.

[^cat]:
    These scripts follow the test-script naming conventions; see
    [Test categories](../../testing/#test-categories).

## Next
"""


def test_a_footnote_pairs_with_its_translation_in_any_script() -> None:
    # Japanese writes no space after the colon: mistune alone read `[^1]: 文` as a link
    # definition and the indented lines of `[^cat]` as code.
    assert run(MissingBlock, FOOTNOTE_SOURCE, """\
言語別の閲覧数[^1]とスクリプト[^cat]。

[^1]: サイト全体の1,200万閲覧数に対する割合。

[^cat]:
    これらのスクリプトはテストスクリプトの命名規則に従います。
    [テストカテゴリ](/site/testing/#test-categories)を参照してください。

## 次へ
""") == []


def test_a_dropped_footnote_is_still_reported() -> None:
    found = run(MissingBlock, FOOTNOTE_SOURCE, """\
言語別の閲覧数[^1]とスクリプト。

[^1]: サイト全体の1,200万閲覧数に対する割合。

## 次へ
""")
    assert [d.code for d in found] == ["S104"]
    assert 'footnote [^cat] "These scripts follow' in found[0].message
    assert "(en:5) is missing" in found[0].message
