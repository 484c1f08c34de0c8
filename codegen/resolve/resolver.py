"""A validated 3.1 spec → the IR (`Api`), plus the diagnostics resolution found (allOf conflicts, ...).

Component schemas are named first, in spec order, so their names never depend on what refers to
them; inline types are named from their location (see `locnames.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

from codegen.errors import Diagnostic
from codegen.ir import Api
from codegen.names import pascal
from codegen.resolve.operations import operations
from codegen.resolve.typeres import Loc, TypeResolver
from codegen.spec.document import Spec
from codegen.spec.pointers import split


@dataclass(frozen=True)
class Resolved:
    """The result of `resolve`."""

    api: Api
    """The IR."""
    diagnostics: tuple[Diagnostic, ...]
    """Warnings about constructs the IR had to simplify; never errors (validation ran before)."""


def resolve(spec: Spec) -> Resolved:
    """Resolve a spec (upgraded to 3.1 and validated) into the IR."""
    r = TypeResolver(spec)
    content = spec.content if isinstance(spec.content, dict) else {}
    components = content.get("components")
    schemas = components.get("schemas") if isinstance(components, dict) else None
    locations = [Loc(spec.root, "").child("components", "schemas", key) for key in schemas or {}]
    for loc in locations:
        r.reserve(loc, pascal(split(loc.pointer)[-1]))
    component_names = [r.define(loc).name for loc in locations]
    ops = operations(r)
    order = {name: index for index, name in enumerate(component_names)}
    named = sorted(r.schemas.values(), key=lambda s: (0, order[s.name]) if s.name in order else (1, 0))
    info = content.get("info")
    info = info if isinstance(info, dict) else {}
    api = Api(
        title=str(info.get("title", "")),
        version=str(info.get("version", "")),
        schemas=tuple(named),
        operations=tuple(ops),
        description=info.get("description") if isinstance(info.get("description"), str) else None,
    )
    return Resolved(api, tuple(r.diagnostics))
