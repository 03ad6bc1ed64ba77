from harness import run, where

from l10ncheck.rules.bold_coverage import BoldCoverage

SOURCE = "**Not all assets can be moved freely between all chains.**"


def test_bold_that_shrinks_to_a_few_words_is_reported() -> None:
    found = run(BoldCoverage, SOURCE,
                "**Bukan semua aset** boleh dipindahkan secara bebas antara semua rantaian.")
    assert [d.code for d in found] == ["E303"]
    assert where(found[0]) == (1, 1)
    assert '"Bukan semua aset" covers' in found[0].message


def test_bold_over_the_whole_translated_sentence_is_fine() -> None:
    assert run(BoldCoverage, SOURCE, {
        "ms": "**Bukan semua aset boleh dipindahkan secara bebas antara semua rantaian.**",
        "ru": "**Не все активы можно свободно перемещать между всеми сетями.**",
    }) == []


def test_bold_kept_verbatim_in_a_shorter_cjk_sentence_is_fine() -> None:
    # The name is as long as in English while the Chinese and Japanese around it are 2-3
    # times shorter in characters: the same bold, not a bold that grew.
    assert run(BoldCoverage, "Use the **Logs Bridge API** to connect your existing logging libraries.", {
        "zh": "使用 **Logs Bridge API** 连接现有的日志库。",
        "ja": "既存のログライブラリを **logs bridge  API** で接続します。",
    }) == []
    # However much of the sentence is left out around it, the same bold stresses the same words.
    assert run(BoldCoverage, "Click **Edit this page** in the upper-right corner of the page you want to change.",
               {"zh": "点击 **Edit this page**。"}) == []


def test_translated_bold_is_measured_alike_in_every_script() -> None:
    # Seven Han characters say what 31 Latin letters say: the bold covers the same words.
    assert run(BoldCoverage, "**For package-managed installations** (apt-get/yum), add to `/etc/tomcat/tomcat.conf`:",
               {"zh": "**对于包管理安装**（apt-get/yum），添加到 `/etc/tomcat/tomcat.conf`："}) == []


def test_bold_that_grows_or_shrinks_across_scripts_is_reported() -> None:
    grew = run(BoldCoverage, "**Do not work from the `main`** branch of your fork, but create a PR-specific branch.",
               {"zh": "**不要直接使用 Fork 的 `main` 分支**，请新建分支。"})
    assert [(d.code, d.lang) for d in grew] == [("E303", "zh")]
    shrank = run(BoldCoverage, "**Back up your recovery phrase before you continue.**", {
        "ko": "계속하기 전에 복구 문구를 **백업**하세요.",
        "ja": "続行する前に、リカバリーフレーズを**バックアップ**してください。",
    })
    assert sorted(d.lang for d in shrank) == ["ja", "ko"]
