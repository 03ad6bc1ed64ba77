"""The anchors pre-pass: headings found by a line scan, and only the pages links point to."""

from __future__ import annotations

from pathlib import Path

from l10ncheck.anchors import anchor_index, fragment_links, scan
from l10ncheck.site import SiteIndex


def test_scan_finds_atx_setext_explicit_and_html_ids_outside_code() -> None:
    page = scan("""\
# Title

Some `text`
===

```sh
# not a heading
```

## Install **it** {#inst}
### `LOCALIZATION` guidelines {.notranslate lang=en #localization}
## Example
## Example
## Instalación
<a name="old-id"></a>
""")
    assert [(h.line, h.explicit, h.generated) for h in page.headings] == [
        (1, "", "title"), (3, "", "some-text"), (10, "inst", "install-it"),
        (11, "localization", "localization-guidelines"), (12, "", "example"), (13, "", "example"),
        (14, "", "instalación")]
    assert {"inst", "localization", "example-1", "instalacion", "old-id"} <= page.ids
    assert "not-a-heading" not in page.ids


def test_fragment_links() -> None:
    data = b"[a](../x/#y) [b](#local) [c](<y.md#z> \"t\")\n\n[d]: /docs/w/#v\n"
    assert fragment_links(data) == {"../x/#y", "y.md#z", "/docs/w/#v"}


def test_only_linked_pages_are_indexed(tmp_path: Path) -> None:
    files = []
    for lang in ("en", "ja"):
        for slug, text in (("guide", "[x](../install/#linux)\n"), ("install", "## Linux\n"), ("other", "## A\n")):
            path = tmp_path / lang / f"{slug}.md"
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            files.append((lang, slug, str(path)))
    site = SiteIndex({"en": frozenset({"guide", "install", "other"}), "ja": frozenset({"guide", "install", "other"})})
    index = anchor_index(files, site.resolve)
    assert sorted(index) == [("en", "install"), ("ja", "install")]
    assert index[("ja", "install")].has("Linux")


def test_the_pre_pass_indexes_every_linked_page_and_nothing_else(tmp_path: Path) -> None:
    """Its speed is measured in benchmarks/speed.py, never here."""
    files = []
    for i in range(200):
        for lang in ("en", "ja"):
            path = tmp_path / lang / f"p{i}.md"
            path.parent.mkdir(exist_ok=True)
            path.write_text(f"# Page {i}\n\nSee [next](../p{i + 1}/#section).\n\n## Section\n\ntext\n" * 3, encoding="utf-8")
            files.append((lang, f"p{i}", str(path)))
    site = SiteIndex({lang: frozenset(f"p{i}" for i in range(200)) for lang in ("en", "ja")})
    index = anchor_index(files, site.resolve)
    assert len(index) == 2 * 199  # p1..p199 are linked, p0 is not
    assert ("en", "p0") not in index and index[("ja", "p199")].has("section")


def test_the_digest_is_the_same_in_every_process(tmp_path: Path) -> None:
    """The result cache is keyed by it: a digest that followed the hash seed of the process
    would make every warm run a cold one."""
    import os
    import subprocess
    import sys

    page = tmp_path / "page.md"
    page.write_text("# T\n\n## Alpha {#a}\n\n## Beta\n\n## Gamma\n\n<a id=\"x\"></a> <a name=\"y\"></a>\n", encoding="utf-8")
    code = ("import sys; from l10ncheck.anchors import scan, digest; "
            "print(digest({('en', 'p'): scan(open(sys.argv[1], encoding='utf-8').read(), 'p.md')}))")
    out = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out.add(subprocess.run([sys.executable, "-c", code, str(page)], env=env, check=True,
                               capture_output=True, text=True).stdout)
    assert len(out) == 1
