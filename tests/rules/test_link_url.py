from harness import run, where

from l10ncheck.rules.link_url import LinkUrlChanged


def test_other_article_number_is_reported() -> None:
    found = run(LinkUrlChanged,
                "Read about [withdrawing here](https://support.metamask.io/hc/articles/4416069050011).",
                "Lees [hier](https://support.metamask.io/hc/articles/4416069050012) over opnemen.")
    assert [d.code for d in found] == ["L203"]
    assert where(found[0]) == (1, 6)
    assert "link points to https://support.metamask.io/hc/articles/4416069050012" in found[0].message


def test_same_page_in_the_translation_language_is_fine() -> None:
    source = ("See [the guide](https://docs.x.io/en/guide/bridge), [BNB](https://en.wikipedia.org/wiki/BNB)"
              " and [the FAQ](https://help.x.io/hc/en-us/articles/115).")
    assert run(LinkUrlChanged, source, {
        "ru": "См. [руководство](https://docs.x.io/ru/guide/bridge), [BNB](https://ru.wikipedia.org/wiki/BNB)"
              " и [FAQ](https://help.x.io/hc/ru/articles/115).",
        "ms": "Lihat [panduan](https://docs.x.io/ms/guide/bridge), [BNB](https://ms.wikipedia.org/wiki/BNB)"
              " dan [soalan lazim](https://help.x.io/hc/ms/articles/115).",
    }) == []
