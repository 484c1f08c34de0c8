"""`GoldenRequest`, the parsed options of `migrate golden`: a request that cannot run cannot be made."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from golden.command import FromSpec, GoldenRequest, RequestError

SIDES: dict[str, Any] = {"node": "index.js", "go": Path("port")}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({**SIDES}, "give the cases once"),
        ({**SIDES, "cases": Path("c"), "from_spec": FromSpec(Path("s.yaml"), "op")}, "give the cases once"),
        ({"node": "index.js", "cases": Path("c")}, "name both sides"),
        ({"go_lambda": "orders", "cases": Path("c")}, "name both sides"),
        ({**SIDES, "from_spec": FromSpec(Path("s.yaml"), None)}, "--from-spec needs --operation ID"),
        (
            {**SIDES, "cases": Path("c"), "output_format": "sarif"},
            "--format is one of table, json, junit, html",
        ),
    ],
)
def test_a_request_that_cannot_run_is_refused(options: dict[str, Any], message: str) -> None:
    with pytest.raises(RequestError, match=message):
        GoldenRequest(**options)


def test_a_request_says_where_its_sides_run() -> None:
    local = GoldenRequest(**SIDES, cases=Path("c"))
    assert (local.local, local.remote) == (True, False)
    mixed = GoldenRequest(node="index.js", go_lambda="orders-go", cases=Path("c"))
    assert (mixed.local, mixed.remote) == (True, True)
    deployed = GoldenRequest(node_lambda="orders", go_lambda="orders-go", cases=Path("c"))
    assert (deployed.local, deployed.remote) == (False, True)
