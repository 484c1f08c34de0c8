"""GoTypes: Go names (collisions, keywords, initialisms, x-go-name) and type expressions."""

from __future__ import annotations

import pytest

from codegen.emit.go import RUNTIME_NAMES, GoTypes
from codegen.emit.go.hints import go_type_hint, rejection
from codegen.emit.go.objects import ObjectViews, extra_tag, json_taggable
from codegen.ir import AnyValue, Api, GoHints, ListOf, MapOf, Named, ObjectDef, Scalar
from codegen.resolve.resolver import resolve
from codegen.spec.load import load_spec
from codegen.spec.upgrade import upgrade

from .conftest import SPECS


@pytest.fixture(scope="module")
def stress() -> Api:
    return resolve(upgrade(load_spec(SPECS / "gostress.yaml")).spec).api


def test_names_are_unique_valid_and_keep_away_from_the_runtime(stress: Api, shop: Api) -> None:
    types = GoTypes(stress)
    assert types.name("Keywords") == "Keywords" and types.name("Keywords2") == "Keywords2"
    assert types.name("Nullable") == "Nullable2" and types.name("Date") == "Date2"
    assert types.name("Extensions") == "Renamed"  # x-go-name
    names = [types.name(s.name) for s in stress.schemas]
    assert len(set(names)) == len(names) and not set(names) & RUNTIME_NAMES
    assert all(n.isidentifier() and n[0].isupper() for n in names)
    assert GoTypes(shop).name("UserId") == "UserID"  # initialisms
    assert GoTypes(shop).name("Status") == "Status" and GoTypes(shop).name("Status2") == "Status2"
    reserved = GoTypes(shop, reserved={"Item", "Router"})
    assert reserved.name("Item") == "Item2" and "Router" in reserved.taken


def test_constants_are_prefixed_and_unique(stress: Api, shop: Api) -> None:
    types = GoTypes(stress)
    colors = [types.constant("EnumsColor", i) for i in range(5)]
    assert colors == [
        "EnumsColorRed",
        "EnumsColorRed2",
        "EnumsColorRed3",
        "EnumsColorEmpty",
        "EnumsColorTwoFa",
    ]
    assert GoTypes(shop).constant("Version") == "VersionValue"
    assert GoTypes(shop).constant("Priority", 0) == "PriorityLow"


@pytest.mark.parametrize(
    ("ref", "required", "expected"),
    [
        (Scalar("string"), True, ("string", False, "value")),
        (Scalar("string", nullable=True), True, ("*string", False, "pointer")),
        (Scalar("string"), False, ("*string", True, "pointer")),
        (Scalar("string", nullable=True), False, ("Nullable[string]", True, "nullable")),
        (ListOf(Scalar("string")), False, ("[]string", True, "nil")),
        (ListOf(Scalar("string"), nullable=True), True, ("[]string", False, "nil")),
        (ListOf(Scalar("string", nullable=True)), True, ("[]*string", False, "value")),
        (MapOf(ListOf(Scalar("integer", "int32"))), True, ("map[string][]int32", False, "value")),
        (AnyValue(), True, ("any", False, "nil")),
        (AnyValue(), False, ("Nullable[any]", True, "nullable")),
        (Scalar("string", "date-time"), False, ("*time.Time", True, "pointer")),
        (Scalar("string", "date"), True, ("Date", False, "value")),
        (Scalar("string", "byte"), False, ("[]byte", True, "nil")),
        (Scalar("string", "binary"), True, ("Binary", False, "value")),
        (Scalar("number", "float"), True, ("float32", False, "value")),
        (Named("Item"), False, ("*Item", True, "pointer")),
        (Named("Labels", nullable=True), False, ("Nullable[Labels]", True, "nullable")),
        (Named("Labels"), False, ("Labels", True, "nil")),  # a named map has its own nil
        (Named("Point"), False, ("*Point", True, "pointer")),
    ],
)
def test_presence_table(shop: Api, ref: object, required: bool, expected: tuple[str, bool, str]) -> None:
    field = GoTypes(shop).field(ref, required)  # type: ignore[arg-type]
    assert (field.type, field.omit, field.presence) == expected
    options = ",omitempty" if expected[2] == "pointer" else ",omitzero"  # a nil pointer only: see realworld
    assert field.tag_options == (options if expected[1] else "")


def test_imports_follow_the_expression(shop: Api) -> None:
    types = GoTypes(shop)
    assert types.imports(MapOf(ListOf(Scalar("string", "date-time")))) == {'"time"'}
    assert types.imports(Named("Item")) == frozenset()


def test_structs_never_contain_themselves_by_value(stress: Api) -> None:
    types = GoTypes(stress)
    self_required = stress.schema("SelfRequired").definition
    assert isinstance(self_required, ObjectDef)
    assert types.field(self_required.fields[0].type, True, owner="SelfRequired").type == "*SelfRequired"
    mutual = stress.schema("MutualA").definition
    assert isinstance(mutual, ObjectDef)
    assert types.field(mutual.fields[0].type, True, owner="MutualA").type == "MutualB"  # B holds A by pointer
    v30 = resolve(upgrade(load_spec(SPECS / "v30.yaml")).spec).api
    thing = v30.schema("Thing").definition
    assert isinstance(thing, ObjectDef)
    parent = next(f for f in thing.fields if f.json_name == "parent")
    assert GoTypes(v30).field(parent.type, False, owner="Thing").type == "Nullable[*Thing]"


def test_struct_fields_avoid_method_names_and_keep_wire_names(stress: Api) -> None:
    types = GoTypes(stress)
    validate = stress.schema("Validate").definition
    assert isinstance(validate, ObjectDef)
    view = ObjectViews(types, types.checks).build(stress.schema("Validate"), validate)
    names = {f.json: f.name for f in view.fields}
    assert names['"Validate"'] == "Validate2" and names['"MarshalJSON"'] == "MarshalJSON2"
    assert names['"validate"'] == "Validate3"
    assert [e.name for e in view.extras] == ["AdditionalProperties3"]
    definition = stress.schema("Keywords").definition
    assert isinstance(definition, ObjectDef)
    keywords = ObjectViews(types, types.checks).build(stress.schema("Keywords"), definition)
    by_json = {f.json: f for f in keywords.fields}
    assert by_json['"type"'].name == "Type" and by_json['"2fa-required"'].name == "TwoFaRequired"
    assert by_json['"user_id"'].name == "UserID" and by_json['"userId"'].name == "UserID2"
    assert by_json['""'].special and by_json['""'].tag == 'json:"-"'
    assert by_json['"日本"'].tag.startswith('json:"日本,omitempty"')


def test_x_go_type_is_used_only_when_it_can_compile() -> None:
    generated = frozenset({"Item"})
    assert rejection(GoHints(type="secret.String"), generated) is not None
    assert rejection(GoHints(type="Missing"), generated) is not None
    assert rejection(GoHints(type="map[string]Item"), generated) is None
    hint = go_type_hint(GoHints(type="uuid.UUID", import_path="github.com/google/uuid"), generated)
    assert hint is not None and hint.imports == {'"github.com/google/uuid"'} and not hint.nilable
    aliased = go_type_hint(
        GoHints(type="u.UUID", import_path="github.com/google/uuid", import_name="u"), generated
    )
    assert aliased is not None and aliased.imports == {'u "github.com/google/uuid"'}
    std = go_type_hint(GoHints(type="[]json.RawMessage"), generated)
    assert std is not None and std.imports == {'"encoding/json"'} and std.nilable


def test_tags() -> None:
    assert (
        json_taggable("a-b.c")
        and json_taggable("日本")
        and not json_taggable("")
        and not json_taggable('a"b')
    )
    assert not json_taggable("a,b")
    assert extra_tag('db:"x" json:"y"') == ('db:"x"', "x-go-tag json key ignored: the json tag is generated")
    assert extra_tag("nonsense")[0] == ""


def test_the_go_emitters_tables_are_immutable() -> None:
    from types import MappingProxyType

    from codegen.emit.go import hints, kinds, objects

    assert isinstance(hints.STD_PACKAGES, MappingProxyType) and isinstance(kinds._BASES, MappingProxyType)
    assert isinstance(objects._TAG_PUNCT, frozenset)
