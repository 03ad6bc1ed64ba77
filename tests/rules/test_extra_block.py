from harness import run, where

from l10ncheck.rules.extra_block import ExtraBlock

SOURCE = """\
Open MetaMask on your phone.

Send 5 BNB to the new address.
"""


def test_paragraph_the_source_lacks_is_reported() -> None:
    found = run(ExtraBlock, SOURCE, """\
Buka MetaMask pada telefon anda.

Perenggan ini ditambah oleh penterjemah dan tiada dalam sumber.

Hantar 5 BNB ke alamat baharu.
""")
    assert [d.code for d in found] == ["S105"]
    assert where(found[0]) == (3, 1)
    assert "ditambah oleh penterjemah" in found[0].message


def test_no_break_space_paragraph_is_not_a_block() -> None:
    assert run(ExtraBlock, SOURCE, """\
Buka MetaMask pada telefon anda.

\u00a0

Hantar 5 BNB ke alamat baharu.
""") == []


def test_nbsp_entity_paragraph_is_not_a_block() -> None:
    # `&nbsp;` renders as a no-break space: a spacer, not a paragraph.
    assert run(ExtraBlock, SOURCE, """\
Buka MetaMask pada telefon anda.

&nbsp;

Hantar 5 BNB ke alamat baharu.
""") == []


def test_credits_to_the_translators_are_only_info() -> None:
    from l10ncheck.diagnostics import Severity

    source = "# Glossary\n\nThe glossary is maintained by the community.\n"
    translation = ("# 用語集\n\n用語集はコミュニティによって維持されています。\n\n日本語化は [Kaito](https://github.com/kaitoii11)、"
                   "[Kohei](https://github.com/inductor)、[Nao](https://www.linkedin.com/in/nao/) の貢献で始まりました。\n")
    found = run(ExtraBlock, source, {"ja": translation})
    assert [d.severity for d in found] == [Severity.INFO]
    # Links to project pages are content, not credits.
    other = translation.replace("https://github.com/kaitoii11", "https://github.com/cncf/glossary/issues")
    other = other.replace("https://github.com/inductor", "https://kubernetes.io/docs/")
    other = other.replace("日本語化は", "この作業は")  # (naming its own language is info too: below)
    assert [d.severity for d in run(ExtraBlock, source, {"ja": other})] == [Severity.WARNING]


def test_a_note_about_the_translation_itself_is_only_info() -> None:
    from l10ncheck.diagnostics import Severity

    source = "# Contribute\n\nOpen a [pull request](https://github.com/x/pulls).\n"
    found = run(ExtraBlock, source, {
        "tr": "# Katkı\n\nBir [PR](https://github.com/x/pulls) açın.\n\n**Türkçe yerelleştirme ekibi**\n\n"
              "Katkılarınızı bekliyoruz!\n",
        "ru": "# Вклад\n\nОткройте [PR](https://github.com/x/pulls).\n\n"
              "Пишите в [#glossary-localization-russian](https://x.slack.com/a).\n",
        "es": "# Contribuir\n\nAbra un [PR](https://github.com/x/pulls).\n\nCambie a la rama `dev-es` primero.\n",
    })
    assert [(d.lang, d.severity) for d in found] == [
        ("es", Severity.INFO), ("ru", Severity.INFO), ("tr", Severity.INFO)]
    assert "names the translation's own language" in found[0].message


def test_extra_prose_that_names_no_language_or_one_the_source_names_is_a_warning() -> None:
    from l10ncheck.diagnostics import Severity

    pulls = "(https://github.com/x/pulls)"
    found = run(ExtraBlock, f"# Contribute\n\nOpen a [pull request]{pulls}. Spanish is welcome.\n", {
        "es": f"# Contribuir\n\nAbra un [PR]{pulls}. El español es bienvenido.\n\n"
              "Para compilar el sitio en español, instale primero la versión antigua de Hugo y ejecute el script.\n",
        "de": f"# Beitragen\n\nÖffne einen [PR]{pulls}.\n\nDeutsch ist willkommen.\n",
        "fr": f"# Contribuer\n\nOuvrez une [PR]{pulls}.\n\n"
              "Pour compiler le site, installez d'abord l'ancienne version de Hugo et lancez le script.\n",
    })
    assert [(d.lang, d.severity) for d in found] == [
        ("de", Severity.INFO), ("es", Severity.WARNING), ("fr", Severity.WARNING)]


def test_one_paragraph_said_as_a_sentence_a_short_list_and_a_sentence_is_only_info() -> None:
    source = ("# Client-server\n\n"
              "Client-server architecture splits an application in two: a client that asks for work, for example"
              " a browser, and a server that does it, for example a web server. Gmail is one: the page in your"
              " browser is the client and Google's computers are the server that keeps your mail.\n\n"
              "## Related\n\nSee [servers](https://x.io/s).\n")
    translation = ("# Client-server\n\n"
                   "Kiến trúc client-server chia ứng dụng thành hai phần:\n\n"
                   "- client yêu cầu công việc, ví dụ trình duyệt,\n- server thực hiện nó, ví dụ máy chủ web.\n\n"
                   "Gmail là một ví dụ: trang trong trình duyệt là client, máy chủ của Google giữ thư của bạn.\n\n"
                   "## Liên quan\n\nXem [máy chủ](https://x.io/s).\n")
    found = run(ExtraBlock, source, translation)
    assert found and all(d.severity.value == "info" for d in found)


def test_a_value_shortcode_left_of_a_rewritten_paragraph_is_only_info() -> None:
    from l10ncheck.diagnostics import Severity

    source = ("1. Browse the issues.\n2. Pick one.\n\n   > [!WARNING]\n   >\n"
              "   > {{% param chooseAnIssue %}} Issues labeled `CI/infra` are for maintainers.\n\n"
              "3. Read the comments.\n")
    translation = ("1. Navegue pelas issues.\n2. Escolha uma.\n\n   {{% alert color=\"warning\" %}}\n\n"
                   "   {{% param chooseAnIssue %}}\n\n   {{% /alert %}}\n\n3. Leia os comentários.\n")
    found = run(ExtraBlock, source, {"pt": translation})
    assert [(d.severity, where(d)) for d in found] == [(Severity.INFO, (6, 4))]
    assert "en:6" in found[0].message
    # A shortcode the source has nowhere at that place is an addition.
    other = translation.replace("param chooseAnIssue", "param otherNote")
    assert [d.severity for d in run(ExtraBlock, source, {"pt": other})] == [Severity.WARNING]
