from harness import run, where

from l10ncheck.rules.image_source import ImageSourceChanged


def test_other_image_file_is_reported() -> None:
    found = run(ImageSourceChanged, "Open the settings:\n\n![Network settings](img/bsc-settings.png)\n",
                "設定を開きます。\n\n![ネットワーク設定](img/eth-settings.png)\n")
    assert [d.code for d in found] == ["C504"]
    assert where(found[0]) == (3, 1)
    assert "img/eth-settings.png" in found[0].message


def test_localized_screenshot_is_fine() -> None:
    assert run(ImageSourceChanged, "Open the settings:\n\n![Network settings](/en/img/settings.png)\n", {
        "ja": "設定を開きます。\n\n![ネットワーク設定](/ja/img/settings.png)\n",
        "ru": "Откройте настройки:\n\n![Настройки сети](/ru/img/settings.png)\n",
    }) == []
