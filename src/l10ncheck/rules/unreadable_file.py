from __future__ import annotations

from l10ncheck.diagnostics import Category, Severity
from l10ncheck.rules._file import FileRule


class UnreadableFile(FileRule):
    """A file cannot be read as UTF-8 Markdown: invalid UTF-8, binary content, a UTF-16 or
    UTF-32 file, no permission to read it, a folder named like a Markdown file, or a file
    larger than 4 MiB (no article is that long; parsing it would stall the run).

    Why it matters: nothing in it can be checked, and the site generator will likely fail
    on it or publish garbage. The rest of the corpus is still checked.

    Example:
        `nl.md` saved as Latin-1: byte 0xe9 at line 3 is not UTF-8
    """

    code = "F701"
    name = "unreadable-file"
    category = Category.FILE
    severity = Severity.ERROR
    kind = "unreadable"
