"""The skeleton's own behaviour (building one is tested through extract, in test_parsing)."""

from __future__ import annotations

import dataclasses

import pytest

from l10ncheck.diagnostics import Span
from l10ncheck.skeleton import Block


def test_block_make_is_the_frozen_block_the_constructor_makes() -> None:
    span = Span(1, 1, 1, 9)
    made = Block.make(index=2, kind="item", span=span, text="Go home", depth=1, list_id=0)
    built = Block(index=2, kind="item", span=span, text="Go home", depth=1, list_id=0)
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "other"  # type: ignore[misc]
    assert made.strong == () and made.links_only == ()  # cached properties still work
