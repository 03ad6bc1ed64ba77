from harness import run, where

from l10ncheck.rules.untranslated import UntranslatedBlock

SOURCE = """\
Open MetaMask on your phone.

Not all assets can be moved freely between all chains.
"""


def test_paragraph_left_in_english_is_reported() -> None:
    found = run(UntranslatedBlock, SOURCE, """\
Öffnen Sie MetaMask auf Ihrem Handy.

Not all assets can be moved freely between all chains.
""")
    assert [d.code for d in found] == ["X601"]
    assert where(found[0]) == (3, 1)
    assert "is the same prose as the source (en:3): not translated" in found[0].message


def test_mostly_untranslated_file_is_one_finding() -> None:
    source = """\
Open MetaMask on your phone and unlock it.

Not all assets can be moved freely between all chains.

Check the network before you send any funds.

Ask Binance support when a deposit does not arrive.
"""
    found = run(UntranslatedBlock, source, source.replace(
        "Open MetaMask on your phone and unlock it.", "Öffnen und entsperren Sie MetaMask auf Ihrem Handy."))
    assert [d.code for d in found] == ["X601"]
    assert where(found[0]) == (3, 1)
    assert "3 of 4 blocks are still in the source language" in found[0].message


def test_translated_prose_and_a_regional_variant_are_fine() -> None:
    assert run(UntranslatedBlock, SOURCE, """\
Öffnen Sie MetaMask auf Ihrem Handy.

Nicht alle Assets können frei zwischen allen Chains bewegt werden.
""") == []
    # A regional variant shares its prose with the source by design.
    assert run(UntranslatedBlock, SOURCE, {"en-GB": SOURCE}) == []


def test_block_of_names_only_is_not_prose() -> None:
    source = SOURCE + "\nBinance, MetaMask, Trust Wallet, Ledger Live\n"
    assert run(UntranslatedBlock, source, """\
Öffnen Sie MetaMask auf Ihrem Handy.

Nicht alle Assets können frei zwischen allen Chains bewegt werden.

Binance, MetaMask, Trust Wallet, Ledger Live
""") == []


def test_a_title_that_is_the_pages_own_name_is_not_prose() -> None:
    from l10ncheck.api import check_documents
    from l10ncheck.rules.untranslated import UntranslatedBlock

    source = "# gcloud sql backups describe\n\n> Describe a backup of a Cloud SQL instance.\n"
    target = "# gcloud sql backups describe\n\n> Cloud SQL 인스턴스의 백업을 설명합니다.\n"
    docs = {"en": ("en.md", source), "ko": ("ko.md", target)}
    assert check_documents("common/gcloud-sql-backups-describe", "en", docs, [UntranslatedBlock()]) == []
    assert len(check_documents("common/other-page", "en", docs, [UntranslatedBlock()])) == 1


def test_a_table_of_data_is_not_prose() -> None:
    table = "| fruit | colour | count |\n| --- | --- | --- |\n| apple | red | 6 |\n| lemon | yellow | 3 |\n| grape | green | 9 |\n"
    source = "# Data\n\n" + table
    assert run(UntranslatedBlock, source, {"ja": "# データ\n\n" + table}) == []
    prose = "| a | b |\n| --- | --- |\n| one | the value is sent to every exporter in turn |\n"
    assert [d.code for d in run(UntranslatedBlock, "# Data\n\n" + prose, {"ja": "# データ\n\n" + prose})] == ["X601"]


def test_a_heading_attribute_list_is_not_heading_text() -> None:
    source = "# Checks\n\n## `TEXT linter` {.notranslate lang=en}\n\nIt runs on every pull request.\n"
    found = run(UntranslatedBlock, source, {"es": "# Comprobaciones\n\n## `TEXT linter` {.notranslate lang=en}\n\nSe ejecuta en cada pull request.\n"})
    assert found == []


def test_the_title_of_a_cited_talk_is_not_untranslated_prose() -> None:
    source = "- [Observability at scale with the collector](https://www.youtube.com/watch?v=abc), KubeCon 2024\n"
    assert run(UntranslatedBlock, source, {"ja": "- [Observability at scale with the collector](https://www.youtube.com/watch?v=abc)、KubeCon 2024\n"}) == []
