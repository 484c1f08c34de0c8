"""JSON values compared as the same data: numbers as numbers, date-times as instants."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any


def _instant(text: str) -> datetime | None:
    if len(text) < 20 or text[10] not in "Tt":
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("z", "Z").replace("t", "T", 1))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def same(a: Any, b: Any) -> bool:
    """Whether two parsed JSON values mean the same document.

    Numbers compare as floats within 1e-6 relative (float32 fields print shorter); strings that are
    both RFC 3339 date-times compare as instants (Go writes `Z` for `+00:00`, trims zero fractions).
    """
    if _number(a) and _number(b):
        try:
            return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-30)
        except OverflowError:
            return bool(a == b)
    if isinstance(a, str) and isinstance(b, str):
        if a == b:
            return True
        first, second = _instant(a), _instant(b)
        return first is not None and first == second
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and bool(a == b)
