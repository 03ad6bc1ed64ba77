from harness import run, where

from l10ncheck.rules.extra_bold import ExtraBold

SOURCE = "**Back up your recovery phrase** before you continue."


def test_bold_split_in_two_is_reported_at_the_extra_span() -> None:
    found = run(ExtraBold, SOURCE,
                "**Sichern Sie** Ihre **Wiederherstellungsphrase**, bevor Sie fortfahren.")
    assert [d.code for d in found] == ["E302"]
    assert where(found[0]) == (1, 22)
    assert 'extra: "Wiederherstellungsphrase"' in found[0].message


def test_one_translated_bold_span_is_fine() -> None:
    assert run(ExtraBold, SOURCE, {
        "de": "**Sichern Sie Ihre Wiederherstellungsphrase**, bevor Sie fortfahren.",
        "ja": "続行する前に**リカバリーフレーズをバックアップしてください**。",
    }) == []


def test_bold_for_the_source_italics_in_a_script_without_italics_is_fine() -> None:
    source = "Use *sampling* to keep **costs** low."
    assert run(ExtraBold, source, {"zh": "使用**采样**来保持**成本**较低。"}) == []
    assert [d.code for d in run(ExtraBold, source, {"de": "Nutze **Sampling**, um **Kosten** zu senken."})] == ["E302"]


def test_a_chinese_heading_with_latin_names_may_bold_the_source_italic() -> None:
    source = "- _Agent Collector Config (Producer):_\n"
    assert run(ExtraBold, source, {"zh": "- **Agent Collector 配置（生产方）：**\n"}) == []


def test_a_lead_in_label_set_in_bold_is_only_info() -> None:
    from l10ncheck.diagnostics import Severity

    source = "- Use appropriate deployment patterns: run the collector as a gateway.\n"
    found = run(ExtraBold, source, {"zh": "- **采用合适的部署模式**：将收集器作为网关运行。\n",
                                    "ro": "- **Modele adecvate:** rulați colectorul ca gateway.\n"})
    assert [d.severity for d in found] == [Severity.INFO, Severity.INFO]
    # Bold on other words than the label is not a label (it is the translator's emphasis).
    found = run(ExtraBold, source, {"ro": "- Modele adecvate: rulați **colectorul** ca gateway.\n"})
    assert "label" not in found[0].message


def test_the_translators_emphasis_inside_the_text_is_only_info() -> None:
    from l10ncheck.diagnostics import Severity

    found = run(ExtraBold, "- **Duration:** The video should not exceed 7 seconds.\n", {
        "tr": "- **Süre**: Video **7 saniyeyi geçmemelidir**.\n",
        "ar": "- **المدة:** يجب ألا يتجاوز الفيديو **7 ثوانٍ**.\n",
    })
    assert [d.severity for d in found] == [Severity.INFO, Severity.INFO]
    assert "translator's emphasis" in found[0].message
    found = run(ExtraBold, "DevOps covers development and operations, hence DevOps.",
                {"ru": "DevOps охватывает разработку (**DEV**elopment) и эксплуатацию (**OP**eration**S**)."})
    assert [(d.severity, 'extra: "DEV"' in d.message) for d in found] == [(Severity.INFO, True)]


def test_a_name_moved_by_word_order_is_not_the_extra_span() -> None:
    from l10ncheck.diagnostics import Severity

    found = run(ExtraBold, "The **tag** label follows the status label.",
                {"tr": "**Tag** etiketi, **status** etiketinin hemen sonrasında gelir."})
    assert [d.severity for d in found] == [Severity.INFO]
    assert 'extra: "status"' in found[0].message


def test_extra_bold_that_marks_another_text_stays_a_warning() -> None:
    from l10ncheck.diagnostics import Severity

    source = "Add the name in the URL as described in [Best practices](#best-practices).\n"
    found = run(ExtraBold, source, {
        # A label the source no longer has, at the start of the block.
        "es": "**Qué es** el nombre en la URL, como en [Buenas prácticas](#best-practices).\n",
        # A bold holding a link.
        "fr": "Ajoutez le nom, **voir [les bonnes pratiques](#best-practices)**.\n",
        # A link the source block lacks: the sentence the source moved elsewhere.
        "ur": "براہ کرم [سیمنٹک لائن بریکس](https://sembr.org/) **کا استعمال کریں**۔\n",
        # A link of the source block the translation lacks: the source's new wording.
        "de": "Fügen Sie den Namen **klein geschrieben** in die URL ein.\n",
    })
    assert [d.severity for d in found] == [Severity.WARNING] * 4
