"""Validate a 3.1 spec: our `$ref` walk, openapi-spec-validator, then our keyword checks.

Every finding becomes a located Diagnostic (file:line:column and JSON pointer). `validate` raises
SpecError when there are errors, or warnings under `strict`; `collect` only collects.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from codegen.errors import Diagnostic, Level, SpecError
from codegen.spec.document import Spec
from codegen.spec.pointers import from_parts, join, lookup
from codegen.validate.keywords import check_keywords
from codegen.validate.refcheck import check_refs

if TYPE_CHECKING:
    from codegen.validate.oasvalidator import Problem

_TYPES = ("array", "boolean", "integer", "null", "number", "object", "string")


def _index(spec: Spec) -> dict[int, tuple[str, str]]:
    """id() of every dict and list of every document → (document URI, pointer)."""
    index: dict[int, tuple[str, str]] = {}
    for document in spec.documents.values():
        stack: list[tuple[Any, str]] = [(document.content, "")]
        while stack:
            node, at = stack.pop()
            if isinstance(node, dict):
                index.setdefault(id(node), (document.uri, at))
                stack.extend((v, join(at, k)) for k, v in node.items() if isinstance(v, dict | list))
            elif isinstance(node, list):
                index.setdefault(id(node), (document.uri, at))
                stack.extend((v, join(at, i)) for i, v in enumerate(node) if isinstance(v, dict | list))
    return index


def _shorten(message: str, limit: int = 240) -> str:
    """The validator quotes whole offending values; keep messages to one readable line."""
    message = " ".join(message.split())
    if len(message) <= limit:
        return message
    half = (limit - 5) // 2
    return f"{message[:half]} [..] {message[-half:]}"


def _type_message(value: Any) -> str | None:
    """A better message than "not valid under any of the schemas" for a wrong `type`."""
    names = value if isinstance(value, list) else [value]
    wrong = [n for n in names if n not in _TYPES]
    if not wrong:
        return None
    parts = []
    for name in wrong:
        close = difflib.get_close_matches(str(name), _TYPES, n=1, cutoff=0.5)
        parts.append(f"`{json.dumps(name)}`" + (f" (did you mean `{close[0]}`?)" if close else ""))
    return f"{', '.join(parts)} is not a JSON Schema type; `type` takes one or a list of: {', '.join(_TYPES)}"


def _to_diagnostic(spec: Spec, problem: Problem, index: dict[int, tuple[str, str]]) -> Diagnostic:
    where = problem.where
    uri, base = spec.root.uri, from_parts(where.parts)
    if where.node is not None and id(where.node) in index:
        uri, base = index[id(where.node)]
    pointer = join(base, *where.relative)
    message = _shorten(problem.message)
    if where.relative and where.relative[-1] == "type":
        found, value = lookup(spec.documents[uri].content, pointer)
        better = _type_message(value) if found else None
        message = better or message
    level = Level.WARNING if problem.warning else Level.ERROR
    return spec.diagnostic(level, message, uri, pointer)


def _version(spec: Spec) -> Diagnostic | None:
    content = spec.content
    if not isinstance(content, dict):
        return spec.diagnostic(Level.ERROR, "an OpenAPI document is a mapping at the top", spec.root.uri, "")
    version = content.get("openapi")
    if isinstance(version, str) and version.startswith("3.1"):
        return None
    if isinstance(version, str) and version.startswith("3.0"):
        message = f"`openapi: {version}` must go through codegen.spec.upgrade before validation"
    elif "swagger" in content:
        message = "Swagger 2.0 is not read: convert it to OpenAPI 3 first (e.g. with swagger2openapi)"
    else:
        message = f"`openapi: {version}` is not a version codegen reads: use 3.0.x or 3.1.x"
    return spec.diagnostic(Level.ERROR, message, spec.root.uri, "/openapi" if "openapi" in content else "")


def collect(spec: Spec) -> list[Diagnostic]:
    """Every diagnostic about an (upgraded) spec: load warnings, dangling refs, validator, keywords."""
    found = list(spec.diagnostics)
    unsupported = _version(spec)
    if unsupported is not None:
        return [*found, unsupported]
    found.extend(check_refs(spec))
    # Imported here: openapi-spec-validator and its dependencies take ~0.3 s to import, which the
    # pipeline's critical path need not pay when validation runs in a child process.
    from codegen.validate.oasvalidator import run_validator

    problems = run_validator(spec)
    if problems:
        index = _index(spec)
        found.extend(_dedupe(_to_diagnostic(spec, p, index) for p in problems))
    found.extend(check_keywords(spec))
    return found


def _dedupe(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The validator reaches shared schemas along several paths; report each problem once."""
    return list(dict.fromkeys(diagnostics))


def fatal(diagnostics: Iterable[Diagnostic], *, strict: bool = False) -> bool:
    """Whether these diagnostics stop codegen: any error, or any warning under `strict`."""
    stopping = {Level.ERROR, Level.WARNING} if strict else {Level.ERROR}
    return any(d.level in stopping for d in diagnostics)


def validate(spec: Spec, *, strict: bool = False) -> tuple[Diagnostic, ...]:
    """The spec's diagnostics if it can be used; raises SpecError with all of them if not."""
    diagnostics = collect(spec)
    if fatal(diagnostics, strict=strict):
        raise SpecError(diagnostics)
    return tuple(diagnostics)
