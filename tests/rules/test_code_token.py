from harness import codes, run, where

from l10ncheck.diagnostics import Severity
from l10ncheck.extract import build_skeleton
from l10ncheck.rules.code_token import CodeTokenChanged, code_tokens


def test_changed_token_standard_is_reported_where_it_stands() -> None:
    found = run(CodeTokenChanged, "Withdraw your BNB as BEP20 tokens.",
                "Keluarkan BNB anda sebagai token BEP2.")
    assert [d.code for d in found] == ["C502"]
    assert where(found[0]) == (1, 34)
    assert '"BEP2" where the source has "BEP20"' in found[0].message


def test_token_glued_to_a_translated_word_is_fine() -> None:
    source = "Withdraw your BNB as BEP20 tokens with app v2.1.0."
    assert run(CodeTokenChanged, source, {
        "nl": "Neem je BNB op als BEP20-tokens met app v2.1.0.",
        "ru": "Выведите BNB как токены BEP20 в приложении v2.1.0.",
    }) == []


def test_number_with_a_unit_or_word_written_apart_is_fine() -> None:
    assert run(CodeTokenChanged, "The 8-core run used 2.4GHz and 44100kHz.",
               {"ja": "8 コアの実行は 2.4 GHz と 44100 kHz を使いました。",
                "ru": "Прогон на 8 ядрах использовал 2,4 ГГц и 44100 кГц."}) == []


def test_changed_number_with_a_unit_is_still_reported() -> None:
    found = run(CodeTokenChanged, "The radio uses 2.4GHz.", "La radio utilise 5GHz.")
    assert [(d.code, d.severity.value) for d in found] == [("C502", "warning")]
    assert '"5GHz" where the source has "2.4GHz"' in found[0].message


def test_an_english_plural_of_a_token_is_the_token_in_languages_without_plurals() -> None:
    source = "Download the MP3s of a playlist.\n"
    assert run(CodeTokenChanged, source, {"ko": "재생 목록의 MP3를 다운로드합니다.\n"}) == []
    assert [d.code for d in run(CodeTokenChanged, source, {"ko": "재생 목록의 MP4를 다운로드합니다.\n"})] == ["C502"]


def test_a_word_with_a_number_translated_around_its_number_is_only_info() -> None:
    found = run(CodeTokenChanged, "Join field3 of file1 with field1 of file2.\n",
                {"es": "Une el campo3 del archivo1 con el campo1 del archivo2.\n"})
    assert found and all(d.severity is Severity.INFO for d in found)
    # A typo of the same word stays a warning.
    found = run(CodeTokenChanged, "Copy it to machine1 first.\n", {"es": "Cópialo primero a machin1.\n"})
    assert [d.severity for d in found] == [Severity.WARNING]


def test_a_token_set_in_backticks_is_kept() -> None:
    source = "- Send SIGUSR1 signal to processes:\n"
    assert run(CodeTokenChanged, source, {"ar": "- إرسال إشارة `SIGUSR1` إلى العمليات:\n",
                                          "xx": "- Send `kill -SIGUSR1` now:\n"}) == []
    # Only as a whole word, and not a span the source has too.
    assert codes(run(CodeTokenChanged, source, "- Envoie `SIGUSR10` aux processus :\n")) == ["C502"]
    assert codes(run(CodeTokenChanged, "Use `v2.1` with v2.1 here.\n", "Nutze `v2.1` hier.\n")) == ["C502"]


def test_a_mnemonic_bracket_is_not_part_of_the_token() -> None:
    source = "- Create a [Q]COW2 image file:\n"
    assert run(CodeTokenChanged, source, {"ko": "- QCOW2 이미지 파일 생성:\n",
                                          "de": "- Ein [Q]COW2-Abbild erstellen:\n"}) == []
    found = run(CodeTokenChanged, source, "- Crea un file immagine COW2:\n")
    assert [(d.code, d.severity) for d in found] == [("C502", Severity.WARNING)]
    assert '"COW2" where the source has "QCOW2"' in found[0].message
    # The token's offsets cover the brackets; a mnemonic set before a number is not glued to it.
    block = build_skeleton("- [B]2 महीने, [Q]COW2\n").blocks[0]
    assert [(t, block.text[s:e]) for t, s, e in code_tokens(block)] == [("QCOW2", "[Q]COW2")]


def test_a_token_kept_inside_a_longer_one_is_only_info() -> None:
    found = run(CodeTokenChanged, "- Read a file of MD5 checksums:\n", {"ta": "- MD5SUMகளின் கோப்பைப் படி:\n"})
    assert [d.severity for d in found] == [Severity.INFO]
    assert '"MD5" (en:1) kept inside "MD5SUM"' in found[0].message
    # A changed digit or version part is no containment: still a warning.
    for source, translation in [("Use the HDMI2 output.", "Nutze den HDMI1-Ausgang."),
                                ("Pull from v0.1.", "Tirer depuis v1.1."),
                                ("Uses HDMI2 now.", "Nutzt HDMI21 jetzt.")]:
        assert [d.severity for d in run(CodeTokenChanged, source, translation)] == [Severity.WARNING]


def test_a_token_in_other_letter_case_is_kept() -> None:
    assert run(CodeTokenChanged, "Provides AWS ec2 and X11 resources in Base64.\n",
               {"pt": "Fornece recursos AWS EC2 e x11 em base64.\n"}) == []
    assert codes(run(CodeTokenChanged, "Uses ec2 here.\n", {"pt": "Usa ec3 aqui.\n"})) == ["C502"]


def test_a_ratio_in_words_is_numbers_not_a_token() -> None:
    source = "Only 1-in-1000 traces will be complete.\n"
    assert run(CodeTokenChanged, source, "完全なトレースは 1000 分の 1 だけです。\n") == []
    assert [d.code for d in run(CodeTokenChanged, "Use IPv4-in-IPv6 tunnels.\n", "Utilisez des tunnels.\n")] == ["C502"]


def test_a_numeronym_written_out_is_kept() -> None:
    assert run(CodeTokenChanged, "It scans the entire K8s cluster.\n", "クラスター全体（Kubernetes）をスキャンします。\n") == []
    assert run(CodeTokenChanged, "It scans the entire K8s cluster.\n", "Kubernetesクラスター全体をスキャンします。\n") == []
    assert [d.code for d in run(CodeTokenChanged, "It scans the entire K8s cluster.\n", "クラスター全体をスキャンします。\n")] == ["C502"]


LOOPBACK = """\
# Denial of service

For server-like receivers and extensions, protect the endpoints of these components by binding them to a specific interface.

If localhost resolves to a different IP due to your DNS settings, then explicitly use the loopback IP instead: `127.0.0.1` for IPv4 or `::1` for IPv6. For example, here's an IPv4 configuration using a gRPC port:

```yaml
endpoint: 127.0.0.1:4317
```
"""
LOOPBACK_JA = """\
# サービス拒否

サーバーのようなレシーバーや拡張機能では、これらのコンポーネントのエンドポイントを特定のインターフェースにバインドして保護してください。

DNSの設定によってlocalhostが別のIPに解決される場合は、IPv4の場合は `127.0.0.1`、IPv6の場合は `::1` のように、ループバックIPを明示的に使用してください。

gRPCポートを使用したIPv4の設定例は以下になります。

```yaml
endpoint: 127.0.0.1:4317
```
"""


def test_a_token_in_the_other_half_of_a_split_paragraph_is_kept() -> None:
    assert run(CodeTokenChanged, LOOPBACK, {"ja": LOOPBACK_JA}) == []
    # Dropped from both halves, it is missing.
    dropped = LOOPBACK_JA.replace("gRPCポートを使用したIPv4の設定例", "gRPCポートを使用した設定例")
    assert codes(run(CodeTokenChanged, LOOPBACK, {"ja": dropped})) == ["C502"]
