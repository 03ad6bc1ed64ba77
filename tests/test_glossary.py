"""Glossary files: CSV, TBX and TOML in, entries, protected terms and forbidden terms out."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import run
from hypothesis import given, settings
from hypothesis import strategies as st

from l10ncheck.glossary import (
    ForbiddenTerm,
    GlossaryEntry,
    GlossaryError,
    GlossaryFileError,
    GlossaryTerm,
    find_forbidden,
    forbidden_terms,
    load_glossary,
    read_glossary,
    terms_for,
    to_terms,
)
from l10ncheck.rules.missing_term import MissingTerm


def write(tmp_path: Path, name: str, text: str | bytes) -> tuple[str, bytes]:
    """Write a glossary file and read it back as a caller would (bytes)."""
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return str(path), path.read_bytes()


def error(tmp_path: Path, name: str, text: str | bytes) -> GlossaryFileError:
    path, data = write(tmp_path, name, text)
    with pytest.raises(GlossaryError) as info:
        read_glossary(path, data)
    assert isinstance(info.value, GlossaryFileError)
    return info.value


# -- CSV ---------------------------------------------------------------------------------

CSV = """\
term,translatable,forbidden,case_sensitive,ru,pt_BR,notes
MetaMask,,,,,,a wallet
BNB Smart Chain,no,no,yes,Смарт-чейн BNB,,
wallet,yes,,no,кошелёк|кошелек,carteira; carteira digital,
Binance Smart Chain,,yes,,Смарт-чейн BNB,BNB Smart Chain,old name
"""


def test_csv_columns_become_entries(tmp_path: Path) -> None:
    path, data = write(tmp_path, "glossary.csv", CSV)
    entries = read_glossary(path, data)
    assert [e.term for e in entries] == ["MetaMask", "BNB Smart Chain", "wallet", "Binance Smart Chain"]
    metamask, bnb, wallet, old = entries
    assert (metamask.translatable, metamask.forbidden, metamask.case_sensitive) == (False, False, True)
    assert dict(bnb.approved) == {"ru": ("Смарт-чейн BNB",)}
    assert wallet.translatable and not wallet.case_sensitive
    assert dict(wallet.approved) == {"ru": ("кошелёк", "кошелек"), "pt-br": ("carteira", "carteira digital")}
    assert old.forbidden and old.status == "forbidden" and old.origin == f"{path}:5"


def test_csv_protected_terms_and_forbidden_terms(tmp_path: Path) -> None:
    path, data = write(tmp_path, "glossary.csv", CSV)
    entries = read_glossary(path, data)
    terms = to_terms(entries)
    assert [t.text for t in terms] == ["MetaMask", "BNB Smart Chain", "wallet"]
    assert all(isinstance(t, GlossaryTerm) and not t.learned for t in terms)
    bnb, wallet = terms[1], terms[2]
    assert bnb.forms("ru") == ("BNB Smart Chain", "Смарт-чейн BNB")  # verbatim or the approved form
    assert wallet.forms("ru") == ("кошелёк", "кошелек")  # translated: only approved forms count
    assert wallet.forms("pt-BR") == ("carteira", "carteira digital")
    assert load_glossary(path, data) == terms
    (old,) = forbidden_terms(entries)
    assert old.text == "Binance Smart Chain" and old.applies_to("ru") and old.applies_to("de")
    assert old.suggestion("ru") == "Смарт-чейн BNB"
    assert old.suggestion("pt-br") == "BNB Smart Chain"
    assert old.suggestion("de") is None


def test_translatable_terms_only_bind_languages_with_approved_forms(tmp_path: Path) -> None:
    path, data = write(tmp_path, "glossary.csv", CSV)
    terms = load_glossary(path, data)
    assert [t.text for t in terms_for(terms, "ru")] == ["MetaMask", "BNB Smart Chain", "wallet"]
    assert [t.text for t in terms_for(terms, "pt")] == ["MetaMask", "BNB Smart Chain", "wallet"]  # pt-br forms
    assert [t.text for t in terms_for(terms, "de")] == ["MetaMask", "BNB Smart Chain"]


def test_translatable_term_must_use_an_approved_translation() -> None:
    wallet = (GlossaryTerm("wallet", {"ru": ("кошелёк",)}, translatable=True),)
    source = "Open the wallet and tap Send.\n"
    assert run(MissingTerm, source, {"ru": "Откройте кошелёк и нажмите «Отправить».\n"}, glossary=wallet) == []
    found = run(MissingTerm, source, {"ru": "Откройте бумажник и нажмите «Отправить».\n"}, glossary=wallet)
    assert [d.code for d in found] == ["T401"]
    # Left in English is not an approved translation either.
    found = run(MissingTerm, source, {"ru": "Откройте wallet и нажмите «Отправить».\n"}, glossary=wallet)
    assert [d.code for d in found] == ["T401"]


def test_do_not_translate_term_from_csv_is_checked_like_a_toml_term(tmp_path: Path) -> None:
    path, data = write(tmp_path, "glossary.csv", "term\nMetaMask\n")
    glossary = load_glossary(path, data)
    found = run(MissingTerm, "Open MetaMask and tap Send.", "メタマスクを開いて「送信」をタップします。", glossary=glossary)
    assert [d.code for d in found] == ["T401"]


def test_csv_with_bom_crlf_semicolons_and_non_ascii_terms(tmp_path: Path) -> None:
    text = "term;translatable;ja;zh-Hans\r\n東京タワー;yes;東京タワー;东京塔\r\nÅngström;;;\r\n"
    path, data = write(tmp_path, "terms.csv", b"\xef\xbb\xbf" + text.encode("utf-8"))
    tower, angstrom = read_glossary(path, data)
    assert tower.term == "東京タワー" and dict(tower.approved) == {"ja": ("東京タワー",), "zh-hans": ("东京塔",)}
    assert angstrom.term == "Ångström" and not angstrom.translatable
    # Text already decoded, BOM included, reads the same.
    assert read_glossary(path, "\ufeff" + text) == (tower, angstrom)
    # A spreadsheet's UTF-16 "Unicode text" export.
    path16, data16 = write(tmp_path, "terms16.csv", text.encode("utf-16"))
    assert [e.term for e in read_glossary(path16, data16)] == ["東京タワー", "Ångström"]


def test_tsv_and_quoted_multiline_cells_keep_line_numbers(tmp_path: Path) -> None:
    path, data = write(tmp_path, "g.tsv", "term\tnotes\nMetaMask\tok\n")
    assert [e.term for e in read_glossary(path, data)] == ["MetaMask"]
    text = 'term,notes\nMetaMask,"two\nlines"\n\nBinance,maybe,extra\n'
    err = error(tmp_path, "g.csv", text)
    assert (err.line, err.reason) == (5, "row has 3 cells, the header has 2")


@pytest.mark.parametrize(("text", "line", "reason"), [
    ("", 1, "empty CSV glossary"),
    ("name,ru\nMetaMask,\n", 1, "unknown column 'name'"),
    ("ru,de\nx,y\n", 1, "the header has no 'term' column"),
    ("term,ru,RU\nx,y,z\n", 1, "column 'RU' appears twice"),
    ("term,translatable\nMetaMask,perhaps\n", 2, "column 'translatable': expected yes/no"),
    ("term,ru\nMetaMask,\n,Binance\n", 3, "row has no term"),
    ("term\nMetaMask\nMetaMask\n", 3, "duplicate term 'MetaMask' (first at line 2)"),
    ("term,replacement\nMetaMask,Foo\n", 2, "'replacement' is only for forbidden terms"),
    ('term,ru\nMetaMask,"open\n', 2, "malformed CSV"),
])
def test_csv_errors_name_the_line(tmp_path: Path, text: str, line: int, reason: str) -> None:
    err = error(tmp_path, "g.csv", text)
    assert err.line == line
    assert reason in err.reason
    assert str(err).startswith(f"{err.path}:{line}: ")


def test_invalid_utf8_and_unknown_extension(tmp_path: Path) -> None:
    err = error(tmp_path, "g.csv", b"term\nMeta\xffMask\n")
    assert err.line == 2 and "invalid UTF-8 (byte 0xff)" in err.reason
    err = error(tmp_path, "g.xlsx", b"PK\x03\x04")
    assert "unknown glossary format (.xlsx)" in err.reason


def test_toml_glossary_still_reads(tmp_path: Path) -> None:
    text = 'terms = ["MetaMask"]\n[[term]]\ntext = "BNB Smart Chain"\nallowed = { ru = ["Смарт-чейн BNB"] }\n'
    path, data = write(tmp_path, "glossary.toml", text)
    terms = load_glossary(path, data)
    assert [t.text for t in terms] == ["MetaMask", "BNB Smart Chain"]
    assert terms[1].forms("ru") == ("BNB Smart Chain", "Смарт-чейн BNB")
    with pytest.raises(GlossaryError):
        load_glossary(path, "terms = [")


# -- TBX ---------------------------------------------------------------------------------

# The shape of a TBX-Basic (2008) export: DOCTYPE with an external DTD, martifHeader, tig.
TBX_BASIC = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic-V1" xml:lang="en-US">
  <martifHeader>
    <fileDesc>
      <titleStmt><title>Wallet terminology</title></titleStmt>
      <sourceDesc><p>Exported from a terminology tool</p></sourceDesc>
    </fileDesc>
    <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>
  </martifHeader>
  <text>
    <body>
      <termEntry id="c1">
        <descrip type="subjectField">blockchain</descrip>
        <descrip type="Translation needed">No</descrip>
        <langSet xml:lang="en-US">
          <tig>
            <term>BNB Smart Chain</term>
            <termNote type="partOfSpeech">properNoun</termNote>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </tig>
          <tig>
            <term>Binance Smart Chain</term>
            <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote>
          </tig>
        </langSet>
        <langSet xml:lang="ru-RU">
          <tig>
            <term>Смарт-чейн BNB</term>
            <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
          </tig>
        </langSet>
        <langSet xml:lang="ms">
          <tig>
            <term>Rantai Pintar BNB</term>
            <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
          </tig>
        </langSet>
      </termEntry>
      <termEntry id="c2">
        <langSet xml:lang="en-US">
          <tig>
            <term>wallet</term>
            <termNote type="partOfSpeech">noun</termNote>
          </tig>
        </langSet>
        <langSet xml:lang="de-DE">
          <tig><term>Wallet</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
          <tig><term>Brieftasche</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
        </langSet>
      </termEntry>
      <termEntry id="c3">
        <langSet xml:lang="en-US">
          <ntig>
            <termGrp>
              <term>Meta<hi>Mask</hi></term>
              <termNote type="translationNeeded">No</termNote>
            </termGrp>
          </ntig>
        </langSet>
      </termEntry>
    </body>
  </text>
</martif>
"""


def test_tbx_basic_export(tmp_path: Path) -> None:
    path, data = write(tmp_path, "terms.tbx", TBX_BASIC)
    entries = read_glossary(path, data)
    assert [(e.term, e.translatable, e.forbidden) for e in entries] == [
        ("BNB Smart Chain", False, False),
        ("Binance Smart Chain", False, True),
        ("Rantai Pintar BNB", False, True),
        ("wallet", True, False),
        ("Brieftasche", False, True),
        ("MetaMask", False, False),
    ]
    assert entries[0].origin == f"{path}:18"
    terms = to_terms(entries)
    bnb, wallet, metamask = terms
    assert bnb.forms("ru") == ("BNB Smart Chain", "Смарт-чейн BNB")
    assert wallet.forms("de") == ("Wallet",)  # de-DE in the termbase serves plain de
    assert [t.text for t in terms_for(terms, "fr")] == ["BNB Smart Chain", "MetaMask"]
    assert metamask.forms("ms") == ("MetaMask",)


def test_tbx_forbidden_terms_carry_their_replacement(tmp_path: Path) -> None:
    path, data = write(tmp_path, "terms.tbx", TBX_BASIC)
    superseded, deprecated_ms, deprecated_de = forbidden_terms(read_glossary(path, data))
    # A superseded source term is drift in every translation; suggest each language's form.
    assert superseded == ForbiddenTerm(
        "Binance Smart Chain", (), "BNB Smart Chain", (("ru-ru", "Смарт-чейн BNB"),),
        status="superseded", origin=f"{path}:23")
    assert superseded.suggestion("ru") == "Смарт-чейн BNB"
    assert superseded.suggestion("nl") == "BNB Smart Chain"
    # A deprecated term of one language only applies there; the concept is do-not-translate,
    # so the source term is what to write instead.
    assert deprecated_ms.text == "Rantai Pintar BNB" and deprecated_ms.langs == ("ms",)
    assert deprecated_ms.applies_to("ms") and not deprecated_ms.applies_to("nl")
    assert deprecated_ms.suggestion("ms") == "BNB Smart Chain"
    assert (deprecated_de.text, deprecated_de.suggestion("de")) == ("Brieftasche", "Wallet")


TBX_V3 = """\
<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml"?>
<tbx style="dct" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"
     xmlns:basic="http://www.tbxinfo.net/ns/basic">
  <tbxHeader><fileDesc><sourceDesc><p>v3</p></sourceDesc></fileDesc></tbxHeader>
  <text>
    <body>
      <conceptEntry id="k1">
        <note>Do not translate</note>
        <langSec xml:lang="en">
          <termSec>
            <term>OpenTelemetry Collector</term>
            <basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus>
          </termSec>
          <termSec>
            <term>OTel agent</term>
            <basic:administrativeStatus>deprecatedTerm-admn-sts</basic:administrativeStatus>
          </termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="k2">
        <langSec xml:lang="en">
          <descrip type="definition">Translation needed: No</descrip>
          <termSec><term>Kubernetes</term></termSec>
        </langSec>
        <langSec xml:lang="zh-Hans"><termSec><term>Kubernetes</term></termSec></langSec>
      </conceptEntry>
      <conceptEntry id="k3">
        <langSec xml:lang="en"><termSec><term>span</term></termSec></langSec>
        <langSec xml:lang="ja"><termSec><term>スパン</term></termSec></langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
"""


def test_tbx_v3_with_namespaces_and_dct_elements(tmp_path: Path) -> None:
    path, data = write(tmp_path, "v3.tbx", TBX_V3)
    entries = read_glossary(path, data)
    assert [(e.term, e.translatable, e.forbidden) for e in entries] == [
        ("OpenTelemetry Collector", False, False),
        ("OTel agent", False, True),
        ("Kubernetes", False, False),
        ("span", True, False),
    ]
    collector, kubernetes, span = load_glossary(path, data)
    assert collector.forms("ja") == ("OpenTelemetry Collector",)
    assert kubernetes.forms("zh-hans") == ("Kubernetes",)
    assert span.forms("ja") == ("スパン",)
    (agent,) = forbidden_terms(entries)
    assert agent.suggestion("ja") == "OpenTelemetry Collector"


def test_tbx_source_language_is_chosen(tmp_path: Path) -> None:
    path, data = write(tmp_path, "v3.tbx", TBX_V3)
    entries = read_glossary(path, data, source_lang="ja")
    assert [(e.term, e.translatable) for e in entries if not e.forbidden] == [("スパン", True)]
    assert dict(entries[-1].approved) == {"en": ("span",)}


def test_tbx_given_as_text_and_in_latin1(tmp_path: Path) -> None:
    doc = ('<?xml version="1.0" encoding="ISO-8859-1"?>\n<martif><text><body><termEntry>'
           '<langSet xml:lang="en"><tig><term>Café</term></tig></langSet></termEntry></body></text></martif>\n')
    path, data = write(tmp_path, "l1.tbx", doc.encode("latin-1"))
    assert [e.term for e in read_glossary(path, data)] == ["Café"]
    assert [e.term for e in read_glossary(path, doc)] == ["Café"]


@pytest.mark.parametrize(("text", "line", "reason"), [
    ("<martif><text><body>\n<termEntry>\n</body></martif>", 3, "not well-formed XML: mismatched tag"),
    ("<glossary/>", 1, "not TBX: the root element is <glossary>"),
    ("<martif><text><body/></text></martif>", 1, "no <termEntry> or <conceptEntry> found"),
    ("<martif>\n<termEntry>\n<langSet><tig><term>x</term></tig></langSet></termEntry></martif>", 3,
     "<langSet> has no xml:lang"),
    ('<martif><termEntry><langSet xml:lang="en">\n<tig><term> </term></tig></langSet></termEntry></martif>', 2,
     "<tig> has no term text"),
    ('<!DOCTYPE martif SYSTEM "x.dtd">\n<martif><termEntry>&nbsp;</termEntry></martif>', 2,
     "undefined entity &nbsp;"),
    ("", 1, "not well-formed XML: no element found"),
])
def test_tbx_errors_name_the_line(tmp_path: Path, text: str, line: int, reason: str) -> None:
    err = error(tmp_path, "bad.tbx", text)
    assert err.line == line
    assert reason in err.reason


def test_tbx_entity_tricks_are_refused(tmp_path: Path) -> None:
    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE martif [\n<!ENTITY a "lol">\n<!ENTITY b "&a;&a;&a;&a;&a;">\n]>\n'
              '<martif><termEntry><langSet xml:lang="en"><tig><term>&b;</term></tig></langSet></termEntry></martif>')
    assert "internal DTD subset" in error(tmp_path, "laughs.tbx", laughs).reason
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    xxe = (f'<!DOCTYPE martif [<!ENTITY x SYSTEM "{secret.as_uri()}">]>\n'
           '<martif><termEntry><langSet xml:lang="en"><tig><term>&x;</term></tig></langSet></termEntry></martif>')
    err = error(tmp_path, "xxe.tbx", xxe)
    assert "TOP SECRET" not in str(err)


# -- Forbidden terms in text -------------------------------------------------------------


def test_find_forbidden_counts_beyond_the_source() -> None:
    old = ForbiddenTerm("Binance Smart Chain", replacement="BNB Smart Chain")
    # The source names the old name on purpose; the translation may keep it once.
    source = "BNB Smart Chain (formerly Binance Smart Chain) is fast."
    assert find_forbidden((old,), source, "BNB Smart Chain (ранее Binance Smart Chain) быстрая.", "ru") == ()
    target = "Binance Smart Chain (ранее Binance Smart Chain) быстрая."
    (hit,) = find_forbidden((old,), source, target, "ru")
    assert (hit.start, hit.end, hit.term) == (0, 19, old)  # the renamed product, not the "formerly"


def test_find_forbidden_respects_language_case_and_replacement() -> None:
    only_ms = ForbiddenTerm("Rantai Pintar", langs=("ms",))
    assert find_forbidden((only_ms,), "", "Rantai Pintar BNB", "nl") == ()
    assert len(find_forbidden((only_ms,), "", "Rantai Pintar BNB", "ms")) == 1
    insensitive = ForbiddenTerm("smart chain", case_sensitive=False, replacement="BNB Smart Chain")
    assert find_forbidden((insensitive,), "", "Use BNB Smart Chain.", "nl") == ()  # inside its replacement
    assert [h.start for h in find_forbidden((insensitive,), "", "Use Smart Chain.", "nl")] == [4]
    longer, shorter = ForbiddenTerm("Binance Chain Wallet"), ForbiddenTerm("Binance Chain")
    hits = find_forbidden((shorter, longer), "", "Open Binance Chain Wallet.", "nl")
    assert [h.term.text for h in hits] == ["Binance Chain Wallet"]


def test_entries_with_the_same_text_merge() -> None:
    a = GlossaryEntry("Send", translatable=True, approved={"ru": ("Отправить",)})
    b = GlossaryEntry("Send", translatable=False, approved={"ru": ("Отправка",), "de": ("Senden",)})
    (term,) = to_terms((a, b))
    assert not term.translatable
    assert term.forms("ru") == ("Send", "Отправить", "Отправка")


# -- Robustness --------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["g.csv", "g.tsv", "g.tbx", "g.toml"]),
       st.one_of(st.text(max_size=300), st.binary(max_size=300),
                 st.text(alphabet='<>/="\'&;!?[] \nmartiflangSetxml:termEntrytig', max_size=200)))
def test_malformed_files_only_raise_glossary_error(name: str, data: str | bytes) -> None:
    try:
        read_glossary(name, data)
    except GlossaryError:
        pass
