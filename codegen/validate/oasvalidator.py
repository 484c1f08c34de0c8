"""openapi-spec-validator, configured to be fast, to go on past a failure, and to say where.

Measured on GitHub's REST spec (13 MB, upgraded to 3.1), the library's default path takes ~75 s
here: the whole-document meta-schema check in pure-Python jsonschema (~17 s; the library itself
switches to jsonschema-rs when installed), then a second check of every Schema Object against the
OAS 3.1 dialect meta-schema, again in pure-Python jsonschema, whose `$dynamicRef`s cost ~1 M
`descend`s (~55 s); its "visited" registries are lists searched linearly. Here the same dialect
meta-schema (from openapi-schema-validator's registry) is checked with jsonschema-rs, every error of
a schema is kept (the library keeps the first), the registries are sets, and each path item and
component is guarded so one unresolvable `$ref` or one crash costs only that subtree. The document
is read through `accessor.py` (same nodes, half the validator's time on GitHub's spec).
Its keyword checks (duplicate operation ids, undeclared path parameters, `required` names that no
property defines, defaults that fail their schema, duplicate tags) run unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import jsonschema_rs
from jsonschema.exceptions import ValidationError
from jsonschema_path import SchemaPath
from openapi_schema_validator import OAS31_BASE_DIALECT_ID
from openapi_schema_validator._specifications import REGISTRY as OAS_REGISTRY
from openapi_spec_validator import OpenAPIV31SpecValidator
from openapi_spec_validator.schemas import openapi_v31_schema_validator
from openapi_spec_validator.validation import keywords
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
from referencing.exceptions import Unresolvable

from codegen.spec.document import Spec
from codegen.validate.accessor import schema_path

_DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"


@dataclass(frozen=True)
class Where:
    """Where the validator was when it found a problem."""

    node: object | None
    """The dict or list being checked (found again in the documents by identity), if known."""
    parts: tuple[str | int, ...]
    """The validator's own path from the root document, through `$ref`s (fallback location)."""
    relative: tuple[str | int, ...] = ()
    """Path of the problem inside `node`."""


class LocatedError(OpenAPIValidationError):
    """A validator error with the place it was found."""

    where: Where | None = None
    warning: bool = False
    """Not fatal: a default that fails its schema, a part the library could not check."""


Locate = Callable[[], Where]
"""Where, computed only when an error needs it: reading a node through the library's path
objects is slow, and on a valid spec no error ever asks (~10 % of validating GitHub's spec)."""


def _locate(error: ValidationError, where: Locate) -> LocatedError:
    """`error` as a LocatedError; an error already located keeps its (innermost) place."""
    if isinstance(error, LocatedError) and error.where is not None:
        return error
    located: LocatedError = LocatedError.create_from(error)
    located.where = where()
    return located


def _where(path: SchemaPath) -> Locate:
    def locate() -> Where:
        try:
            node: object | None = path.read_value()
        except Exception:  # reading through a dangling $ref: fall back to the logical path
            node = None
        return Where(node if isinstance(node, dict | list) else None, tuple(path.parts))

    return locate


def _guard(errors: Iterator[ValidationError], where: Locate) -> Iterator[LocatedError]:
    """Locate every error; turn a crash into one error here instead of losing the whole run."""
    try:
        for error in errors:
            yield _locate(error, where)
    except Unresolvable:
        return  # a dangling $ref: the reference check reports it, with both ends
    except Exception:  # the library's own bug: its text would only confuse (`'str' has no 'get'`)
        crash = LocatedError(
            "openapi-spec-validator could not check this part, which is left unchecked: "
            "check that every `$ref` here points at the kind of object OpenAPI expects"
        )
        crash.where = where()
        crash.warning = True
        yield crash


class _IdSet(list[int]):
    """The library's visited-ids registries are lists; `in` on them made validation quadratic."""

    def __init__(self) -> None:
        super().__init__()
        self._members: set[int] = set()

    def append(self, item: int) -> None:
        self._members.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._members


COLLECT_BUDGET = 100_000
"""Schema nodes the `required` check of one schema may visit through allOf/anyOf/oneOf/items/not
(each counted once); past it the check is skipped with a located warning."""


class _TooMuchWork(Exception):
    """The property names reachable from one schema took more than COLLECT_BUDGET nodes."""


class _SchemaValidator(keywords.OpenAPIV31SchemaValidator):
    """Checks each Schema Object against the OAS 3.1 dialect with jsonschema-rs, keeping every error."""

    def __init__(self, registry: Any) -> None:
        super().__init__(registry)
        self.visited_schema_ids: _IdSet = _IdSet()
        self.meta_checked_schema_ids: _IdSet = _IdSet()
        resources = [(uri, OAS_REGISTRY.contents(uri)) for uri in OAS_REGISTRY if "spec.openapis.org" in uri]
        self._dialect = jsonschema_rs.validator_for(
            OAS_REGISTRY.contents(OAS31_BASE_DIALECT_ID),
            registry=jsonschema_rs.Registry(resources),
            validate_formats=True,
        )

    def _fast(self, schema: SchemaPath, value: Mapping[str, Any]) -> bool:
        dialect = value.get("$schema") or self._get_default_jsonschema_dialect_id(schema)
        return dialect == OAS31_BASE_DIALECT_ID

    def __call__(
        self, schema: SchemaPath, require_properties: bool = True, meta_checked: bool = False
    ) -> Iterator[ValidationError]:
        here = _where(schema)
        yield from _guard(self._check(schema, here, require_properties, meta_checked), here)

    def _check(
        self, schema: SchemaPath, here: Locate, require_properties: bool, meta_checked: bool
    ) -> Iterator[ValidationError]:
        value = schema.read_value()
        if not meta_checked and isinstance(value, Mapping) and self._fast(schema, value):
            if id(value) in self.meta_checked_schema_ids:
                meta_checked = True
            else:
                self.meta_checked_schema_ids.append(id(value))
                problems = list(self._dialect.iter_errors(value))
                at = here() if problems else None
                for problem in problems:
                    assert at is not None
                    error = LocatedError(problem.message)
                    error.where = Where(at.node, at.parts, tuple(problem.instance_path))
                    yield error
                if problems:
                    return  # as the library does: the rest assumes a well-formed schema
                meta_checked = True
        try:
            yield from super().__call__(schema, require_properties, meta_checked)
        except _TooMuchWork:
            warning = LocatedError(
                f"the allOf/anyOf/oneOf members here reach more than {COLLECT_BUDGET:,} schemas; "
                "the check that each `required` name is a defined property was skipped"
            )
            warning.where = here()
            warning.warning = True
            yield warning

    def _collect_properties(self, schema: SchemaPath) -> set[str]:
        """The property names reachable from `schema`, as the library's version finds them, but
        each schema visited once (the library's walk is exponential in a chain of allOfs that each
        name the previous schema twice) and a `$ref` cycle cut, under COLLECT_BUDGET."""
        return set(self._collect(schema, {}, set()))

    def _collect(
        self, schema: SchemaPath, seen: dict[int, frozenset[str]], active: set[int]
    ) -> frozenset[str]:
        value = schema.read_value()
        key = id(value)
        if key in seen:
            return seen[key]
        if key in active or not isinstance(value, Mapping):
            return frozenset()  # a cycle adds nothing its first visit does not
        if len(seen) + len(active) >= COLLECT_BUDGET:  # every schema entered so far
            raise _TooMuchWork
        active.add(key)
        names: set[str] = set()
        if isinstance(value.get("properties"), Mapping):
            names.update(str(name) for name in value["properties"])
        for keyword in ("allOf", "anyOf", "oneOf"):
            if keyword in value:
                for member in schema / keyword:
                    names |= self._collect(member, seen, active)
        for keyword in ("items", "not"):
            if keyword in value:
                names |= self._collect(schema / keyword, seen, active)
        active.discard(key)
        seen[key] = frozenset(names)
        return seen[key]


class _DefaultValidator(keywords.OpenAPIV31ValueValidator):
    """A `default` that fails its schema (`default: null` on a non-nullable string, common in
    published specs) is a warning: codegen never emits defaults into decoding."""

    def __call__(self, schema: SchemaPath, value: Any) -> Iterator[ValidationError]:
        for error in super().__call__(schema, value):
            shown = json.dumps(value)
            message = (
                f"`default: {shown if len(shown) <= 40 else shown[:37] + '...'}` does not match its "
                f"schema ({error.message}); the default is ignored: fix or remove it"
            )
            warning = LocatedError(message)
            warning.warning = True
            node = _where(schema)().node
            warning.where = Where(node, tuple(schema.parts), ("default",))
            yield warning


class _MediaTypeValidator(keywords.MediaTypeValidator):
    def __call__(self, mimetype: str, media_type: SchemaPath) -> Iterator[ValidationError]:
        yield from _guard(super().__call__(mimetype, media_type), _where(media_type))


class _SchemasValidator(keywords.SchemasValidator):
    def __call__(self, schemas: SchemaPath) -> Iterator[ValidationError]:
        for _, schema in schemas.items():
            yield from _guard(self.schema_validator(schema), _where(schema))


class _PathsValidator(keywords.PathsValidator):
    def __call__(self, paths: SchemaPath) -> Iterator[ValidationError]:
        for url, path_item in paths.items():
            assert isinstance(url, str)
            yield from _guard(self.path_validator(url, path_item), _where(path_item))


class _OperationValidator(keywords.OperationValidator):
    def __call__(
        self, url: str, name: str, operation: SchemaPath, path_parameters: SchemaPath | None
    ) -> Iterator[ValidationError]:
        where = _where(operation)
        yield from _guard(super().__call__(url, name, operation, path_parameters), where)


class _ParametersValidator(keywords.ParametersValidator):
    def __call__(self, parameters: SchemaPath) -> Iterator[ValidationError]:
        yield from _guard(super().__call__(parameters), _where(parameters))


class _TagsValidator(keywords.TagsValidator):
    def __call__(self, tags: SchemaPath) -> Iterator[ValidationError]:
        yield from _guard(super().__call__(tags), _where(tags))


class _SpecValidator(OpenAPIV31SpecValidator):
    keyword_validators = {  # noqa: RUF012 (typed as the library declares it)
        **OpenAPIV31SpecValidator.keyword_validators,
        "schema": _SchemaValidator,
        "schemas": _SchemasValidator,
        "paths": _PathsValidator,
        "operation": _OperationValidator,
        "parameters": _ParametersValidator,
        "tags": _TagsValidator,
        "mediaType": _MediaTypeValidator,
        "default": _DefaultValidator,
    }


def _handlers(spec: Spec) -> dict[str, Any]:
    """Serve the loaded documents to the validator's resolver; never read a file or the network."""

    def serve(uri: str) -> Any:
        document = spec.documents.get(uri.split("#", 1)[0])
        if document is None:
            raise Unresolvable(uri)
        return document.content

    return {"file": serve, "http": serve, "https": serve}


@dataclass(frozen=True)
class Problem:
    """One error of the validator, before it is turned into a Diagnostic."""

    message: str
    """The validator's message."""
    where: Where
    """Where it was found."""
    warning: bool = False
    """Not fatal (see LocatedError.warning)."""


def run_validator(spec: Spec) -> list[Problem]:
    """Every error openapi-spec-validator finds in a 3.1 spec, in the order it finds them."""
    root = spec.root.content
    problems: list[Problem] = []
    for error in openapi_v31_schema_validator.iter_errors(root):
        problems.append(Problem(error.message, Where(None, tuple(error.absolute_path))))
    path = schema_path(root, spec.root.uri, _handlers(spec))
    validator = _SpecValidator(path, base_uri=spec.root.uri)
    for error in _guard(validator.root_validator(path), lambda: Where(root, ())):
        assert error.where is not None
        problems.append(Problem(error.message, error.where, error.warning))
    return problems
