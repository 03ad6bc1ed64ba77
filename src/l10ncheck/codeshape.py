"""The shape of a piece of code: what must survive translation, with what may be localized
(placeholders such as ``{{path/to/file}}`` or ``<name>``, tldr's option notation) set aside.

Shared by alignment (code as evidence that two blocks are the same) and the code rules
(code that changed): both must agree on when two commands are the same command.
"""

from __future__ import annotations

import re

# Placeholders translators are expected to localize: {{path/to/file}}, <name>, [options].
PLACEHOLDER = re.compile(r"\{\{.*?\}\}|<[^<>\s][^<>]*>")

# tldr's option notation {{[-l|--length]}} stands for the option itself: the long form.
_OPTION = re.compile(r"\{\{\[(?:[^\]|{}]*\|)*([^\]|{}]*)\]\}\}")


def code_key(code: str) -> str:
    """Code with placeholders reduced to ``{}``, options to their long form, and runs of
    whitespace to one space."""
    code = _OPTION.sub(lambda m: m.group(1), code)
    return " ".join(PLACEHOLDER.sub("{}", code).split())
