"""One way the Go side's outcome differs from the Node side's: where, what kind, and both sides' values."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal, TypeAlias, get_args

from golden.outcome import Json

Category: TypeAlias = Literal[
    "value",
    "type",
    "missing",
    "extra",
    "status",
    "header",
    "error-type",
    "error-message",
    "crash",
    "timeout",
    "latency",
    "side-effect-missing",
    "side-effect-extra",
    "side-effect-value",
]

CATEGORIES: tuple[Category, ...] = get_args(Category)

_MIRROR: dict[Category, Category] = {"missing": "extra", "extra": "missing"}


@dataclass(frozen=True)
class Difference:
    """A divergence at one JSON pointer.

    Absent is not null: a side that has nothing at `path` has `*_present = False` and its value is None,
    while a side that holds JSON `null` has `*_present = True` and value None.
    """

    path: str
    """JSON pointer (RFC 6901) into the compared value; "" is the whole value."""
    category: Category
    """What kind of divergence; `missing`: Node has it, Go lacks it; `extra`: Go has it, Node lacks it."""
    node: Json = None
    """The Node side's value at `path` (a summary of the outcome for crash/timeout/error mismatches)."""
    go: Json = None
    """The Go side's value at `path`."""
    node_present: bool = True
    """Whether the Node side has anything at `path`."""
    go_present: bool = True
    """Whether the Go side has anything at `path`."""
    note: str = ""
    """Why this counts as a difference when the values alone do not say (big integers, error renames)."""

    def mirrored(self) -> Difference:
        """The same difference seen from the other side: node and go swapped, missing and extra swapped."""
        return replace(
            self,
            category=_MIRROR.get(self.category, self.category),
            node=self.go,
            go=self.node,
            node_present=self.go_present,
            go_present=self.node_present,
        )
