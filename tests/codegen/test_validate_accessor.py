"""The validator's faster path accessor reads exactly what jsonschema-path's own accessor reads."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema_path import SchemaPath

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
