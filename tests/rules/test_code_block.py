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


def _block(lang: str, code: str) -> str:
    return f"Intro:\n\n```{lang}\n{code}\n```\n"


def test_comments_of_the_fence_language_may_be_translated() -> None:
    source = _block("bat", "rem Add to startWebLogic.cmd\nset OPTS=%OPTS% -javaagent:a.jar")
    assert run(CodeBlockChanged, source, _block("bat", "REM Ajouter à startWebLogic.cmd\nset OPTS=%OPTS% -javaagent:a.jar")) == []
    assert run(CodeBlockChanged, _block("erlang", "% start it\nok = app:start()."),
               _block("erlang", "% démarrez-le\nok = app:start().")) == []
    changed = _block("bat", "rem Ajouter\nset OPTS=%OPTS% -javaagent:b.jar")
    assert [d.code for d in run(CodeBlockChanged, source, changed)] == ["S108"]


def test_template_literals_are_strings_in_javascript_not_in_shell() -> None:
    source = _block("js", "app.listen(PORT, () => {\n  console.log(`Listening on http://localhost:${PORT}`);\n});")
    translated = _block("js", "app.listen(PORT, () => {\n  console.log(`Escuchando en http://localhost:${PORT}`);\n});")
    assert run(CodeBlockChanged, source, translated) == []
    renamed = _block("js", "app.listen(PORT, () => {\n  console.log(`Escuchando en http://localhost:${PUERTO}`);\n});")
    assert [d.code for d in run(CodeBlockChanged, source, renamed)] == ["S108"]
    shell = _block("sh", "echo `date +%Y`")
    assert [d.code for d in run(CodeBlockChanged, shell, _block("sh", "echo `fecha +%Y`"))] == ["S108"]


MERMAID = "flowchart LR\n  A[Fork the repo] --> B(Write docs)\n  B -->|push| C{Open a PR}"


def test_mermaid_labels_may_be_translated_but_not_the_graph() -> None:
    assert run(CodeBlockChanged, _block("mermaid", MERMAID), _block(
        "mermaid", "flowchart LR\n  A[Haz fork] --> B(Escribe)\n  B -->|sube| C{Abre un PR}")) == []
    assert [d.code for d in run(CodeBlockChanged, _block("mermaid", MERMAID), _block(
        "mermaid", "flowchart LR\n  A[Haz fork] --> B(Escribe)\n  A -->|sube| C{Abre un PR}"))] == ["S108"]


MARKDOWN = "---\ntitle: Cloud native\nweight: 5\n---\n\n## What it is\n\nSee [the guide](/guide/)."


def test_markdown_example_prose_may_be_translated_but_not_its_markup() -> None:
    assert run(CodeBlockChanged, _block("md", MARKDOWN), _block(
        "md", "---\ntitle: کلاؤڈ نیٹو\nweight: 5\n---\n\n## یہ کیا ہے\n\n[گائیڈ](/guide/) دیکھیں۔")) == []
    assert [d.code for d in run(CodeBlockChanged, _block("md", MARKDOWN), _block(
        "md", "---\ntitle: کلاؤڈ نیٹو\n---\n\n## یہ کیا ہے\n\n[گائیڈ](/guide/) دیکھیں۔"))] == ["S108"]


def test_a_placeholder_of_several_words_may_be_translated() -> None:
    source = "Install it:\n\n```sh\nhelm install my-otel <path where you saved the chart>\n```\n"
    translation = "インストール:\n\n```sh\nhelm install my-otel <チャートを保存したパス>\n```\n"
    assert run(CodeBlockChanged, source, {"ja": translation}) == []


def test_a_name_marked_as_the_readers_own_may_be_localized() -> None:
    source = _block("sh", "export OTEL_SERVICE_NAME=your-service-name\nopentelemetry-instrument python YOUR_APP.py")
    assert run(CodeBlockChanged, source, {"fr": _block(
        "sh", "export OTEL_SERVICE_NAME=votre-nom-de-service\nopentelemetry-instrument python VOTRE_APP.py")}) == []
    # A changed command beside it, or a sample name with no "your" mark, is still drift.
    assert len(run(CodeBlockChanged, source, {"fr": _block(
        "sh", "export OTEL_SERVICE_NAME=votre-nom-de-service\nopentelemetry-instrument python3 VOTRE_APP.py")})) == 1
    assert len(run(CodeBlockChanged, _block("py", "def do_work():\n    pass"),
                   {"fr": _block("py", "def faire_travail():\n    pass")})) == 1


APP = "app.listen(PORT, () => {\n  console.log(`Listening on http://localhost:${PORT}`);\n});"
RUN = "$ node app.js\nListening on http://localhost:8080"


def _app(message: str, output: str) -> str:
    return _block("js", APP.replace("Listening on", message)) + "\nRun it:\n\n" + _block("console", output)


def test_output_may_print_a_string_as_the_translated_code_does() -> None:
    source = _app("Listening on", RUN)
    assert run(CodeBlockChanged, source, {"pt": _app("Aguardando em", RUN.replace("Listening on", "Aguardando em"))}) == []
    # Output left as the source has it is fine too.
    assert run(CodeBlockChanged, source, {"pt": _app("Aguardando em", RUN)}) == []
    # Any script; `{name}` and printf's `%d` stand for any value, put where the translation puts them.
    py = _block("python", 'print(f"Hello, {name}!")\nprint("%d files left" % n)')
    out = _block("text", "Hello, Ada!\n3 files left")
    assert run(CodeBlockChanged, py + out, {"ja": _block("python", 'print(f"こんにちは、{name}さん!")\nprint("残り %d ファイル" % n)')
                                                  + _block("text", "こんにちは、Adaさん!\n残り 3 ファイル")}) == []


def test_output_the_translated_code_does_not_print_is_still_drift() -> None:
    source = _app("Listening on", RUN)
    translated = RUN.replace("Listening on", "Aguardando em")
    # Another value, another command, or a string the page's code does not translate.
    for code, output in (("Aguardando em", translated.replace("8080", "8081")),
                         ("Aguardando em", translated.replace("node", "bun")),
                         ("Listening on", translated)):
        found = run(CodeBlockChanged, source, {"pt": _app(code, output)})
        assert [(d.code, d.location.span.line) for d in found] == [("S108", 13)], (code, output)
    # The prompt's command is code, not output, even when it holds the string.
    echo = _block("js", 'console.log("Done");') + _block("console", '$ echo Done\nDone')
    found = run(CodeBlockChanged, echo, {"es": _block("js", 'console.log("Hecho");') + _block("console", "$ echo Hecho\nHecho")})
    assert [d.code for d in found] == ["S108"] and "from its line 1 on" in found[0].message
