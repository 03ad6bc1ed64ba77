from harness import run, where

from l10ncheck.diagnostics import Severity
from l10ncheck.rules.split_word_link import SplitWordLink


def test_link_inside_a_word_is_reported_at_the_link_text() -> None:
    found = run(
        SplitWordLink,
        "We have it [here](https://x.io/a).",
        "Kami ada pe[rkar](https://x.io/a)a itu.",
    )
    assert len(found) == 1
    assert where(found[0]) == (1, 13)
    assert "perkara" in found[0].message


def test_whole_word_link_and_cjk_are_fine() -> None:
    assert (
        run(
            SplitWordLink,
            "We have it [here](https://x.io/a).",
            "Kami ada [perkara](https://x.io/a) itu.",
        )
        == []
    )
    assert (
        run(
            SplitWordLink,
            "Open [MetaMask](https://x.io/a) now.",
            "请打开[MetaMask](https://x.io/a)钱包。",
        )
        == []
    )


def test_spaceless_scripts_and_hyphenated_compounds_are_fine() -> None:
    source = "Read the instructions [here](https://x.io/a) first."
    assert run(SplitWordLink, source, {
        "th": "อ่านคำแนะนำ[ที่นี่](https://x.io/a)ก่อน",
        "ja": "まず[こちら](https://x.io/a)の手順をお読みください。",
        "nl": "Lees eerst de [MetaMask](https://x.io/a)-instructies.",
    }) == []


def test_a_case_ending_after_the_link_is_grammar_in_a_suffixing_language() -> None:
    source = "Each [cluster](https://x.io/c) scales.\n"
    assert run(SplitWordLink, source, {"tr": "Her [küme](https://x.io/c)si ölçeklenir.\n"}) == []
    found = run(SplitWordLink, source, {"de": "Jeder [Clust](https://x.io/c)er skaliert.\n"})
    assert [d.severity for d in found] == [Severity.INFO]
    found = run(SplitWordLink, source, {"tr": "Her k[üme](https://x.io/c)si ölçeklenir.\n"})
    assert [d.severity for d in found] == [Severity.WARNING]


def test_a_word_of_another_script_glued_to_a_link_is_no_case_ending() -> None:
    source = "Read [the Node.js tag](https://dev.to/t/node) for articles about Node.js."
    found = run(SplitWordLink, source, {
        "ta": "[Node.js குறிச்சொல்](https://dev.to/t/node)Node.js தொடர்பான கட்டுரைகள் உள்ளன.",
        "tr": "Node.js yazıları için [etiket](https://dev.to/t/node)ine bakın.",
    })
    assert [(d.lang, d.code) for d in found] == [("ta", "L204")]
