"""The zod shim against zod 3 on node: the fleet's schemas (inventory-sam adjustStock, orders-service
createOrder) on valid and invalid inputs, compared issue by issue (codes, paths, messages, key order)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.port.libs.conftest import GoModule, run_steps

pytestmark = pytest.mark.slow  # go build, node and npm

SKU = ["regex", "^[A-Z0-9-]{4,32}$"]
ADJUSTMENT: dict[str, Any] = {
    "t": "object",
    "shape": {
        "sku": {"t": "string", "chain": [SKU]},
        "delta": {"t": "number", "chain": [["int"], ["refine", "nonzero", "delta must not be zero"]]},
        "reason": {"t": "enum", "values": ["RECEIVED", "SOLD", "RETURNED", "DAMAGED", "RECOUNT"]},
        "reference": {"t": "string", "chain": [["max", 64], ["optional"]]},
    },
}
ORDER: dict[str, Any] = {
    "t": "object",
    "shape": {
        "currency": {"t": "enum", "values": ["EUR", "USD", "GBP"], "chain": [["default", "EUR"]]},
        "items": {
            "t": "array",
            "of": {
                "t": "object",
                "shape": {
                    "sku": {"t": "string", "chain": [SKU]},
                    "quantity": {"t": "number", "chain": [["int"], ["min", 1], ["max", 99]]},
                    "unitPriceCents": {"t": "number", "chain": [["int"], ["nonnegative"]]},
                },
            },
            "chain": [["min", 1], ["max", 50]],
        },
        "shippingAddress": {
            "t": "object",
            "shape": {
                "name": {"t": "string", "chain": [["min", 1], ["max", 120]]},
                "line2": {"t": "string", "chain": [["max", 200], ["optional"]]},
                "country": {"t": "string", "chain": [["length", 2]]},
            },
        },
        "notes": {"t": "string", "chain": [["max", 500], ["optional"]]},
    },
}
ADDRESS = {"name": "Ann", "country": "FR"}
CASES: dict[str, tuple[dict[str, Any], Any]] = {
    "adjustment ok": (ADJUSTMENT, {"sku": "AB-12", "delta": -3, "reason": "SOLD", "extra": 1}),
    "adjustment zero float bad enum": (ADJUSTMENT, {"sku": "ab", "delta": 0, "reason": "LOST"}),
    "adjustment float": (ADJUSTMENT, {"sku": "ABCD", "delta": 1.5, "reason": "SOLD", "reference": "x" * 70}),
    "adjustment wrong types": (ADJUSTMENT, {"sku": 5, "delta": "1", "reason": None}),
    "adjustment empty": (ADJUSTMENT, {}),
    "adjustment not an object": (ADJUSTMENT, "hello"),
    "order ok with default": (
        ORDER,
        {"items": [{"sku": "ABCD", "quantity": 2, "unitPriceCents": 150}], "shippingAddress": ADDRESS},
    ),
    "order bad items": (
        ORDER,
        {
            "currency": "JPY",
            "items": [{"sku": "ABCD", "quantity": 0, "unitPriceCents": -1}, {"sku": "x", "quantity": 100.5}],
            "shippingAddress": {"name": "", "country": "FRA", "line2": "y" * 201},
        },
    ),
    "order no items": (ORDER, {"items": [], "shippingAddress": ADDRESS, "notes": "n" * 501}),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_zod_matches_zod_on_node(go_module: GoModule, node_modules: Path, case: str) -> None:
    schema, value = CASES[case]
    steps: list[dict[str, object]] = [{"zod": {"schema": schema, "input": value}}]
    js = run_steps(["node", str(node_modules / "driver.js")], steps, "http://127.0.0.1:9", node_modules)
    go = run_steps([str(go_module.driver)], steps, "http://127.0.0.1:9", go_module.folder)
    assert json.dumps(go) == json.dumps(js)  # byte for byte, key order included
