from harness import run, where

from l10ncheck.diagnostics import Severity
from l10ncheck.rules.markup_changed import MarkupChanged


def test_a_dropped_inline_shortcode_is_reported_where_it_belongs() -> None:
    found = run(MarkupChanged, "Install {{< param version >}} now.\n", "Installieren Sie jetzt.\n")
    assert [d.message for d in found] == ['shortcode "param" (en:1) is missing']
    assert found[0].severity is Severity.WARNING and where(found[0]) == (1, 1)


def test_translated_shortcode_parameters_and_text_are_fine() -> None:
    source = 'See {{< figure src="a.png" caption="A graph" >}} and <kbd>Ctrl</kbd>+<kbd>C</kbd>.\n'
    target = 'Siehe {{< figure src="a.png" caption="Ein Graph" >}} und <kbd>Strg</kbd>+<kbd>C</kbd>.\n'
    assert run(MarkupChanged, source, target) == []


def test_a_renamed_component_is_one_finding_at_the_new_name() -> None:
    source = "<Tabs>\n<TabItem value=\"a\">\n\nText.\n\n</TabItem>\n</Tabs>\n"
    target = "<Onglets>\n<TabItem value=\"a\">\n\nTexto.\n\n</TabItem>\n</Onglets>\n"
    found = run(MarkupChanged, source, target)
    assert [d.message for d in found] == ["component <Onglets> stands where the source (en:1) has component <Tabs>"]
    assert where(found[0]) == (1, 1)


def test_a_translated_admonition_keyword_is_reported() -> None:
    found = run(MarkupChanged, ":::note\n\nText.\n\n:::\n", ":::nota\n\nTexto.\n\n:::\n")
    assert [d.code for d in found] == ["S112"]
    assert 'admonition ":::nota"' in found[0].message


def test_alert_forms_are_interchangeable_and_line_breaks_are_free() -> None:
    source = "> [!NOTE]\n> Keep your seed phrase offline.\n"
    target = '{{% alert title="Nota" %}} Guarde su frase<br>semilla sin conexión. {{% /alert %}}\n'
    assert run(MarkupChanged, source, target) == []


def test_an_added_element_is_info_and_a_dropped_comment_is_info() -> None:
    found = run(MarkupChanged, "<!-- keep in sync -->\n\nText <abbr>CLI</abbr>.\n",
                "<!-- garder -->\n\nTexte <abbr>CLI</abbr> <details>x</details>.\n")
    assert [(d.severity, d.message.split(" is ")[0]) for d in found] == [(Severity.INFO, "HTML element <details>")]
    found = run(MarkupChanged, "<div>\n<!-- note -->\n</div>\n", "<div>\n</div>\n")
    assert [(d.severity, d.message) for d in found] == [(Severity.INFO, "HTML comment (en:2) is missing")]


def test_tool_directives_are_not_compared() -> None:
    source = "<!-- markdownlint-disable MD013 -->\n\nText.\n"
    assert run(MarkupChanged, source, "<!-- l10ncheck-disable-next-line L201 -->\nTexte.\n") == []


def test_a_dropped_footnote_reference_is_reported_and_a_kept_one_is_fine() -> None:
    source = "Views per language[^1].\n\n[^1]: Percentage of all views.\n"
    assert run(MarkupChanged, source, "言語別の閲覧数[^1]。\n\n[^1]: 全閲覧数に対する割合。\n") == []
    found = run(MarkupChanged, source, "言語別の閲覧数。\n\n[^1]: 全閲覧数に対する割合。\n")
    assert [d.message for d in found] == ["footnote reference [^1] (en:1) is missing"]
    assert found[0].severity is Severity.WARNING
