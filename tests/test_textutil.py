"""Script-neutral text helpers: anchors (what survives translation) and numbers."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from l10ncheck.textutil import NAME_WORD, anchors, normalize_number


def _reference_names(text: str) -> Counter[str]:
    """The definition, word by word: a name-like word with an inner capital or a digit, or a
    capitalized word of three letters or more that does not open a sentence."""
    found: Counter[str] = Counter()
    for m in NAME_WORD.finditer(text):
        word = m.group()
        if any(c.isupper() for c in word[1:]) or any(c.isdigit() for c in word) or (
            word[0].isupper() and len(word) > 2 and m.start() > 0 and text[m.start() - 2 : m.start()] != ". "
        ):
            found["w:" + word] += 1
    return found


@settings(max_examples=400, deadline=None)
@given(st.text("aZb9.- _éЖ\n", max_size=60))
def test_anchor_names_are_exactly_the_defined_ones(text: str) -> None:
    names = Counter({k: v for k, v in anchors(text).items() if k.startswith("w:")})
    assert names == _reference_names(text)


def test_anchors_keep_names_codes_and_numbers_not_ordinary_words() -> None:
    found = anchors("Install MetaMask v1.2.3 on 3 devices. Then open BEP20 wallets")
    assert found["w:MetaMask"] == 1 and found["w:BEP20"] == 1 and found["w:Install"] == 0
    assert found["n:3"] == 1 and "w:devices" not in found and "w:Then" not in found


def test_numbers_compare_across_separators_and_scripts() -> None:
    assert normalize_number("1,000") == normalize_number("1.000") == "1000"
    assert normalize_number("3,14") == "3.14"
    assert normalize_number("٣") == "3"
