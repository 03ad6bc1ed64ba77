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


def test_a_full_stop_of_another_script_is_the_same_mark() -> None:
    found = run(LinkPunctuation, SOURCE, {"hi": "बिनेंस पर जमा करने के बारे में [यहाँ पढ़ें।](https://x.io/deposit)"})
    assert [d.code for d in found] == ["L205"]
    assert "keeps \".\" outside" in found[0].message


def test_a_mark_the_source_never_had_after_its_link_was_not_pulled_in() -> None:
    # A linked list item the translation writes as a sentence; a linked title with its "?".
    assert run(LinkPunctuation, "- [Use active voice](https://x.io/voice)",
               "- [능동태를 사용합니다.](https://x.io/voice)") == []
    assert run(LinkPunctuation, "Read the [How To Contribute](https://x.io/c) doc, then",
               "[Nasıl Katkı Yapabilirim?](https://x.io/c) belgesini okuyun") == []
    # A comma after the source link is not the full stop the translation pulled in.
    assert run(LinkPunctuation, "See [the guide](https://x.io/g), then",
               "Zie [de gids.](https://x.io/g) Daarna") == []
