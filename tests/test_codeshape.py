from l10ncheck.codeshape import code_key, option_aliases, placeholder_names, same_code


def test_code_key_keeps_its_meaning() -> None:
    assert code_key("tool {{[-l|--live]}}  {{path/to/file}}") == "tool --live {}"


def test_tldr_notation_is_the_same_command() -> None:
    assert same_code("tool {{[-l|--live]}}", "tool -l")
    assert same_code("tool {{[-l|--live]}}", "tool --live")
    assert same_code("git revert HEAD~4", "git revert HEAD~{{4}}")
    assert same_code("ls {{[-a|--all]}} {{[-l|--long]}}", "ls -l -a")
    assert same_code("podman logs {{container1 container2 ...}}", "podman logs {{이름}} {{id}}")
    assert same_code("pacman -S {{package}}", "pacman --sync {{paket}}", option_aliases(["pacman {{[-S|--sync]}}"]))


def test_real_drift_is_not_the_same_command() -> None:
    assert not same_code("cat {{file}} > {{out}}", "cat {{file}} >> {{out}}")
    assert not same_code("nmap {{[-oA|--all]}} {{host}}", "nmap -oN {{host}}")
    assert not same_code('git grep "{{pattern}}"', "git grep {{muster}}")
    assert not same_code("cp {{source}} {{destination}}", "cp {{quelle}}")
    assert not same_code("git revert HEAD~4", "git revert HEAD~{{5}}")


def test_placeholder_names() -> None:
    names = placeholder_names(["tree -L {{num}}", "cfv {{path/to/directory}} {{a|b}}", "x {{[-l|--live]}}"])
    assert {"num", "path/to/directory", "directory", "a", "b"} <= names
    assert "-l" not in names and "--live" not in names


def test_an_option_value_joined_by_equals_or_glued_to_a_short_option_is_the_same() -> None:
    from l10ncheck.codeshape import same_code

    assert same_code("kde-builder --resume-from={{dep}}", "kde-builder --resume-from {{abh}}")
    assert same_code("systemd-analyze plot -T{{svg}}", "systemd-analyze plot -T {{svg}}")
    assert not same_code("kde-builder --resume-from={{dep}}", "kde-builder --resume-after {{dep}}")


def test_windows_switches_ignore_case() -> None:
    from l10ncheck.codeshape import same_code

    assert same_code("dir {{path\\to\\directory}} /a", "dir {{目錄/完整/路徑}} /A")
    assert not same_code("dir {{path\\to\\directory}} /a", "dir {{path\\to\\directory}} /s")


def test_a_placeholder_may_stand_for_the_literal_it_names() -> None:
    assert same_code("xrandr --output {{DP1}} --auto", "xrandr --output DP1 --auto")
    assert same_code("echo {{{1..3}}}", "echo {1..3}")
    assert same_code("echo {{{1..3}}} {{{a..c}}}{{{x,y}}}", "echo {1..3} {a..c}{x,y}")
    assert same_code("pv -EE {{/dev/sda}} > {{path/to/image.img}}", "pv -EE {{/dev/sda}} > image.img")
    assert not same_code("xrandr --output {{DP1}} --auto", "xrandr --output HDMI2 --auto")
    assert not same_code("tool {{path/to/image.img}}", "tool other.img")
    assert not same_code("tool {{value}}", "tool --value")


def test_an_argument_may_split_differently_between_placeholder_and_literal() -> None:
    assert same_code("mosh --server={{path/to/mosh-server}} {{host}}",
                     "mosh --server={{ruta/a/bin/}}mosh-server {{host}}")
    assert same_code("ln -s /{{path/to/file}}", "ln -s {{/ruta/al/archivo}}")
    assert same_code("mpicc {{path/to/file}}.c", "mpicc {{경로/대상/파일.c}}")
    assert not same_code("tar xf {{path/to/file}}.tar.gz", "tar xf {{archivo.zip}}")
    assert same_code("apktool d {{path/to/file}}.apk", "apktool d {{APK ファイルのパス}}")
    assert same_code("aapt list {{path/to/app}}.apk", "aapt list {{ऐप.apk/का/पथ}}")
    assert not same_code("unzip {{path/to/file}}.zip", "unzip {{archivo.rar}}")


def test_option_groups_sharing_an_alternative_are_the_same_option() -> None:
    assert same_code("ip {{[n|neighbour]}} show", "ip {{[n|neighbor]}} show")
    assert not same_code("ip {{[n|neighbour]}} show", "ip {{[r|route]}} show")


def test_a_translation_offering_the_source_word_among_alternatives_is_the_same() -> None:
    assert same_code("protonvpn disconnect", "protonvpn {{d|disconnect}}")
    assert not same_code("ufw {{enable|disable}}", "ufw enable")


def test_joined_placeholders_are_one_argument() -> None:
    assert same_code("role info {{role_name}}", "role info {{사용자명}}.{{역할_이름}}")
    assert not same_code("role info {{role_name}}", "role info {{a}} {{b}}")


def test_a_windows_program_with_or_without_exe_is_the_same() -> None:
    assert same_code("sc.exe query {{service}}", "sc query {{servicio}}")
    assert not same_code("sc.exe query {{service}}", "sc stop {{servicio}}")


def test_a_word_in_single_braces_is_a_placeholder_but_not_a_shell_variable() -> None:
    assert same_code("{verb} {object}", "{verbo} {objeto}")
    assert same_code("{import-path}/otel{package-name}", "{caminho-de-importacao}/otel{nome-do-pacote}")
    assert not same_code("echo ${HOME}", "echo ${HOGAR}")


def test_a_name_marked_as_the_readers_own_is_a_placeholder_of_its_shape() -> None:
    assert code_key("python YOUR_APP.py") == "python {}.py"
    assert same_code("python YOUR_APP.py", "python VOTRE_APP.py")
    assert same_code("--service_name your-service-name", "--service_name votre-nom-de-service")
    assert same_code("content/blog/short-name-for-your-post", "content/blog/nome-do-seu-post")
    # Another case or separator, spaces, or a change beside it: not the same.
    assert not same_code("python YOUR_APP.py", "python votre_app.py")
    assert not same_code("--service_name your-service-name", "--service_name votre_nom")
    assert not same_code("python YOUR_APP.py", "python3 VOTRE_APP.py")
    # A sample name without the "your" mark stays literal.
    assert not same_code("do_work()", "faire_travail()")


def test_placeholder_braces_set_elsewhere_in_one_word_are_the_same_word() -> None:
    from l10ncheck.codeshape import same_code

    assert same_code("wafw00f -{{vv}} {{url}}", "wafw00f -v{{v}} {{url}}")
    assert same_code("git revert -n {{0c01a9}}..{{9a1743}}", "git revert -n {{0c01a9..9a1743}}")
    assert same_code("watch {{'make && make test'}}", "watch '{{make && make test}}'")
    assert not same_code("wafw00f -{{vv}} {{url}}", "wafw00f -v{{vv}} {{url}}")  # a letter more
    assert not same_code("sort {{[-r|--reverse]}}", "sort {{[-r|--reverse}}]")  # a stray brace
    assert not same_code("cmd {{a|b}}c", "cmd {{a}}|bc")  # `|` moved across a brace


def test_an_option_written_short_for_long_is_spelled_otherwise() -> None:
    from l10ncheck.codeshape import spelled_options

    assert spelled_options("rm -i {{file}}", "rm --interactive {{file}}")
    assert spelled_options("ls --recursive", "ls -R")
    assert not spelled_options("rm -i x", "rm --force x")  # another letter: another option
    assert not spelled_options("rm -i x", "rm -f x")
    assert not spelled_options("rm -i x", "rm -i y")


def test_bundled_short_options_against_as_many_long_ones_are_spelled_otherwise() -> None:
    from l10ncheck.codeshape import spelled_options

    assert spelled_options("aura -Syu", "aura --sync --refresh --sysupgrade")
    assert spelled_options("paru --getpkgbuild --print {{package}}", "paru -Gp {{package}}")
    assert not spelled_options("aura -Syu", "aura --sync --refresh")  # one option short
    assert not spelled_options("aura -Syu x", "aura --sync --refresh --sysupgrade y")


def test_a_subcommand_spelled_between_its_short_and_long_form_is_the_same() -> None:
    assert same_code("kubectl label {{[po|pods]}} {{name}} {{key}}={{value}}", "kubectl label pod {{이름}} {{키}}={{값}}")
    assert same_code("asciinema {{[r|record]}} {{path/to/file}}", "asciinema rec {{chemin}}")
    assert not same_code("kubectl label {{[po|pods]}} {{name}}", "kubectl label svc {{name}}")
    assert not same_code("kubectl label {{[po|pods]}} {{name}}", "kubectl label podsx {{name}}")
    assert not same_code("tool {{[-v|--verbose]}}", "tool --verb")  # options stay strict


def test_quoting_that_yields_the_same_shell_word_is_the_same_command() -> None:
    assert same_code('date +"%c"', "date +%c")
    assert same_code('date -u +"%Y-%m-%dT%H:%M:%S%Z"', "date {{[-u|--utc]}} +%Y-%m-%dT%H:%M:%S%Z")
    assert same_code('dc -e "7 k 5 _3 / p"', "dc {{[-e|--expression]}} '7 k 5 _3 / p'")
    assert same_code("locate '*/{{dateiname}}'", 'locate "*/{{filename}}"')


def test_quoting_that_changes_the_shell_word_is_not_the_same_command() -> None:
    assert not same_code("echo '$HOME'", 'echo "$HOME"')  # double quotes expand
    assert not same_code("echo 'hi!'", 'echo "hi!"')  # history expansion
    assert not same_code("aws x --secret-string '{{secret}}'", "aws x --secret-string {{secret}}")
    assert not same_code('locate "*/{{filename}}"', "locate */{{dateiname}}")  # a glob
    assert not same_code('grep "a b" file', "grep a b file")  # one word or two
    assert not same_code('cd "~"', "cd ~")
    assert not same_code('echo ""', "echo")  # an empty argument
    assert not same_code('"ls" -l', "ls -l")  # a quoted command name skips aliases
