"""Reports to look at: the sample articles and a hostile article, each with aligned views.

Shared by the HTML reporter's unit tests and the browser test. Everything runs on copies in
a temporary directory, with paths relative to it, as a user would run l10ncheck.
"""

from __future__ import annotations

import dataclasses
import inspect
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from l10ncheck.align import align
from l10ncheck.api import check, read_text
from l10ncheck.config import Config
from l10ncheck.diagnostics import ArticleInfo, Report
from l10ncheck.extract import build_skeleton
from l10ncheck.loading import Text
from l10ncheck.reporters import html
from l10ncheck.views import ArticleView, build_view

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "articles"

# Every line tries to run something: set a global, change the title, load an image, navigate.
HOSTILE_SOURCE = """\
# Keep <script>document.title = "pwned"; window.pwned = 1;</script> safe

<script>document.title = "pwned"; window.pwned = 2;</script>

Read the **important** [guide](https://example.com/guide) before you <img src=x onerror="document.title='pwned';window.pwned=3"> start.

A second paragraph with [a link](https://example.com/two) and `code`.

```html
<script>window.pwned = 8</script>
```

The last paragraph mentions MetaMask and [stays](javascript:window.pwned=9).
"""

HOSTILE_TRANSLATION = """\
# Behalte <script>document.title = "pwned"; window.pwned = 1;</script> sicher

<script>document.title = "pwned"; window.pwned = 2;</script>

Lies die [Anleitu<svg onload=window.pwned=4>ng](javascript:document.title='pwned';window.pwned=5) bevor du <img src=x onerror="document.title='pwned';window.pwned=3"> anfängst.

Ein Absatz, den es nur hier gibt: "><iframe src="javascript:window.pwned=6"></iframe> </textarea></style></script><script>window.pwned=7</script>

Der letzte Absatz erwähnt MetaMask und [bleibt](javascript:window.pwned=9).
"""

HOSTILE = {"en": HOSTILE_SOURCE, "de": HOSTILE_TRANSLATION, "fr": HOSTILE_SOURCE}


@dataclasses.dataclass(frozen=True)
class _ReportWithViews(Report):
    """Until ``Report`` has its own ``views`` field."""

    views: tuple[ArticleView, ...] = ()


def with_views(report: Report, views: tuple[ArticleView, ...]) -> Report:
    if "views" in {f.name for f in dataclasses.fields(Report)}:
        return dataclasses.replace(report, views=views)  # type: ignore[call-arg]
    fields = {f.name: getattr(report, f.name) for f in dataclasses.fields(Report)}
    return _ReportWithViews(**fields, views=views)


def checked(paths: list[str], config: Config | None = None) -> Report:
    """``api.check`` with the aligned views the HTML report shows."""
    config = config or Config()
    if "views" in inspect.signature(check).parameters:
        return check(paths, config, views=True)  # type: ignore[call-arg]
    report = check(paths, config)
    views = (view_of(a, report.source_lang) for a in report.articles)
    return with_views(report, tuple(v for v in views if v is not None))


def view_of(article: ArticleInfo, source_lang: str) -> ArticleView | None:
    """The view of one article, built the way the pipeline aligns it."""
    documents = {}
    for doc in article.documents:
        text = read_text(doc.path)
        if isinstance(text, Text) and text.body.strip():
            documents[doc.lang] = (doc.path, text.body)
    if source_lang not in documents:
        return None
    path, body = documents[source_lang]
    source = build_skeleton(body, source_lang, path)
    alignments = {
        lang: align(source, build_skeleton(text, lang, p))
        for lang, (p, text) in sorted(documents.items()) if lang != source_lang
    }
    return build_view(article.slug, source_lang, documents, alignments)


@contextmanager
def inside(directory: Path) -> Iterator[None]:
    cwd = os.getcwd()
    os.chdir(directory)
    try:
        yield
    finally:
        os.chdir(cwd)


def sample_report(workdir: Path) -> Report:
    """The report of a copy of the repository's sample articles, paths as ``articles/…``."""
    shutil.copytree(SAMPLE, workdir / "articles", dirs_exist_ok=True)
    with inside(workdir):
        return checked(["articles/"])


def hostile_report(workdir: Path) -> Report:
    """The report of an article whose every line tries to run script in the page."""
    folder = workdir / "articles" / "evil<script>window.pwned=10</script>"
    folder.mkdir(parents=True, exist_ok=True)
    for lang, text in HOSTILE.items():
        (folder / f"{lang}.md").write_text(text, encoding="utf-8")
    with inside(workdir):
        return checked(["articles/"])


def write_page(report: Report, path: Path) -> Path:
    path.write_text(html.render(report), encoding="utf-8")
    return path
