from harness import run, where

from l10ncheck.rules.extra_link import ExtraLink


def test_link_the_source_lacks_is_reported() -> None:
    found = run(ExtraLink, "Install MetaMask on your phone.",
                "Installiere [MetaMask](https://metamask.io/de) auf deinem Handy.")
    assert [d.code for d in found] == ["L202"]
    assert where(found[0]) == (1, 13)
    assert "https://metamask.io/de is not in the source" in found[0].message


def test_localized_link_with_translated_text_is_fine() -> None:
    assert run(ExtraLink, "Install [MetaMask](https://metamask.io/en) on your phone.",
               "Installiere [die MetaMask-App](https://metamask.io/de) auf deinem Handy.") == []
