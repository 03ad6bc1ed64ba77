from harness import run, where

from l10ncheck.rules.missing_anchor import MissingAnchor, slug

SOURCE = """\
# Guide

See [install](#install-it).

## Install it

Text.
"""


def test_stale_anchor_after_translated_heading_is_reported() -> None:
    found = run(MissingAnchor, SOURCE, """\
# Guía

Ver [instalar](#install-it).

## Instalarlo

Texto.
""")
    assert [d.code for d in found] == ["L207"]
    assert where(found[0]) == (3, 5)
    assert '"#install-it"' in found[0].message


def test_anchor_following_the_translated_heading_or_explicit_id_is_fine() -> None:
    assert run(MissingAnchor, SOURCE, "# Руководство\n\nСм. [установку](#установить).\n\n## Установить\n\nТекст.\n") == []
    assert run(MissingAnchor, SOURCE, "# Guía\n\nVer [instalar](#install-it).\n\n## Instalarlo {#install-it}\n\nTexto.\n") == []
    assert run(MissingAnchor, SOURCE, "# Guía\n\nVer [instalar](#instalarlo).\n\n## Instalarlo\n\nTexto.\n") == []


def test_slug_keeps_letters_of_every_script() -> None:
    assert slug("What is it? (v2)") == "what-is-it-v2"
    assert slug("承認者になる") == "承認者になる"


def test_a_fragment_in_a_script_with_vowel_signs_reaches_its_translated_heading() -> None:
    source = "# Guide\n\nSee [Definition](#definition) below.\n\n## Definition\n\nText.\n"
    target = "# গাইড\n\nনিচে [সংজ্ঞা](#সংজ্ঞা) দেখুন।\n\n## সংজ্ঞা\n\nপাঠ্য।\n"
    assert run(MissingAnchor, source, {"bn": target}) == []
    assert run(MissingAnchor, source, {"hi": "# गाइड\n\n[परिभाषा](#परिभाषा) देखें।\n\n## परिभाषा\n\nपाठ।\n"}) == []
