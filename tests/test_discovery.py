from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from l10ncheck.discovery import Discovery, DiscoveryError, Skipped, discover

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def build(root: Path, *files: str) -> Path:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# x\n", encoding="utf-8")
    return root


def summary(found: Discovery) -> dict[str, list[str]]:
    return {a.slug: [f.lang for f in a.files] for a in found.articles}


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- layouts -----------------------------------------------------------------------------


def test_article_dir(in_tmp: Path) -> None:
    build(in_tmp, "articles/README.md", "articles/a/en.md", "articles/a/ru.md", "articles/b/en.md")
    build(in_tmp, "articles/b/nl.markdown", "articles/c/fr.md")  # c: an orphan translation
    found = discover(["articles"])
    assert found.layout == "article-dir"
    assert summary(found) == {"a": ["en", "ru"], "b": ["en", "nl"], "c": ["fr"]}
    assert found.articles[0].files[1].path == "articles/a/ru.md"
    assert found.articles[1].get("NL") is not None and found.articles[1].get("de") is None
    assert found.languages == ("en", "fr", "nl", "ru")


def test_sample_articles_in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    found = discover(["articles"])
    assert summary(found) == {"using-metamask-with-binance": ["en", "ms", "nl", "ru"]}
    assert found.articles[0].files[0].path == "articles/using-metamask-with-binance/en.md"


def test_lang_dir_below_the_checked_root(in_tmp: Path) -> None:
    build(in_tmp, "site/content/en/docs/install.md", "site/content/en/_index.md")
    build(in_tmp, "site/content/ja/docs/install.md", "site/content/pt-BR/docs/install.md")
    build(in_tmp, "site/content/ja/old.md", "site/README.md", "site/layouts/x.md")
    found = discover(["site"])
    assert found.layout == "lang-dir"
    assert summary(found) == {
        "_index": ["en"],
        "docs/install": ["en", "ja", "pt-br"],
        "old": ["ja"],
    }
    assert found.articles[1].get("pt-br").path == "site/content/pt-BR/docs/install.md"  # type: ignore[union-attr]


def test_two_containers_get_prefixed_slugs(in_tmp: Path) -> None:
    build(in_tmp, "a/en/index.md", "a/fr/index.md", "b/en/index.md", "b/de/index.md")
    assert summary(discover(["."])) == {"a/index": ["en", "fr"], "b/index": ["en", "de"]}


def test_short_words_are_not_language_folders(in_tmp: Path) -> None:
    build(in_tmp, "docs/my/a.md", "docs/to/a.md", "docs/is/a.md", "docs/api/a.md")
    found = discover(["docs"])
    assert found.articles == () and found.layout == "none"


def test_lang_suffix(in_tmp: Path) -> None:
    build(in_tmp, "docs/guide.en.md", "docs/guide.fr.md", "docs/setup.md", "docs/setup.zh-Hans.md")
    build(in_tmp, "docs/README.md", "docs/v1.2.md")
    found = discover(["docs"])
    assert found.layout == "lang-suffix"
    assert summary(found) == {"guide": ["en", "fr"], "setup": ["en", "zh-hans"]}
    assert found.articles[1].files[0].path == "docs/setup.md"


def test_lang_dir_suffix(in_tmp: Path) -> None:
    build(in_tmp, "pages/common/tar.md", "pages.ko/common/tar.md", "pages.pt_BR/common/tar.md")
    build(in_tmp, "pages/linux/ls.md", "pages.ko/linux/apt.md", "LICENSE.md")
    found = discover(["."])
    assert found.layout == "lang-dir-suffix"
    assert summary(found) == {
        "common/tar": ["en", "ko", "pt-br"],
        "linux/apt": ["ko"],
        "linux/ls": ["en"],
    }


def test_mixed_layouts(in_tmp: Path) -> None:
    build(in_tmp, "help/a/en.md", "help/a/de.md", "site/en/x.md", "site/de/x.md")
    assert discover(["."]).layout == "mixed"


def test_forced_layout(in_tmp: Path) -> None:
    build(in_tmp, "docs/en/x.md", "docs/guide.en.md", "docs/guide.fr.md")
    assert summary(discover(["docs"], layout="lang-suffix")) == {"guide": ["en", "fr"]}
    with pytest.raises(DiscoveryError, match="unknown layout"):
        discover(["docs"], layout="flat")


def test_other_source_language(in_tmp: Path) -> None:
    build(in_tmp, "c/de/x.md", "c/en/x.md", "c/en/y.md")
    found = discover(["c"], source_lang="DE")
    assert found.source_lang == "de" and found.languages == ("de", "en")
    assert summary(found) == {"x": ["de", "en"], "y": ["en"]}


# -- file and sub-folder arguments --------------------------------------------------------


def test_file_argument_brings_its_article(in_tmp: Path) -> None:
    build(in_tmp, "a/x/en.md", "a/x/ru.md", "a/y/en.md")
    build(in_tmp, "c/en/d/p.md", "c/ja/d/p.md", "c/ja/d/q.md")
    build(in_tmp, "s/g.md", "s/g.fr.md", "t/pages/p.md", "t/pages.ko/p.md")
    assert summary(discover(["a/x/ru.md"])) == {"x": ["en", "ru"]}
    assert summary(discover(["c/ja/d/p.md"])) == {"d/p": ["en", "ja"]}
    assert summary(discover(["s/g.md"])) == {"g": ["en", "fr"]}
    assert summary(discover(["t/pages.ko/p.md"])) == {"p": ["en", "ko"]}
    assert discover(["c/ja/d/p.md"]).articles[0].files[0].path == "c/en/d/p.md"


def test_file_argument_that_fits_no_layout(in_tmp: Path) -> None:
    build(in_tmp, "README.md", "notes.txt")
    found = discover(["README.md", "notes.txt"])
    assert found.articles == ()
    assert [s.path for s in found.skipped] == ["README.md", "notes.txt"]


def test_folder_inside_a_language_folder(in_tmp: Path) -> None:
    build(in_tmp, "c/en/docs/a.md", "c/en/docs/b.md", "c/ja/docs/a.md", "c/en/blog/z.md")
    build(in_tmp, "c/ja/docs/orphan.md")
    assert summary(discover(["c/ja/docs"])) == {"docs/a": ["en", "ja"], "docs/orphan": ["ja"]}
    assert summary(discover(["c/en/docs"])) == {"docs/a": ["en", "ja"], "docs/b": ["en"]}


def test_overlapping_arguments_are_merged(in_tmp: Path) -> None:
    build(in_tmp, "c/en/a.md", "c/fr/a.md")
    assert summary(discover(["c", "c/fr/a.md", "c"])) == {"a": ["en", "fr"]}


def test_equal_slugs_from_two_trees_stay_apart(in_tmp: Path) -> None:
    build(in_tmp, "one/en/a.md", "one/fr/a.md", "two/en/a.md", "two/de/a.md")
    assert summary(discover(["one", "two"])) == {"one/a": ["en", "fr"], "two/a": ["en", "de"]}


def test_paths_outside_the_working_directory_are_shown_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(tmp_path, "repo/x/en.md", "repo/x/de.md", "elsewhere/.keep")
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert discover(["../repo"]).articles[0].files[0].path == "../repo/x/en.md"
    absolute = str(tmp_path / "repo")
    assert discover([absolute]).articles[0].files[0].path == f"{absolute}/x/en.md".replace(
        os.sep, "/"
    )


def test_missing_path() -> None:
    with pytest.raises(DiscoveryError, match="path not found: no/such/dir"):
        discover(["no/such/dir"])


def test_empty_tree(in_tmp: Path) -> None:
    found = discover(["."])
    assert found == Discovery("none", "en", (), (), ())


# -- what is skipped, and robustness ----------------------------------------------------


def test_hidden_and_vendor_folders_are_skipped(in_tmp: Path) -> None:
    build(in_tmp, "a/en.md", "a/fr.md", ".git/x/en.md", ".git/x/fr.md")
    build(in_tmp, "node_modules/p/en.md", "node_modules/p/fr.md", "b/.hidden/en.md")
    assert summary(discover(["."])) == {"a": ["en", "fr"]}


def test_directory_named_like_markdown(in_tmp: Path) -> None:
    build(in_tmp, "a/en.md", "a/de.md/inner.txt")
    found = discover(["."])
    assert summary(found) == {"a": ["en"]}
    assert found.skipped == (Skipped("a/de.md", "is a directory, not a file"),)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_skipped_not_read(in_tmp: Path) -> None:
    build(in_tmp, "a/en.md")
    os.mkfifo(in_tmp / "a" / "fr.md")
    found = discover(["a"])
    assert summary(found) == {"a": ["en"]}
    assert found.skipped == (Skipped("a/fr.md", "not a regular file (FIFO)"),)
    assert discover(["a/fr.md"]).skipped == found.skipped


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_entries(in_tmp: Path) -> None:
    build(in_tmp, "a/en.md", "a/fr.md", "b/en.md", "b/de.md")
    (in_tmp / "a" / "fr.md").chmod(0)
    (in_tmp / "b").chmod(0)
    try:
        found = discover(["."])
    finally:
        (in_tmp / "b").chmod(0o755)
    assert summary(found) == {"a": ["en"]}
    assert set(found.skipped) == {
        Skipped("a/fr.md", "permission denied"),
        Skipped("b", "permission denied"),
    }


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges")
def test_symlinks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(tmp_path, "outside/fr.md", "tree/a/en.md", "tree/real/en/x.md", "tree/real/de/x.md")
    tree = tmp_path / "tree"
    (tree / "a" / "fr.md").symlink_to(tmp_path / "outside" / "fr.md")
    (tree / "a" / "de.md").symlink_to(tree / "missing.md")
    (tree / "loop").symlink_to(tree, target_is_directory=True)
    (tree / "alias").symlink_to(tree / "real", target_is_directory=True)
    (tree / "real" / "ja").symlink_to(tree / "real" / "de", target_is_directory=True)
    monkeypatch.chdir(tree)
    found = discover(["."])
    assert summary(found) == {"a": ["en"], "x": ["en", "de", "ja"]}
    assert found.articles[1].get("de").path == "real/de/x.md"  # type: ignore[union-attr]
    assert set(found.skipped) == {
        Skipped("a/fr.md", "symlink points outside the checked tree"),
        Skipped("a/de.md", "broken symlink"),
        Skipped("loop", "symlink loop"),
    }


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges")
def test_symlinked_language_folders(in_tmp: Path) -> None:
    build(in_tmp, "docs/x.md", "c/fr/x.md", "t/pages/p.md", "t/pages.ko/p.md")
    (in_tmp / "c" / "en").symlink_to(in_tmp / "docs", target_is_directory=True)
    (in_tmp / "c" / "fr" / "back").symlink_to(in_tmp / "c", target_is_directory=True)
    (in_tmp / "t" / "pages.en").symlink_to(in_tmp / "t" / "pages", target_is_directory=True)
    found = discover(["."])
    assert summary(found) == {"c/x": ["en", "fr"], "t/pages/p": ["en", "ko"]}
    assert found.articles[0].files[0].path == "c/en/x.md"
    assert found.articles[1].files[0].path == "t/pages/p.md"  # the real folder wins
    assert found.skipped == (Skipped("c/fr/back", "symlink loop"),)


def test_unreadable_entries_simulated(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(in_tmp, "a/en.md", "a/fr.md", "b/en.md", "b/de.md")
    scandir, access = os.scandir, os.access

    def guarded_scandir(path: str) -> object:
        if os.path.basename(path) == "b":
            raise PermissionError(13, "Permission denied", path)
        return scandir(path)

    monkeypatch.setattr(os, "scandir", guarded_scandir)
    monkeypatch.setattr(os, "access", lambda p, m: not p.endswith("fr.md") and access(p, m))
    found = discover(["."])
    assert summary(found) == {"a": ["en"]}
    assert set(found.skipped) == {
        Skipped("a/fr.md", "permission denied"),
        Skipped("b", "permission denied"),
    }


def test_duplicate_language_folders(in_tmp: Path) -> None:
    build(in_tmp, "c/en/a.md", "c/pt-br/a.md", "c/pt_BR/a.md")
    found = discover(["c"])
    assert summary(found) == {"a": ["en", "pt-br"]}
    assert found.articles[0].get("pt-br").path == "c/pt-br/a.md"  # type: ignore[union-attr]
    assert [s.path for s in found.skipped] == ["c/pt_BR/a.md"]


def test_result_does_not_depend_on_listing_order(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(in_tmp, "c/en/a.md", "c/en/b/c.md", "c/ja/a.md", "c/zh/b/c.md", "x/y/en.md", "x/y/de.md")
    expected = discover(["."])
    scandir = os.scandir

    @contextmanager
    def reversed_scandir(path: str) -> Iterator[Iterator[os.DirEntry[str]]]:
        with scandir(path) as it:
            yield iter(list(it)[::-1])

    monkeypatch.setattr(os, "scandir", reversed_scandir)
    assert discover(["."]) == expected


def test_many_files_quickly(in_tmp: Path) -> None:
    for lang in ("en", "fr", "de", "ja"):
        for d in range(20):
            folder = in_tmp / "c" / lang / f"d{d}"
            folder.mkdir(parents=True)
            for i in range(50):
                (folder / f"p{i}.md").touch()
    start = time.perf_counter()
    found = discover(["c"])
    assert len(found.articles) == 1000 and time.perf_counter() - start < 5


# -- the shared corpora ---------------------------------------------------------------


def corpus(name: str) -> str:
    path = CORPUS / name
    if not path.is_dir():
        pytest.skip(f"corpus {name} not present")
    return str(path)


def test_corpus_cncf_glossary() -> None:
    found = discover([corpus("cncf-glossary")])
    assert found.layout == "lang-dir"
    english = [a for a in found.articles if a.get("en")]
    assert len(english) == 95 and 95 <= len(found.articles) <= 120
    assert {"en", "bn", "ja", "pt-br", "zh-cn", "zh-tw"} <= set(found.languages)
    assert found.languages[0] == "en" and found.skipped == ()


def test_corpus_opentelemetry_and_nodejs() -> None:
    otel = discover([corpus("opentelemetry")])
    assert otel.layout == "lang-dir"
    assert sum(1 for a in otel.articles if a.get("en")) == 768
    node = discover([corpus("nodejs")])
    assert sum(1 for a in node.articles if a.get("zh-cn")) == 5


def test_corpus_tldr() -> None:
    start = time.perf_counter()
    found = discover([corpus("tldr")])
    elapsed = time.perf_counter() - start
    assert found.layout == "lang-dir-suffix"
    assert sum(1 for a in found.articles if a.get("en")) == 7425
    assert sum(1 for a in found.articles if a.get("pt-br")) == 1119
    assert elapsed < 10
    single = discover([os.path.join(corpus("tldr"), "pages.ko", "common", "tar.md")])
    assert [a.slug for a in single.articles] == ["common/tar"]
    assert len(single.articles[0].files) > 10


def test_many_file_arguments_of_one_folder(in_tmp: Path) -> None:
    names = [f"p{i}.{lang}.md" for i in range(300) for lang in ("en", "fr")]
    build(in_tmp / "docs", *names)
    found = discover([f"docs/{name}" for name in names])
    assert len(found.articles) == 300
    assert all(a.langs == ("en", "fr") for a in found.articles)
