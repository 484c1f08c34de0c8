"""Clock readings: a timestamp each side read from its own clock while the case ran is noise.

The Node runs find most fresh values (golden.compare.noise), but not a clock that did not tick between them:
two runs in the same millisecond print the same `toISOString()`, two in the same second the same
HTTP `Date` or epoch seconds — and then Go, a moment later, reads another value and the case fails
for nothing. So a `value` (or `header`) difference is noise when both sides hold a timestamp of the
very same shape (only digits may differ) and both lie within the case's run, widened by one second
for the resolution of the coarsest stamps. A Go port that writes another format, another time zone,
a stale or a future time (an event's own time, one stored before the case began, `now + 15 min`
against `now + 10 min`) still fails. The window closes when both compared outcomes are in, before
the warm latency runs. A value the case itself stored and read back within that window is beyond
what this rule can tell from a fresh reading.

Side effects too: a timestamp a side wrote to AWS (a raw email's `Date`, an item's `at`) is a
`side-effect-value` difference judged by the same rule.

Recognised: ISO 8601 date-times (`2026-05-01T08:30:00.123Z`, naive ones read as UTC, as TZ=UTC
makes them), HTTP dates (`Fri, 01 May 2026 08:30:00 GMT`), and integer epoch seconds or milliseconds.
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from golden.compare.difference import Difference
from golden.compare.noise import NoisyPath
from golden.outcome import Json

RESOLUTION_S = 1.0
"""How far outside the case's run a reading may lie: the coarsest stamps recognised count whole seconds."""

_DIGIT = re.compile(r"\d")
_ZONE = re.compile(r"(?:Z|[+-]\d{2}:?\d{2})$")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


@dataclass(frozen=True)
class ClockWindow:
    """When one case ran, in Unix seconds: from before its first invoke to after its last."""

    started: float
    ended: float

    def holds(self, instant: float) -> bool:
        return self.started - RESOLUTION_S <= instant <= self.ended + RESOLUTION_S


def reading(value: Json, window: ClockWindow) -> str | None:
    """The shape of `value` when it is a timestamp inside `window`, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        for shape, scale in (("epoch-seconds", 1.0), ("epoch-milliseconds", 1000.0)):
            if window.holds(value / scale):
                return shape
        return None
    if isinstance(value, str):
        instant = _instant(value)
        if instant is not None and window.holds(instant):
            zone = _ZONE.search(value)  # an offset is part of the shape: +02:00 is not +01:00
            body = value[: zone.start()] if zone else value
            return _DIGIT.sub("0", body) + (zone.group() if zone else "")
    return None


def split_clock_readings(
    differences: Iterable[Difference], window: ClockWindow
) -> tuple[tuple[Difference, ...], tuple[NoisyPath, ...]]:
    """The differences that remain, and the clock readings among them as noise (with both sides' values)."""
    kept: list[Difference] = []
    noise: list[NoisyPath] = []
    for difference in differences:
        if _is_reading(difference, window):
            noise.append(NoisyPath(difference.path, (difference.node, difference.go)))
        else:
            kept.append(difference)
    return tuple(kept), tuple(noise)


def _is_reading(difference: Difference, window: ClockWindow) -> bool:
    if difference.category not in ("value", "header", "side-effect-value"):
        return False
    if not (difference.node_present and difference.go_present):
        return False
    node, go = difference.node, difference.go
    if isinstance(node, list) and isinstance(go, list):  # header values
        return len(node) == len(go) and all(
            a == b or _same_reading(a, b, window) for a, b in zip(node, go, strict=True)
        )
    return _same_reading(node, go, window)


def _same_reading(node: Json, go: Json, window: ClockWindow) -> bool:
    shape = reading(node, window)
    return shape is not None and shape == reading(go, window)


def _instant(text: str) -> float | None:
    if _DATE_TIME.match(text):
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            return None
    else:
        try:
            parsed = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()
