from harness import run, where
from hypothesis import given, settings
from hypothesis import strategies as st

from l10ncheck.rules.inline_code import InlineCodeChanged, _exact


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


def test_tldr_notation_of_the_same_command_is_fine() -> None:
    source = "`tool {{[-l|--live]}}`\n\n`git revert HEAD~4`"
    assert run(InlineCodeChanged, source, "`tool -l`\n\n`git revert HEAD~{{4}}`") == []


def test_changed_redirection_in_tldr_notation_is_reported() -> None:
    found = run(InlineCodeChanged, "`cat {{[-n|--number]}} {{file}} >> {{out}}`",
                "`cat -n {{datei}} > {{aus}}`")
    assert [d.code for d in found] == ["C501"]
    assert "differs" in found[0].message


TREE = "- Print files up to `num` levels of depth:\n\n`tree -L {{num}}`"


def test_span_naming_a_placeholder_may_be_localized() -> None:
    assert run(InlineCodeChanged, TREE,
               "- Zeige Dateien bis zu `anzahl` Ebenen tief:\n\n`tree -L {{anzahl}}`") == []


def test_span_naming_a_placeholder_dropped_is_only_info() -> None:
    found = run(InlineCodeChanged, TREE, "- Mostra arquivos até 'num' níveis:\n\n`tree -L {{num}}`")
    assert [(d.code, d.severity.value) for d in found] == [("C501", "info")]


TABLE = """\
| Library | Name |
| --- | --- |
| Elastic Job | `apache-elasticjob` |
| Shenyu | `apache-shenyu` |
| Redis | `redisson` |
"""


def test_exact_matches_are_consumed_before_close_ones() -> None:
    found = run(InlineCodeChanged, TABLE,
                "| Bibliothèque | Nom |\n| --- | --- |\n| Shenyu | `apache-shenyu` |\n| Redis | `redisson` |\n")
    assert [d.message for d in found] == ['inline code "apache-elasticjob" (en:3) is missing']


def test_changed_row_is_reported_once() -> None:
    found = run(InlineCodeChanged, TABLE, TABLE.replace("`redisson`", "`redis-client`"))
    assert [d.message for d in found] == [
        'inline code "redis-client" differs from the source "redisson" (en:5)']


def test_a_plain_word_put_in_the_translations_words_is_only_info() -> None:
    from l10ncheck.diagnostics import Severity

    source = "- Read from `stdin` and print:\n\n`cat -`\n"
    found = run(InlineCodeChanged, source, {"es": "- Leer de la entrada estándar e imprimir:\n\n`cat -`\n"})
    assert [d.severity for d in found] == [Severity.INFO]
    # Written without backticks, or a word the commands use: a warning as before.
    found = run(InlineCodeChanged, source, {"es": "- Leer de stdin e imprimir:\n\n`cat -`\n"})
    assert [d.severity for d in found] == [Severity.WARNING]
    found = run(InlineCodeChanged, "- Use `cat` here:\n\n`cat -`\n", {"es": "- Usar esto:\n\n`cat -`\n"})
    assert [d.severity for d in found] == [Severity.WARNING]


def test_several_plain_words_gone_from_one_block_are_dropped_content() -> None:
    from l10ncheck.diagnostics import Severity

    source = "- Some subcommands such as `disable` and `reboot` need root:\n\n`sudo systemctl`\n"
    found = run(InlineCodeChanged, source, {"hi": "- कुछ उप-आदेशों को रूट चाहिए:\n\n`sudo systemctl`\n"})
    assert [d.severity for d in found] == [Severity.WARNING, Severity.WARNING]


def test_a_placeholder_name_gone_with_other_spans_is_dropped_content() -> None:
    from l10ncheck.diagnostics import Severity

    source = "- Subcommands such as `status` and `reboot` need root:\n\n`systemctl status {{unit}}`\n"
    found = run(InlineCodeChanged, source, {"hi": "- कुछ उप-आदेशों को रूट चाहिए:\n\n`systemctl status {{इकाई}}`\n"})
    assert [d.severity for d in found] == [Severity.WARNING, Severity.WARNING]


def test_words_set_in_quotes_or_code_of_the_translations_language_are_only_info() -> None:
    from l10ncheck.diagnostics import Severity

    source = "- Show the last `count` lines and refresh every `seconds` seconds:\n\n`tail -n {{10}} -s {{5}}`\n"
    found = run(InlineCodeChanged, source, {"ko": "- 마지막 '개수' 줄을 표시하고 '초'마다 새로 고침:\n\n`tail -n {{10}} -s {{5}}`\n"})
    assert [d.severity for d in found] == [Severity.INFO, Severity.INFO]
    source = "- Run `Control Panel` or `Task Manager`:\n\n`wine {{control|taskmgr}}`\n"
    found = run(InlineCodeChanged, source, {"ko": "- `제어판` 또는 `작업 관리자` 실행:\n\n`wine {{control|taskmgr}}`\n"})
    assert [d.severity for d in found] == [Severity.INFO, Severity.INFO]


def test_lost_backticks_are_reported_as_lost_formatting() -> None:
    found = run(InlineCodeChanged, "Reset `HEAD` to the last commit.", {"fr": "Réinitialise HEAD au dernier commit."})
    assert [(d.severity.value, d.message) for d in found] == [
        ("warning", 'inline code "HEAD" (en:1) lost its code formatting: the translation writes it as plain text')]


def test_a_name_spelled_otherwise_is_only_info() -> None:
    from l10ncheck.diagnostics import Severity

    # A word changed into another is not told apart from a mistyped identifier.
    found = run(InlineCodeChanged, "Create a `Service` first.", {"nl": "Maak eerst een `Servicex`."})
    assert [d.severity for d in found] == [Severity.WARNING]
    found = run(InlineCodeChanged, "Enable `nix-command` first.", {"zh": "首先启用 `nix command`。"})
    assert [d.severity for d in found] == [Severity.INFO]
    # An option's case is its meaning.
    found = run(InlineCodeChanged, "Pass `-s` to it.", {"de": "Übergib `-S` daran."})
    assert [d.severity for d in found] == [Severity.WARNING]


def test_the_pages_own_command_left_implied_is_only_info() -> None:
    from l10ncheck.api import check_documents
    from l10ncheck.diagnostics import Severity

    src = "- Scans need root when `nmap` is run:\n\n`sudo nmap {{host}}`\n"
    tgt = "- Le scansioni richiedono i privilegi di root:\n\n`sudo nmap {{host}}`\n"
    found = check_documents("common/nmap", "en", {"en": ("en.md", src), "it": ("it.md", tgt)},
                            [InlineCodeChanged()])
    assert [d.severity for d in found] == [Severity.INFO]
    found = check_documents("common/other", "en", {"en": ("en.md", src), "it": ("it.md", tgt)},
                            [InlineCodeChanged()])
    assert [d.severity for d in found] == [Severity.WARNING]


def test_a_word_inside_a_url_is_not_the_span_written_plain() -> None:
    found = run(InlineCodeChanged, "Run `nmap` as root. More: <https://nmap.org/book>.",
                {"it": "Eseguire come root. Altro: <https://nmap.org/book>."})
    assert [d.message for d in found] == ['inline code "nmap" (en:1) is missing']


def test_a_span_twice_in_the_source_is_missing_where_it_was_lost() -> None:
    source = "> Search for extended `regex`es in files.\n> See also: `grep`, `regex`.\n"
    found = run(InlineCodeChanged, source, {"bg": "> Търсене във файлове.\n> Виж също: `grep`, `regex`.\n"})
    assert len(found) == 1 and where(found[0]) == (1, 3) and "(en:1)" in found[0].message


def test_localized_words_of_quoted_sample_text_are_only_info() -> None:
    from l10ncheck.diagnostics import Severity

    source = "- Replace apple with APPLE:\n\n`{{command}} | sed 's/(apple)/\\U\\1/g'`\n"
    found = run(InlineCodeChanged, source, {"pl": "- Zamień jabłko na JABŁKO:\n\n`{{komenda}} | sed 's/(jabłko)/\\U\\1/g'`\n"})
    assert [d.severity for d in found] == [Severity.INFO]
    # A changed flag or expression syntax is not sample text.
    found = run(InlineCodeChanged, source, {"pl": "- Zamień:\n\n`{{komenda}} | sed 's/(jabłko)/\\U\\1/'`\n"})
    assert [d.severity for d in found] == [Severity.WARNING]
    found = run(InlineCodeChanged, "- Find text files:\n\n`find . -name '*.txt'`\n",
                {"pl": "- Znajdź pliki:\n\n`find . -name '*.md'`\n"})
    assert [d.severity for d in found] == [Severity.WARNING]


def test_a_command_set_apart_in_a_code_block_is_not_lost() -> None:
    source = "# Scripts\n\nTo list available NPM scripts, run `npm run`. Then pick one.\n\nMore text follows here.\n"
    translation = "# 脚本\n\n要列出可用的 NPM 脚本，请运行：\n\n```sh\nnpm run\n```\n\n更多文字在这里。\n"
    assert run(InlineCodeChanged, source, {"zh": translation}) == []


def test_a_language_placeholder_filled_with_the_translations_own_code_is_fine() -> None:
    source = "Put it in `layouts/_shortcodes/xx`, where `xx` is your language code."
    assert run(InlineCodeChanged, source, {"pt": "Coloque em `layouts/_shortcodes/pt`, onde `pt` é o código."}) == []
    found = run(InlineCodeChanged, source, {"pt": "Coloque em `layouts/_shortcodes/es`, onde `es` é o código."})
    assert len(found) == 2


def test_a_sample_value_written_as_a_placeholder_is_only_info() -> None:
    from l10ncheck.diagnostics import Severity

    source = "- Find files containing `string`:\n\n`ag string`\n"
    found = run(InlineCodeChanged, source, {"fr": "- Trouve les fichiers contenant \"foo\" :\n\n`ag {{foo}}`\n"})
    assert Severity.WARNING not in [d.severity for d in found if "differs" in d.message]
    # A subcommand the description does not name is not a sample value.
    found = run(InlineCodeChanged, "- Commit:\n\n`git commit`\n", {"fr": "- Commit :\n\n`git {{message}}`\n"})
    assert [d.severity for d in found] == [Severity.WARNING]


def test_a_qualified_name_is_the_same_span() -> None:
    assert run(InlineCodeChanged, "Call `get()` once.", {"zh": "调用一次 `GlobalOpenTelemetry.get()`。"}) == []


def test_short_options_spelled_out_through_the_pages_mnemonics_are_the_same() -> None:
    source = ("- [S]ynchronize and display [i]nformation about a package:\n\n`pacman -Si {{package}}`\n\n"
              "- Update all packages (sys[u]pgrade) after a refresh ([y]):\n\n`sudo pacman -Syu`\n")
    translation = ("- Afficher des informations sur un paquet :\n\n`pacman --sync --info {{paquet}}`\n\n"
                   "- Mettre à jour tous les paquets :\n\n`sudo pacman --sync --refresh --sysupgrade`\n")
    assert run(InlineCodeChanged, source, {"fr": translation}) == []
    # A long option the mnemonics do not name is another option.
    assert len(run(InlineCodeChanged, source, {"fr": translation.replace("--info", "--list")})) == 1


def test_a_sample_value_named_in_a_description_and_renamed_everywhere_is_only_info() -> None:
    from l10ncheck.diagnostics import Severity

    source = "- Find files containing `string` in `file_name`:\n\n`ag string -G file_name`\n"
    translation = "- Encontra arquivos contendo \"foo\" em \"bar\":\n\n`ag {{foo}} -G {{bar}}`\n"
    found = run(InlineCodeChanged, source, {"pt": translation})
    assert found and all(d.severity is Severity.INFO for d in found)


def test_a_lost_sudo_is_named() -> None:
    found = run(InlineCodeChanged, "`sudo mkfs.fat {{/dev/sdb1}}`\n", {"es": "`mkfs.fat {{/dev/sdb1}}`\n"})
    assert [d.message for d in found] == [
        'inline code "mkfs.fat {{/dev/sdb1}}" lacks the "sudo" of the source\'s "sudo mkfs.fat {{/dev/sdb1}}" (en:1)']


def test_quoted_sample_text_in_another_language_and_word_count_is_only_info() -> None:
    from l10ncheck.diagnostics import Severity

    source = "- Print as `printf` does:\n\n`print -f \"%s is %d years old.\\n\" \"Alice\" 30`\n"
    for lang, command in (("es", 'print -f "%s tiene %d años.\\n" "Alice" 30'),
                          ("zh", 'print -f "%s 今年 %d 岁了。\\n" "小明" 30'),
                          ("id", 'print -f "%s berumur %d tahun.\\n" "Alice" 30')):
        found = run(InlineCodeChanged, source, {lang: f"- Imprime como `printf`:\n\n`{command}`\n"})
        assert [d.severity for d in found] == [Severity.INFO], lang
    # Words in an awk program's strings are sample text; the program is code.
    awk = "- Match:\n\n`awk '{if ($1 == \"foo\") print \"Exact match\"}' {{file}}`\n"
    found = run(InlineCodeChanged, awk, {"uk": "- Збіг:\n\n`awk '{if ($1 == \"foo\") print \"Точний збіг\"}' {{файл}}`\n"})
    assert [d.severity for d in found] == [Severity.INFO]


def test_quoted_sample_text_with_a_typo_or_changed_code_is_a_warning() -> None:
    from l10ncheck.diagnostics import Severity

    def severities(source: str, command: str) -> list[Severity]:
        return [d.severity for d in run(InlineCodeChanged, f"- Do it:\n\n`{source}`\n", {"es": f"- Hazlo:\n\n`{command}`\n"})]

    assert severities('grep "error" {{file}}', 'grep "eror" {{archivo}}') == [Severity.WARNING]
    assert severities('print -f "%s is %d years old.\\n"', 'print -f "%s tiene años.\\n"') == [Severity.WARNING]
    assert severities('print "Line 1"', 'print "Línea 2"') == [Severity.WARNING]
    assert severities("awk '{if ($1 == \"foo\") print \"Exact\"}'", "awk '{si ($1 == \"foo\") print \"Exacto\"}'") == [Severity.WARNING]
    assert severities('alias rm="rm -i"', 'alias rm="rm --interactive"') == [Severity.WARNING]
    # A key, or a selector's value after its key, is code.
    assert severities('log \'{"color": "red"}\'', 'log \'{"cor": "vermelho"}\'') == [Severity.WARNING]
    assert severities("htmlq 'p:first-of-type'", "htmlq 'p:primero-de-tipo'") == [Severity.WARNING]
    assert severities('log {"color": "red"}', 'log {"color": "vermelho"}') == [Severity.INFO]


def test_an_unbraced_argument_word_of_a_description_put_in_words_is_only_info() -> None:
    from l10ncheck.diagnostics import Severity

    source = "> Unmount it first with `umount device`.\n\n- Show it:\n\n`dumpe2fs {{/dev/sdXN}}`\n"
    found = run(InlineCodeChanged, source, {"ko": "> 먼저 `umount 장치`로 해제하세요.\n\n- 표시:\n\n`dumpe2fs {{/dev/sdXN}}`\n"})
    assert [d.severity for d in found] == [Severity.INFO]
    # A typo, another command, or a word the page's commands use: a warning.
    for changed in ("umount devise", "mount 장치", "umount -f"):
        found = run(InlineCodeChanged, source, {"fr": f"> Démontez-la avec `{changed}`.\n\n- Afficher :\n\n`dumpe2fs {{{{/dev/sdXN}}}}`\n"})
        assert [d.severity for d in found] == [Severity.WARNING], changed
    found = run(InlineCodeChanged, "> Use `git pull`.\n\n- Pull:\n\n`git pull`\n\n- Push:\n\n`git push`\n",
                {"es": "> Usa `git push`.\n\n- Pull:\n\n`git pull`\n\n- Push:\n\n`git push`\n"})
    assert [d.severity for d in found] == [Severity.WARNING]


def test_an_examples_language_code_set_to_the_translations_own_is_only_info() -> None:
    from l10ncheck.diagnostics import Severity

    source = "The path becomes `/ja/docs/some-page` on a Japanese page."
    found = run(InlineCodeChanged, source, {"pt": "O caminho vira `/pt/docs/some-page` numa página em português."})
    assert [d.severity for d in found] == [Severity.INFO]
    # Another language's code, or the source's own tree replaced: a warning.
    found = run(InlineCodeChanged, source, {"pt": "O caminho vira `/es/docs/some-page` numa página."})
    assert [d.severity for d in found] == [Severity.WARNING]
    found = run(InlineCodeChanged, "Edit `content/en/blog/post.md`.", {"pt": "Edite `content/pt/blog/post.md`."})
    assert [d.severity for d in found] == [Severity.WARNING]


def test_a_name_marked_as_the_readers_own_may_be_localized() -> None:
    source = "Open `https://github.com/YOUR_GITHUB_ID/site` in a browser."
    assert run(InlineCodeChanged, source, {"pt": "Abra `https://github.com/SEU_ID_GITHUB/site` no navegador."}) == []
    # Another shape, or a change outside the name: still reported.
    assert len(run(InlineCodeChanged, source, {"pt": "Abra `https://github.com/seu id/site` no navegador."})) == 1
    assert len(run(InlineCodeChanged, source, {"pt": "Abra `https://gitlab.com/SEU_ID_GITHUB/site` no navegador."})) == 1


def test_an_option_written_long_for_short_is_only_info() -> None:
    from l10ncheck.diagnostics import Severity

    source = "- Remove a file, asking first:\n\n`rm -i {{path/to/file}}`\n"
    found = run(InlineCodeChanged, source, {
        "de": "- Eine Datei löschen, vorher fragen:\n\n`rm --interactive {{pfad/zu/datei}}`\n",
        "fr": "- Supprimer un fichier en demandant :\n\n`rm --force {{chemin/vers/fichier}}`\n",
    })
    assert [(d.lang, d.severity) for d in found] == [("de", Severity.INFO), ("fr", Severity.WARNING)]


def test_a_repeated_span_named_once_in_running_text_is_only_info() -> None:
    from l10ncheck.diagnostics import Severity

    source = "Run `kubectl port-forward` for each service; each use of `kubectl port-forward` blocks."
    found = run(InlineCodeChanged, source, {"zh": "为每个服务运行 `kubectl port-forward`；每次端口转发都会阻塞。"})
    assert [d.severity for d in found] == [Severity.INFO] and "refer back" in found[0].message
    # Gone entirely, or written again without backticks: a warning as before.
    found = run(InlineCodeChanged, source, {"zh": "为每个服务转发端口；每次端口转发都会阻塞。"})
    assert [d.severity for d in found] == [Severity.WARNING] and found[0].message.endswith("is missing")
    found = run(InlineCodeChanged, source, {"zh": "运行 `kubectl port-forward`；每次 kubectl port-forward 都会阻塞。"})
    assert [d.severity for d in found] == [Severity.WARNING] and "code formatting" in found[0].message


def test_a_repeated_span_short_in_a_table_is_a_missing_row() -> None:
    from l10ncheck.diagnostics import Severity

    source = "| Command | Use |\n| --- | --- |\n| `kubectl port-forward` | one |\n| `kubectl port-forward` | two |\n"
    found = run(InlineCodeChanged, source, {"zh": "| 命令 | 用途 |\n| --- | --- |\n| `kubectl port-forward` | 一 |\n"})
    assert [d.severity for d in found] == [Severity.WARNING]


def test_a_repeated_span_short_by_a_dropped_sentence_is_a_warning() -> None:
    from l10ncheck.diagnostics import Severity

    source = "> Find patterns using `regex`es.\n> Note: an alias of `grep -E`.\n> See also: `regex`.\n"
    found = run(InlineCodeChanged, source, {"de": "> Ein Alias von `grep -E`.\n> Siehe auch: `regex`.\n"})
    assert [d.severity for d in found] == [Severity.WARNING]


def test_two_spans_of_one_shape_are_not_a_repeated_span() -> None:
    from l10ncheck.diagnostics import Severity

    source = "> `<Esc>` or `<Ctrl c>` goes back to normal mode."
    found = run(InlineCodeChanged, source, {"ko": "> `<Esc>`를 누르면 일반 모드로 돌아갑니다."})
    assert [d.severity for d in found] == [Severity.WARNING]


def test_a_name_written_plain_and_capitalized_lost_its_formatting() -> None:
    found = run(InlineCodeChanged, "> An enhanced `pico` clone.", {"fr": "> Un clone amélioré de Pico."})
    assert [d.code for d in found] == ["C501"] and "lost its code formatting" in found[0].message
    # An option's case is its meaning: `-S` written "-s" is not the same option.
    found = run(InlineCodeChanged, "Use `-S` here.", {"fr": "Utilisez -s ici."})
    assert "lost its code formatting" not in found[0].message


_COMPOUND_SOURCE = ("The resource uses `otlp` with the `http/protobuf` protocol. The endpoint must"
                    " receive OTLP over `http` via `protobuf` payloads.\n")


def test_neighbour_spans_written_as_their_compound_are_only_info() -> None:
    found = run(InlineCodeChanged, _COMPOUND_SOURCE, {
        "ja": "リソースは `http/protobuf` プロトコルで `otlp` を使用します。"
              "エンドポイントは `http/protobuf` 経由でOTLPを受信できる必要があります。\n"})
    assert [d.severity.value for d in found] == ["info", "info"]
    assert all('as "http/protobuf"' in d.message for d in found)


def test_a_compound_the_source_block_does_not_write_is_a_warning() -> None:
    source = _COMPOUND_SOURCE.replace("the `http/protobuf` protocol", "its default protocol")
    found = run(InlineCodeChanged, source, {
        "ja": "リソースは既定のプロトコルで `otlp` を使用します。"
              "エンドポイントは `http/protobuf` 経由でOTLPを受信できる必要があります。\n"})
    assert ("warning", True) in [(d.severity.value, "differs" in d.message) for d in found]
    # Nor spans of two sentences, though the source writes the compound.
    source = _COMPOUND_SOURCE.replace("over `http` via `protobuf` payloads.",
                                      "over `http`. It carries `protobuf` payloads.")
    found = run(InlineCodeChanged, source, {
        "ja": "リソースは `http/protobuf` プロトコルで `otlp` を使用します。"
              "エンドポイントは `http/protobuf` 経由でOTLPを受信します。ペイロードもです。\n"})
    assert ("warning", True) in [(d.severity.value, "differs" in d.message) for d in found]


FFMPEG = ("- Combine numbered images (`frame_1.jpg`, `frame_2.jpg`, etc) into a video:\n\n"
          "`ffmpeg -i {{path/to/frame_%d.jpg}} {{video.mpg}}`\n")


def _ffmpeg(description: str, command: str, tail: str = "") -> list[str]:
    """The severities of C501 for a translated FFMPEG example (``tail``: more of the page)."""
    found = run(InlineCodeChanged, FFMPEG + ("\n- Start the client:\n\n`frpc`\n" if tail else ""),
                {"xx": f"- {description}:\n\n`ffmpeg -i {command} {{{{video.mpg}}}}`\n{tail}"})
    return [d.severity.value for d in found]


def test_a_sample_name_localized_as_the_translated_command_has_it_is_only_info() -> None:
    assert _ffmpeg("Combina imagens (`quadro_1.jpg`, `quadro_2.jpg`, etc)",
                   "{{caminho/para/quadro_%d.jpg}}") == ["info", "info"]
    assert _ffmpeg("छविहरू (`फ्रेम_1.jpg`, `फ्रेम_2.jpg`, आदि) जोड्नुहोस्", "{{फ्रेम_%d.jpg}}") == ["info", "info"]
    assert _ffmpeg("이미지(`프레임_1.jpg`, `프레임_2.jpg` 등)를 합치기", "{{경로/프레임_%d.jpg}}") == ["info", "info"]
    # An option of the command that has the sample's word is not the sample kept.
    found = run(InlineCodeChanged, "- Split into `chunk001.pdf`:\n\n`cpdf -o {{chunk%%%.pdf}} -chunk 10`\n",
                {"es": "- Divide en `fragmento001.pdf`:\n\n`cpdf -o {{fragmento%%%.pdf}} -chunk 10`\n"})
    assert [d.severity.value for d in found] == ["info"]
    # In a header, in another script (a lost span, paired all the same): any command of the page.
    source = ("# rsync\n\n> Use `user@host:path/to/file`.\n\n- Transfer a file:\n\n"
              "`rsync {{path/to/source}} {{host}}:{{path/to/destination}}`\n")
    found = run(InlineCodeChanged, source, {
        "ru": "# rsync\n\n> Используйте `пользователь@хост:путь/к/файлу`.\n\n"
              "- Передать файл:\n\n`rsync {{путь/к/источнику}} {{хост}}:{{путь/к/цели}}`\n"})
    assert [(d.severity.value, "localized" in d.message) for d in found] == [("info", True)]


def test_a_sample_name_its_command_does_not_localize_is_a_warning() -> None:
    # The command keeps the source's `frame`: the description and the command disagree.
    assert _ffmpeg("Sequenzia immagini (`foto_1.jpg`, `foto_2.jpg`, ecc)",
                   "{{percorso/del/frame_%d.jpg}}") == ["warning", "warning"]
    assert _ffmpeg("Sequenzia immagini (`foto_1.jpg`, `foto_2.jpg`, ecc)",
                   "{{cartella/foto/frame_%d.jpg}}") == ["warning", "warning"]
    # A word of the source page's code (`frpc`, another program of the page).
    assert _ffmpeg("Combine des images (`frpc_1.jpg`, `frpc_2.jpg`, etc)", "{{chemin/frpc_%d.jpg}}",
                   "\n- Démarrer le client :\n\n`frpc`\n") == ["warning", "warning"]
    # A Latin name on a Korean page: an old sample, not a localized one.
    assert _ffmpeg("이미지(`foo_1.jpg`, `foo_2.jpg` 등)를 합치기", "{{경로/foo_%d.jpg}}") == ["warning", "warning"]
    # An option is no sample name.
    found = run(InlineCodeChanged, "- Write `--out=frame_1.jpg`:\n\n`tool --out={{frame_%d.jpg}}`\n",
                {"fr": "- Écrire `--sortie=cadre_1.jpg` :\n\n`tool --sortie={{cadre_%d.jpg}}`\n"})
    assert "warning" in [d.severity.value for d in found if "--sortie=cadre_1.jpg" in d.message]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["ls", "-a", "{}", "cd {}"]), max_size=8), st.data())
def test_the_same_spans_in_the_same_order_leave_none_over(keys: list[str], data: st.DataObject) -> None:
    """What lets check() skip a block whose spans are the source's: _exact pairs them all,
    wherever they stand in either block."""
    places = st.lists(st.floats(0, 1), min_size=len(keys), max_size=len(keys))
    left, spare = _exact(keys, keys, data.draw(places), data.draw(places))
    assert left == [] and spare == []
