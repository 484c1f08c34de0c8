"""The golden report's JSON Schema (golden/report/schemas/golden-report.schema.json): a valid Draft
2020-12 schema, closed exactly where the report's dataclasses are, accepting what the JSON format
writes and refusing what it never writes. Real `migrate golden --format json` output is validated
against it in test_golden_cli.py and test_golden_cli_modes.py (`assert_valid_report`)."""

from __future__ import annotations

import dataclasses
import json
from importlib import resources
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from golden.compare.cost import Cost, SideCost
from golden.compare.difference import CATEGORIES, Difference
from golden.compare.latency import Latency
from golden.compare.noise import NoisyPath
from golden.report import render
from golden.session import CaseLatency, CaseResult, GoldenReport, Summary
from tests.golden.test_reports import build_report

SCHEMA: dict[str, Any] = json.loads(
    resources.files("golden.report").joinpath("schemas", "golden-report.schema.json").read_text("utf-8")
)


def assert_valid_report(report: object) -> None:
    """Every way `report` breaks the golden report schema, as one failure listing them all."""
    errors = [
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
        for e in Draft202012Validator(SCHEMA).iter_errors(report)
    ]
    assert not errors, "\n".join(errors)


@pytest.fixture(scope="module")
def report() -> GoldenReport:
    return build_report()


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize(
    ("kind", "where"),
    [
        (GoldenReport, SCHEMA),
        (CaseResult, SCHEMA["$defs"]["case"]),
        (Difference, SCHEMA["$defs"]["difference"]),
        (NoisyPath, SCHEMA["$defs"]["noisyPath"]),
        (CaseLatency, SCHEMA["$defs"]["caseLatency"]),
        (Latency, SCHEMA["$defs"]["latency"]),
        (Summary, SCHEMA["$defs"]["summary"]),
        (Cost, SCHEMA["$defs"]["cost"]),
        (SideCost, SCHEMA["$defs"]["sideCost"]),
    ],
)
def test_each_object_is_closed_and_requires_exactly_its_dataclass_fields(
    kind: type, where: dict[str, Any]
) -> None:
    names = {f.name for f in dataclasses.fields(kind)}
    assert where["additionalProperties"] is False
    assert set(where["required"]) == names == set(where["properties"])


def test_every_documented_category_is_one_the_comparison_makes() -> None:
    categories = SCHEMA["$defs"]["difference"]["properties"]["category"]["enum"]
    assert set(categories) == set(CATEGORIES) - {"latency"}  # latency is judged beside, never a difference


def test_the_json_format_follows_the_schema(report: GoldenReport) -> None:
    assert_valid_report(json.loads(render(report, "json")))
    cost = Cost(
        "2025-01-01", "us-east-1", 1024, SideCost(2.0, {"x86_64": 0.2, "arm64": 0.2}), SideCost(None, None)
    )
    priced = dataclasses.replace(report, cost=cost, latency_mode="report")
    assert_valid_report(json.loads(render(priced, "json")))


@pytest.mark.parametrize(
    "breakage",
    [
        lambda r: r.pop("verdict"),
        lambda r: r.update(extra=1),
        lambda r: r["cases"][0].update(verdict="maybe"),
        lambda r: r["cases"][1]["differences"][0].update(category="latency"),
        lambda r: r["cases"][0]["latency"].pop("note"),
        lambda r: r["summary"].update(total=-1),
        lambda r: r.update(cost={"prices_date": "x"}),
    ],
)
def test_what_the_json_format_never_writes_is_refused(report: GoldenReport, breakage: Any) -> None:
    data = json.loads(render(report, "json"))
    breakage(data)
    assert list(Draft202012Validator(SCHEMA).iter_errors(data))
