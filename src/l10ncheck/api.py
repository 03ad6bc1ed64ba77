"""The pipeline, top to bottom: discover → parse → skeleton → align → rules → report.

``check`` is what the CLI calls; everything it needs comes in through a :class:`Config`.
Articles are processed one at a time, so memory stays bounded by the largest article.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Iterable, Mapping, Sequence

from l10ncheck.align import Alignment, align
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
from l10ncheck.terms import GlossaryError, Term, learn_terms, parse_glossary

# A language must cover this share of the articles before a missing file in it is reported.
MISSING_LANGUAGE_SHARE = 0.5


def check(paths: Sequence[str], config: Config, *, views: bool = False) -> Report:
    """Check every article under ``paths`` and return the sorted, filtered findings.

    With ``views``, the report also carries each article's aligned side-by-side view (for the
    HTML report); it costs memory proportional to the corpus, so it is off by default."""
    rules = active_rules(config)
    glossary = load_glossary(config)
    ignored = ignored_codes(config, ALL_RULES)  # per-file-ignores, per-language-ignores
    found = discover(paths, config.source_lang, config.layout)
    expected = expected_languages(found)
    diagnostics: list[Diagnostic] = []
    articles: list[ArticleInfo] = []
    article_views: list[ArticleView] | None = [] if views else None
    for article in found.articles:
        articles.append(ArticleInfo(article.slug, tuple(
            DocumentInfo(f.lang, f.path) for f in article.files)))
        diagnostics.extend(check_article(article, found.source_lang, rules, glossary, expected,
                                         article_views))
    diagnostics = [d for d in diagnostics if d.code not in ignored(d.path, d.lang)]
    overrides = dict(config.severity)
    if overrides:
        by_key = {r.code: r for r in rules} | {r.name: r for r in rules}
        levels = {by_key[k].code: Severity(v) for k, v in overrides.items() if k in by_key}
        diagnostics = [replace(d, severity=levels.get(d.code, d.severity)) for d in diagnostics]
    return Report(
        source_lang=found.source_lang,
        articles=tuple(articles),
        diagnostics=tuple(sort_diagnostics(diagnostics)),
        rules=tuple(r.info() for r in rules),
        fail_level=config.fail_level,
        views=tuple(article_views or ()),
    )


def active_rules(config: Config) -> tuple[Rule, ...]:
    chosen = select_rules([r.info() for r in ALL_RULES], config.select, config.ignore)
    return tuple(rule() for rule in ALL_RULES if rule.code in chosen)


def load_glossary(config: Config) -> tuple[Term, ...]:
    if not config.glossary:
        return ()
    try:
        with open(config.glossary, encoding="utf-8") as handle:
            return parse_glossary(handle.read(), config.glossary)
    except OSError as exc:
        raise ConfigError(f"glossary {config.glossary}: {exc.strerror or exc}") from None
    except (GlossaryError, UnicodeDecodeError) as exc:
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
                  glossary: tuple[Term, ...], expected: frozenset[str] = frozenset(),
                  views: list[ArticleView] | None = None) -> list[Diagnostic]:
    """All findings for one article: file problems, then each translation against the source."""
    rules = tuple(rules)
    problems: list[FileProblem] = []
    texts: dict[str, Text] = {}
    source_file = article.get(source_lang)
    source_path = source_file.path if source_file else None
    for f in article.files:
        loaded = read_text(f.path)
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
    diagnostics.extend(check_documents(article.slug, source_lang, documents, rules, glossary, views))
    return apply_suppressions(article, texts, diagnostics, rules)


def check_documents(slug: str, source_lang: str, documents: Mapping[str, tuple[str, str]],
                    rules: Sequence[Rule], glossary: tuple[Term, ...] = (),
                    views: list[ArticleView] | None = None) -> list[Diagnostic]:
    """Pure core of the pipeline: ``{lang: (path, normalized text)}`` of one article, source
    included, -> the translation findings (skeleton → align → terms → rules)."""
    source_path, source_body = documents[source_lang]
    source = build_skeleton(source_body, source_lang, source_path)
    alignments: dict[str, Alignment] = {}
    for lang, (path, body) in sorted(documents.items()):
        if lang != source_lang:
            alignments[lang] = align(source, build_skeleton(body, lang, path))
    terms = learn_terms(source_lang, alignments, glossary)
    if views is not None:
        views.append(build_view(slug, source_lang, documents, alignments))
    diagnostics: list[Diagnostic] = []
    for lang, alignment in sorted(alignments.items()):
        ctx = TranslationContext(slug, source_lang, lang, alignment, terms)
        for rule in rules:
            diagnostics.extend(rule.check(ctx))
    return diagnostics


def read_text(path: str) -> Text | Unreadable:
    """Read and decode one file; a read error is a finding, never an exception."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except IsADirectoryError:
        return Unreadable("is a directory, not a file")
    except PermissionError:
        return Unreadable("permission denied")
    except OSError as exc:
        return Unreadable(exc.strerror or str(exc))
    return decode(data)

