"""Page URLs and relative links (l10ncheck.urls)."""

from l10ncheck.urls import page_url, resolve


def test_relative_links_resolve_against_the_page_url() -> None:
    assert page_url("docs/x") == "/docs/x/" and page_url("docs/x/_index") == "/docs/x/" and page_url("_index") == "/"
    assert resolve("../y/", "docs/x") == "/docs/y/"
    assert resolve("traces", "docs/concepts/signals/_index") == "/docs/concepts/signals/traces"
    assert resolve("../y.md#a", "docs/x") == "/y.md#a"
    assert resolve("https://a.io/b", "docs/x") == "https://a.io/b" and resolve("#top", "docs/x") == "#top"


def test_a_commit_id_abbreviated_is_the_same_revision() -> None:
    from l10ncheck.urls import same_destination

    full = "https://github.com/o/r/blob/9bd13bd7b3ecd76093fa980c44dc10b5611b4ee0/projects/x.md?from_branch=main"
    assert same_destination(full, "https://github.com/o/r/blob/9bd13bd/projects/x.md?from_branch=main", "en", "uk")
    assert not same_destination(full, "https://github.com/o/r/blob/1234abc/projects/x.md?from_branch=main", "en", "uk")
    assert not same_destination(full, "https://github.com/o/r/blob/9bd13bd/projects/y.md?from_branch=main", "en", "uk")
