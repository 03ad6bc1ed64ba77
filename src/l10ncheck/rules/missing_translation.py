from __future__ import annotations

from l10ncheck.diagnostics import Category, Severity
from l10ncheck.rules._file import FileRule


class MissingTranslation(FileRule):
    """An article has no file in a language that other articles are translated into.

    Why it matters: readers of that language fall back to another language or a 404.
    Often deliberate (a translation in progress), so this is information.

    Example:
        `articles/a/{en,nl,ru}.md` and `articles/b/{en,nl}.md`: b has no `ru`
    """

    code = "F703"
    name = "missing-translation"
    category = Category.FILE
    severity = Severity.INFO
    kind = "missing"
