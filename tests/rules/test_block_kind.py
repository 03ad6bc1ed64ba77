from harness import run, where

from l10ncheck.rules.block_kind import BlockKind


def test_list_item_turned_into_paragraph_is_reported() -> None:
    found = run(BlockKind, "1. Open MetaMask on your phone.", "Abre MetaMask en tu teléfono.")
    assert [d.code for d in found] == ["S110"]
    assert where(found[0]) == (1, 1)
    assert "is a list item in the source" in found[0].message


def test_translated_item_that_stays_an_item_is_fine() -> None:
    source = "1. Open MetaMask on your phone.\n2. Tap **Send**.\n"
    assert run(BlockKind, source, "1. Buka MetaMask pada telefon anda.\n2. Ketik **Hantar**.\n") == []


def test_a_pair_that_rests_on_its_place_alone_is_info() -> None:
    # Nothing in common and lengths far apart: the translation says something else there.
    source = "Intro paragraph that is fairly long and says a lot of things.\n\n- Short item.\n"
    found = run(BlockKind, source, "Einleitung in wenigen Worten.\n\nEin ganz anderer, viel längerer Absatz über etwas anderes.\n")
    assert [(d.code, d.severity.value) for d in found] == [("S110", "info")]
    assert "rests on the blocks' places alone" in found[0].message


def test_a_list_written_as_running_text_is_a_warning() -> None:
    source = ("See [the ladder](https://x.io/a) for how reviewers are chosen from the community.\n\n"
              "- reviewers with a technical background, with writing skills, or with both\n\n"
              "See [the guide](https://x.io/b) for how reviews are done in practice.\n")
    found = run(BlockKind, source, "Siehe [die Leiter](https://x.io/a) dazu, wie Prüfer gewählt werden.\n\n"
                "Prüfer: 1) mit starkem technischem Hintergrund, 2) mit sehr guten Schreibfähigkeiten,"
                " 3) mit beidem zugleich\n\n"
                "Siehe [den Leitfaden](https://x.io/b) dazu, wie geprüft wird.\n")
    assert [(d.code, d.severity.value) for d in found] == [("S110", "warning")]


def test_length_alone_does_not_confirm_a_pair_whose_links_disagree() -> None:
    # The item has links, the paragraph none, and they are about as long: info.
    source = ("- Read [the guide](https://x.io/guide) and [the FAQ](#faq) before you start.\n\n"
              "Some closing words follow here.\n")
    found = run(BlockKind, source, "Usa termini inglesi diffusi, con una traduzione, se utile.\n\n"
                "Alcune parole di chiusura qui.\n")
    assert [(d.code, d.severity.value) for d in found] == [("S110", "info")]
    # Links on both sides, none shared: the length still counts.
    found = run(BlockKind, source, "Lies [den Leitfaden](https://x.de/a) und [die Fragen](#fragen) zuerst.\n\n"
                "Einige Worte zum Schluss hier.\n")
    assert [(d.code, d.severity.value) for d in found] == [("S110", "warning")]


def test_a_footnote_text_left_outside_its_footnote_is_reported() -> None:
    # Not indented under `[^1]:`, the text is a paragraph of the page and the note is empty.
    source = "Not on macOS[^1].\n\n[^1]:\n    Not supported on macOS without cgo.\n"
    found = run(BlockKind, source, "No en macOS[^1].\n\n[^1]:\n\nNo compatible con macOS sin cgo.\n")
    assert [d.code for d in found] == ["S110"]
    assert where(found[0]) == (5, 1)
    assert "is a footnote [^1] in the source" in found[0].message
    assert run(BlockKind, source, "No en macOS[^1].\n\n[^1]:\n    No compatible con macOS sin cgo.\n") == []
