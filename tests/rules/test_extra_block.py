from harness import run, where

from l10ncheck.rules.extra_block import ExtraBlock

SOURCE = """\
Open MetaMask on your phone.

Send 5 BNB to the new address.
"""


def test_paragraph_the_source_lacks_is_reported() -> None:
    found = run(ExtraBlock, SOURCE, """\
Buka MetaMask pada telefon anda.

Perenggan ini ditambah oleh penterjemah dan tiada dalam sumber.

Hantar 5 BNB ke alamat baharu.
""")
    assert [d.code for d in found] == ["S105"]
    assert where(found[0]) == (3, 1)
    assert "ditambah oleh penterjemah" in found[0].message


def test_no_break_space_paragraph_is_not_a_block() -> None:
    assert run(ExtraBlock, SOURCE, """\
Buka MetaMask pada telefon anda.

\u00a0

Hantar 5 BNB ke alamat baharu.
""") == []


def test_nbsp_entity_paragraph_is_not_a_block() -> None:
    # `&nbsp;` renders as a no-break space: a spacer, not a paragraph.
    assert run(ExtraBlock, SOURCE, """\
Buka MetaMask pada telefon anda.

&nbsp;

Hantar 5 BNB ke alamat baharu.
""") == []
