from harness import run, where

from l10ncheck.rules.inline_code import InlineCodeChanged


def test_translated_command_is_reported_at_the_code_span() -> None:
    found = run(InlineCodeChanged, "Run `npm install --global l10ncheck`.",
                "Esegui `npm installa --global l10ncheck`.")
    assert [d.code for d in found] == ["C501"]
    assert where(found[0]) == (1, 8)
    assert 'differs from the source "npm install --global l10ncheck"' in found[0].message


def test_localized_placeholders_are_fine() -> None:
    source = "Copy the file to `{{path}}` and run `make <target>`."
    assert run(InlineCodeChanged, source, {
        "ru": "Скопируйте файл в `{{путь}}` и выполните `make <цель>`.",
        "ja": "ファイルを`{{パス}}`にコピーし、`make <ターゲット>`を実行します。",
    }) == []
