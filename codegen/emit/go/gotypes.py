"""Go names and type expressions for the IR: the one object every Go template asks.

`GoTypes(api, reserved=())` is built once per `Api`; it is the contract between the types emitter
and the scaffold (operations, router) emitter:

- `name(schema)` — the Go identifier of a named schema (`x-go-name` if it is a valid exported
  identifier, else `codegen.names.go_name`), unique in the package: names collide neither with
  each other (`UserId`/`UserID` → `UserID`, `UserID2`), nor with the runtime's exported names
  (`RUNTIME_NAMES`), nor with `reserved` (names the scaffold declares). Deterministic: schemas are
  named in `Api.schemas` order.
- `expr(ref)` — the Go type of a value of `ref`, ignoring nullability: `string`, `int64`,
  `[]Item`, `map[string]any`, `time.Time`, `Date`, `[]byte` (format byte), `Binary` (format binary).
- `field(ref, required)` — a `GoField`: the Go type of a struct field / parameter holding `ref`
  and whether its json tag takes `,omitzero`:

  | required | nullable | Go type | absent / null |
  |---|---|---|---|
  | yes | no  | `T` | decode reports `required` / `type` |
  | yes | yes | `*T` (`T` if nil-able: slice, map, any) | — / nil |
  | no  | no  | `*T` (`T` if nil-able), `omitempty` (`omitzero`) | nil / decode reports `type` |
  | no  | yes | `Nullable[T]`, `omitzero` | absent state / null state |

- `imports(ref)` / `field_imports(...)` — the import paths the expression needs.
- `has_methods(name)` — whether the named Go type has `Validate() error` (every named type
  except aliases of foreign types: `x-go-type`, `any`, and aliases of other named types that lack it).
- `validation(ref, value, at, required=True)` — Go statements checking a value of `ref` held as
  `field(ref, required)` says (enums, the IR's `Constraints`, nested `ValidateAt` calls), appending
  to a variable `errs` of type `*ValidationErrors`, with pointers under the Go string expression
  `at`; "" when there is nothing to check. Pattern variables (`patternN`) for every `pattern` in
  the Api, schemas and operations alike, are declared by `validate.gen.go`.
- `taken` — every exported package-level identifier the types use (type names, enum and const
  constants, runtime names), so a scaffold picks its own with `codegen.names.unique`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from codegen.emit.go.graph import strongly_connected
from codegen.emit.go.hints import GoTypeHint, go_type_hint
from codegen.ir import (
    AliasDef,
    AnyDef,
    AnyValue,
    Api,
    ArrayDef,
    ConstDef,
    EnumDef,
    ListOf,
    MapDef,
    MapOf,
    Named,
    ObjectDef,
    Scalar,
    ScalarDef,
    Schema,
    TupleDef,
    TypeRef,
    UnionDef,
)
from codegen.names import allocate, go_name

if TYPE_CHECKING:
    from codegen.emit.go.checks import Checks

RUNTIME_NAMES = frozenset(
    {
        "Nullable",
        "NewNullable",
        "NewNull",
        "Date",
        "ParseDate",
        "Binary",
        "Problem",
        "ValidationErrors",
        "AsValidationErrors",
    }
)
"""Exported identifiers `runtime.gen.go` declares."""

METHOD_NAMES = frozenset({"Validate", "ValidateAt", "MarshalJSON", "UnmarshalJSON", "Valid"})
"""Methods generated types get: no struct field may be named like them."""

_IDENT = re.compile(r"^[A-Z][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class GoField:
    """How a value of a TypeRef is held in a struct field (or a parameter)."""

    type: str
    """The Go type expression: `string`, `*Item`, `[]string`, `Nullable[int64]`, ..."""
    omit: bool
    """Whether the json tag takes `,omitzero` (optional properties)."""
    presence: str
    """How absence and null are held: `value` (neither possible), `pointer` (nil), `nil` (the
    type's own nil: slice, map, any), `nullable` (`Nullable[T]` states)."""
    value: str
    """The Go type of the value itself (`expr(ref)`), without the pointer or `Nullable`."""

    @property
    def tag_options(self) -> str:
        """`,omitempty` (a pointer: nil only, never what it points to), `,omitzero` or ""."""
        return self.options(omit=self.omit)

    def options(self, omit: bool) -> str:
        """`tag_options` as if `omit` were given (without building another Held)."""
        if not omit:
            return ""
        return ",omitempty" if self.presence == "pointer" else ",omitzero"


def scalar_expr(scalar: Scalar) -> str:
    """The Go type of a primitive with its format."""
    if scalar.type == "string":
        return {"date-time": "time.Time", "date": "Date", "byte": "[]byte", "binary": "Binary"}.get(
            scalar.format or "", "string"
        )
    if scalar.type == "integer":
        return "int32" if scalar.format == "int32" else "int64"
    if scalar.type == "number":
        return "float32" if scalar.format == "float" else "float64"
    if scalar.type == "boolean":
        return "bool"
    return "any"


class GoTypes:
    """Go identifiers and type expressions for one Api (see the module docstring)."""

    def __init__(self, api: Api, reserved: Iterable[str] = ()) -> None:
        self.api = api
        taken = set(RUNTIME_NAMES) | set(reserved)
        self._names: dict[str, str] = {}
        for schema in api.schemas:
            self._names[schema.name] = allocate(_preferred(schema), taken)
        self._hints: dict[str, GoTypeHint] = {}
        self._held: dict[tuple[TypeRef, bool], GoField] = {}
        generated = frozenset(self._names.values())
        for schema in api.schemas:
            hint = go_type_hint(schema.go, generated)
            if hint is not None:
                self._hints[schema.name] = hint
        self._constants: dict[tuple[str, int], str] = {}
        for schema in api.schemas:
            definition = schema.definition
            if self.hint(schema.name) is not None:
                continue
            if isinstance(definition, EnumDef):
                for index, member in enumerate(definition.members):
                    base = self._names[schema.name] + go_name(member.name)
                    self._constants[(schema.name, index)] = allocate(base, taken)
            elif isinstance(definition, ConstDef) and definition.base not in (None, "null"):
                self._constants[(schema.name, 0)] = allocate(self._names[schema.name] + "Value", taken)
        self.taken: frozenset[str] = frozenset(taken)
        """Every exported package-level identifier in use."""
        self.generated = generated
        """The Go names of the named schemas."""

    # --- names ---

    def name(self, schema: str) -> str:
        """The Go identifier of the named schema `schema` (its `Api.schemas` key)."""
        return self._names[schema]

    def constant(self, schema: str, index: int = 0) -> str:
        """The Go constant of member `index` of an enum (or of a const's value, index 0)."""
        return self._constants[(schema, index)]

    def hint(self, schema: str) -> GoTypeHint | None:
        """The usable `x-go-type` of a named schema, if any."""
        return self._hints.get(schema)

    # --- expressions ---

    def expr(self, ref: TypeRef) -> str:
        """The Go type of a value of `ref` (nullability is the field's business, see `field`)."""
        if isinstance(ref, Named):
            return self._names[ref.name]
        if isinstance(ref, Scalar):
            return scalar_expr(ref)
        if isinstance(ref, ListOf):
            return "[]" + self.element(ref.items)
        if isinstance(ref, MapOf):
            return "map[string]" + self.element(ref.values)
        return "any"

    def element(self, ref: TypeRef) -> str:
        """The Go type of an array item or map value: `*T` when null is allowed and T has no nil."""
        return self.field(ref, required=True).type

    def field(self, ref: TypeRef, required: bool, owner: str | None = None) -> GoField:
        """The Go type and json tag options of a property (or parameter) of type `ref`.

        `owner` is the named schema whose struct holds the field: a struct cannot contain itself,
        so a field that would close a cycle of structs held by value holds a pointer instead
        (`*T` rather than `T`, `Nullable[*T]` rather than `Nullable[T]`).
        """
        held = self._field(ref, required)
        if owner is None or not isinstance(ref, Named) or held.presence not in ("value", "nullable"):
            return held
        target = self.base_name(ref.name)
        if target is None or self._component.get(target) != self._component.get(owner):
            return held
        if held.presence == "value":
            return GoField("*" + held.value, False, "pointer", held.value)
        return GoField(f"Nullable[*{held.value}]", True, "nullable", "*" + held.value)

    def base_name(self, name: str) -> str | None:
        """The named schema an alias chain ends at (None for a cycle of aliases)."""
        seen = set()
        while name not in seen:
            seen.add(name)
            definition = self.api.schema(name).definition
            if not (isinstance(definition, AliasDef) and isinstance(definition.type, Named)):
                return name
            name = definition.type.name
        return None

    @cached_property
    def _component(self) -> dict[str, int]:
        """Strongly connected component of each struct type in the graph of structs held by value."""
        edges: dict[str, list[str]] = {}
        for schema in self.api.schemas:
            d = schema.definition
            refs: list[tuple[TypeRef, bool]] = []
            if isinstance(d, ObjectDef) and self.hint(schema.name) is None:
                refs = [(f.type, f.required) for f in d.fields]
            elif isinstance(d, TupleDef):
                low = d.constraints.min_items or 0
                refs = [(r, i < low) for i, r in enumerate(d.items)]
            targets = []
            for ref, required in refs:
                if isinstance(ref, Named) and self._field(ref, required).presence in ("value", "nullable"):
                    base = self.base_name(ref.name)
                    if base is not None:
                        targets.append(base)
            edges[schema.name] = targets
        return strongly_connected(edges)

    def _field(self, ref: TypeRef, required: bool) -> GoField:
        """How a property of type `ref` is held, memoized: GitHub's spec asks 55,000 times for
        about a tenth as many distinct (type, required) pairs, each a walk through aliases."""
        key = (ref, required)
        held = self._held.get(key)
        if held is None:
            held = self._held[key] = held_as(self.expr(ref), self.nilable(ref), self.nullable(ref), required)
        return held

    def nullable(self, ref: TypeRef) -> bool:
        """Whether null is a value of `ref`: its own flag, or a union with a nullable alternative
        (`anyOf: [{type: [number, "null"]}, ...]`), through aliases."""
        if ref.nullable:
            return True
        seen: set[str] = set()
        while isinstance(ref, Named) and ref.name not in seen:
            seen.add(ref.name)
            definition = self.api.schema(ref.name).definition
            if isinstance(definition, UnionDef):
                return any(self.nullable(v.type) for v in definition.variants if v.type != ref)
            if not isinstance(definition, AliasDef):
                return False
            ref = definition.type
            if ref.nullable:
                return True
        return False

    def nilable(self, ref: TypeRef) -> bool:
        """Whether the Go type of `ref` has a nil of its own (slice, map, interface)."""
        if isinstance(ref, ListOf | MapOf | AnyValue):
            return True
        if isinstance(ref, Scalar):
            return scalar_expr(ref) in ("[]byte", "Binary", "any")
        return self._nilable_named(ref.name, frozenset())

    def _nilable_named(self, name: str, seen: frozenset[str]) -> bool:
        if name in seen:
            return True  # an alias cycle is declared as any
        hint = self.hint(name)
        if hint is not None:
            return hint.nilable
        definition = self.api.schema(name).definition
        if isinstance(definition, ArrayDef | AnyDef):
            return True
        if isinstance(definition, MapDef):
            return not definition.patterns
        if isinstance(definition, ConstDef):
            return definition.base in (None, "null")
        if isinstance(definition, ScalarDef):
            return self.nilable(definition.type)
        if isinstance(definition, AliasDef):
            target = definition.type
            if isinstance(target, Named):
                return self._nilable_named(target.name, seen | {name})
            return self.nilable(target)
        return False

    def imports(self, ref: TypeRef) -> frozenset[str]:
        """Import specs (`"time"`) the expression of `ref` needs."""
        if isinstance(ref, Scalar):
            return frozenset({'"time"'}) if scalar_expr(ref) == "time.Time" else frozenset()
        if isinstance(ref, ListOf):
            return self.imports(ref.items)
        if isinstance(ref, MapOf):
            return self.imports(ref.values)
        return frozenset()

    # --- validation ---

    @cached_property
    def checks(self) -> Checks:
        """The validation code generator of this Api (owns the `patternN` variables)."""
        from codegen.emit.go.checks import Checks

        return Checks(self)

    def validation(self, ref: TypeRef, value: str, at: str, required: bool = True) -> str:
        """Go statements checking `value` (held as `field(ref, required)` says) against enums and
        constraints, appending to a `*ValidationErrors` variable named `errs`, with pointers under the
        Go string expression `at`; "" when there is nothing to check."""
        return "\n".join(self.checks.held(ref, self.field(ref, required), value, at))

    # --- declarations ---

    @cached_property
    def alias_cycles(self) -> frozenset[str]:
        """Named schemas that are aliases of aliases ... of themselves (declared as `any`)."""
        out = set()
        for schema in self.api.schemas:
            seen = {schema.name}
            current: Schema = schema
            while isinstance(current.definition, AliasDef) and isinstance(current.definition.type, Named):
                target = current.definition.type.name
                if target in seen:
                    out.add(schema.name)
                    break
                seen.add(target)
                current = self.api.schema(target)
        return frozenset(out)

    def has_methods(self, name: str) -> bool:
        """Whether the Go type of the named schema has `Validate() error` (and `validate`)."""
        if self.hint(name) is not None or name in self.alias_cycles:
            return False
        definition = self.api.schema(name).definition
        if isinstance(definition, AnyDef):
            return False
        if isinstance(definition, ConstDef):
            return definition.base not in (None, "null")
        if isinstance(definition, ScalarDef):
            return _defined_scalar(definition.type)
        if isinstance(definition, AliasDef):
            target = definition.type
            if isinstance(target, Named):
                return self.has_methods(target.name)
            if isinstance(target, Scalar):
                return _defined_scalar(target)
            return not isinstance(target, AnyValue)
        return True


def held_as(value: str, nilable: bool, nullable: bool, required: bool) -> GoField:
    """The presence table of the module docstring, for a Go type `value`."""
    if nullable and not required:
        return GoField(f"Nullable[{value}]", True, "nullable", value)
    if required and not nullable:
        return GoField(value, False, "value", value)
    if nilable:
        return GoField(value, not required, "nil", value)
    return GoField("*" + value, not required, "pointer", value)


def _defined_scalar(scalar: Scalar) -> bool:
    """Whether a named primitive becomes a defined type (with methods) rather than an alias."""
    return scalar_expr(scalar) in ("string", "int32", "int64", "float32", "float64", "bool", "[]byte")


def _preferred(schema: Schema) -> str:
    given = schema.go.name
    if given is not None and _IDENT.match(given):
        return given
    return go_name(given if given else schema.name)
