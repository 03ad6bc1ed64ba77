from harness import run, where

from l10ncheck.rules.missing_bold import MissingBold

SOURCE = "**Note that BEP2 tokens may not work in dapps.** To use them, convert them first."


def test_dropped_warning_bold_is_reported() -> None:
    found = run(MissingBold, SOURCE,
                "Ten en cuenta que los tokens BEP2 pueden no funcionar en dapps. Para usarlos, conviértelos primero.")
    assert [d.code for d in found] == ["E301"]
    assert where(found[0]) == (1, 1)
    assert 'not bold here: "Note that BEP2 tokens may not work in dapps."' in found[0].message


def test_translated_bold_is_fine() -> None:
    assert run(MissingBold, SOURCE, {
        "es": "**Ten en cuenta que los tokens BEP2 pueden no funcionar en dapps.** Para usarlos, conviértelos primero.",
        "th": "**โปรดทราบว่าโทเค็น BEP2 อาจใช้ไม่ได้ใน dapps** หากต้องการใช้ ให้แปลงก่อน",
    }) == []


def test_bold_turned_into_a_link_is_only_info() -> None:
    from l10ncheck.diagnostics import Severity

    source = "Read **How to contribute** first.\n"
    found = run(MissingBold, source, {"ru": "Сначала прочтите [Как внести вклад](/ru/contribute/).\n"})
    assert [d.severity for d in found] == [Severity.INFO]
    found = run(MissingBold, source, {"de": "Lies zuerst Wie man beiträgt.\n"})
    assert [d.severity for d in found] == [Severity.ERROR]


def test_bold_words_written_as_code_or_in_italics_still_stand_out() -> None:
    from l10ncheck.diagnostics import Severity

    source = "Set the **title** field, then save.\n"
    found = run(MissingBold, source, "Defina o campo `title` e salve.\n")
    assert [d.severity for d in found] == [Severity.INFO] and "written as code" in found[0].message
    found = run(MissingBold, source, "Defina o campo título e salve.\n")
    assert [d.severity for d in found] == [Severity.ERROR]


DECLARATIVE = """\
# Getting started

The configuration file is language agnostic, so once you create one file, you can use it for all your SDKs. The only exceptions are the parameters with the specific language name (for example, `instrumentation/development.java.spring_batch`). Keep in mind that declarative configuration is **experimental**, so things might still change.

The following example is a basic configuration file you can use to get started:

```yaml
file_format: "1.0-rc.1"
```
"""
DECLARATIVE_JA = """\
# はじめに

設定ファイルは言語に依存しないため、一度ファイルを作成すれば、すべてのSDKで使用できます。唯一の例外は、特定の言語名を持つパラメーターです（たとえば`instrumentation/development.java.spring_batch`）。

宣言的設定は **実験的** であるため、まだ変更される可能性があることに注意してください。

次の例は、開始するために使用できる基本的な設定ファイルです。

```yaml
file_format: "1.0-rc.1"
```
"""


def test_bold_in_the_other_half_of_a_split_paragraph_is_not_missing() -> None:
    assert run(MissingBold, DECLARATIVE, {"ja": DECLARATIVE_JA}) == []
    # Without the sentence set apart, the bold is missing.
    joined = DECLARATIVE_JA.replace("\n\n宣言的設定は **実験的** であるため、まだ変更される可能性があることに注意してください。", "")
    assert [d.code for d in run(MissingBold, DECLARATIVE, {"ja": joined})] == ["E301"]
