from harness import run, where

from l10ncheck.rules.heading_level import HeadingLevel

SOURCE = """\
## Move assets

Use the BNB Smart Chain bridge to move BEP20 tokens.
"""


def test_changed_heading_level_is_reported() -> None:
    found = run(HeadingLevel, SOURCE, """\
### Перемещение активов

Используйте мост BNB Smart Chain для перевода токенов BEP20.
""")
    assert [d.code for d in found] == ["S103"]
    assert where(found[0]) == (1, 1)
    assert "heading level 3, source has level 2" in found[0].message


def test_translated_heading_at_the_same_level_is_fine() -> None:
    assert run(HeadingLevel, SOURCE, """\
## Перемещение активов

Используйте мост BNB Smart Chain для перевода токенов BEP20.
""") == []
