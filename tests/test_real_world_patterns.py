"""Conventions of real docs sites that are not drift (found reviewing the shared corpora)."""

from __future__ import annotations

from harness import run

from l10ncheck.rules import ALL_RULES
from l10ncheck.rules.code_token import CodeTokenChanged
from l10ncheck.rules.inline_code import InlineCodeChanged
from l10ncheck.rules.number_changed import NumberChanged


def all_rules(source: str, translation: str) -> list[str]:
    found = []
    for rule in ALL_RULES:
        found += [d.code for d in run(rule, source, translation)]
    return found


def test_numbers_and_tokens_glued_to_korean_or_japanese_words_are_found() -> None:
    assert run(NumberChanged, "Wait 10 days for it.\n", "10일 동안 기다리세요.\n") == []
    assert run(CodeTokenChanged, "Send BEP20 tokens.\n", "BEP20トークンを送ってください。\n") == []
    assert run(CodeTokenChanged, "It returned 404s for 17th time.\n", "Es gab 404-Fehler zum 17. Mal.\n") == []


def test_tldr_option_notation_equals_the_long_option() -> None:
    source = "- Count lines:\n\n`wc {{[-l|--lines]}} {{path/to/file}}`\n"
    assert run(InlineCodeChanged, source, "- Zeilen zählen:\n\n`wc --lines {{pfad/zur/datei}}`\n") == []
    assert [d.code for d in run(InlineCodeChanged, source, "- Zeilen zählen:\n\n`wc --words {{pfad}}`\n")] == ["C501"]


def test_github_alert_and_hugo_alert_shortcode_are_the_same_structure() -> None:
    source = "Intro text here.\n\n> [!NOTE]\n> Keep your keys safe.\n\nOutro text here.\n"
    translation = ("Texto de introducción.\n\n{{% alert title=\"Nota\" %}}\n\nGuarda tus claves.\n\n"
                   "{{% /alert %}}\n\nTexto final.\n")
    assert all_rules(source, translation) == []


def test_an_alert_shortcode_opened_on_the_line_of_its_text_is_the_same_structure() -> None:
    source = "# HPA\n\nSome text here.\n\n> [!NOTE]\n>\n> HPA requires a [Metrics Server](https://example.com/ms) running.\n"
    translation = ("# HPA\n\nDu texte ici.\n\n{{% alert title=\"Note\" %}} La HPA nécessite un"
                   " [Metrics Server](https://example.com/ms).\n{{% /alert %}}\n")
    assert all_rules(source, translation) == []


def test_an_alert_around_a_value_shortcode_is_an_alert_and_its_body() -> None:
    source = "Intro text here.\n\n> [!WARNING]\n>\n> {{% param bridgeWarning %}}\n\nOutro text here.\n"
    one_line = "Texto de introducción.\n\n{{% alert %}} {{% param bridgeWarning %}} {{% /alert %}}\n\nTexto final.\n"
    assert all_rules(source, one_line) == []
    without = "Texto de introducción.\n\n{{% alert %}} {{% /alert %}}\n\nTexto final.\n"
    assert "S104" in all_rules(source, without)  # the body is a block of its own: its loss shows


def test_an_attribute_line_of_its_own_is_not_a_paragraph() -> None:
    source = "# Guide\n\nIntro text here.\n\n{#configuring-the-agent}\n\n## Configuring the agent\n\nRun it.\n"
    translation = "# ガイド\n\n導入です。\n\n## エージェントの設定 {#configuring-the-agent}\n\n実行します。\n"
    assert all_rules(source, translation) == []


def test_one_alert_per_note_where_the_source_lists_the_notes_in_one_alert_is_only_info() -> None:
    from l10ncheck.rules.block_kind import BlockKind
    from l10ncheck.rules.extra_block import ExtraBlock

    source = ("# Config\n\nSome text here about the SDK.\n\n> [!NOTE] Notes\n>\n"
              "> - The Java agent configures the SDK for you.\n> - The module registers shutdown hooks.\n\n"
              "More text about the SDK.\n")
    translation = ("# Config\n\nTexto sobre o SDK.\n\n{{% alert %}} O agente Java configura o SDK. {{% /alert %}}\n\n"
                   "{{% alert %}} O módulo registra ganchos de desligamento. {{% /alert %}}\n\nMais texto sobre o SDK.\n")
    found = run(BlockKind, source, translation) + run(ExtraBlock, source, translation)
    assert found and all(d.severity.value == "info" for d in found)
    # A list item said as a plain paragraph, with no alert around it, stays a warning.
    plain = "# Config\n\nTexto sobre o SDK.\n\nO agente Java configura o SDK para você.\n\nMais texto sobre o SDK.\n"
    source_list = "# Config\n\nSome text here about the SDK.\n\n- The Java agent configures the SDK for you.\n\nMore text about the SDK.\n"
    assert [d.severity.value for d in run(BlockKind, source_list, plain)] == ["warning"]


def test_explicit_heading_ids_pair_sections_in_any_order_of_wording() -> None:
    source = "# Guide\n\n## Install {#install}\n\nRun it.\n\n## Use {#use}\n\nUse it.\n"
    translation = "# Guía\n\n## Instalar {#install}\n\nEjecútalo.\n\n## Uso {#use}\n\nÚsalo.\n"
    assert all_rules(source, translation) == []


def test_a_custom_callout_type_is_an_alert_too() -> None:
    source = "# Use\n\nSome text here.\n\n> [!NB] If you are instrumenting a library, use the API only.\n"
    translation = ("# Uso\n\nAlgum texto aqui.\n\n{{% alert %}} Se estiver instrumentando uma biblioteca,"
                   " use apenas a API. {{% /alert %}}\n")
    assert all_rules(source, translation) == []


def test_a_dropped_alert_is_named_an_alert() -> None:
    from l10ncheck.rules.missing_block import MissingBlock

    source = "Intro text here.\n\n> [!WARNING]\n> Keep your keys safe.\n\nOutro text here.\n"
    found = run(MissingBlock, source, "Texto de introducción.\n\nGuarda tus claves.\n\nTexto final.\n")
    assert [d.message for d in found] == ["alert (en:3) is missing"]


def test_a_comment_shortcode_holds_no_content() -> None:
    source = ("Intro text here.\n\n{{< comment >}} Note that we use the alert shortcode\nbecause of"
              " tab panes.\n\n<!-- markdownlint-disable -->\n\n{{< /comment >}}\n\nOutro text here.\n")
    assert all_rules(source, "Texte d'introduction.\n\nTexte final.\n") == []


def test_blanking_a_comment_shortcode_keeps_every_position() -> None:
    from l10ncheck.extract import blank_comment_shortcodes

    text = "a\n{{< comment >}} x\ny {{< /comment >}} after\n```\n{{< comment >}}\n```\n"
    blanked = blank_comment_shortcodes(text)
    assert len(blanked) == len(text) and blanked.count("\n") == text.count("\n")
    assert blanked.split("\n")[2].endswith(" after") and "{{< comment >}}\n```" in blanked
    assert blank_comment_shortcodes("{{< comment >}} never closed\n") == "{{< comment >}} never closed\n"


def test_an_html_block_that_only_closes_tags_is_not_a_block() -> None:
    source = "<div class=\"a\">\n\n- [Learn](docs/learn/)\n\n</div>\n\n{{% /blocks/cover %}}\n\nText after here.\n"
    translation = ("<div class=\"a\">\n\n- [Apprendre](docs/learn/)\n\n</div>\n</div>\n{{% /blocks/cover %}}\n\n"
                   "Texte après ici.\n")
    assert all_rules(source, translation) == []


def test_a_title_on_the_alert_marker_line_is_the_alerts_title() -> None:
    source = "Intro text here.\n\n> [!TIP] Tip: use sending queues\n>\n> Enable queues for any exporter.\n\nOutro text here.\n"
    translation = ("Texte d'introduction.\n\n{{% alert title=\"Astuce : files d'attente\" %}}\nActivez les files"
                   " pour tout exportateur.\n{{% /alert %}}\n\nTexte final.\n")
    assert all_rules(source, translation) == []


def test_shortcode_lines_indented_four_spaces_are_shortcodes() -> None:
    source = "{{< tabpane >}}\n{{% tab Kubernetes %}}\n\nRun it here now.\n\n    {{% /tab %}} {{% tab Docker %}}\n\nRun it there now.\n\n{{% /tab %}}\n{{< /tabpane >}}\n"
    translation = source.replace("    {{% /tab", "{{% /tab").replace("Run it here now.", "Ejecútalo aquí.").replace(
        "Run it there now.", "Ejecútalo allí.")
    assert all_rules(source, translation) == []


def test_an_html_block_of_comments_and_processing_instructions_shows_nothing() -> None:
    source = "Intro text here.\n\n<?code-excerpt \"a.java\"?>\n<!-- keep this -->\n\nOutro text here.\n"
    assert all_rules(source, "Texte d'introduction.\n\nTexte final.\n") == []
