"""Plain-text pictures of report values, shared by the formats (escaping is each format's job)."""

from __future__ import annotations

import json

from golden.difference import Difference
from golden.latency import Latency
from golden.outcome import Json


def show(value: Json, limit: int = 200) -> str:
    """Compact JSON, cut to `limit` characters with an ellipsis."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def side(value: Json, present: bool) -> str:
    """One side's value at a difference's path; `(absent)` when it has nothing there."""
    return show(value) if present else "(absent)"


def where(difference: Difference) -> str:
    """`category at /path` (the whole outcome is shown as `/`)."""
    return f"{difference.category} at {difference.path or '/'}"


def describe(difference: Difference) -> str:
    """A difference as three or four lines of text: where, Node's value, Go's value, the note."""
    lines = [where(difference), f"- node: {side(difference.node, difference.node_present)}"]
    lines.append(f"+ go:   {side(difference.go, difference.go_present)}")
    if difference.note:
        lines.append(f"  note: {difference.note}")
    return "\n".join(lines)


def ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def p95(latency: Latency | None) -> str:
    return ms(latency.p95_ms if latency is not None else None)
