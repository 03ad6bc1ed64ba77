from harness import run, where

from l10ncheck.rules.link_punctuation import LinkPunctuation

SOURCE = "Read about [depositing to Binance here](https://x.io/deposit)."


def test_period_pulled_into_the_link_is_reported_at_the_period() -> None:
    found = run(LinkPunctuation, SOURCE,
                "Over het storten bij Binance lees je [hier.](https://x.io/deposit)")
    assert [d.code for d in found] == ["L205"]
    assert where(found[0]) == (1, 43)
    assert '"." is inside the link text "hier."' in found[0].message


def test_punctuation_outside_or_kept_from_the_source_is_fine() -> None:
    assert run(LinkPunctuation, SOURCE, {
        "nl": "Over het storten bij Binance lees je [hier](https://x.io/deposit).",
        "ja": "Binanceへの入金については[こちら](https://x.io/deposit)。",
    }) == []
    assert run(LinkPunctuation, "[Read more.](https://x.io/more)", "[Lees meer.](https://x.io/more)") == []
