"""Which spec operations an API function serves: its routes (method + path from the scan's event
evidence) matched to the operations of `--spec` by method and normalised path template. Pure.

Normalising: the method is upper-cased (`ANY`, `*` match every method); the path gets a leading
slash and loses a trailing one; every `{name}` segment is a parameter whatever its name; a last
segment `{name+}` (API Gateway's greedy `{proxy+}`) matches one or more further segments; a path
`*` (serverless `httpApi: '*'`) matches every path. Templates must otherwise be equal segment by
segment (`/items/mine` is not `/items/{id}`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from migrator.scan.model import Function

#: Event kinds whose events are HTTP requests the spec's operations describe.
API_KINDS = ("api-gateway-rest", "api-gateway-http", "function-url")
_METHODS = ("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY", "*")
#: `… METHOD PATH` at the end of an evidence detail (SAM `GetItem: HttpApi GET /items/{sku}`,
#: serverless `http POST orders`, an OpenAPI body's `InboundApi DefinitionBody POST /messages`).
_ROUTE = re.compile(r"(?:^|\s)(" + "|".join(re.escape(m) for m in _METHODS) + r")\s+(\S+)\s*$", re.IGNORECASE)
_PARAM = re.compile(r"^\{[^{}/]+\}$")
_GREEDY = re.compile(r"^\{[^{}/]+\+\}$")


@dataclass(frozen=True)
class Route:
    """One method and path an API function is invoked for, as its config declares it."""

    kind: str  #: scan event kind (api-gateway-rest, api-gateway-http, function-url)
    method: str  #: upper case; `ANY` for every method
    path: str  #: as declared, e.g. `/items/{sku}`; `*` for every path
    where: str  #: `file:line` of the declaration

    def label(self) -> str:
        return f"{self.method} {self.path} ({self.where})"


@dataclass(frozen=True)
class RouteGap:
    """An API event of the function that binds no operation: why, in one line."""

    kind: str
    reason: str  #: e.g. `GET /x (template.yaml:80) matches no operation of api.yaml`


def routes_of(function: Function) -> tuple[tuple[Route, ...], tuple[RouteGap, ...]]:
    """The function's declared routes, and its API events that name no method and path."""
    routes: list[Route] = []
    gaps: list[RouteGap] = []
    for evidence in function.event_evidence:
        if evidence.kind not in API_KINDS:
            continue
        where = f"{evidence.file or '?'}:{evidence.line or '?'}"
        found = _ROUTE.search(evidence.detail)
        if found is None and evidence.detail.rstrip().endswith(" *"):  # serverless `httpApi: '*'`
            routes.append(Route(evidence.kind, "ANY", "*", where))
            continue
        if found is None:
            why = f"{evidence.kind} ({where}: {evidence.detail}) names no method and path"
            gaps.append(RouteGap(evidence.kind, why))
            continue
        method = found.group(1).upper()
        routes.append(Route(evidence.kind, "ANY" if method == "*" else method, found.group(2), where))
    return tuple(routes), tuple(gaps)


def segments(path: str) -> tuple[str, ...]:
    """A path template as comparable segments: `{}` for a parameter, `{+}` for a greedy one."""
    parts = [p for p in path.strip().strip("/").split("/") if p]
    return tuple("{+}" if _GREEDY.match(p) else "{}" if _PARAM.match(p) else p for p in parts)


def path_matches(route_path: str, spec_path: str) -> bool:
    """Whether a declared route path covers a spec path template."""
    if route_path.strip() == "*":
        return True
    route, spec = segments(route_path), segments(spec_path)
    if route and route[-1] == "{+}":
        head = route[:-1]
        return len(spec) > len(head) and spec[: len(head)] == head
    return route == spec


def method_matches(route_method: str, spec_method: str) -> bool:
    return route_method == "ANY" or route_method == spec_method.upper()


@dataclass(frozen=True)
class Bound:
    """One route and the spec operations (by index) it covers."""

    route: Route
    operations: tuple[int, ...]


def bind(routes: Sequence[Route], operations: Sequence[tuple[str, str]]) -> tuple[Bound, ...]:
    """Each route with the indices of the `(method, path)` operations it covers, in spec order."""
    return tuple(
        Bound(
            route,
            tuple(
                i
                for i, (method, path) in enumerate(operations)
                if method_matches(route.method, method) and path_matches(route.path, path)
            ),
        )
        for route in routes
    )
