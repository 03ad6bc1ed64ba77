from harness import run, where

from l10ncheck.rules.empty_link_text import EmptyLinkText


def test_link_without_text_is_reported() -> None:
    found = run(EmptyLinkText, "See [the FAQ](https://x.io/faq).", "Veja [](https://x.io/faq).")
    assert [d.code for d in found] == ["L206"]
    assert where(found[0]) == (1, 6)
    assert '"the FAQ"' in found[0].message


def test_translated_link_text_is_fine() -> None:
    assert run(EmptyLinkText, "See [the FAQ](https://x.io/faq).",
               "Veja [as perguntas frequentes](https://x.io/faq).") == []
