"""The pipeline, top to bottom: discover → parse → skeleton → align → rules → report.

``check`` is what the CLI calls; everything it needs comes in through a :class:`Config`.
Articles are processed one at a time (or one per worker process), so memory stays bounded
by the largest article, and results never depend on the number of workers.
"""

from __future__ import annotations

import gc
import os
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Mapping, Sequence

from l10ncheck.align import Alignment, Features, align
from l10ncheck.cache import ResultCache
from l10ncheck.config import Config, ConfigError, ignored_codes, select_rules
from l10ncheck.diagnostics import (
    ArticleInfo, Diagnostic, DocumentInfo, Report, Severity, Span, sort_diagnostics,
)
from l10ncheck.discovery import Article, Discovery, discover
from l10ncheck.extract import build_skeleton
from l10ncheck.loading import Text, Unreadable, decode
from l10ncheck.rules import ALL_RULES, Rule
from l10ncheck.rules.base import ArticleContext, FileProblem, TranslationContext
from l10ncheck.suppressions import apply_suppressions
from l10ncheck.views import ArticleView, build_view
from l10ncheck import staleness
from l10ncheck.frontmatter import IDENTICAL_KEYS, FrontMatter, parse_front_matter
from l10ncheck.glossary import Glossary, terms_for
from l10ncheck.site import SiteIndex
from l10ncheck.terms import GlossaryError, Term, learn_terms

# A language must cover this share of the articles before a missing file in it is reported.
MISSING_LANGUAGE_SHARE = 0.5


def check(paths: Sequence[str], config: Config, *, views: bool = False, jobs: int | None = 1,
          cache_dir: str | None = None,
          progress: Callable[[int, int], None] | None = None,
          changed_since: str | None = None, stale: bool = False) -> Report:
    """Check every article under ``paths`` and return the sorted, filtered findings.

    ``jobs``: worker processes (None: one per core); the report is the same whatever it is.
    ``cache_dir``: keep per-article results there (see ``cache``). With ``views``, the report
    also carries each article's aligned side-by-side view (for the HTML report); views are
    never cached. ``progress(done, total)`` is called as articles complete.
    ``changed_since``: only the articles with a file changed since that git ref (whole groups).
    ``stale``: also report translations whose source changed after them in git history.
    """
    rules = active_rules(config)
    glossary = load_glossary(config)
    ignored = ignored_codes(config, ALL_RULES)  # per-file-ignores, per-language-ignores
    found = discover(paths, config.source_lang, config.layout, _pattern(config))
    articles = found.articles
    repo = None
    try:
        if changed_since is not None or stale:
            repo = staleness.open_repo(paths[0] if paths else ".")
        if changed_since is not None and repo is not None:
            changed = staleness.changed_files(repo, changed_since)
            settings = [p for p in (config.config_path, config.glossary) if p]
            if not any(repo.relative(p) in changed for p in settings):
                articles = staleness.articles_changed(articles, changed, repo.root)
    except staleness.StalenessError as exc:
        raise ConfigError(str(exc)) from None
    job = _Job(found.source_lang, tuple(r.code for r in rules), glossary,
               expected_languages(found), views,
               None if stale else cache_dir,  # git history is not in the cache key
               repo if stale else None,
               Shared(config.front_matter_keys,
                      site_index(found, config, anchors=any(r.uses_anchors for r in rules)),
                      config.fallback_langs))
    outcomes = _run(job, articles, jobs, progress)
    diagnostics = [d for out in outcomes for d in out[0]]
    diagnostics += _skipped_findings(found, rules)
    diagnostics = [d for d in diagnostics if d.code not in ignored(d.path, d.lang)]
    overrides = dict(config.severity)
    if overrides:
        by_key = {r.code: r for r in rules} | {r.name: r for r in rules}
        levels = {by_key[k].code: Severity(v) for k, v in overrides.items() if k in by_key}
        diagnostics = [replace(d, severity=levels.get(d.code, d.severity)) for d in diagnostics]
    return Report(
        source_lang=found.source_lang,
        articles=tuple(ArticleInfo(a.slug, tuple(DocumentInfo(f.lang, f.path) for f in a.files))
                       for a in articles),
        diagnostics=tuple(sort_diagnostics(diagnostics)),
        rules=tuple(r.info() for r in rules),
        fail_level=config.fail_level,
        views=tuple(v for out in outcomes if out[1] is not None for v in (out[1],)),
        layout=found.layout,
        skipped=tuple((s.path, s.reason) for s in found.skipped),
    )


@dataclass(frozen=True)
class Shared:
    """Run-wide facts every translation check may read."""

    identical_keys: tuple[str, ...] = IDENTICAL_KEYS
    site: SiteIndex | None = None
    fallback_langs: tuple[str, ...] = ()

    def key(self) -> str:
        """For the cache key: a file added or removed anywhere changes which links resolve, a
        heading changed in a linked page which fragments resolve, a rewrite which URLs match."""
        site = self.site or SiteIndex()
        pages = sorted((lang, sorted(slugs)) for lang, slugs in site.pages.items())
        return repr((self.identical_keys, self.fallback_langs, pages, site.anchors_digest, site.rewrites))


# Why discovery could not take a Markdown path that looks like an article file: unreadable.
_UNREADABLE = ("permission denied", "is a directory, not a file")


def _skipped_findings(found: Discovery, rules: Sequence[Rule]) -> list[Diagnostic]:
    """A Markdown file discovery could not read (no permission, a folder named x.md) is an
    unreadable-file finding, not a silent omission."""
    rule = next((r for r in rules if r.code == "F701"), None)
    if rule is None:
        return []
    out = []
    for skipped in found.skipped:
        if skipped.reason in _UNREADABLE and skipped.path.endswith((".md", ".markdown")):
            name = skipped.path.rsplit("/", 1)[-1]
            ctx = ArticleContext(name, found.source_lang, (FileProblem(
                "unreadable", "", skipped.path, f"cannot read {skipped.path}: {skipped.reason}"),))
            out += list(rule.check_article(ctx))
    return out


def _pattern(config: Config) -> tuple[str, str] | None:
    """A custom layout: the translation pattern, and the source one (by default the same
    pattern with the source language in place of {lang})."""
    if not config.pattern:
        return None
    source = config.source_pattern or config.pattern.replace("{lang}", config.source_lang)
    return source, config.pattern


def site_index(found: Discovery, config: Config | None = None, anchors: bool = False) -> SiteIndex:
    """Which pages exist in which language, and the config's URL rewrites; with ``anchors``,
    also the headings of the pages that links point to with a fragment (a cheap pre-pass over
    the files, see ``l10ncheck.anchors``)."""
    pages: dict[str, set[str]] = {}
    for article in found.articles:
        for f in article.files:
            pages.setdefault(f.lang, set()).add(article.slug)
    site = SiteIndex({lang: frozenset(slugs) for lang, slugs in pages.items()},
                     rewrites=config.url_rewrite if config else ())
    if anchors:
        site = site.with_anchors((f.lang, a.slug, f.path) for a in found.articles for f in a.files)
    return site


@dataclass(frozen=True)
class _Job:
    """What every worker needs to check one article: small and picklable."""

    source_lang: str
    rule_codes: tuple[str, ...]
    glossary: Glossary
    expected: frozenset[str]
    views: bool
    cache_dir: str | None
    repo: staleness.GitRepo | None = None  # set when stale translations are wanted
    shared: Shared = field(default_factory=lambda: Shared())

    def settings(self) -> str:
        parts = [self.source_lang, ",".join(self.rule_codes), ",".join(sorted(self.expected))]
        parts.append(repr(self.glossary))
        parts.append(self.shared.key())
        return ResultCache.settings_key(parts)


# Set in each worker process (and in the parent for serial runs) by _init.
_WORKER: tuple[_Job, tuple[Rule, ...], ResultCache | None] | None = None
# Below this many articles, starting processes costs more than it saves.
PARALLEL_MIN_ARTICLES = 24


# Checking builds many small objects that live until their article is done: the default
# collector thresholds (700 allocations) would run a collection thousands of times per
# second, and a full one every few seconds over everything the worker holds, for nothing.
# Reference counting frees them; cycles are rare and still collected.
GC_THRESHOLD = (500_000, 50, 50)


def _init(job: _Job, tune_gc: bool = True) -> None:
    global _WORKER
    if tune_gc:  # a worker process of ours
        gc.set_threshold(*GC_THRESHOLD)
    rules = tuple(rule() for rule in ALL_RULES if rule.code in job.rule_codes)
    cache = ResultCache(job.cache_dir, job.settings()) if job.cache_dir and not job.views else None
    _WORKER = (job, rules, cache)
    if tune_gc:
        # What lives for the whole run (modules, the site index): never scanned again.
        gc.freeze()


def _work(article: Article) -> tuple[list[Diagnostic], ArticleView | None]:
    assert _WORKER is not None
    job, rules, cache = _WORKER
    contents = {f.lang: read_bytes(f.path) for f in article.files}
    key = None
    if cache is not None:
        key = cache.key(article.slug, [(f.lang, f.path, c if isinstance(c := contents[f.lang], bytes) else None)
                                       for f in article.files])
        hit = cache.get(key)
        if hit is not None:
            return hit, None
    views: list[ArticleView] | None = [] if job.views else None
    extra: list[FileProblem] = []
    if job.repo is not None:
        try:
            for s in staleness.stale_translations(job.repo, article, job.source_lang):
                extra.append(FileProblem("stale", s.lang, s.path, s.message(), source_path=s.source_path))
        except staleness.StalenessError:
            pass  # an article git cannot tell about is simply not judged stale
    diagnostics = check_article(article, job.source_lang, rules, job.glossary, job.expected,
                                views, contents, tuple(extra), job.shared)
    if cache is not None and key is not None:
        cache.put(key, diagnostics)
    return diagnostics, views[0] if views else None


def _run(job: _Job, articles: Sequence[Article], jobs: int | None,
         progress: Callable[[int, int], None] | None
         ) -> list[tuple[list[Diagnostic], ArticleView | None]]:
    """Results in article order, computed serially or by a pool of processes."""
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    total = len(articles)
    if workers <= 1 or total < PARALLEL_MIN_ARTICLES:
        _init(job, tune_gc=False)
        before = gc.get_threshold()  # the caller's process: restored afterwards
        gc.set_threshold(*GC_THRESHOLD)
        try:
            out = []
            for i, article in enumerate(articles, 1):
                out.append(_work(article))
                if progress:
                    progress(i, total)
            return out
        finally:
            gc.set_threshold(*before)
    chunk = max(1, min(8, total // (workers * 32)))  # small: article costs vary widely
    results: list[tuple[list[Diagnostic], ArticleView | None]] = []
    with ProcessPoolExecutor(max_workers=workers, initializer=_init, initargs=(job,)) as pool:
        for i, result in enumerate(pool.map(_work, articles, chunksize=chunk), 1):
            results.append(result)
            if progress:
                progress(i, total)
    return results


def active_rules(config: Config) -> tuple[Rule, ...]:
    chosen = select_rules([r.info() for r in ALL_RULES], config.select, config.ignore)
    return tuple(rule() for rule in ALL_RULES if rule.code in chosen)


def load_glossary(config: Config) -> Glossary:
    """The glossary named in the settings: TOML, CSV/TSV or TBX, by extension."""
    if not config.glossary:
        return Glossary()
    try:
        with open(config.glossary, "rb") as handle:
            return Glossary.read(config.glossary, handle.read(), config.source_lang)
    except OSError as exc:
        raise ConfigError(f"glossary {config.glossary}: {exc.strerror or exc}") from None
    except GlossaryError as exc:
        raise ConfigError(str(exc)) from None


def expected_languages(found: Discovery) -> frozenset[str]:
    """Languages that most articles are translated into: a missing file in one of these is news."""
    with_source = [a for a in found.articles if a.get(found.source_lang) is not None]
    if len(with_source) < 2:
        return frozenset()
    counts = Counter(f.lang for a in with_source for f in a.files)
    return frozenset(
        lang for lang, n in counts.items()
        if lang != found.source_lang and n >= MISSING_LANGUAGE_SHARE * len(with_source)
    )


def check_article(article: Article, source_lang: str, rules: Iterable[Rule],
                  glossary: Glossary | tuple[Term, ...], expected: frozenset[str] = frozenset(),
                  views: list[ArticleView] | None = None,
                  contents: Mapping[str, bytes | Unreadable] | None = None,
                  extra: tuple[FileProblem, ...] = (),
                  shared: Shared | None = None) -> list[Diagnostic]:
    """All findings for one article: file problems, then each translation against the source.

    ``contents`` holds the files' bytes by language when the caller has read them already."""
    rules = tuple(rules)
    problems: list[FileProblem] = list(extra)
    texts: dict[str, Text] = {}
    source_file = article.get(source_lang)
    source_path = source_file.path if source_file else None
    for f in article.files:
        data = contents[f.lang] if contents is not None and f.lang in contents else read_bytes(f.path)
        loaded = data if isinstance(data, Unreadable) else decode(data)
        if isinstance(loaded, Unreadable):
            problems.append(FileProblem("unreadable", f.lang, f.path, f"cannot read {f.path}: {loaded.reason}",
                                        Span.point(loaded.line, loaded.column)))
        else:
            texts[f.lang] = loaded
    if source_file is None:
        for f in article.files:
            problems.append(FileProblem(
                "orphan", f.lang, f.path,
                f"translation has no {source_lang} source (looked for the {source_lang} file of"
                f" article {article.slug!r})"))
    else:
        for lang in sorted(expected - {f.lang for f in article.files}):
            problems.append(FileProblem(
                "missing", lang, source_file.path,
                f"article {article.slug!r} has no {lang} translation", source_path=None))
    source_text = texts.get(source_lang)
    if source_text is not None and not source_text.body.strip() and source_file is not None:
        full = [f.lang for f in article.files if f.lang != source_lang
                and f.lang in texts and texts[f.lang].body.strip()]
        if full:
            problems.append(FileProblem(
                "empty", source_lang, source_file.path,
                f"{source_file.path} (the source) is empty while its translations"
                f" ({', '.join(full)}) have content: nothing can be checked against it"))
    if source_text is not None and source_text.body.strip():
        for f in article.files:
            text = texts.get(f.lang)
            if f.lang != source_lang and text is not None and not text.body.strip():
                problems.append(FileProblem("empty", f.lang, f.path,
                                            f"{f.path} is empty; its source {source_path} is not",
                                            source_path=source_path))
    diagnostics: list[Diagnostic] = []
    article_ctx = ArticleContext(article.slug, source_lang, tuple(problems))
    for rule in rules:
        diagnostics.extend(rule.check_article(article_ctx))
    if source_text is None or source_file is None or not source_text.body.strip():
        return apply_suppressions(article, texts, diagnostics, rules)
    if len(texts) < 2:  # nothing to compare the source with
        return apply_suppressions(article, texts, diagnostics, rules)
    documents = {
        f.lang: (f.path, texts[f.lang].body) for f in article.files
        if f.lang in texts and texts[f.lang].body.strip()
    }
    fronts = {lang: parse_front_matter(t.front_matter, t.front_matter_format, t.front_matter_line)
              for lang, t in texts.items()}
    diagnostics.extend(check_documents(article.slug, source_lang, documents, rules, glossary, views,
                                       fronts, shared))
    return apply_suppressions(article, texts, diagnostics, rules)


def check_documents(slug: str, source_lang: str, documents: Mapping[str, tuple[str, str]],
                    rules: Sequence[Rule], glossary: Glossary | tuple[Term, ...] = (),
                    views: list[ArticleView] | None = None,
                    front_matter: Mapping[str, FrontMatter | None] | None = None,
                    shared: Shared | None = None) -> list[Diagnostic]:
    """Pure core of the pipeline: ``{lang: (path, normalized text)}`` of one article, source
    included, -> the translation findings (skeleton → align → terms → rules)."""
    source_path, source_body = documents[source_lang]
    source = build_skeleton(source_body, source_lang, source_path)
    alignments: dict[str, Alignment] = {}
    features = Features(source)
    for lang, (path, body) in sorted(documents.items()):
        if lang != source_lang:
            alignments[lang] = align(source, build_skeleton(body, lang, path), features)
    if not isinstance(glossary, Glossary):
        glossary = Glossary(tuple(glossary))
    shared = shared or Shared()
    terms = learn_terms(source_lang, alignments, glossary.terms)
    if views is not None:
        views.append(build_view(slug, source_lang, documents, alignments))
    diagnostics: list[Diagnostic] = []
    for lang, alignment in sorted(alignments.items()):
        # A translatable glossary term binds only the languages it has approved forms for.
        fronts = front_matter or {}
        ctx = TranslationContext(slug, source_lang, lang, alignment, terms_for(terms, lang),
                                 glossary.forbidden, fronts.get(source_lang), fronts.get(lang),
                                 shared.identical_keys, shared.site, shared.fallback_langs)
        for rule in rules:
            diagnostics.extend(rule.check(ctx))
    return diagnostics


def read_text(path: str) -> Text | Unreadable:
    """Read and decode one file; a read error is a finding, never an exception."""
    data = read_bytes(path)
    return data if isinstance(data, Unreadable) else decode(data)


def read_bytes(path: str) -> bytes | Unreadable:
    """The bytes of one file, or why they cannot be read."""
    try:
        # os.open and os.read, as anchors._read: a third of what open().read() costs (a
        # system call is dear here), for every file.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            data = os.read(fd, _CHUNK)
            if len(data) < _CHUNK:  # a regular file gives less only at its end
                return data
            chunks = [data]
            while data:
                data = os.read(fd, _CHUNK)
                chunks.append(data)
            return b"".join(chunks)
        finally:
            os.close(fd)
    except IsADirectoryError:
        return Unreadable("is a directory, not a file")
    except PermissionError:
        return Unreadable("permission denied")
    except OSError as exc:
        return Unreadable(exc.strerror or str(exc))


_CHUNK = 1 << 16  # below the size at which malloc maps memory for each read
