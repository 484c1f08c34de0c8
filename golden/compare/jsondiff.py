"""Semantic comparison of two parsed JSON values: what a consumer of the response could tell apart.

Object key order never matters; `null` and absent differ (absent is `missing` or `extra`); numbers compare
as numbers (`1 == 1.0`), within an optional tolerance; `true` is not `1` (`type`); arrays are ordered
unless an ignore-order glob matches them; differences under an ignore glob are dropped.

Big integers: JavaScript reads every JSON number as a double, exact only up to 2**53. When either side
holds an integer beyond ±2**53 the two sides pass only if both hold the very same integer; anything else
— a different integer, a float, or an integer that merely rounds to the same double — is a `value`
difference with a note, tolerance notwithstanding, because Node and Go clients would read it differently.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from codegen.spec.pointers import join
from golden.compare.difference import Difference
from golden.compare.pointer import covered, matches
from golden.outcome import Json

SAFE_INTEGER = 2**53
"""Integers with a magnitude above this are not all exactly representable as JavaScript numbers."""


@dataclass(frozen=True)
class FloatTolerance:
    """Two numbers are equal when within `absolute` of each other, or within `relative` of the larger."""

    absolute: float = 0.0
    relative: float = 0.0

    def equal(self, a: float, b: float) -> bool:
        if a == b:
            return True
        gap = abs(a - b)
        return gap <= self.absolute or gap <= self.relative * max(abs(a), abs(b))


@dataclass(frozen=True)
class JsonOptions:
    """How to compare: globs are JSON-pointer globs (see `golden.compare.pointer`)."""

    ignore_paths: tuple[str, ...] = ()
    """Differences at or under a matching path are dropped."""
    ignore_order_paths: tuple[str, ...] = ()
    """Arrays at a matching path compare as multisets."""
    tolerance: FloatTolerance = FloatTolerance()


def diff_json(node: Json, go: Json, options: JsonOptions = JsonOptions(), path: str = "") -> list[Difference]:
    """Every difference between `node` and `go`, depth first, object keys in sorted order."""
    out: list[Difference] = []
    _diff(node, go, options, path, out)
    return out


def json_type(value: Json) -> str:
    """The JSON type name of a parsed value (`bool` is not a number)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _diff(node: Json, go: Json, options: JsonOptions, path: str, out: list[Difference]) -> None:
    if covered(options.ignore_paths, path):
        return
    kind = json_type(node)
    if kind != json_type(go):
        out.append(Difference(path, "type", node, go))
    elif isinstance(node, dict) and isinstance(go, dict):
        _diff_objects(node, go, options, path, out)
    elif isinstance(node, list) and isinstance(go, list):
        if any(matches(glob, path) for glob in options.ignore_order_paths):
            _diff_unordered(node, go, options, path, out)
        else:
            _diff_ordered(node, go, options, path, out)
    elif kind == "number":
        assert isinstance(node, int | float) and isinstance(go, int | float)
        _diff_numbers(node, go, options.tolerance, path, out)
    elif node != go:
        out.append(Difference(path, "value", node, go))


def _diff_objects(
    node: dict[str, Json], go: dict[str, Json], options: JsonOptions, path: str, out: list[Difference]
) -> None:
    for key in sorted(node.keys() | go.keys()):
        at = join(path, key)
        if key not in go:
            if not covered(options.ignore_paths, at):
                out.append(Difference(at, "missing", node[key], None, go_present=False))
        elif key not in node:
            if not covered(options.ignore_paths, at):
                out.append(Difference(at, "extra", None, go[key], node_present=False))
        else:
            _diff(node[key], go[key], options, at, out)


def _diff_ordered(
    node: list[Json], go: list[Json], options: JsonOptions, path: str, out: list[Difference]
) -> None:
    for index in range(max(len(node), len(go))):
        at = join(path, index)
        if index >= len(go):
            if not covered(options.ignore_paths, at):
                out.append(Difference(at, "missing", node[index], None, go_present=False))
        elif index >= len(node):
            if not covered(options.ignore_paths, at):
                out.append(Difference(at, "extra", None, go[index], node_present=False))
        else:
            _diff(node[index], go[index], options, at, out)


def _diff_unordered(
    node: list[Json], go: list[Json], options: JsonOptions, path: str, out: list[Difference]
) -> None:
    """Pair each Node element with the first unpaired equal Go element; the rest are missing or extra.

    Pointers name each side's own index: `missing` points into Node's array, `extra` into Go's.
    """
    unpaired = list(range(len(go)))
    lost: list[int] = []
    for i, item in enumerate(node):
        partner = next((j for j in unpaired if not diff_json(item, go[j], options, join(path, i))), None)
        if partner is None:
            lost.append(i)
        else:
            unpaired.remove(partner)
    for i in lost:
        if not covered(options.ignore_paths, join(path, i)):
            out.append(Difference(join(path, i), "missing", node[i], None, go_present=False))
    for j in unpaired:
        if not covered(options.ignore_paths, join(path, j)):
            out.append(Difference(join(path, j), "extra", None, go[j], node_present=False))


def _diff_numbers(
    node: float, go: float, tolerance: FloatTolerance, path: str, out: list[Difference]
) -> None:
    if _unsafe(node) or _unsafe(go):
        if type(node) is int and type(go) is int and node == go:
            return
        same_double = _as_double(node) == _as_double(go)
        note = (
            "integer beyond ±2**53: equal only after rounding to a double, which JavaScript does"
            if same_double
            else "integer beyond ±2**53: JavaScript cannot represent it exactly"
        )
        out.append(Difference(path, "value", node, go, note=note))
    elif not tolerance.equal(node, go) and not (math.isnan(node) and math.isnan(go)):
        out.append(Difference(path, "value", node, go))


def _unsafe(number: float) -> bool:
    return type(number) is int and abs(number) > SAFE_INTEGER


def _as_double(number: float) -> float | None:
    try:
        return float(number)
    except OverflowError:
        return None
