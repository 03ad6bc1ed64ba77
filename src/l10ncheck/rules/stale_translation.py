from __future__ import annotations

from l10ncheck.diagnostics import Category, Severity
from l10ncheck.rules._file import FileRule


class StaleTranslation(FileRule):
    """The source changed in git after the translation was last updated (with `--stale`).

    The message names the source commits since and which sections changed (headings added,
    removed, renamed, or sections whose text was edited), so a translator knows what to
    update. Text-only edits count too, unlike the structure rules. Info by default: every
    edit of a source page makes its translations stale until translators catch up, which is
    normal workflow; set `stale-translation = "warning"` under `[tool.l10ncheck.severity]`
    to enforce it.

    Why it matters: a translation that misses a source update tells readers something the
    source no longer says.

    Example:
        `en.md` changed in a1b2c3d (2026-10-02), `ru.md` last changed in 9f8e7d6 (2026-08-14):
        edited section "Move assets"
    """

    code = "F705"
    name = "stale-translation"
    category = Category.FILE
    severity = Severity.INFO
    kind = "stale"
