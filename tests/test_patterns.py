"""Pattern layouts: Docusaurus (recognised by itself), VitePress, and custom patterns."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from l10ncheck.cli import main
from l10ncheck.discovery import DiscoveryError, discover

DOC = "# Title\n\nSee [x](https://x.io).\n"


def write(root: Path, rel: str, text: str = DOC) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_docusaurus_site_is_recognised_without_configuration(tmp_path: Path) -> None:
    write(tmp_path, "docs/intro.md")
    write(tmp_path, "docs/guide/setup.md")
    write(tmp_path, "i18n/fr/docusaurus-plugin-content-docs/current/intro.md")
    write(tmp_path, "i18n/pt-BR/docusaurus-plugin-content-docs/current/guide/setup.md")
    found = discover([str(tmp_path)])
    assert found.layout == "docusaurus"
    assert [(a.slug, [f.lang for f in a.files]) for a in found.articles] == [
        ("guide/setup", ["en", "pt-br"]), ("intro", ["en", "fr"])]


def test_vitepress_source_at_the_root(tmp_path: Path) -> None:
    write(tmp_path, "index.md")
    write(tmp_path, "guide/start.md")
    write(tmp_path, "ja/guide/start.md")
    write(tmp_path, "zh/index.md")
    found = discover([str(tmp_path)], layout="vitepress")
    assert [(a.slug, [f.lang for f in a.files]) for a in found.articles] == [
        ("guide/start", ["en", "ja"]), ("index", ["en", "zh"])]


def test_custom_pattern_from_the_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "site/source/page.md")
    write(tmp_path, "site/translated/de/page.md", "# Titel\n\nSiehe [x](https://x.io/y).\n")
    (tmp_path / "l10ncheck.toml").write_text(
        'layout = "pattern"\nsource-pattern = "source/{path}.md"\npattern = "translated/{lang}/{path}.md"\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["site", "--format", "concise", "--no-cache", "--verbose"])
    assert result.exit_code == 1, result.stderr
    assert "site/translated/de/page.md:3:7: L203" in result.stdout
    assert "layout: pattern" in result.stderr


def test_pattern_without_path_placeholder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DiscoveryError):
        discover([str(tmp_path)], layout="pattern", pattern=("docs/x.md", "i18n/{lang}/x.md"))
