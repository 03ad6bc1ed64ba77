from __future__ import annotations

from l10ncheck.diagnostics import Category, Severity
from l10ncheck.rules._file import FileRule


class OrphanTranslation(FileRule):
    """A translation exists but its source-language file does not.

    Why it matters: the source was renamed or deleted, so the translation is published
    without anything to keep it in step.

    Example:
        `docs/old-guide/ru.md` exists, `docs/old-guide/en.md` does not
    """

    code = "F702"
    name = "orphan-translation"
    category = Category.FILE
    severity = Severity.WARNING
    kind = "orphan"
