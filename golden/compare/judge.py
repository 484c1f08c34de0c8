"""Judge one case: the differences between the Node side's outcome and the Go side's.

- success vs success: payloads compared as JSON (`golden.compare.jsondiff`), through API Gateway normalisation
  (`golden.compare.normalize`) when Node's payload is a proxy response; payloads that are not JSON
  compare as bytes.
- error vs error (invoke or init errors alike): `error-type` at `/errorType` when Go's type is not the one
  expected (Node's, or its rename in `error_types`); `error-message` at `/errorMessage` only when
  `compare_messages` is set.
- success vs error: `error-type` at "" with both outcomes summarised.
- a timeout or a crash on one side only: `timeout` / `crash` at "" with both outcomes summarised (when
  the sides fail differently, Go's kind names the category). Both sides timing out, or both crashing,
  is the same behaviour and no difference. These outcome-level differences are never ignored by paths.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from golden.compare.difference import Category, Difference
from golden.compare.jsondiff import FloatTolerance, JsonOptions, diff_json
from golden.compare.normalize import diff_api_gateway, is_api_gateway_response
from golden.compare.pointer import covered
from golden.outcome import Crash, FunctionError, InitError, Json, Outcome, Result, Success, Timeout


@dataclass(frozen=True)
class CompareConfig:
    """What the user configured (`[tool.migrate.golden]`); globs are JSON-pointer globs
    (`golden.compare.pointer`)."""

    ignore_paths: tuple[str, ...] = ()
    """Differences at or under these paths are dropped."""
    ignore_order_paths: tuple[str, ...] = ()
    """Arrays at these paths compare as multisets."""
    float_tolerance: FloatTolerance = field(default_factory=FloatTolerance)
    """Numbers within it are equal; default exact."""
    error_types: Mapping[str, str] = field(default_factory=dict)
    """Intentional renames: Node error type → the Go error type expected in its place."""
    compare_messages: bool = False
    """Whether error messages must match too."""

    @property
    def json_options(self) -> JsonOptions:
        return JsonOptions(self.ignore_paths, self.ignore_order_paths, self.float_tolerance)


def compare(node: Outcome, go: Outcome, config: CompareConfig) -> list[Difference]:
    """Every difference between the two outcomes of one case, in a deterministic order."""
    a, b = node.result, go.result
    if isinstance(a, Success) and isinstance(b, Success):
        return _compare_success(a, b, config)
    if isinstance(a, FunctionError | InitError) and isinstance(b, FunctionError | InitError):
        return _compare_errors(a, b, config)
    if a.kind == b.kind and a.kind in ("timeout", "crash"):
        return []
    category: Category
    if isinstance(b, Timeout | Crash):
        category = b.kind
    elif isinstance(a, Timeout | Crash):
        category = a.kind
    else:
        category = "error-type"
    return [Difference("", category, summary(a), summary(b))]


def summary(result: Result) -> Json:
    """A short JSON picture of an outcome, for differences that set one kind of outcome against another."""
    if isinstance(result, Success):
        if result.is_json:
            return {"kind": "success", "value": result.value}
        return {"kind": "success", "payload": result.payload.decode("utf-8", "replace")}
    if isinstance(result, FunctionError | InitError):
        return {"kind": result.kind, "type": result.type, "message": result.message}
    if isinstance(result, Timeout):
        return {"kind": "timeout", "limit_s": result.limit_s, "phase": result.phase}
    return {"kind": "crash", "reason": result.reason, "delivered": result.delivered}


def _compare_success(node: Success, go: Success, config: CompareConfig) -> list[Difference]:
    options = config.json_options
    if node.is_json and go.is_json:
        if is_api_gateway_response(node.value):
            assert isinstance(node.value, dict)
            return diff_api_gateway(node.value, go.value, options)
        return diff_json(node.value, go.value, options)
    if node.payload == go.payload or covered(config.ignore_paths, ""):
        return []
    note = "payload is not JSON; compared as bytes"
    return [Difference("", "value", _payload(node), _payload(go), note=note)]


def _payload(result: Success) -> Json:
    return result.value if result.is_json else result.payload.decode("utf-8", "replace")


def _compare_errors(
    node: FunctionError | InitError, go: FunctionError | InitError, config: CompareConfig
) -> list[Difference]:
    out: list[Difference] = []
    expected = config.error_types.get(node.type, node.type)
    if go.type != expected:
        note = f"expected {expected!r} (renamed from {node.type!r})" if expected != node.type else ""
        out.append(Difference("/errorType", "error-type", node.type, go.type, note=note))
    elif node.kind != go.kind:
        note = f"Node raised it as an {node.kind}, Go as an {go.kind}"
        out.append(Difference("/errorType", "error-type", node.type, go.type, note=note))
    if config.compare_messages and node.message != go.message:
        out.append(Difference("/errorMessage", "error-message", node.message, go.message))
    return [d for d in out if not covered(config.ignore_paths, d.path)]
