"""Shared base of the file rules: they report facts found before any Markdown is parsed."""

from __future__ import annotations

from typing import Iterator

from l10ncheck.diagnostics import Diagnostic, Location
from l10ncheck.rules.base import ArticleContext, FileProblem, Rule


class FileRule(Rule):
    kind = ""

    def check_article(self, ctx: ArticleContext) -> Iterator[Diagnostic]:
        for problem in ctx.problems:
            if problem.kind == self.kind:
                yield self._diagnostic(ctx, problem)

    def _diagnostic(self, ctx: ArticleContext, problem: FileProblem) -> Diagnostic:
        return Diagnostic(
            code=self.code, name=self.name, category=self.category, severity=self.severity,
            article=ctx.article, lang=problem.lang, location=Location(problem.path, problem.span),
            message=problem.message,
            source=Location(problem.source_path, problem.span.__class__(1, 1, 1, 1))
            if problem.source_path else None,
            anchor=f"file/{self.kind}",
        )
