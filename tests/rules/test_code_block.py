from harness import run, where

from l10ncheck.rules.code_block import CodeBlockChanged

SOURCE = """\
Install it:

```bash
# install the linter
npm install --save l10ncheck
cp {{path}} backup/
```
"""


def test_changed_command_is_reported_at_the_code_block() -> None:
    found = run(CodeBlockChanged, SOURCE, """\
Installez-le :

```bash
# installer le linter
npm install --save-dev l10ncheck
cp {{path}} backup/
```
""")
    assert [d.code for d in found] == ["S108"]
    assert where(found[0]) == (3, 1)
    assert "from its line 2 on" in found[0].message
    assert "--save-dev" in found[0].message


def test_translated_comments_and_placeholders_are_fine() -> None:
    assert run(CodeBlockChanged, SOURCE, """\
Установите его:

```bash
# установите линтер
npm install --save l10ncheck
cp {{путь}} backup/
```
""") == []
