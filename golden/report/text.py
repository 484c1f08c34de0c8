"""Plain-text pictures of report values, shared by the formats (escaping is each format's job)."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from typing import ParamSpec

from golden.compare.difference import Difference
from golden.compare.latency import Latency
from golden.outcome import Json
from golden.session import GoldenReport

P = ParamSpec("P")

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def escape_lone_surrogates(text: str) -> str:
    """`text` with every surrogate code point written as its JSON escape (always encodable)."""
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def surrogate_safe(render: Callable[P, str]) -> Callable[P, str]:
    """A format's `render` whose text always encodes as UTF-8 (see `escape_lone_surrogates`)."""

    @functools.wraps(render)
    def safe(*args: P.args, **kwargs: P.kwargs) -> str:
        return escape_lone_surrogates(render(*args, **kwargs))

    return safe


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


def verdict_line(report: GoldenReport) -> str:
    """`verdict: fail (latency gates: 2 cases over budget)`: what the exit code says, and why."""
    s = report.summary
    gate = "latency gates" if report.latency_mode == "gate" else "latency reported only"
    return f"verdict: {report.verdict} ({gate}; {s.latency_failed} over the latency budget)"


def cost_lines(report: GoldenReport) -> list[str]:
    """Projected cost per million invokes of each side, one line per side; empty when not computed."""
    cost = report.cost
    if cost is None:
        return []
    lines = [f"cost per million invokes at {cost.memory_mb} MB ({cost.region} prices of {cost.prices_date}):"]
    for name, side_cost in (("node", cost.node), ("go", cost.go)):
        if side_cost.per_million is None:
            lines.append(f"  {name}: not measured")
            continue
        prices = ", ".join(f"{arch} ${usd:,.2f}" for arch, usd in side_cost.per_million.items())
        lines.append(f"  {name}: billed {side_cost.billed_ms:g} ms; {prices}")
    return lines
