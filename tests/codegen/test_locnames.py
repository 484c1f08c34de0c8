from __future__ import annotations

from codegen.resolve.locnames import natural_name, operation_id
from codegen.spec.load import load_spec

from .conftest import SPECS


def test_names_come_from_the_location() -> None:
    spec = load_spec(SPECS / "shop.yaml")
    root = spec.root

    def name(pointer: str) -> str:
        return natural_name(spec, root, pointer)

    assert name("/components/schemas/Item/properties/supplier/properties/contact") == "ItemSupplierContact"
    assert name("/paths/~1orders/post/requestBody/content/application~1json/schema") == "CreateOrderRequest"
    assert (
        name("/paths/~1orders/post/responses/201/content/application~1json/schema")
        == "CreateOrder201Response"
    )
    assert name("/paths/~1orders/get/parameters/0/schema/items") == "ListOrdersStatusItem"
    assert (
        name("/paths/~1orders/post/responses/201/headers/Location/schema")
        == "CreateOrder201ResponseLocationHeader"
    )
    assert name("/components/schemas/Pet/oneOf/1") == "PetOption2"
    assert name("/components/schemas/Extended/allOf/1") == "ExtendedPart2"
    assert name("/components/schemas/Error/$defs/Detail") == "Detail"
    assert name("/components/schemas/Labels/additionalProperties") == "LabelsValue"
    assert name("/components/schemas/Point/prefixItems/0") == "PointItem0"
    assert name("/paths/~1orders/parameters/0/schema") == "OrdersXTenant"


def test_whole_files_are_named_after_their_stem() -> None:
    spec = load_spec(SPECS / "split" / "root.yaml")
    pet = next(d for d in spec.documents.values() if d.display.endswith("pet.json"))
    assert natural_name(spec, pet, "") == "Pet"


def test_operation_ids_are_derived_when_missing() -> None:
    assert operation_id("get", "/orders/{orderId}/items", {}) == "getOrdersByOrderIdItems"
    assert operation_id("post", "/", {"operationId": "  "}) == "post"
    assert operation_id("put", "/x", {"operationId": "replaceX"}) == "replaceX"
