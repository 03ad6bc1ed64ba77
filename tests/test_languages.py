from __future__ import annotations

import pytest

from l10ncheck.languages import (
    ISO_639_1,
    has_spaceless_script,
    is_lang_code,
    is_spaceless_script_char,
    normalize_lang,
)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("pt_BR", "pt-br"),
        ("zh_TW", "zh-tw"),
        ("EN", "en"),
        ("zh-Hans", "zh-hans"),
        ("es-419", "es-419"),
    ],
)
def test_normalize_lang(code: str, expected: str) -> None:
    assert normalize_lang(code) == expected


@pytest.mark.parametrize(
    "name",
    [
        "en",
        "ja",
        "is",
        "my",
        "to",
        "fil",
        "haw",
        "yue",
        "ceb",
        "ckb",
        "ast",
        "zh-Hans",
        "sr-Latn",
        "es-419",
        "pt_BR",
        "en-us",
        "zh-Hans-CN",
        "PT-br",
    ],
)
def test_language_codes(name: str) -> None:
    assert is_lang_code(name)


@pytest.mark.parametrize(
    "name",
    [
        "docs",
        "api",
        "img",
        "faq",
        "v2",
        "README",
        "in",
        "iw",
        "ji",
        "",
        "e",
        "en-docs",
        "en-",
        "en_US_x",
        "guide",
        "pages",
    ],
)
def test_not_language_codes(name: str) -> None:
    assert not is_lang_code(name)


def test_iso_639_1_is_complete_and_current() -> None:
    assert len(ISO_639_1) == 183
    assert {"aa", "zu", "nb", "nn", "he", "id", "yi"} <= ISO_639_1
    assert not {"in", "iw", "ji", "jw", "mo", "sh"} & ISO_639_1


@pytest.mark.parametrize(
    "ch",
    ["漢", "ひ", "カ", "ｶ", "ไ", "ລ", "ក", "မ", "བ", "。", "「", "\uff0c", "𠀋", "丽"],
)
def test_spaceless_scripts(ch: str) -> None:
    assert is_spaceless_script_char(ch)


@pytest.mark.parametrize(
    "ch", ["a", "é", "я", "\u03b1", "\u0627", "क", "한", "ᄀ", "ﾡ", " ", "1", ""]
)
def test_spaced_scripts(ch: str) -> None:
    assert not is_spaceless_script_char(ch)


def test_has_spaceless_script() -> None:
    assert has_spaceless_script("MetaMask を使う")
    assert not has_spaceless_script("MetaMask 사용하기")


def test_italic_typography_is_a_property_of_the_script() -> None:
    from l10ncheck.languages import italic_script

    assert italic_script("Привет, мир") and italic_script("Γειά σου") and italic_script("Olá, mundo")
    assert not italic_script("你好世界") and not italic_script("مرحبا بالعالم") and not italic_script("नमस्ते दुनिया")
    assert italic_script("")  # nothing to judge: no excuse either


def test_a_text_names_its_language_by_name_inflected_name_or_joined_code() -> None:
    from l10ncheck.languages import names_language

    assert names_language("хранителями русской версии", "ru")
    assert names_language("[#glossary-localization-korean](https://x)", "ko")
    assert names_language('Cambie a la rama "dev-es"', "es")
    assert names_language("see the pt-br page", "pt-BR")
    assert names_language("the German team", "de")
    assert not names_language("Esto es un ejemplo", "es")  # a bare code is a word
    assert not names_language("A germane point", "de")
    assert not names_language("Prussian history", "ru")
    assert not names_language("see (/bn/observability/)", "bn")  # a localized path, not a note
    assert names_language("guide di scrittura in italiano", "it")
