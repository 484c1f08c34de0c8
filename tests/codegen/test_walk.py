from __future__ import annotations

from codegen.spec.load import load_spec
from codegen.spec.walk import iter_schemas

from .conftest import SPECS


def test_every_schema_once_across_files() -> None:
    spec = load_spec(SPECS / "split" / "root.yaml")
    sites = [(s.document.display.rsplit("/", 1)[-1], s.pointer) for s in iter_schemas(spec)]
    assert sites == [
        ("root.yaml", "/paths/~1pets/get/responses/200/content/application~1json/schema"),
        ("root.yaml", "/paths/~1pets/get/responses/200/content/application~1json/schema/items"),
        ("pet.json", ""),
        ("pet.json", "/properties/name"),
        ("pet.json", "/properties/owner"),
        ("common.yaml", "/components/schemas/Owner"),
        ("common.yaml", "/components/schemas/Owner/properties/name"),
        ("common.yaml", "/components/schemas/Owner/properties/pets"),
        ("common.yaml", "/components/schemas/Owner/properties/pets/items"),
        ("pet.json", "/properties/tag"),
        ("pet.json", "/$defs/Tag"),
        ("root.yaml", "/components/schemas/Owner"),
    ]
