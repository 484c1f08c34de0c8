from __future__ import annotations

import dataclasses
import json

from codegen.errors import Level
from codegen.ir import (
    AliasDef,
    AnyValue,
    Api,
    ConstDef,
    Constraints,
    Discriminator,
    EnumDef,
    EnumMember,
    GoHints,
    ListOf,
    MapDef,
    Named,
    ObjectDef,
    PatternProperty,
    Scalar,
    ScalarDef,
    TupleDef,
    UnionDef,
    Value,
    Variant,
)
from codegen.resolve.resolver import resolve
from codegen.spec.load import load_spec
from codegen.spec.upgrade import upgrade

from .conftest import SPECS


def _object(api: Api, name: str) -> ObjectDef:
    definition = api.schema(name).definition
    assert isinstance(definition, ObjectDef)
    return definition


def test_object_fields_keep_every_property_attribute(shop: Api) -> None:
    item = _object(shop, "Item")
    fields = {f.json_name: f for f in item.fields}
    assert [f.name for f in item.fields][:3] == ["Sku", "Price", "Quantity"]
    assert fields["sku"].required and fields["sku"].read_only and fields["sku"].go == GoHints(name="SKU")
    assert fields["secret"].write_only
    assert fields["secret"].go == GoHints(type="secret.String", tag='validate:"required"')
    assert fields["quantity"].default == Value(1) and not fields["quantity"].required
    assert fields["legacyCode"].deprecated and fields["legacyCode"].description == "use sku"
    assert fields["extra"].type == AnyValue()
    assert fields["tags"].type == ListOf(Scalar("string"))
    assert fields["parent"].type == Named("Item")  # recursion by name; `$ref` siblings are honoured:
    assert fields["parent"].description == "the item this one is a variant of"
    assert shop.schema("Item").description == "A thing for sale."


def test_primitive_formats(shop: Api) -> None:
    fields = {f.json_name: f.type for f in _object(shop, "Item").fields}
    formats = {k: (t.type, t.format) for k, t in fields.items() if isinstance(t, Scalar)}
    assert formats["price"] == ("number", "double")
    assert formats["ratio"] == ("number", "float")
    assert formats["quantity"] == ("integer", "int32")
    assert formats["count"] == ("integer", "int64")
    for name, fmt in [("createdAt", "date-time"), ("releaseDate", "date"), ("contactEmail", "email")]:
        assert formats[name] == ("string", fmt)
    assert formats["homepage"] == ("string", "uri")
    assert formats["blob"] == ("string", "byte") and formats["file"] == ("string", "binary")
    assert shop.schema("UserId").definition == ScalarDef(Scalar("string", "uuid"))


def test_inline_objects_are_named_after_their_parents(shop: Api) -> None:
    supplier = {f.json_name: f.type for f in _object(shop, "Item").fields}["supplier"]
    assert supplier == Named("ItemSupplier")
    contact = {f.json_name: f.type for f in _object(shop, "ItemSupplier").fields}["contact"]
    assert contact == Named("ItemSupplierContact")
    phone = _object(shop, "ItemSupplierContact").fields[0]
    assert phone.type == Scalar("string", nullable=True) and phone.nullable


def test_enums_consts_tuples_and_maps(shop: Api) -> None:
    assert shop.schema("Status").definition == EnumDef(
        "string",
        (
            EnumMember("Available", "available"),
            EnumMember("SoldOut", "sold-out"),
            EnumMember("TwoFaRequired", "2fa-required"),
        ),
    )
    priority = shop.schema("Priority")
    assert priority.nullable
    assert priority.definition == EnumDef(
        "integer", (EnumMember("Low", 1), EnumMember("Medium", 2), EnumMember("High", 3))
    )
    assert {f.json_name: f.type for f in _object(shop, "Item").fields}["priority"] == Named(
        "Priority", nullable=True
    )
    assert shop.schema("Version").definition == ConstDef(Value("v1"), "string")
    assert shop.schema("Point").definition == TupleDef((Scalar("number"), Scalar("number")), rest=None)
    assert shop.schema("Labels").definition == MapDef(Scalar("string"))
    assert shop.schema("Anything").definition == MapDef(AnyValue())
    assert shop.schema("Headers").definition == MapDef(None, (PatternProperty("^x-", Scalar("string")),))
    assert shop.schema("Empty").definition == ObjectDef((), closed=True)


def test_unions_with_explicit_implicit_and_no_discriminator(shop: Api) -> None:
    cat, dog = Named("Cat"), Named("Dog")
    assert shop.schema("Pet").definition == UnionDef(
        (Variant(cat, ("cat",)), Variant(dog, ("dog",))),
        exclusive=True,
        discriminator=Discriminator("kind", True),
    )
    assert shop.schema("PetExplicit").definition == UnionDef(
        (Variant(cat, ("cat",)), Variant(dog, ("Dog",))),
        exclusive=True,
        discriminator=Discriminator("kind", False),
    )
    assert shop.schema("IdOrName").definition == UnionDef(
        (Variant(Scalar("integer")), Variant(Scalar("string"))), exclusive=False
    )
    assert shop.schema("Scalars").definition == UnionDef(
        (Variant(Scalar("string")), Variant(Scalar("integer"))), exclusive=True
    )
    pet_or_null = shop.schema("PetOrNull")
    assert pet_or_null.nullable and pet_or_null.definition == AliasDef(cat)


def test_allof_merges_and_ref_siblings_extend(shop: Api) -> None:
    extended = _object(shop, "Extended")
    assert extended.bases == ("Base",)
    assert [(f.json_name, f.required, f.type) for f in extended.fields] == [
        ("id", True, Scalar("string")),
        ("createdAt", False, Scalar("string", "date-time", constraints=Constraints(max_length=40))),
        ("name", True, Scalar("string")),
    ]
    refined = _object(shop, "Refined")
    assert refined.bases == ("Base",)
    assert [(f.json_name, f.required) for f in refined.fields] == [
        ("id", True),
        ("createdAt", True),
        ("note", False),
    ]
    assert shop.schema("Alias").definition == AliasDef(Named("UserId"))


def test_allof_members_that_cannot_be_intersected_are_located_warnings() -> None:
    result = resolve(load_spec(SPECS / "shop.yaml"))
    (conflict,) = result.diagnostics
    assert conflict.level is Level.WARNING
    assert conflict.pointer == "/components/schemas/Stamped/allOf/1/properties/at"
    assert conflict.line == 210
    assert conflict.message.startswith(
        "allOf members define property `at` in ways codegen cannot intersect: `string (date)` here, "
        "`string (date-time)` at "
    )
    created = {f.json_name: f.type for f in _object(result.api, "Extended").fields}["createdAt"]
    assert created == Scalar("string", "date-time", constraints=Constraints(max_length=40))


def test_defs_collisions_and_order(shop: Api) -> None:
    error = {f.json_name: f.type for f in _object(shop, "Error").fields}
    assert error["details"] == Named("Detail")
    assert shop.schema("Status2").origin.pointer == "/components/schemas/status"
    names = [s.name for s in shop.schemas]
    assert names[:3] == ["Item", "Status", "Priority"]  # components first, in spec order
    assert names.index("Status2") < names.index("ItemSupplier")


def test_operations(shop: Api) -> None:
    create, listing, get = shop.operations
    assert (create.id, create.name, create.method, create.path) == (
        "createOrder",
        "CreateOrder",
        "post",
        "/orders",
    )
    assert [(p.name, p.location, p.style, p.explode, p.required) for p in create.parameters] == [
        ("X-Tenant", "header", "simple", False, False),  # replaced whole: this one is not required
        ("dryRun", "query", "form", True, False),
        ("session", "cookie", "form", True, False),
    ]
    assert create.parameters[0].type == Scalar("string", "uuid")  # the operation's parameter wins
    assert create.request_body is not None and create.request_body.required
    (body,) = create.request_body.content
    assert (body.media_type, body.type) == ("application/json", Named("CreateOrderRequest"))
    created, default = create.responses
    assert created.status == "201" and created.content[0].type == Named("CreateOrder201Response")
    assert [(h.name, h.required, h.type) for h in created.headers] == [
        ("Location", True, Scalar("string", "uri"))
    ]
    assert default.status == "default" and default.content[0].type == Named("Error")
    status = listing.parameters[1]
    assert (status.name, status.explode) == ("status", False)
    assert status.type == ListOf(Named("ListOrdersStatusItem"))
    assert (get.id, get.name) == ("getOrdersByOrderId", "GetOrdersByOrderId")
    assert get.parameters[0].type == Scalar("integer", "int64") and get.responses[0].content == ()
    assert create.origin.pointer == "/paths/~1orders/post"
    assert load_spec(SPECS / "shop.yaml").root.source.position(create.origin.pointer) == (13, 5)


def test_split_files_resolve_to_one_api() -> None:
    api = resolve(load_spec(SPECS / "split" / "root.yaml")).api
    assert [s.name for s in api.schemas] == ["Owner", "Tag", "Pet", "Owner2"]
    assert api.schema("Owner").definition == AliasDef(Named("Owner2"))
    assert api.schema("Pet").origin.file.endswith("pet.json")
    pet = _object(api, "Pet")
    assert [(f.json_name, f.type) for f in pet.fields] == [
        ("name", Scalar("string")),
        ("owner", Named("Owner2")),
        ("tag", Named("Tag")),
    ]
    assert api.operations[0].responses[0].content[0].type == ListOf(Named("Pet"))


def test_upgraded_30_nullables_become_nullable_types() -> None:
    api = resolve(upgrade(load_spec(SPECS / "v30.yaml")).spec).api
    fields = {f.json_name: f.type for f in _object(api, "Thing").fields}
    assert fields["name"] == Scalar("string", nullable=True)
    assert fields["color"] == Named("ThingColor", nullable=True)
    assert fields["parent"] == Named("Thing", nullable=True)
    assert fields["kind"] == Named("ThingKind", nullable=True)


def test_resolution_is_deterministic_and_serialisable() -> None:
    first = resolve(load_spec(SPECS / "shop.yaml")).api
    second = resolve(load_spec(SPECS / "shop.yaml")).api
    assert first == second
    text = json.dumps(dataclasses.asdict(first), sort_keys=True)
    assert '"kind": "union"' in text and json.loads(text)["title"] == "Shop"
