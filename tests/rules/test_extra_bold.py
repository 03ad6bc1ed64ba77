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
    # Bold on other words than the label is a warning.
    found = run(ExtraBold, source, {"ro": "- Modele adecvate: rulați **colectorul** ca gateway.\n"})
    assert [d.severity for d in found] == [Severity.WARNING]
