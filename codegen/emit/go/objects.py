"""Object types (and maps with `patternProperties`) → the view `object.go.jinja` renders.

A struct has one field per property (see `GoTypes.field` for absent/null), one map per
`patternProperties` entry, and, unless the object is closed, an `AdditionalProperties` map that keeps
undeclared members (typed by `additionalProperties`, else `any`), so documents round-trip whole.
Decoding reads members one by one: missing required keys, nulls where none are allowed, values of
the wrong type and (closed objects) unknown keys come back as located `ValidationErrors`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass

from codegen.emit.go.checks import Checks, go_string
from codegen.emit.go.gotypes import METHOD_NAMES, GoTypes, held_as
from codegen.emit.go.hints import go_type_hint, rejection
from codegen.ir import AnyValue, Field, MapDef, ObjectDef, PatternProperty, Schema, TypeRef
from codegen.names import allocate, go_name

_TAG_PUNCT = frozenset("!#$%&()*+-./:;<=>?@[]^_{|}~ ")
_NO_TAG_PUNCT = str.maketrans(dict.fromkeys(_TAG_PUNCT))
_TAG = re.compile(r'^\s*([A-Za-z_][\w.-]*:"(?:[^"\\]|\\.)*"\s*)+$')
_TAG_KEY = re.compile(r'([A-Za-z_][\w.-]*):"((?:[^"\\]|\\.)*)"')
_IDENT = re.compile(r"^[A-Z][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class StructField:
    """One property as a Go struct field."""

    name: str
    """Go field name."""
    type: str
    """Go type."""
    json: str
    """Go string literal of the property name."""
    tag: str
    """The whole struct tag, without backquotes."""
    required: bool
    """Decoding reports it when missing (never for readOnly: decoding reads requests)."""
    nullable: bool
    """Decoding accepts null."""
    special: bool
    """The name cannot be a json tag (`""`, commas, quotes): marshalled by hand."""
    omit: bool
    """Left out when zero (optional)."""
    doc: tuple[str, ...]
    """Doc comment lines."""


@dataclass(frozen=True)
class ExtraMap:
    """A map holding `patternProperties` members or additional members."""

    name: str
    """Go field name."""
    type: str
    """Go type of one value."""
    nullable: bool
    """Values may be null."""
    pattern: str | None
    """Package variable of the key pattern; None for the additional members."""
    doc: str
    """One-line comment."""


@dataclass(frozen=True)
class ObjectView:
    """What `object.go.jinja` renders."""

    name: str
    doc: tuple[str, ...]
    fields: tuple[StructField, ...]
    extras: tuple[ExtraMap, ...]
    closed: bool
    checks: tuple[str, ...]
    has_validate: bool

    @property
    def custom_marshal(self) -> bool:
        """Whether MarshalJSON must add members the struct tags cannot say."""
        return bool(self.extras) or any(f.special for f in self.fields)

    @property
    def table_driven(self) -> bool:
        """Whether `decodeStruct` decodes it from a table (no patternProperties: the members besides
        the properties go to one additional-properties map, or none are allowed)."""
        if self.closed:
            return not self.extras
        return len(self.extras) == 1 and self.extras[0].pattern is None

    @property
    def table(self) -> str:
        """The package variable holding the property table."""
        return f"fieldsOf{self.name}"

    @property
    def route_unknown(self) -> bool:
        """Whether decoding must look at members that are not properties."""
        return bool(self.extras) or self.closed


def doc_lines(text: str | None, deprecated: bool = False, notes: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Comment lines from a description, notes, and a `Deprecated:` paragraph."""
    lines = [line.rstrip() for line in (text or "").strip().splitlines()]
    lines = [unicodedata.normalize("NFC", line).replace("\r", "") for line in lines]
    for note in notes:
        lines += ([""] if lines else []) + [note]
    if deprecated:
        lines += ([""] if lines else []) + ["Deprecated: marked deprecated in the spec."]
    return tuple(lines)


def json_taggable(name: str) -> bool:
    """Whether encoding/json accepts `name` as a tag name (else it would use the Go field name)."""
    letters = name.translate(_NO_TAG_PUNCT)  # what is left must be letters and digits
    return bool(name) and (not letters or letters.isalnum())


def extra_tag(tag: str | None) -> tuple[str, str | None]:
    """The usable `x-go-tag` text (json keys dropped) and a note when some or all was dropped."""
    if not tag:
        return "", None
    if not _TAG.match(tag):
        return "", f'x-go-tag {tag!r} ignored: not key:"value" pairs'
    pairs = _TAG_KEY.findall(tag)
    kept = [f'{k}:"{v}"' for k, v in pairs if k != "json" and "`" not in v]
    note = "x-go-tag json key ignored: the json tag is generated" if len(kept) < len(pairs) else None
    return " ".join(kept), note


class ObjectViews:
    """Builds ObjectViews for one Api."""

    def __init__(self, types: GoTypes, checks: Checks) -> None:
        self.types = types
        self.checks = checks
        self.imports: set[str] = set()

    def field(self, f: Field, taken: set[str], owner: str) -> tuple[StructField, list[str]]:
        preferred = f.go.name if f.go.name and _IDENT.match(f.go.name) else go_name(f.go.name or f.json_name)
        name = allocate(preferred, taken)
        held = self.types.field(f.type, f.required, owner)
        notes = []
        go_type, checks = held.type, []
        hint = go_type_hint(f.go, self.types.generated)
        if hint is not None:
            held = held_as(hint.expr, hint.nilable, self.types.nullable(f.type), f.required)
            go_type = held.type
            self.imports |= hint.imports
        else:
            reason = rejection(f.go, self.types.generated)
            if reason is not None:
                notes.append(reason + "; the derived type is used.")
            at = f"pointerTo(at, {go_string(f.json_name)})"
            checks = self.checks.held(f.type, held, f"v.{name}", at)
            self.imports |= self.types.imports(f.type)
        if f.default is not None:
            notes.append(
                f"Default: {_short(f.default.value)} (not applied when decoding: absent stays absent)."
            )
        if f.read_only:
            notes.append(
                "Read-only: sent in responses only"
                + (", so a request may leave it out." if f.required else ".")
            )
        if f.write_only:
            notes.append(
                "Write-only: sent in requests only"
                + (", so a response leaves it out when zero." if f.required else ".")
            )
        # A required readOnly property is required in responses only: decoding (a request) may miss it.
        # A required writeOnly one is required in requests only: encoding (a response) omits it when zero.
        omit = not f.required or f.write_only
        special = not json_taggable(f.json_name)
        extra, note = extra_tag(f.go.tag)
        if note:
            notes.append(note)
        # A pointer's presence is the pointer: `omitempty` leaves out nil only, where `omitzero` would
        # ask the pointee's IsZero() and drop an optional 0001-01-01T00:00:00Z.
        option = held.options(omit)
        tag = 'json:"-"' if special else f'json:"{f.json_name}{option}"'
        view = StructField(
            name=name,
            type=go_type,
            json=go_string(f.json_name),
            tag=f"{tag} {extra}".strip(),
            required=f.required and not f.read_only,
            nullable=self.types.nullable(f.type),
            special=special,
            omit=omit,
            doc=doc_lines(f.description, f.deprecated, tuple(notes)),
        )
        return view, checks

    def extra(self, name: str, ref: TypeRef, pattern: PatternProperty | None) -> tuple[ExtraMap, list[str]]:
        element = self.types.field(ref, True)
        self.imports |= self.types.imports(ref)
        doc = (
            f"holds members whose names match {pattern.pattern!r}."
            if pattern is not None
            else "holds members that are not properties."
        )
        loop = self.checks.each_value(ref, f"v.{name}", "at", 0)
        view = ExtraMap(
            name,
            element.type,
            self.types.nullable(ref),
            self.checks.pattern(pattern.pattern) if pattern is not None else None,
            doc,
        )
        return view, loop

    def build(self, schema: Schema, definition: ObjectDef | MapDef) -> ObjectView:
        """The view of an object (or a map with pattern properties)."""
        taken = set(METHOD_NAMES)
        fields: list[StructField] = []
        checks: list[str] = []
        extras: list[ExtraMap] = []
        own = definition.fields if isinstance(definition, ObjectDef) else ()
        for f in own:
            view, field_checks = self.field(f, taken, schema.name)
            fields.append(view)
            checks += field_checks
        if isinstance(definition, ObjectDef):
            closed = definition.closed
            additional = definition.additional if definition.additional is not None or closed else AnyValue()
        else:
            closed, additional = False, definition.values or AnyValue()
        for index, pattern in enumerate(definition.patterns):
            suffix = str(index + 1) if len(definition.patterns) > 1 else ""
            extra, loop = self.extra(allocate("PatternProperties" + suffix, taken), pattern.type, pattern)
            extras.append(extra)
            checks += loop
        if additional is not None and not closed:
            extra, loop = self.extra(allocate("AdditionalProperties", taken), additional, None)
            extras.append(extra)
            checks += loop
        checks += self.checks.count_limits(definition.constraints, "propertyCount(v)")
        return ObjectView(
            name=self.types.name(schema.name),
            doc=doc_lines(schema.description, schema.deprecated),
            fields=tuple(fields),
            extras=tuple(extras),
            closed=closed,
            checks=tuple(checks),
            has_validate=self.types.has_methods(schema.name),
        )


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."
