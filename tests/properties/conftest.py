"""Hypothesis settings for the property and fuzz tests.

In CI (the default) every property runs a small, fixed set of examples (``derandomize``), so
the suite is quick and never flaky. ``L10NCHECK_HYPOTHESIS=long`` runs 25 times as many
random examples for a local bug hunt, and keeps failing examples in ``.hypothesis/``.

The settings are applied per test (:func:`budget`), not as a global profile, so the other
hypothesis tests of the suite keep their own.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

LONG = os.environ.get("L10NCHECK_HYPOTHESIS", "") == "long"

_BASE = settings(
    deadline=None,
    derandomize=not LONG,
    database=settings().database if LONG else None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.filter_too_much],
)


def budget(examples: int) -> settings:
    """Settings for a property that should see ``examples`` examples in CI."""
    return settings(_BASE, max_examples=examples * (25 if LONG else 1))
