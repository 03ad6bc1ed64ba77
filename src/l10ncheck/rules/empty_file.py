from __future__ import annotations

from l10ncheck.diagnostics import Category, Severity
from l10ncheck.rules._file import FileRule


class EmptyTranslation(FileRule):
    """A translation file is empty (or whitespace only) while its source has content, or the
    source is empty while translations have content.

    Why it matters: the page is published blank; an empty source leaves its translations
    unchecked and unmaintained.

    Example:
        `en.md` holds an article, `ms.md` is 0 bytes
    """

    code = "F704"
    name = "empty-file"
    category = Category.FILE
    severity = Severity.WARNING
    kind = "empty"
