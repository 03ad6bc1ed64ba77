from harness import where

from l10ncheck.api import check_documents
from l10ncheck.frontmatter import parse_front_matter
from l10ncheck.loading import decode
from l10ncheck.rules.front_matter import FrontMatterDrift

SOURCE = "---\ntitle: Install\nweight: 20\naliases: [/install]\ntags: [setup]\n---\n\n# Install\n\nText.\n"


def findings(translation: str) -> list:  # type: ignore[type-arg]
    texts = {"en": decode(SOURCE.encode()), "ja": decode(translation.encode())}
    fronts = {lang: parse_front_matter(t.front_matter, t.front_matter_format, t.front_matter_line)
              for lang, t in texts.items()}
    docs = {lang: (f"{lang}.md", t.body) for lang, t in texts.items()}
    return check_documents("a", "en", docs, [FrontMatterDrift()], (), None, fronts)


def test_changed_weight_and_missing_alias_are_reported() -> None:
    found = sorted(findings("---\ntitle: インストール\nweight: 30\ntags: [設定]\n---\n\n# インストール\n\nテキスト。\n"),
                   key=lambda d: d.location.line)
    assert [(d.code, where(d), d.severity.value) for d in found] == [
        ("S111", (2, 1), "warning"),  # aliases missing
        ("S111", (3, 1), "warning"),  # weight changed
    ]
    assert '"30"' in found[1].message and '"20"' in found[1].message


def test_translated_values_and_bookkeeping_keys_are_fine() -> None:
    assert findings(
        "---\ntitle: インストール\nweight: 20\naliases: [/install/]\ntags: [設定]\n"
        "default_lang_commit: abc123\n---\n\n# インストール\n\nテキスト。\n") == []


def test_toml_front_matter_and_broken_yaml() -> None:
    toml = "+++\ntitle = 'x'\nweight = 20\naliases = ['/install']\ntags = ['a']\n+++\n\n# X\n\nY.\n"
    assert findings(toml) == []
    broken = findings("---\ntitle: [unclosed\n---\n\n# X\n\nY.\n")
    assert [d.severity.value for d in broken] == ["error"] and "does not parse" in broken[0].message
