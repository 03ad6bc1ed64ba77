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


def test_credits_to_the_translators_are_only_info() -> None:
    from l10ncheck.diagnostics import Severity

    source = "# Glossary\n\nThe glossary is maintained by the community.\n"
    translation = ("# 用語集\n\n用語集はコミュニティによって維持されています。\n\n日本語化は [Kaito](https://github.com/kaitoii11)、"
                   "[Kohei](https://github.com/inductor)、[Nao](https://www.linkedin.com/in/nao/) の貢献で始まりました。\n")
    found = run(ExtraBlock, source, {"ja": translation})
    assert [d.severity for d in found] == [Severity.INFO]
    # Links to project pages are content, not credits.
    other = translation.replace("https://github.com/kaitoii11", "https://github.com/cncf/glossary/issues")
    other = other.replace("https://github.com/inductor", "https://kubernetes.io/docs/")
    assert [d.severity for d in run(ExtraBlock, source, {"ja": other})] == [Severity.WARNING]
