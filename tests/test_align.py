"""Alignment by structure: one edit in a long article is one finding, never a cascade."""

from __future__ import annotations

from harness import body

from l10ncheck.align import Alignment, align
from l10ncheck.api import check_documents
from l10ncheck.diagnostics import Diagnostic
from l10ncheck.extract import build_skeleton
from l10ncheck.rules import ALL_RULES

SOURCE = """\
# Move BNB to MetaMask

This guide shows how to withdraw BNB from Binance to MetaMask.

## Before you start

Install [MetaMask](https://metamask.io/download) on your phone or in your browser.

Make sure you keep at least 0.01 BNB for network fees.

## Add the network

Open MetaMask and choose **Add network**.

Enter the chain ID `56` and the RPC address below.

```
https://bsc-dataseed.binance.org
```

## Withdraw

1. Open the Binance app.
2. Choose **Withdraw** and select BNB.
3. Pick the BEP20 network.
4. Paste your MetaMask address.

Wait for 15 confirmations; it usually takes 1 minute.

Read more in the [Binance FAQ](https://www.binance.com/en/support/faq/115003670492).

Ask questions in the [MetaMask community](https://community.metamask.io).
"""

RU = """\
# Перевод BNB в MetaMask

В этом руководстве рассказано, как вывести BNB с Binance в MetaMask.

## Перед началом

Установите [MetaMask](https://metamask.io/download) на телефон или в браузер.

Оставьте не менее 0.01 BNB на оплату комиссий сети.

## Добавление сети

Откройте MetaMask и выберите **Добавить сеть**.

Введите ID сети `56` и адрес RPC, указанный ниже.

```
https://bsc-dataseed.binance.org
```

## Вывод

1. Откройте приложение Binance.
2. Выберите **Вывод** и укажите BNB.
3. Выберите сеть BEP20.
4. Вставьте свой адрес MetaMask.

Дождитесь 15 подтверждений; обычно это занимает 1 минуту.

Подробнее читайте в [FAQ Binance](https://www.binance.com/ru/support/faq/115003670492).

Задавайте вопросы в [сообществе MetaMask](https://community.metamask.io).
"""


def aligned(translation: str) -> Alignment:
    return align(build_skeleton(body(SOURCE), "en", "en.md"), build_skeleton(body(translation), "ru", "ru.md"))


def findings(translation: str) -> list[Diagnostic]:
    documents = {"en": ("en.md", body(SOURCE)), "ru": ("ru.md", body(translation))}
    return check_documents("article", "en", documents, [rule() for rule in ALL_RULES])


def drop(text: str, *lines: str) -> str:
    for line in lines:
        assert line in text
        text = text.replace(line, "", 1)
    return text


def test_source_is_long_enough_to_cascade() -> None:
    assert len(build_skeleton(body(SOURCE)).blocks) >= 10


def test_dropped_paragraph_is_one_gap_and_the_rest_pairs() -> None:
    translation = drop(RU, "Введите ID сети `56` и адрес RPC, указанный ниже.\n\n")
    alignment = aligned(translation)
    missing = [p.source for p in alignment.pairs if p.target is None]
    assert [b.text for b in missing if b is not None] == ["Enter the chain ID 56 and the RPC address below."]
    assert all(p.source is not None for p in alignment.pairs)
    assert len(alignment.matched()) == len(alignment.source.blocks) - 1
    assert len(alignment.matched()) == len(alignment.target.blocks)
    found = findings(translation)
    assert [d.code for d in found] == ["S104"]
    assert (found[0].location.span.line, found[0].location.span.column) == (15, 1)


def test_dropped_list_item_is_one_list_finding() -> None:
    found = findings(drop(RU, "3. Выберите сеть BEP20.\n"))
    assert [d.code for d in found] == ["S106"]
    assert '"Pick the BEP20 network."' in found[0].message


def test_dropped_section_is_one_section_finding() -> None:
    translation = drop(RU, "## Перед началом\n\n",
                       "Установите [MetaMask](https://metamask.io/download) на телефон или в браузер.\n\n",
                       "Оставьте не менее 0.01 BNB на оплату комиссий сети.\n\n")
    found = findings(translation)
    assert [d.code for d in found] == ["S101"]
    assert (found[0].location.span.line, found[0].location.span.column) == (5, 1)
    assert '"Before you start" (en:5) is missing (3 blocks)' in found[0].message


def test_extra_paragraph_is_one_finding() -> None:
    translation = RU.replace("## Вывод\n", "## Вывод\n\nЭтот абзац добавил переводчик, в оригинале его нет.\n\n")
    found = findings(translation)
    assert [d.code for d in found] == ["S105"]
    assert "добавил переводчик" in found[0].message


FAQ_RU = "Подробнее читайте в [FAQ Binance](https://www.binance.com/ru/support/faq/115003670492).\n"
FORUM_RU = "Задавайте вопросы в [сообществе MetaMask](https://community.metamask.io).\n"


def swapped(faq: str) -> str:
    translation = RU.replace(FAQ_RU + "\n" + FORUM_RU, FORUM_RU + "\n" + faq)
    assert translation != RU
    return translation


def assert_paired_as_moved(translation: str) -> None:
    alignment = aligned(translation)
    assert all(p.source is not None and p.target is not None for p in alignment.pairs)
    for pair in alignment.matched():
        assert pair.source is not None and pair.target is not None
        assert [link.url.replace("/en/", "/ru/") for link in pair.source.links] == [
            link.url.replace("/en/", "/ru/") for link in pair.target.links]
    assert any(p.moved for p in alignment.pairs)
    assert not {"S104", "S105"} & {d.code for d in findings(translation)}


def test_swapped_paragraphs_with_links_pair_as_moved() -> None:
    assert_paired_as_moved(swapped(FAQ_RU.replace("/ru/", "/en/")))


def test_swapped_paragraphs_with_localized_links_pair_as_moved() -> None:
    # The FAQ link points to the Russian page (/en/ -> /ru/): still the same link.
    assert_paired_as_moved(swapped(FAQ_RU))


def test_same_structure_with_translated_prose_gives_no_finding() -> None:
    alignment = aligned(RU)
    assert len(alignment.matched()) == len(alignment.source.blocks) == len(alignment.target.blocks)
    assert findings(RU) == []


def check(source: str, translation: str, lang: str = "xx") -> list[tuple[str, int]]:
    documents = {"en": ("en.md", body(source)), lang: (f"{lang}.md", body(translation))}
    found = check_documents("article", "en", documents, [rule() for rule in ALL_RULES])
    return [(d.code, d.location.span.line) for d in found]


TLDR = """\
# tool

> Detect things.

- List detectable things:

`tool --list`

- Only detect containers:

`tool {{[-c|--container]}}`

- Only detect VMs:

`tool {{[-v|--vm]}}`

- Detect a chroot:

`tool {{[-r|--chroot]}}`
"""


def test_dropped_last_example_is_one_gap_not_a_shift() -> None:
    # Commands are compared by shape: `--vm` is the source's {{[-v|--vm]}}, whatever the
    # position, so the dropped example is the chroot one, reported once.
    ko = """\
# tool

> 무언가를 감지.

- 감지 가능한 목록 표시:

`tool --list`

- 컨테이너만 감지:

`tool -c`

- VM만 감지:

`tool --vm`
"""
    found = check(TLDR, ko, "ko")
    assert found == [("S104", 15)]


def test_localized_placeholders_pair_with_their_command() -> None:
    de = """\
# tool

> Dinge erkennen.

- Nur Container erkennen:

`tool --container`

- Nur VMs erkennen:

`tool --vm`

- Einen Chroot erkennen:

`tool {{[-r|--chroot]}}`
"""
    assert check(TLDR, de, "de") == [("S104", 5)]


def test_one_sided_evidence_does_not_shift_a_one_to_one_translation() -> None:
    source = """\
At this point we know which parts need scaling. There are three types of components.

Most Collector components are stateless, so scaling them is easy.

Scrapers, like the Prometheus receiver, need care.
"""
    ja = """\
この時点で、どの部分をスケールする必要があるのかわかりました。3種類のコンポーネントがあります。

ほとんどのコレクターコンポーネントはステートレスなので、スケールは簡単です。

Prometheusレシーバーのようなスクレイパーには注意が必要です。
"""
    alignment = align(build_skeleton(body(source), "en", "en.md"), build_skeleton(body(ja), "ja", "ja.md"))
    assert [(p.source.index, p.target.index) for p in alignment.pairs if p.source and p.target] == [
        (0, 0), (1, 1), (2, 2)]
    assert check(source, ja, "ja") == []


def test_extra_heading_does_not_shift_the_sections_after_it() -> None:
    source = """\
# Monolithic apps

A monolithic application contains all functionality in a single deployable program.
Once it grows, monoliths become hard to maintain as more developers work on the same codebase.

## Problem it addresses

Splitting an application into [microservices](/microservices-architecture/) increases overhead.

## How it helps

A well-designed monolith is the simplest way to start.
"""
    ko = """\
# 모놀리식 애플리케이션

## 개념

모놀리식 애플리케이션(monolithic application)은 단독으로 배포 가능한 프로그램에 모든 기능을 포함한다.
커지면 모놀리스(monoliths)는 같은 코드베이스(codebase)에서 작업하는 개발자가 많아져 유지가 어려워진다.

## 다루는 문제

애플리케이션을 [마이크로서비스](/ko/microservices/)로 전환하면 오버헤드가 증가한다.

## 문제 해결 방식

잘 설계된 모놀리스는 가장 간단한 시작 방법이다.
"""
    # The localized link is its own finding (L203); the structure is one extra heading.
    assert [f for f in check(source, ko, "ko") if f[0].startswith("S")] == [("S105", 3)]


GLOSSARY = """\
# Glossary

## Attribute

Text about attributes, see [attributes](/docs/attributes/).

## Span

Text about spans.

## Span link

Text about span links.

## Trace

Text about traces.
"""


def test_sections_found_by_id_pair_even_when_reordered() -> None:
    # The translation sorts its glossary in its own language; the ids name the sections.
    es = """\
# Glosario

## Atributo {#attribute}

Texto sobre atributos, ver [atributos](/docs/attributes/).

## Enlace de span {#span-link}

Texto sobre enlaces de span.

## Span {#span}

Texto sobre spans.

## Traza {#trace}

Texto sobre trazas.
"""
    alignment = align(build_skeleton(body(GLOSSARY), "en", "en.md"), build_skeleton(body(es), "es", "es.md"))
    heads = {p.source.text: p.target.text for p in alignment.pairs
             if p.source and p.target and p.source.kind == "heading"}
    assert heads["Span link"] == "Enlace de span"
    assert heads["Span"] == "Span"
    assert check(GLOSSARY, es, "es") == []


def test_paragraph_split_in_two_is_not_missing_and_extra() -> None:
    source = """\
# Contributing

Join the [#glossary](https://slack.example/glossary) channel. There is also a [#glossary-l10n](https://slack.example/l10n) channel for translators.

## Next
"""
    zh = """\
# 贡献

加入 [#glossary](https://slack.example/glossary) 频道。

还有一个 [#glossary-l10n](https://slack.example/l10n) 频道，供译者使用。

## 下一步
"""
    assert check(source, zh, "zh") == []
    # A paragraph really added next to it is still reported.
    added = zh.replace("## 下一步", "这一段是译者添加的，原文中没有。\n\n## 下一步")
    assert check(source, added, "zh") == [("S105", 7)]


CARGO = """\
# tool

> Manage projects.

- Create a project:

`tool init {{path/to/directory}}`

- Run the project:

`tool {{[r|run]}}`

- Build the project with the nightly compiler:

`tool +nightly {{[b|build]}}`

- Build the project in release mode:

`tool {{[b|build]}} {{[-r|--release]}}`
"""


def test_identical_command_is_pinned_even_with_equal_counts() -> None:
    # As many examples on both sides, but one dropped and one added: the identical commands
    # pair with each other, not by position (no C501 shifted through the page).
    es = """\
# tool

> Gestiona proyectos.

- Crea un proyecto:

`tool init {{ruta/al/directorio}}`

- Construye el proyecto con el compilador nightly:

`tool +nightly {{[b|build]}}`

- Construye el proyecto en modo release:

`tool {{[b|build]}} {{[-r|--release]}}`

- Construye con un número de hilos:

`tool {{[b|build]}} {{[-j|--jobs]}} {{número}}`
"""
    alignment = align(build_skeleton(body(CARGO), "en", "en.md"), build_skeleton(body(es), "es", "es.md"))
    pairs = {p.source.index: p.target.index for p in alignment.pairs if p.source and p.target}
    assert pairs[6] == 4 and pairs[7] == 5 and pairs[8] == 6 and pairs[9] == 7
    assert 4 not in pairs and 5 not in pairs
    assert check(CARGO, es, "es") == [("S104", 9), ("S105", 17)]


GIT_STATUS = """\
# git status

> Show the changes to files.

- Show changed files:

`git status`

- Give output in short format:

`git status {{[-s|--short]}}`

- Show output in short format along with branch info:

`git status {{[-sb|--short --branch]}}`

- Show the changes in staged files:

`git status {{[-v|--verbose]}}`

- Don't show untracked files:

`git status {{[-uno|--untracked-files=no]}}`
"""


def test_reordered_example_with_option_alternatives_keeps_its_identical_partner() -> None:
    # `{{[-s|--short]}}` and `{{[-sb|--short --branch]}}` are near-identical commands; the
    # identical one pairs, the reordered one pairs as moved, only the dropped one is missing.
    uk = """\
# git status

> Показує зміни до файлів.

- Показує змінені файли:

`git status`

- Виводить інформацію у стислому форматі:

`git status {{[-s|--short]}}`

- Виводить інформацію без неконтрольованих файлів:

`git status {{[-uno|--untracked-files=no]}}`

- Виводить інформацію у стислому форматі разом з інформацією про гілку:

`git status {{[-sb|--short --branch]}}`
"""
    alignment = align(build_skeleton(body(GIT_STATUS), "en", "en.md"), build_skeleton(body(uk), "uk", "uk.md"))
    pairs = {p.source.index: p.target.index for p in alignment.pairs if p.source and p.target}
    assert pairs[4] == 4 and pairs[5] == 5
    assert pairs[6] == 8 and pairs[7] == 9 or pairs[10] == 6 and pairs[11] == 7
    assert not [f for f in check(GIT_STATUS, uk, "uk") if f[0].startswith("C")]


def test_other_credits_paragraph_does_not_pair_by_position() -> None:
    # Each locale credits its own team with profile links on the same site; the source's
    # emeritus list it lacks is missing, the credits are added, no link is "changed".
    source = """\
# Glossary

## Acknowledgements

The glossary was started by the CNCF.

Emeritus: [Ann Lee](https://www.linkedin.com/in/annlee/), [Bob Stone](https://www.linkedin.com/in/bstone/), [Carl Ito](https://www.linkedin.com/in/carlito/).

## License

Apache 2.0.
"""
    it = """\
# Glossario

## Riconoscimenti

Il glossario è stato avviato dalla CNCF.

Traduzione italiana a cura di [Giulia Rossi](https://www.linkedin.com/in/giulia-r/), [Marco Bianchi](https://www.linkedin.com/in/mbianchi/), [Sara Neri](https://www.linkedin.com/in/saraneri/).

## Licenza

Apache 2.0.
"""
    found = check(source, it, "it")
    assert not [f for f in found if f[0].startswith("L")]
    assert sorted(f[0] for f in found) == ["S104", "S105"]


def test_a_command_that_only_lost_sudo_is_still_its_examples_partner() -> None:
    # tldr's chown page in Persian: every command lacks `sudo` and two examples are missing.
    source = ("# chown\n\n- Change the owner user:\n\n`sudo chown {{user}} {{path}}`\n\n"
              "- Change the owner user and group:\n\n`sudo chown {{user}}:{{group}} {{path}}`\n\n"
              "- Change both to the name `user`:\n\n`sudo chown {{user}}: {{path}}`\n\n"
              "- Change the group:\n\n`chown :{{group}} {{path}}`\n\n"
              "- Change recursively:\n\n`sudo chown {{[-R|--recursive]}} {{user}} {{path}}`\n")
    target = ("# chown\n\n- تغییر مالک:\n\n`chown {{user}} {{path}}`\n\n"
              "- تغییر کاربر و گروه مالک:\n\n`chown {{user}}:{{group}} {{path}}`\n\n"
              "- تغییر بازگشتی مالک:\n\n`chown {{[-R|--recursive]}} {{user}} {{path}}`\n")
    src = build_skeleton(source, "en", "en.md")
    tgt = build_skeleton(target, "fa", "fa.md")
    codes = {b.index: b.code_spans[0].code for b in src.blocks if b.kind == "paragraph" and b.code_spans}
    tcodes = {b.index: b.code_spans[0].code for b in tgt.blocks if b.kind == "paragraph" and b.code_spans}
    paired = {codes[p.source.index]: tcodes[p.target.index] for p in align(src, tgt).pairs
              if p.source and p.target and p.source.index in codes and p.target.index in tcodes}
    assert paired == {"sudo chown {{user}} {{path}}": "chown {{user}} {{path}}",
                      "sudo chown {{user}}:{{group}} {{path}}": "chown {{user}}:{{group}} {{path}}",
                      "sudo chown {{[-R|--recursive]}} {{user}} {{path}}":
                          "chown {{[-R|--recursive]}} {{user}} {{path}}"}


def test_a_list_set_apart_from_a_sentence_that_enumerates_it_inline_is_a_split() -> None:
    from harness import run

    from l10ncheck.rules import ALL_RULES

    source = ("## Approvers\n\nApprovers review pull requests. There are two kinds of approvers:\n\n"
              "1. approvers for the English glossary and\n2. approvers for localization teams.\n\n"
              "Approvers are expected to help.\n")
    translation = ("## Aprobadores\n\nLos aprobadores revisan los PR. Hay dos tipos: (1) aprobadores del"
                   " glosario en inglés y (2) aprobadores de los equipos de localización.\n\n"
                   "Se espera que los aprobadores ayuden.\n")
    found = [d for rule in ALL_RULES for d in run(rule, source, {"es": translation})]
    assert found == []


def test_a_heading_pins_by_a_name_in_parentheses_or_without_its_number() -> None:
    from l10ncheck.align import _heading_ids
    from l10ncheck.extract import build_skeleton

    source = build_skeleton("## 3. Maintainers\n").blocks[0]
    translation = build_skeleton("## 3. मेन्टेनर्स (Maintainers)\n").blocks[0]
    assert "maintainers" in _heading_ids(source) & _heading_ids(translation)


def test_without_evidence_a_block_stays_in_the_section_its_heading_opens() -> None:
    from harness import run

    from l10ncheck.rules.missing_section import MissingSection

    source = "# T\n\nIntro.\n\n## A\n\nAlpha.\n\n## B\n\nBeta.\n\n### C\n\nGamma.\n\n## D\n\nDelta.\n"
    found = run(MissingSection, source, {"es": "# T\n\nIntroducción.\n\n## D\n\nDelta.\n"})
    # The translated intro is the source's intro, not "Alpha." across the missing heading A.
    assert [d.message for d in found] == ['3 sections from "A" (en:5) to "C" (en:13) are missing (6 blocks)']


def _heading_pairs(source: str, translation: str) -> list[tuple[str | None, str | None]]:
    found = align(build_skeleton(source), build_skeleton(translation))
    return [(p.source.text if p.source else None, p.target.text if p.target else None)
            for p in found.pairs if (p.source or p.target).kind == "heading"]  # type: ignore[union-attr]


TERM_PAGE = ("Mutual TLS is a technique between two [services](/service/) over [TLS](/tls/).\n\n"
             "## Problem it addresses\n\n[Microservices](/microservices-architecture/) talk over a network.\n\n"
             "## How it helps\n\nmTLS secures traffic. It verifies Internet of Things (IoT) devices.\n")


def test_a_heading_only_the_translation_has_above_the_intro_shifts_no_section() -> None:
    # The old translation titles the intro ("What it is"): the sections pair the way the
    # blocks under them do, not in the order of their headings.
    old = ("## Что это\n\nВзаимный TLS связывает два [сервиса](/service/) по [TLS](/tls/).\n\n"
           "## Проблема\n\n[Микросервисы](/microservices/) общаются по сети.\n\n"
           "## Решение\n\nВзаимный TLS защищает трафик устройств IoT.\n")
    assert _heading_pairs(TERM_PAGE, old) == [
        (None, "Что это"), ("Problem it addresses", "Проблема"), ("How it helps", "Решение")]


def test_headings_as_many_on_both_sides_pair_one_to_one_without_contrary_evidence() -> None:
    current = ("Взаимный TLS связывает два [сервиса](/service/) по [TLS](/tls/).\n\n"
               "## Проблема\n\nСервисы общаются по сети.\n\n## Решение\n\nОн защищает трафик.\n")
    assert _heading_pairs(TERM_PAGE, current) == [
        ("Problem it addresses", "Проблема"), ("How it helps", "Решение")]


def test_a_link_written_with_underscores_is_evidence_for_its_hyphenated_page() -> None:
    from l10ncheck.align import _url_key

    assert _url_key("/cloud_native_apps/") == _url_key("/cloud-native-apps/")


def test_a_relative_link_is_evidence_for_the_page_it_names_from_the_root() -> None:
    from l10ncheck.align import _url_key

    assert _url_key("../container/") == _url_key("/container/") == _url_key("./container")
    assert _url_key("../concepts/instrumentation/") == _url_key("/docs/concepts/instrumentation")
    assert _url_key("../concepts/sdk.md") == _url_key("/fr/docs/concepts/sdk/")
    assert _url_key("../concepts/sdk/") != _url_key("../concepts/api/")
    assert _url_key("https://x.io/a/b") != _url_key("/a/b")


def test_a_repository_file_at_another_revision_is_the_same_page() -> None:
    from l10ncheck.align import _other_page_same_host

    pinned = "https://github.com/o/r/tree/848eb220bc83bb0a1c2d3e4f5a6b7c8d9e0f1a2b/otelconf?from_branch=main"
    assert not _other_page_same_host(pinned, "https://github.com/o/r/tree/main/otelconf")
    assert _other_page_same_host("https://github.com/o/r/blob/main/x.md", "https://github.com/o/r/blob/main/other-file.md")


def test_a_paragraph_held_by_its_links_may_move_without_dragging_the_blocks_after_it() -> None:
    source = ("Welcome to the glossary. There are three ways to help out here today.\n\n"
              "- Propose new terms for the glossary\n- Update the existing terms\n- Localize the glossary\n\n"
              "## Overview\n\nThe goal is to simplify the language of cloud native for everyone.\n\n"
              "The content is stored in [this repo](https://github.com/o/g), with [issues](https://github.com/o/g/issues).\n\n"
              "## Before you start\n\nBefore you begin, please do the following three steps first.\n\n"
              "- Create an account on the site if you have none yet\n- Set your name and email address\n"
              "- Sign your commits every time\n")
    translation = ("Il contenuto è in [questo repo](https://github.com/o/g), con [issue](https://github.com/o/g/issues).\n\n"
                   "Ci sono tre modi per aiutare qui oggi, ecco quali.\n\n"
                   "- Proporre nuovi termini per il glossario\n- Aggiornare i termini esistenti\n- Tradurre il glossario\n")
    pairs = [(p.source.text[:12] if p.source else None, p.target.text[:12] if p.target else None, p.moved)
             for p in align(build_skeleton(source), build_skeleton(translation)).pairs]
    assert ("Propose new ", "Proporre nuo", False) in pairs
    assert ("The content ", "Il contenuto", True) in pairs


def test_a_paragraph_held_by_its_links_is_paired_when_the_order_leaves_it_alone() -> None:
    from l10ncheck.align import Features, _free_url_anchors, _Scorer

    source = build_skeleton("Welcome to the glossary project.\n\n"
                            "Content is in [the repo](https://github.com/o/g) and [issues](https://github.com/o/g/issues).\n")
    target = build_skeleton("Il contenuto è nel [repo](https://github.com/o/g) e nelle [issue](https://github.com/o/g/issues).\n\n"
                            "Benvenuti nel progetto del glossario.\n")
    features = Features(source)
    scorer = _Scorer(features, Features(target, features.aliases))
    (welcome, repo), (repo_t, welcome_t) = source.blocks, target.blocks
    left_alone = [(welcome, welcome_t), (repo, None), (None, repo_t)]
    found = _free_url_anchors(list(source.blocks), list(target.blocks), left_alone, scorer, None)
    assert (repo, repo_t, True) in found
    assert (repo, None, False) not in found and (None, repo_t, False) not in found


SPELL_CHECK = """\
## Spell check

There are two main reasons why the spell check can fail:

- The PR contains misspellings.
- The PR contains words that are not registered in the word list.

To add new words to the list, follow these steps:

1. In your PR, locate the file "wordlist.txt".
2. Click "Edit this file" and add the missing words in alphabetic order.
3. Add a commit message and select "Sign off and propose changes".

**Note**: the spell check is case-insensitive.

**We updated this guide based on templates from [The Good Docs Project](https://thegooddocsproject.dev/).**
"""


def test_an_added_item_and_a_dropped_paragraph_get_no_one_to_one_bonus() -> None:
    # As many text blocks on each side, but the translation adds a step and lacks the
    # credits: its note is the source's note, not the credits paragraph at the same place.
    translation = """\
## Проверка орфографии

Проверка орфографии может не пройти по следующим причинам:

- в PR есть орфографические ошибки,
- в PR есть слова, которых нет в списке слов.

Чтобы добавить новые слова в список, выполните следующие шаги:

1. Откройте папку "content" в своём PR.
2. Перейдите в папку "ru" и найдите файл ".wordlist.txt".
3. Выберите "Edit this file" и добавьте недостающие слова.
4. Опишите изменения в сообщении коммита и нажмите "Sign off and propose changes".

Примечание: проверка орфографии не различает регистр букв.
"""
    found = align(build_skeleton(SPELL_CHECK), build_skeleton(translation))
    pairs = [(p.source.text[:5] if p.source else None, p.target.text[:5] if p.target else None)
             for p in found.pairs if (p.source or p.target).kind == "paragraph"]  # type: ignore[union-attr]
    assert ("Note:", "Приме") in pairs
    assert ("We up", None) in pairs


def test_the_same_sequence_of_block_kinds_keeps_the_one_to_one_bonus() -> None:
    from l10ncheck.align import _dp

    def score(a: object, b: object) -> float:
        # Each block scores weakly with its counterpart; the first source block scores
        # better with the second target block.
        return {(0, 0): 0.4, (1, 1): 0.4, (0, 1): 0.6}.get((a.index, b.index), 0.0)  # type: ignore[attr-defined]

    def texts(source: str, translation: str) -> list[tuple[str | None, str | None]]:
        src, tgt = build_skeleton(source).blocks, build_skeleton(translation).blocks
        return [(a.text if a else None, b.text if b else None) for a, b in _dp(src, tgt, score)]

    # Paragraph and item on both sides: one to one, the bonus outweighs the better single pair.
    assert texts("Alpha.\n\n- Beta.\n", "Альфа.\n\n- Бета.\n") == [("Alpha.", "Альфа."), ("Beta.", "Бета.")]
    # The same counts, other kinds in place: no bonus, the better pair wins.
    assert texts("Alpha.\n\n- Beta.\n", "- Альфа.\n\nБета.\n") == [
        (None, "Альфа."), ("Alpha.", "Бета."), ("Beta.", None)]


MICROSERVICES = """\
Cloud native [applications](/cloud-native-apps/) are built from many small parts that teams change every day, and the architecture decides how easy that is.

Microservices are a response to the challenges of [monolithic apps](/monolithic-apps/). Each part of the application is its own small service, built and deployed on its own.

Parts of an application scale separately. Take Netflix: after a campaign, Netflix sees a spike in signups while streaming stays stable, so only the signup service needs more copies ([scalability](/scalability/)).

[Tightly coupled](/tightly-coupled-architecture/) code is hard to change, because every part depends on the others, and microservices keep each part apart so that teams can work alone.
"""
# An old translation: its second paragraph says the source's second and third in older
# words (an online shop where the source now takes Netflix, and no link to scalability).
MICROSERVICES_OLD = """\
Облачные [приложения](/cloud-native-apps/) собирают из множества небольших частей, которые команды меняют каждый день, и от архитектуры зависит, насколько это просто.

Микросервисы — ответ на трудности [монолитных приложений](/monolithic-apps/): каждая часть приложения — отдельный сервис. Части приложения масштабируются по-разному: интернет-магазин чаще показывает товары, чем оформляет заказы, и монолит приходится копировать целиком.

[Сильно связанный](/tightly-coupled-architecture/) код трудно менять, потому что каждая часть зависит от других, а микросервисы разделяют части, чтобы команды работали независимо.
"""
SCALING_OLD = ("Части приложения масштабируются по-разному: интернет-магазин чаще показывает товары, "
               "чем оформляет заказы, и монолит приходится копировать целиком.")


def _missing_severity(source: str, translation: str) -> list[str]:
    from harness import run

    from l10ncheck.rules.missing_block import MissingBlock

    return [d.severity.value for d in run(MissingBlock, source, {"ru": translation})]


def test_an_old_paragraph_that_says_two_in_older_wording_is_their_join() -> None:
    assert _missing_severity(MICROSERVICES, MICROSERVICES_OLD) == ["info"]
    # The half's names are no proof against it when no unpaired block of the page has them.
    assert _missing_severity(MICROSERVICES, MICROSERVICES_OLD + "\nПример — магазин.\n") == ["info"]


def test_a_paragraph_added_beside_an_old_one_stays_missing() -> None:
    # The translation's paragraph is no longer than the neighbour's translation would be.
    shorter = MICROSERVICES_OLD.replace(SCALING_OLD, "Каждый сервис собирают и развёртывают отдельно.")
    assert _missing_severity(MICROSERVICES, shorter) == ["warning"]
    # Code and bold survive any rewording: a half whose code or bold the whole lacks is not in it.
    assert _missing_severity(MICROSERVICES.replace("more copies", "more `replicas`"), MICROSERVICES_OLD) == ["warning"]
    assert _missing_severity(MICROSERVICES.replace("scale separately", "scale **separately**"),
                             MICROSERVICES_OLD) == ["warning"]
    # The page has the half's name in a block of its own: the half may stand there.
    assert _missing_severity(MICROSERVICES, MICROSERVICES_OLD + "\nПример — Netflix.\n") == ["warning"]
    # A list item is never the half of a paragraph by length alone.
    assert _missing_severity(MICROSERVICES.replace("Parts of an application", "- Parts of an application"),
                             MICROSERVICES_OLD) == ["warning"]


def test_footnotes_pair_by_label() -> None:
    # Two notes of about the same length: without their labels, the one left would pair by
    # place alone, with the first.
    source = "Text[^a] and more[^b].\n\n[^a]: The first note of this page.\n\n[^b]: The second note of this page.\n"
    target = "Texte et plus[^b].\n\n[^b]: La deuxième note de cette page.\n"
    alignment = align(build_skeleton(body(source), "en"), build_skeleton(body(target), "fr"))
    notes = [(p.source.footnote if p.source else None, p.target.footnote if p.target else None)
             for p in alignment.pairs if (p.source or p.target).footnote]  # type: ignore[union-attr]
    assert sorted(notes, key=str) == [("a", None), ("b", "b")]
    first = alignment.source.blocks[1]
    assert (first.span.line, first.span.column) == (3, 1)  # the block starts at its `[^a]:`


def _severities(source: str, translation: str, lang: str) -> list[tuple[str, str, int]]:
    documents = {"en": ("en.md", body(source)), lang: (f"{lang}.md", body(translation))}
    found = check_documents("article", "en", documents, [rule() for rule in ALL_RULES])
    return [(d.code, d.severity.value, d.location.span.line) for d in found]


NAMESPACE_EN = """\
# Troubleshooting

When the pod starts up, the annotation tells the operator to look for an Instrumentation resource in the pod's namespace and to inject the instrumentation into the pod.

Which you can see when you run:

```shell
kubectl describe pod <your_pod_name> -n <namespace>
```

Where `<namespace>` is the namespace in which your pod is deployed. The resulting output should look like the following example, which shows what the pod spec may look like after injection:

```yaml
spec:
  initContainers:
    - name: opentelemetry-auto-instrumentation
```
"""
NAMESPACE_JA = """\
# トラブルシューティング

Podが起動すると、アノテーションはオペレーターに対してPodの名前空間でInstrumentationリソースを探し、Podに計装を注入するよう指示します。

実行すると次のように表示されます。

```shell
kubectl describe pod <your_pod_name> -n <namespace>
```

ここでの `<namespace>` は、Podがデプロイされた名前空間です。

出力結果は次の例のようになり、これは注入後のPodの仕様がどのようになるかを示しています。

```yaml
spec:
  initContainers:
    - name: opentelemetry-auto-instrumentation
```
"""
NAMESPACE_HALF = "ここでの `<namespace>` は、Podがデプロイされた名前空間です。"


def test_a_sentence_split_off_with_the_placeholder_its_neighbour_lacks_is_the_other_half() -> None:
    # The same placeholder span says where the sentence went: one pair, the span not lost.
    assert _severities(NAMESPACE_EN, NAMESPACE_JA, "ja") == []
    # A localized placeholder is no evidence either way: the lengths leave it to a reviewer.
    assert _severities(NAMESPACE_EN, NAMESPACE_JA.replace("`<namespace>`", "`<名前空間>`"), "ja") == [
        ("S105", "info", 11)]
    # A sentence of the translation's own stays extra, and the span missing.
    assert _severities(NAMESPACE_EN, NAMESPACE_JA.replace(NAMESPACE_HALF, "この手順は v2 以降でのみ動作します。"), "ja") == [
        ("S105", "warning", 11), ("C501", "warning", 13)]


LOOPBACK_EN = """\
# Denial of service

For server-like receivers and extensions, protect the endpoints of these components by binding them to a specific interface.

If localhost resolves to a different IP due to your DNS settings, then explicitly use the loopback IP instead: `127.0.0.1` for IPv4 or `::1` for IPv6. For example, here's an IPv4 configuration using a gRPC port:

```yaml
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 127.0.0.1:4317
```
"""
LOOPBACK_JA = """\
# サービス拒否

サーバーのようなレシーバーや拡張機能では、これらのコンポーネントのエンドポイントを特定のインターフェースにバインドして保護してください。

DNSの設定によってlocalhostが別のIPに解決される場合は、IPv4の場合は `127.0.0.1`、IPv6の場合は `::1` のように、ループバックIPを明示的に使用してください。

gRPCポートを使用したIPv4の設定例は以下になります。

```yaml
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 127.0.0.1:4317
```
"""


def test_names_run_into_text_without_spaces_tell_where_a_split_sentence_went() -> None:
    # "gRPCポート", "IPv4の": the names the neighbour lacks, in the text around them.
    assert _severities(LOOPBACK_EN, LOOPBACK_JA, "ja") == []
    other = LOOPBACK_JA.replace("gRPCポートを使用したIPv4の設定例は以下になります。", "HTTPポートを使用した設定例は以下になります。")
    assert _severities(LOOPBACK_EN, other, "ja") == [("S105", "warning", 7), ("C502", "warning", 5)]


DECLARATIVE_EN = """\
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


def test_a_sentence_split_off_with_the_bold_its_neighbour_lacks_is_a_split_for_a_reviewer() -> None:
    # One weak clue and lengths that add up: info, and the bold is not missing.
    assert _severities(DECLARATIVE_EN, DECLARATIVE_JA, "ja") == [("S105", "info", 5)]
    # Bold where the source paragraph has none is no clue.
    plain = DECLARATIVE_EN.replace("**experimental**", "experimental")
    assert ("S105", "warning", 5) in _severities(plain, DECLARATIVE_JA, "ja")


OBSERVABILITY_EN = """\
# What is OpenTelemetry?

OpenTelemetry is an observability framework and toolkit designed to facilitate the generation, export, and collection of telemetry data such as traces, metrics, and logs.

The backend (storage) and the frontend (visualization) of telemetry data are intentionally left to other tools.

For more videos in this series and additional resources, see the list of talks at the end of this page.

## What is observability?

Observability is the ability to understand the internal state of a system by examining its outputs.

In software, this is typically achieved by analyzing telemetry data such as traces, metrics, and logs.

To make a system observable, it must be [instrumented](/docs/concepts/instrumentation/). That is, the code must emit [traces](/docs/concepts/signals/traces/), [metrics](/docs/concepts/signals/metrics/), or [logs](/docs/concepts/signals/logs/). The instrumented data must then be sent to an observability backend.
"""
OBSERVABILITY_ES = """\
# ¿Qué es OpenTelemetry?

OpenTelemetry es un framework y conjunto de herramientas de observabilidad diseñado para facilitar la generación, exportación y recopilación de datos de telemetría, como trazas, métricas y logs.

## ¿Qué es la observabilidad?

Observabilidad es la capacidad para comprender el estado interno de un sistema a través del análisis de sus resultados. En el software, esto se logra al analizar sus datos de telemetría, que incluyen trazas, métricas y logs, con herramientas adecuadas.

Para que un sistema sea observable, debe ser [instrumentado](/docs/concepts/instrumentation/), esto es, su código debe emitir [trazas](/docs/concepts/signals/traces/), [métricas](/docs/concepts/signals/metrics/) o [logs](/docs/concepts/signals/logs/). Los datos instrumentados tienen que ser enviados luego a un backend de observabilidad.
"""
OBSERVABILITY_ES_REST = """\
El backend (almacenamiento) y el frontend (visualización) de los datos de telemetría se dejan intencionadamente a otras herramientas.

Para más videos de esta serie y recursos adicionales, consulta la lista de charlas al final de esta página.

## ¿Qué"""
OBSERVABILITY_ES_SECOND = (" En el software, esto se logra al analizar sus datos de telemetría, que incluyen trazas,"
                           " métricas y logs, con herramientas adecuadas.")


def test_lengths_at_the_rate_the_page_runs_when_the_translation_lacks_other_blocks() -> None:
    # The translation lacks two paragraphs, so each of its blocks is a larger share of its
    # page; at the rate the rest of its translation runs, the two English paragraphs make up
    # the one it has: joined, a reviewer's call.
    assert ("S104", "info", 9) in _severities(OBSERVABILITY_EN, OBSERVABILITY_ES, "es")
    # A sentence the source added next to an old paragraph stays missing.
    whole = OBSERVABILITY_ES.replace("## ¿Qué", OBSERVABILITY_ES_REST)
    assert _severities(OBSERVABILITY_EN, whole.replace(OBSERVABILITY_ES_SECOND, ""), "es") == [
        ("S104", "warning", 11)]


MAINTAINERS_EN = """\
# Acknowledgements

The Glossary was initiated by the CNCF Marketing Committee, with contributions from many people.

The Glossary is maintained by [Seokho Son](https://example.com/seokho), [Jihoon Seo](https://example.com/jihoon) and [Nate W.](https://example.com/nate).

[Catherine Paganini](https://example.com/catherine) and [Jason Morgan](https://example.com/jason) are Emeritus Maintainers, and we are deeply grateful for their contributions.
"""
MAINTAINERS_KO = """\
# 감사의 글

용어집은 CNCF 마케팅 커미티가 시작했으며 많은 분들이 기여했다.

용어집은 메인테이너인 [Catherine Paganini](https://example.com/catherine), [Jason Morgan](https://example.com/jason), [Jihoon Seo](https://example.com/jihoon), 그리고 [Seokho Son](https://example.com/seokho)을 통해 관리되고 있다.
"""


def test_a_source_paragraph_with_a_link_the_old_translation_lacks_is_not_merged_into_it() -> None:
    # The source added a maintainer to a paragraph the translation has in older wording.
    assert ("S104", "warning", 5) in _severities(MAINTAINERS_EN, MAINTAINERS_KO, "ko")
    # With every link of it, the translation's paragraph says both.
    current = MAINTAINERS_KO.replace(
        "그리고 [Seokho Son](https://example.com/seokho)을",
        "[Seokho Son](https://example.com/seokho), 그리고 [Nate W.](https://example.com/nate)을")
    assert _severities(MAINTAINERS_EN, current, "ko") == []


GIT_CLEAN_EN = """\
# git clean

> Remove files not tracked by Git from the working tree.
> More information: <https://git-scm.com/docs/git-clean>.

- Interactively delete untracked files:

`git clean {{[-i|--interactive]}}`

- Show which files would be deleted without actually deleting them:

`git clean {{[-n|--dry-run]}}`
"""
GIT_CLEAN_ES = """\
# git clean

> Elimina archivos sin rastrear del árbol de trabajo.
> Más información: <https://git-scm.com/docs/git-clean>.

- Elimina archivos que no son rastreados por Git:

`git clean`

- Elimina interactivamente archivos que no son rastreados:

`git clean {{[-i|--interactive]}}`

- Muestra qué archivos serían borrados sin llegar a borrarlos:

`git clean {{[-n|--dry-run]}}`
"""


def test_an_added_example_is_never_half_of_the_page_description() -> None:
    # Its description names what the page description's translation lacks ("Git"): still
    # an example of its own.
    assert _severities(GIT_CLEAN_EN, GIT_CLEAN_ES, "es") == [("S105", "warning", 6)]
    alignment = align(build_skeleton(body(GIT_CLEAN_EN), "en", "en.md"), build_skeleton(body(GIT_CLEAN_ES), "es", "es.md"))
    assert alignment.splits == ()
