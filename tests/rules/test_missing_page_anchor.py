from harness import body, where

from l10ncheck.anchors import scan
from l10ncheck.api import Shared, check_documents
from l10ncheck.diagnostics import Severity
from l10ncheck.rules.missing_page_anchor import MissingPageAnchor
from l10ncheck.site import SiteIndex

EN_INSTALL = "# Install\n\n## Linux\n\nText.\n"


def run(source: str, translation: str, ja_install: str | None, fallback: tuple[str, ...] = ()) -> list:  # type: ignore[type-arg]
    pages = {("en", "docs/install"): scan(EN_INSTALL, "en/docs/install.md")}
    if ja_install is not None:
        pages[("ja", "docs/install")] = scan(body(ja_install), "ja/docs/install.md")
    site = SiteIndex({"en": frozenset({"docs/guide", "docs/install"}),
                      "ja": frozenset({"docs/guide"} | ({"docs/install"} if ja_install else set()))},
                     anchors=pages)
    docs = {"en": ("en.md", body(source)), "ja": ("ja.md", body(translation))}
    return check_documents("docs/guide", "en", docs, [MissingPageAnchor()], (), None, None,
                           Shared(site=site, fallback_langs=fallback))


SOURCE = "See [on Linux](../install/#linux).\n"


def test_fragment_that_names_no_heading_of_the_translated_page_is_reported() -> None:
    found = run(SOURCE, "[Linux では](../install/#linux-では)を参照。\n", "# インストール\n\n## Linux {#linux}\n")
    assert [d.code for d in found] == ["L209"] and where(found[0]) == (1, 1)
    assert found[0].severity is Severity.WARNING and found[0].suggestion == "../install/#linux"
    found = run(SOURCE, "[Linux](../install/#linux)を参照。\n", "# インストール\n\n## Linux 版 {#linux-ban}\n")
    assert [d.severity for d in found] == [Severity.WARNING] and '"linux-ban": link to it' in found[0].message


def test_heading_translated_without_an_id_or_a_site_absolute_link_is_info() -> None:
    found = run(SOURCE, "[Linux](../install/#linux)を参照。\n", "# インストール\n\n## リナックス\n")
    assert [d.severity for d in found] == [Severity.INFO] and "give it {#linux}" in found[0].message
    found = run("See [on Linux](/docs/install/#linux).\n", "[Linux](/docs/install/#linux-ban)を参照。\n",
                "# インストール\n\n## Linux 版 {#linux-ban}\n\n## その他\n")
    assert found == []  # resolves in the ja page
    found = run("See [on Linux](/docs/install/#linux).\n", "[Linux](/docs/install/#linux)を参照。\n",
                "# インストール\n\n## Linux 版 {#linux-ban}\n")
    assert [d.severity for d in found] == [Severity.INFO]  # the en page has it: opened unless localized


def test_kept_anchors_fallback_pages_and_unknown_source_anchors_are_fine() -> None:
    assert run(SOURCE, "[Linux](../install/#linux)を参照。\n", "# インストール\n\n## リナックス {#linux}\n") == []
    assert run(SOURCE, "[Linux](../install/#linux)を参照。\n", None, fallback=("en",)) == []
    assert run(SOURCE, "[Linux](../install/#linux)を参照。\n", None) == []  # the en page is shown
    assert run("See [the theme's](../install/#sidebar).\n", "[テーマ](../install/#sidebar)を参照。\n",
               "# インストール\n") == []
