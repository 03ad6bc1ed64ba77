from harness import run, where
from hypothesis import given, settings
from hypothesis import strategies as st

from l10ncheck.rules.missing_term import MissingTerm, _may_vary, _variant_pattern
from l10ncheck.terms import Term

SOURCE = """\
Switch to the BNB Smart Chain network.

Note: fees on BNB Smart Chain are low.
"""
KEPT = {
    "nl": "Schakel over naar het BNB Smart Chain-netwerk.\n\nLet op: de kosten op BNB Smart Chain zijn laag.\n",
    "ms": "Tukar ke rangkaian BNB Smart Chain.\n\nPerhatian: yuran di BNB Smart Chain adalah rendah.\n",
}


def test_learned_term_renamed_in_one_translation_is_reported() -> None:
    renamed = "Переключитесь на сеть Binance Smart Chain.\n\nВнимание: комиссии в BNB Smart Chain низкие.\n"
    found = run(MissingTerm, SOURCE, {**KEPT, "ru": renamed})
    assert [(d.code, d.lang) for d in found] == [("T401", "ru")]
    assert where(found[0]) == (1, 23)
    assert 'term "BNB Smart Chain" (en:1) renamed to "Binance Smart Chain"' in found[0].message


def test_glossary_term_missing_from_the_translation_is_reported() -> None:
    found = run(MissingTerm, "Open MetaMask and tap Send.", "メタマスクを開いて「送信」をタップします。",
                glossary=(Term("MetaMask", learned=False),))
    assert [d.code for d in found] == ["T401"]
    assert where(found[0]) == (1, 1)
    assert 'term "MetaMask" (en:1) is missing' in found[0].message


def test_kept_terms_translated_words_and_allowed_forms_are_fine() -> None:
    # "Note" is translated everywhere ("Let op", "Perhatian"): never a term.
    assert run(MissingTerm, SOURCE, KEPT) == []
    glossary = (Term("BNB Smart Chain", {"ru": ("Смарт-чейн BNB",)}, learned=False),)
    allowed = "Переключитесь на сеть Смарт-чейн BNB.\n\nВнимание: комиссии в Смарт-чейн BNB низкие.\n"
    assert run(MissingTerm, SOURCE, {"ru": allowed}, glossary=glossary) == []


def _learned(term_block: str, kept: dict[str, str], lang: str, translated: str) -> list:  # type: ignore[type-arg]
    """Findings for ``lang`` when two other translations keep every name of the source."""
    source = f"{term_block}\n\nAlso see the DEV Community and Node.js docs.\n"
    translations = {other: f"{text}\n\nVoir aussi DEV Community et Node.js docs.\n" for other, text in kept.items()}
    translations[lang] = f"{translated}\n\nVoir aussi DEV Community et Node.js docs.\n"
    return [d for d in run(MissingTerm, source, translations) if d.lang == lang]


NODE = "Node.js's calendar lists all public Node.js meetings."
NODE_KEPT = {"de": "Node.js's Kalender mit allen Node.js Treffen.", "es": "El calendario de Node.js con todas las reuniones de Node.js."}


def test_a_repetition_rephrased_away_is_not_reported() -> None:
    assert _learned(NODE, NODE_KEPT, "fr", "Le calendrier du projet Node.js avec toutes les réunions.") == []
    found = _learned(NODE, NODE_KEPT, "fr", "Le calendrier du projet avec toutes les réunions publiques.")
    assert [d.message for d in found] == ['term "Node.js" (en:1) is missing']


def test_a_repetition_renamed_in_its_link_is_still_reported() -> None:
    source = "Open [BNB Smart Chain](https://x.org) here. Fees on BNB Smart Chain are low.\n\nBNB Smart Chain is fast.\n"
    keep = "Bekijk [BNB Smart Chain](https://x.org) hier. Kosten op BNB Smart Chain laag.\n\nBNB Smart Chain snel.\n"
    ms = "Buka [Binance Smart Chain](https://x.org) sini. Yuran di BNB Smart Chain rendah.\n\nBNB Smart Chain pantas.\n"
    found = [d for d in run(MissingTerm, source, {"nl": keep, "de": keep, "ms": ms}) if d.lang == "ms"]
    assert [(d.message, d.severity.value) for d in found] == [
        ('term "BNB Smart Chain" (en:1) renamed to "Binance Smart Chain"', "warning")]
    # The brand kept and the rest translated ("Rantai Pintar BNB"): the network the wallet
    # shows is renamed all the same.
    ms = ms.replace("Binance Smart Chain", "Rantai Pintar BNB")
    found = [d for d in run(MissingTerm, source, {"nl": keep, "de": keep, "ms": ms}) if d.lang == "ms"]
    assert [(d.message, d.severity.value) for d in found] == [
        ('term "BNB Smart Chain" (en:1) renamed to "Rantai Pintar BNB"', "warning")]

DEV = "Read the DEV Community tag."
DEV_KEPT = {"de": "Lies den DEV Community Tag.", "es": "Lee la etiqueta de DEV Community."}


def test_a_name_kept_with_its_common_noun_translated_is_not_reported() -> None:
    assert _learned(DEV, DEV_KEPT, "fr", "Lisez le tag de la communauté DEV.") == []
    found = _learned(DEV, DEV_KEPT, "fr", "Lisez le tag de la communauté.")
    assert [(d.message, d.severity.value) for d in found] == [('term "DEV Community" (en:1) is missing', "warning")]


def test_a_learned_name_in_another_script_needs_a_translation_in_that_script_keeping_it() -> None:
    ja = "DEVコミュニティのタグを読んでください。"
    assert _learned(DEV, DEV_KEPT, "ja", ja) == []  # no other Japanese translation keeps it
    ru = "Прочитайте тег DEV Community на сайте."
    found = _learned(DEV, {**DEV_KEPT, "ru": ru}, "uk", "Прочитайте тег спільноти на сайті.")
    assert [(d.message, d.severity.value) for d in found] == [('term "DEV Community" (en:1) is missing', "info")]


def test_learned_names_are_checked_outside_code_and_glossary_terms_everywhere() -> None:
    source = "Run `Node.js --version` now.\n"
    assert run(MissingTerm, source, {"de": "Führe `node --version` aus.\n"},
               glossary=(Term("MetaMask", learned=False),)) == []
    found = run(MissingTerm, source, {"de": "Führe `node --version` aus.\n"}, glossary=(Term("Node.js", learned=False),))
    assert [d.code for d in found] == ["T401"]


def test_an_inflected_term_or_a_name_beside_others_in_the_link_is_no_rename() -> None:
    source = "The API is fast. The API is small.\n\nThe [Technical Steering Committee (TSC)](https://x.org) decides.\n"
    keep = "De API is snel. De API is klein.\n\nHet [Technisch Comité (TSC)](https://x.org) beslist.\n"
    xx = "Die APIs sind schnell.\n\nDas [TS Komitee (TK)](https://x.org) entscheidet.\n"
    others = {lang: keep for lang in ("nl", "af", "fy", "li")}
    found = [d for d in run(MissingTerm, source, {**others, "de": xx}) if d.lang == "de"]
    # "TS Komitee" translates the committee's name, not "TSC": only "is missing".
    assert [(d.message, d.severity.value) for d in found] == [('term "TSC" (en:3) is missing', "info")]
    sole = "The [TSC](https://x.org) decides.\n\nThe TSC meets.\n"
    keep = "Het [TSC](https://x.org) beslist.\n\nHet TSC vergadert.\n"
    xx = "Das [TS Komitee](https://x.org) entscheidet.\n\nDas TSC tagt.\n"
    others = {lang: keep for lang in others}
    found = [d for d in run(MissingTerm, sole, {**others, "de": xx}) if d.lang == "de"]
    assert [d.message for d in found] == ['term "TSC" (en:1) renamed to "TS Komitee"']


def test_a_phrase_of_capitalized_dictionary_words_gone_is_only_info() -> None:
    dag = "A Directed Acyclic Graph orders the steps."
    kept = {"de": "Ein Directed Acyclic Graph ordnet die Schritte.", "es": "Un Directed Acyclic Graph ordena los pasos."}
    found = _learned(dag, kept, "pt", "Um grafo acíclico dirigido ordena os passos.")
    assert [(d.message, d.severity.value) for d in found] == [('term "Directed Acyclic Graph" (en:1) is missing', "info")]


def test_a_name_inflected_around_its_kept_brand_is_no_rename_and_translated_it_is() -> None:
    arch = "Install Arch Linux and Red Hat tools."
    kept = {"de": "Installiere Arch Linux und Red Hat Werkzeuge.", "es": "Instala Arch Linux y Red Hat."}
    assert _learned(arch, kept, "pl", "Zainstaluj narzędzia Arch Linuksa i Red Hata.") == []
    apache = "Apache HTTP Server control interface."
    kept = {"de": "Apache HTTP Server Steuerung.", "es": "Interfaz de control de Apache HTTP Server."}
    found = _learned(apache, kept, "pt", "Interface de controle do Servidor HTTP Apache.")
    # Translated around the brand: a product name cannot be told from a description here.
    assert [(d.message, d.severity.value) for d in found] == [
        ('term "Apache HTTP Server" (en:1) renamed to "Servidor HTTP Apache"', "warning")]
    # The brand itself replaced: still drift.
    found = _learned(apache.replace("Apache", "NGINX"), {lang: text.replace("Apache", "NGINX")
                                                          for lang, text in kept.items()},
                     "pt", "Interface de controle do Servidor HTTP Apache.")
    assert [(d.message, d.severity.value) for d in found] == [
        ('term "NGINX HTTP Server" (en:1) renamed to "Servidor HTTP Apache"', "warning")]
    adb = "Android Debug Bridge: talk to devices."
    kept = {"de": "Android Debug Bridge: mit Geräten reden.", "es": "Android Debug Bridge: hablar con dispositivos."}
    assert _learned(adb, kept, "nl", "Android Debug-Bridge: praat met apparaten.") == []


def test_hyphen_space_and_mnemonic_variants_are_the_name_and_typos_are_not() -> None:
    source = "Turn Wi-Fi on with a 4 MiB buffer and log in with IDP and PipeWire."
    kept = {"de": "Schalte Wi-Fi mit 4 MiB Puffer ein, melde dich mit IDP und PipeWire an.",
            "fr": "Activez le Wi-Fi avec 4 MiB de tampon, connectez-vous avec IDP et PipeWire."}
    es = "Enciende WiFi con un búfer de 4MiB e inicia sesión con [I]DP y PipeWire."
    assert _learned(source, kept, "es", es) == []
    found = _learned(source, kept, "es", es.replace("WiFi", "wifi").replace("PipeWire", "PipeWrite"))
    assert [(d.message, d.severity.value) for d in found] == [
        ('term "PipeWire" (en:1) renamed to "PipeWrite"', "warning"),
        ('term "Wi-Fi" (en:1) renamed to "wifi"', "info")]
    found = _learned("Play a Mu-Law file.", {"de": "Spiele eine Mu-Law Datei.", "fr": "Lis un fichier Mu-Law."},
                     "es", "Reproduce un archivo Mu-Lw.")
    assert [(d.message, d.severity.value) for d in found] == [('term "Mu-Law" (en:1) renamed to "Mu-Lw"', "warning")]


def test_a_name_with_a_leading_dot_is_learned_and_reported_whole() -> None:
    source = "The rest requires the .NET Core SDK installed."
    kept = {"de": "Der Rest braucht das .NET Core SDK.", "fr": "Le reste requiert le .NET Core SDK."}
    assert _learned(source, kept, "es", "El resto requiere el SDK de .NET Core instalado.") == []
    found = _learned(source, kept, "pl", "Pozostałe wymagają zestawu deweloperskiego.")
    assert [(d.message, d.severity.value) for d in found] == [('term ".NET Core SDK" (en:1) is missing', "warning")]



# Each letter as IGNORECASE may match it (the Kelvin sign, the long s and the Turkish i's
# for ASCII letters), and what may stand between two letters of a written variant.
_CASES = {"i": "iI\u0130\u0131", "k": "kK\u212a", "s": "sS\u017f", "\u00e9": "\u00e9\u00c9", "\u0436": "\u0436\u0416"}
_JOINT = ["", "", "-", " ", "[", "]", "\u2010", " \n"]
_OTHER = "abiksz019.-\u2010 []\u212a\u017f\u0130\u0131\u00e9\u0416\u65e5"


@st.composite
def _written(draw: st.DrawFn) -> tuple[str, str]:
    """A term, and a text that writes it in some case and with some joints (or not)."""
    term = draw(st.text("abikszABIKSZ019.-\u00e9\u0436", min_size=1, max_size=6))
    variant = "".join(draw(st.sampled_from(_CASES.get(c.lower(), c.lower() + c.upper())))
                      + draw(st.sampled_from(_JOINT)) for c in term)
    return term, draw(st.text(_OTHER, max_size=8)) + variant + draw(st.text(_OTHER, max_size=8))


@settings(max_examples=1500, deadline=None)
@given(_written())
def test_the_variant_prefilter_never_hides_a_variant(case: tuple[str, str]) -> None:
    """_may_vary only spares compiling the variant pattern where it cannot match."""
    term, text = case
    pattern = _variant_pattern(term)
    if pattern is not None and pattern.search(text):
        assert _may_vary(term, text)


def test_the_variant_prefilter_rejects_a_text_without_the_letters() -> None:
    assert not _may_vary("Wi-Fi", "Schalte das drahtlose Netz ein.")
    assert _may_vary("Wi-Fi", "Schalte W-LAN und wi fi ein.")
    assert _may_vary("Kelvin", "\u212aELVIN")  # the Kelvin sign is a K to IGNORECASE
    assert _may_vary("sync", "\u017fync")  # and the long s an s
