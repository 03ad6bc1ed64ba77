"""Alignment by structure: one edit in a long article is one finding, never a cascade."""

from __future__ import annotations

from harness import body

from l10ncheck.align import Alignment, align
from l10ncheck.api import check_documents
from l10ncheck.diagnostics import Diagnostic
from l10ncheck.extract import build_skeleton
from l10ncheck.rules import ALL_RULES

SOURCE = """\
# Move BNB to MetaMask

This guide shows how to withdraw BNB from Binance to MetaMask.

## Before you start

Install [MetaMask](https://metamask.io/download) on your phone or in your browser.

Make sure you keep at least 0.01 BNB for network fees.

## Add the network

Open MetaMask and choose **Add network**.

Enter the chain ID `56` and the RPC address below.

```
https://bsc-dataseed.binance.org
```

## Withdraw

1. Open the Binance app.
2. Choose **Withdraw** and select BNB.
3. Pick the BEP20 network.
4. Paste your MetaMask address.

Wait for 15 confirmations; it usually takes 1 minute.

Read more in the [Binance FAQ](https://www.binance.com/en/support/faq/115003670492).

Ask questions in the [MetaMask community](https://community.metamask.io).
"""

RU = """\
# Перевод BNB в MetaMask

В этом руководстве рассказано, как вывести BNB с Binance в MetaMask.

## Перед началом

Установите [MetaMask](https://metamask.io/download) на телефон или в браузер.

Оставьте не менее 0.01 BNB на оплату комиссий сети.

## Добавление сети

Откройте MetaMask и выберите **Добавить сеть**.

Введите ID сети `56` и адрес RPC, указанный ниже.

```
https://bsc-dataseed.binance.org
```

## Вывод

1. Откройте приложение Binance.
2. Выберите **Вывод** и укажите BNB.
3. Выберите сеть BEP20.
4. Вставьте свой адрес MetaMask.

Дождитесь 15 подтверждений; обычно это занимает 1 минуту.

Подробнее читайте в [FAQ Binance](https://www.binance.com/ru/support/faq/115003670492).

Задавайте вопросы в [сообществе MetaMask](https://community.metamask.io).
"""


def aligned(translation: str) -> Alignment:
    return align(build_skeleton(body(SOURCE), "en", "en.md"), build_skeleton(body(translation), "ru", "ru.md"))


def findings(translation: str) -> list[Diagnostic]:
    documents = {"en": ("en.md", body(SOURCE)), "ru": ("ru.md", body(translation))}
    return check_documents("article", "en", documents, [rule() for rule in ALL_RULES])


def drop(text: str, *lines: str) -> str:
    for line in lines:
        assert line in text
        text = text.replace(line, "", 1)
    return text


def test_source_is_long_enough_to_cascade() -> None:
    assert len(build_skeleton(body(SOURCE)).blocks) >= 10


def test_dropped_paragraph_is_one_gap_and_the_rest_pairs() -> None:
    translation = drop(RU, "Введите ID сети `56` и адрес RPC, указанный ниже.\n\n")
    alignment = aligned(translation)
    missing = [p.source for p in alignment.pairs if p.target is None]
    assert [b.text for b in missing if b is not None] == ["Enter the chain ID 56 and the RPC address below."]
    assert all(p.source is not None for p in alignment.pairs)
    assert len(alignment.matched()) == len(alignment.source.blocks) - 1
    assert len(alignment.matched()) == len(alignment.target.blocks)
    found = findings(translation)
    assert [d.code for d in found] == ["S104"]
    assert (found[0].location.span.line, found[0].location.span.column) == (15, 1)


def test_dropped_list_item_is_one_list_finding() -> None:
    found = findings(drop(RU, "3. Выберите сеть BEP20.\n"))
    assert [d.code for d in found] == ["S106"]
    assert '"Pick the BEP20 network."' in found[0].message


def test_dropped_section_is_one_section_finding() -> None:
    translation = drop(RU, "## Перед началом\n\n",
                       "Установите [MetaMask](https://metamask.io/download) на телефон или в браузер.\n\n",
                       "Оставьте не менее 0.01 BNB на оплату комиссий сети.\n\n")
    found = findings(translation)
    assert [d.code for d in found] == ["S101"]
    assert (found[0].location.span.line, found[0].location.span.column) == (5, 1)
    assert '"Before you start" (en:5) is missing (3 blocks)' in found[0].message


def test_extra_paragraph_is_one_finding() -> None:
    translation = RU.replace("## Вывод\n", "## Вывод\n\nЭтот абзац добавил переводчик, в оригинале его нет.\n\n")
    found = findings(translation)
    assert [d.code for d in found] == ["S105"]
    assert "добавил переводчик" in found[0].message


FAQ_RU = "Подробнее читайте в [FAQ Binance](https://www.binance.com/ru/support/faq/115003670492).\n"
FORUM_RU = "Задавайте вопросы в [сообществе MetaMask](https://community.metamask.io).\n"


def swapped(faq: str) -> str:
    translation = RU.replace(FAQ_RU + "\n" + FORUM_RU, FORUM_RU + "\n" + faq)
    assert translation != RU
    return translation


def assert_paired_as_moved(translation: str) -> None:
    alignment = aligned(translation)
    assert all(p.source is not None and p.target is not None for p in alignment.pairs)
    for pair in alignment.matched():
        assert pair.source is not None and pair.target is not None
        assert [link.url.replace("/en/", "/ru/") for link in pair.source.links] == [
            link.url.replace("/en/", "/ru/") for link in pair.target.links]
    assert any(p.moved for p in alignment.pairs)
    assert not {"S104", "S105"} & {d.code for d in findings(translation)}


def test_swapped_paragraphs_with_links_pair_as_moved() -> None:
    assert_paired_as_moved(swapped(FAQ_RU.replace("/ru/", "/en/")))


def test_swapped_paragraphs_with_localized_links_pair_as_moved() -> None:
    # The FAQ link points to the Russian page (/en/ -> /ru/): still the same link.
    assert_paired_as_moved(swapped(FAQ_RU))


def test_same_structure_with_translated_prose_gives_no_finding() -> None:
    alignment = aligned(RU)
    assert len(alignment.matched()) == len(alignment.source.blocks) == len(alignment.target.blocks)
    assert findings(RU) == []
