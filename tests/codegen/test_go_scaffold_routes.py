"""Route table of the Go scaffold: segment kinds and most-specific-first ordering."""

from __future__ import annotations

import itertools
import re

from codegen.emit.go.scaffold_routes import LITERAL, PARAMETER, PATTERN, route_table, segments
from codegen.ir import Operation, Origin


def op(method: str, path: str, where: str = "paths") -> Operation:
    pointer = f"/{where}/" + path.replace("~", "~0").replace("/", "~1")
    return Operation(
        id=f"{method}{path}",
        name="X",
        method=method,
        path=path,
        parameters=(),
        request_body=None,
        responses=(),
        origin=Origin("spec.yaml", pointer),
    )


def test_segments_are_literals_parameters_or_patterns() -> None:
    parts = segments("/orders/{orderId}/files/{name}.{ext}/")
    assert [s.rank for s in parts] == [LITERAL, PARAMETER, LITERAL, PATTERN]
    assert parts[1].params == ("orderId",)
    assert parts[3].params == ("name", "ext")
    found = re.match(parts[3].regexp, "report.v2.json")
    assert found is not None and found.groups() == ("report", "v2.json")
    assert re.match(parts[3].regexp, "report") is None
    assert segments("/") == ()


def test_literal_segments_beat_templated_ones_whatever_the_spec_order() -> None:
    ops = [
        op("get", "/items/{id}"),
        op("get", "/items/mine"),
        op("get", "/{kind}/mine"),
        op("get", "/files/{name}"),
        op("get", "/files/{name}.json"),
        op("get", "/files/list"),
        op("delete", "/items/{id}"),
        op("post", "/items/{id}"),
    ]
    expected = [
        "GET /files/list",
        "GET /items/mine",
        "GET /files/{name}.json",
        "GET /files/{name}",
        "GET /items/{id}",
        "POST /items/{id}",
        "DELETE /items/{id}",
        "GET /{kind}/mine",
    ]
    for order in itertools.islice(itertools.permutations(ops), 0, None, 997):
        assert [f"{r.method} {r.template}" for r in route_table(order)] == expected


def test_webhooks_are_not_routed() -> None:
    routes = route_table([op("post", "/orders"), op("post", "newPet", where="webhooks")])
    assert [r.template for r in routes] == ["/orders"]
