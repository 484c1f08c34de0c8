"""Path templates → the router's route table, most specific first.

A template such as `/orders/{orderId}/lines/{n}.json` splits into segments: literals, whole-segment
parameters (`{orderId}`) and patterns (`{n}.json`, matched by an anchored Go regexp). Routes are
ordered so that, at the first segment where two templates differ, a literal beats a pattern and a
pattern beats a parameter: `/orders/mine` is tried before `/orders/{orderId}`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from codegen.ir import Operation

_PARAM = re.compile(r"\{([^{}]+)\}")
_METHOD_ORDER = ("get", "head", "post", "put", "patch", "delete", "options", "trace")

LITERAL, PATTERN, PARAMETER = 0, 1, 2
"""Segment ranks: lower is more specific."""


@dataclass(frozen=True)
class Segment:
    """One `/`-separated part of a path template."""

    text: str
    """The segment as written in the template."""
    params: tuple[str, ...]
    """Names of the parameters it binds, in order (empty for a literal)."""

    @property
    def rank(self) -> int:
        """LITERAL, PATTERN (a parameter with literal text around it) or PARAMETER."""
        if not self.params:
            return LITERAL
        return PARAMETER if self.text == "{" + self.params[0] + "}" else PATTERN

    @property
    def regexp(self) -> str:
        """The anchored Go (RE2) regexp of a PATTERN segment: one group per parameter."""
        parts = _PARAM.split(self.text)
        # split() alternates literal text and parameter names.
        return "^" + "".join(re.escape(p) if i % 2 == 0 else "([^/]+?)" for i, p in enumerate(parts)) + "$"


@dataclass(frozen=True)
class Route:
    """One method on one path template, bound to its operation."""

    method: str
    """Upper-case HTTP method."""
    template: str
    """The path template, as in the spec."""
    segments: tuple[Segment, ...]
    """The template's segments (none for `/`)."""
    operation: Operation
    """The operation served."""

    @property
    def specificity(self) -> tuple[int, ...]:
        """Segment ranks in order: routes sort by it, lexicographically."""
        return tuple(s.rank for s in self.segments)


def segments(template: str) -> tuple[Segment, ...]:
    """The segments of a path template; a trailing slash is ignored as the router ignores it."""
    parts = [p for p in template.strip("/").split("/")] if template.strip("/") else []
    return tuple(Segment(p, tuple(_PARAM.findall(p))) for p in parts)


def _method_rank(method: str) -> int:
    return _METHOD_ORDER.index(method) if method in _METHOD_ORDER else len(_METHOD_ORDER)


def route_table(operations: Iterable[Operation]) -> tuple[Route, ...]:
    """Routes of the operations served over HTTP (webhooks are not), most specific first."""
    routes = [
        Route(op.method.upper(), op.path, segments(op.path), op)
        for op in operations
        if op.path.startswith("/") and not op.origin.pointer.startswith("/webhooks/")
    ]
    return tuple(
        sorted(routes, key=lambda r: (r.specificity, r.template, _method_rank(r.operation.method)))
    )
