from harness import run, where

from l10ncheck.rules.missing_section import MissingSection

SOURCE = """\
## Deposit

Send BNB from MetaMask to Binance.

## Withdraw to BNB Smart Chain

Choose the BEP20 network in the Binance app.

Wait for 15 confirmations.

## Help

Contact Binance support in the app.
"""


def test_dropped_section_is_one_finding_where_it_belongs() -> None:
    found = run(MissingSection, SOURCE, """\
## Пополнение

Отправьте BNB из MetaMask на Binance.

## Помощь

Обратитесь в поддержку Binance в приложении.
""")
    assert [d.code for d in found] == ["S101"]
    assert where(found[0]) == (5, 1)
    assert 'section "Withdraw to BNB Smart Chain" (en:5) is missing (3 blocks)' in found[0].message


def test_translated_sections_are_fine() -> None:
    assert run(MissingSection, SOURCE, """\
## Пополнение

Отправьте BNB из MetaMask на Binance.

## Вывод в BNB Smart Chain

Выберите сеть BEP20 в приложении Binance.

Дождитесь 15 подтверждений.

## Помощь

Обратитесь в поддержку Binance в приложении.
""") == []


def test_consecutive_missing_sections_are_one_finding() -> None:
    source = "# T\n\nIntro 1.\n\n## A\n\nAlpha.\n\n## B\n\nBeta.\n\n### C\n\nGamma.\n\n## D\n\nDelta.\n"
    found = run(MissingSection, source, "# T\n\nIntroducción 1.\n\n## D\n\nDelta.\n")
    assert [d.message for d in found] == [
        '3 sections from "A" (en:5) to "C" (en:13) are missing (6 blocks)']
    assert where(found[0]) == (5, 1)
