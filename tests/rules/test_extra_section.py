from harness import run, where

from l10ncheck.rules.extra_section import ExtraSection

SOURCE = """\
## Install

Run `npm install l10ncheck` first.

## Use

Run `l10ncheck docs` in your project.
"""


def test_section_the_source_lacks_is_reported_at_its_heading() -> None:
    found = run(ExtraSection, SOURCE, """\
## Installation

Führen Sie zuerst `npm install l10ncheck` aus.

## Verwendung

Führen Sie `l10ncheck docs` in Ihrem Projekt aus.

## Fehlerbehebung

Wenn etwas schiefgeht, lesen Sie bitte zuerst die häufigen Fragen.

Oder fragen Sie im Forum nach.
""")
    assert [d.code for d in found] == ["S102"]
    assert where(found[0]) == (9, 1)
    assert '"Fehlerbehebung" is not in the source (3 blocks)' in found[0].message


def test_translated_headings_are_fine() -> None:
    assert run(ExtraSection, SOURCE, """\
## Установка

Сначала выполните `npm install l10ncheck`.

## Использование

Выполните `l10ncheck docs` в своём проекте.
""") == []
