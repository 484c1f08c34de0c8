"""The validator's faster path accessor reads exactly what jsonschema-path's own accessor reads."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema_path import SchemaPath
from jsonschema_path.paths import SPEC_SEPARATOR

from codegen.spec.load import load_spec
from codegen.validate.accessor import schema_path
from codegen.validate.oasvalidator import _handlers
from tests.codegen.conftest import SPECS


def _read(path: SchemaPath, parts: tuple[Any, ...]) -> tuple[str, Any]:
    """("ok", the node) or (the exception's type name, its message)."""
    try:
        return "ok", path.accessor[list(parts)]
    except Exception as exc:  # the same failure, of the same type, is part of the contract
        return type(exc).__name__, str(exc)


def _paths(path: SchemaPath, limit: int = 5_000) -> list[tuple[Any, ...]]:
    """Paths as the validator walks them, through `$ref`s (and round cycles, up to `limit`)."""
    found: list[tuple[Any, ...]] = []
    queue: list[tuple[Any, ...]] = [()]
    while queue and len(found) < limit:
        parts = queue.pop(0)
        found.append(parts)
        state, node = _read(path, parts)
        if state != "ok":
            continue
        children = node if isinstance(node, dict) else range(len(node)) if isinstance(node, list) else ()
        queue.extend((*parts, child) for child in children)
    return found


@pytest.mark.parametrize("name", ["split/root.yaml", "shop.yaml", "realworld.yaml", "broken/dangling.yaml"])
def test_every_path_reads_the_same_node_or_fails_the_same_way(name: str) -> None:
    spec = load_spec(SPECS / name)
    root, uri = spec.root.content, spec.root.uri
    ours = schema_path(root, uri, _handlers(spec))
    theirs = SchemaPath.from_dict(root, base_uri=uri, handlers=_handlers(spec), resolved_cache_maxsize=4096)
    paths = [*_paths(theirs), ("components", "nope"), ("paths", 0, "x"), ("openapi", 0, 0)]
    paths += [(*p, "$ref") for p in paths]
    for parts in paths:
        mine, other = _read(ours, parts), _read(theirs, parts)
        assert mine[0] == other[0], parts
        if mine[0] == "ok":
            assert mine[1] is other[1], parts
        else:
            assert mine == other, parts


def _answers(path: SchemaPath, probes: list[Any]) -> list[tuple[str, Any]]:
    """What `probe in path` and `path.read_value()` give: the value, or the exception's type."""
    out: list[tuple[str, Any]] = []
    for ask in [*(lambda p=p: p in path for p in probes), path.read_value]:
        try:
            out.append(("ok", ask()))
        except Exception as exc:  # the same failure is part of the contract
            out.append((type(exc).__name__, None))
    return out


@pytest.mark.parametrize("name", ["split/root.yaml", "shop.yaml", "broken/dangling.yaml"])
def test_membership_and_reads_of_its_paths_match_the_library(name: str) -> None:
    """The validator tests `key in path` and calls `path.read_value()` on the paths it walks; ours
    answer from the accessor directly and must answer exactly as the library's SchemaPath does
    over the same accessor (dangling `$ref`s included: both raise, and the validator reports)."""
    spec = load_spec(SPECS / name)
    ours = schema_path(spec.root.content, spec.root.uri, _handlers(spec))
    theirs = SchemaPath(ours.accessor, separator=SPEC_SEPARATOR)
    assert type(ours) is not SchemaPath  # what is compared is really the faster class
    probes: list[Any] = ["allOf", "properties", "type", "$ref", "nope", 0, 1, -1]
    for parts in [*_paths(theirs, limit=2_000), ("components", "nope"), ("openapi", 0)]:
        mine, other = ours, theirs
        for part in parts:
            mine, other = mine / part, other / part
        got, expected = _answers(mine, probes), _answers(other, probes)
        assert [a[0] for a in got] == [a[0] for a in expected], parts
        assert all(a[1] is b[1] or a[1] == b[1] for a, b in zip(got, expected, strict=True)), parts
