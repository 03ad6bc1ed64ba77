from harness import body, where

from l10ncheck.api import Shared, check_documents
from l10ncheck.rules.link_target import LinkTargetUntranslated
from l10ncheck.site import SiteIndex

SITE = SiteIndex({"en": frozenset({"docs/guide", "docs/install"}), "ja": frozenset({"docs/guide"})})


def run(source: str, translation: str, site: SiteIndex = SITE, fallback: tuple[str, ...] = ()) -> list:  # type: ignore[type-arg]
    docs = {"en": ("en.md", body(source)), "ja": ("ja.md", body(translation))}
    return check_documents("docs/guide", "en", docs, [LinkTargetUntranslated()], (), None, None,
                           Shared(site=site, fallback_langs=fallback))


def test_relative_link_to_an_untranslated_page_is_reported() -> None:
    found = run("See [Install](../install/).\n", "[インストール](../install/)を参照。\n")
    assert [d.code for d in found] == ["L208"] and where(found[0]) == (1, 1)
    assert "'docs/install'" in found[0].message


def test_default_language_links_translated_pages_and_fallbacks_are_fine() -> None:
    assert run("See [Install](/docs/install/).\n", "[インストール](/docs/install/)を参照。\n") == []
    assert run("See [Guide](../guide/).\n", "[ガイド](../guide/)を参照。\n") == []
    assert run("See [Install](../install/).\n", "[インストール](../install/)を参照。\n", fallback=("en",)) == []
    assert run("See [Site](https://x.io/).\n", "[サイト](https://x.io/)を参照。\n") == []


def test_resolver_handles_index_pages_and_language_prefixes() -> None:
    site = SiteIndex({"en": frozenset({"docs/_index", "docs/x"}), "ja": frozenset({"docs/_index"})})
    assert site.resolve("/ja/docs/", "docs/x", "ja") == ("docs/_index", "ja")
    assert site.resolve("x", "docs/_index", "ja") == ("docs/x", None)
    assert site.resolve("mailto:a@b.c", "docs/x", "ja") is None
