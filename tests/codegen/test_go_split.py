"""A big spec's types go into several Go packages (`codegen.emit.go.packages`) and behave as one.

The test specs are small, so they are split with a tiny weight per package: every named schema then
lands in a package of its own or of its cycle, the most references cross packages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from codegen.emit.go.packages import partition
from codegen.ir import Api, named_in, refs_of
from codegen.resolve.resolver import resolve
from codegen.spec.load import load_spec
from codegen.spec.upgrade import upgrade

from .conftest import GO_SPECS, SPECS
from .go.module import GoModule, build, go
from .test_go_decoding import PROBLEMS
from .test_go_roundtrip import documents

TINY = 5
"""A package weight that splits every test spec into many packages."""


def _api(name: str) -> Api:
    return resolve(upgrade(load_spec(SPECS / name)).spec).api


@pytest.mark.parametrize("spec_name", GO_SPECS)
def test_each_group_refers_only_to_its_own_and_earlier_groups(spec_name: str) -> None:
    api = _api(spec_name)
    groups = partition(api, TINY)
    assert len(groups) > 1
    where = {name: i for i, group in enumerate(groups) for name in group}
    assert sorted(where) == sorted(s.name for s in api.schemas)
    assert sum(len(group) for group in groups) == len(api.schemas)
    for schema in api.schemas:
        for ref in refs_of(schema.definition):
            for target in named_in(ref):
                assert where[target] <= where[schema.name], f"{schema.name} → {target}"


def test_a_spec_under_the_weight_stays_one_package_in_schema_order() -> None:
    api = _api("shop.yaml")
    assert partition(api) == (tuple(s.name for s in api.schemas),)


@pytest.mark.slow
@pytest.mark.parametrize("spec_name", ["shop.yaml", "gostress.yaml", "realworld.yaml"])
def test_split_types_answer_every_document_as_one_package_does(
    go_modules: dict[str, GoModule], spec_name: str, tmp_path: Path
) -> None:
    whole = go_modules[spec_name]
    split = build(tmp_path, whole.api, whole.spec, split_weight=TINY)
    assert len(list((tmp_path / "internal").iterdir())) > 1
    vetted = go("vet", "./...", cwd=tmp_path)
    assert vetted.returncode == 0, vetted.stderr
    cases: list[tuple[str, Any]] = documents(whole, spec_name)[0]
    cases += [(schema, document) for spec, schema, document, _, _ in PROBLEMS if spec == spec_name]
    assert cases
    assert split.round_trip(cases) == whole.round_trip(cases)


_TWIN_ENUMS = """
openapi: 3.1.0
info: {title: twins, version: "1"}
paths:
  /items:
    get:
      operationId: listItems
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Item"}}}}
        "404": {description: missing}
components:
  schemas:
    Access: {type: string, enum: [read, write]}
    Item:
      type: object
      required: [access, other]
      properties:
        access: {$ref: "#/components/schemas/Access"}
        other: {$ref: "#/components/schemas/OtherAccess"}
        level: {$ref: "#/components/schemas/Level"}
    OtherAccess: {type: string, enum: [read, write]}
    Level: {type: string, enum: [write, read]}
"""


@pytest.mark.slow
def test_a_split_spec_declares_each_set_of_enum_values_once_and_answers_the_same(tmp_path: Path) -> None:
    """An enum with the same values as an earlier one is an alias of it once the spec is split (its
    constants kept); operations' outputs are not sealed. Documents are answered as before."""
    (tmp_path / "twins.yaml").write_text(_TWIN_ENUMS, encoding="utf-8")
    spec = upgrade(load_spec(tmp_path / "twins.yaml")).spec
    api = resolve(spec).api
    whole = build(tmp_path / "whole", api, spec)
    split = build(tmp_path / "split", api, spec, split_weight=TINY)
    declared = "".join(p.read_text() for p in (tmp_path / "split" / "internal").rglob("types.gen.go"))
    assert "type OtherAccess = Access\n" in declared
    assert "OtherAccessRead  OtherAccess = " in declared
    assert "type Level string" in declared  # other order: another set of values
    assert "isListItemsOutput" not in (tmp_path / "split" / "operations.gen.go").read_text()
    assert "isListItemsOutput" in (tmp_path / "whole" / "operations.gen.go").read_text()
    vetted = go("vet", "./...", cwd=tmp_path / "split")
    assert vetted.returncode == 0, vetted.stderr
    cases: list[tuple[str, Any]] = [
        ("Item", {"access": "read", "other": "write", "level": "read"}),
        ("Item", {"access": "admin", "other": "none", "level": "x"}),
        ("OtherAccess", "write"),
        ("OtherAccess", "delete"),
        ("Access", "read"),
    ]
    answers = split.round_trip(cases)
    assert answers == whole.round_trip(cases)
    assert any("enum" in str(answer) for answer in answers)


@pytest.mark.parametrize("spec_name", GO_SPECS)
def test_the_alias_file_is_written_as_gofmt_would_write_it(spec_name: str) -> None:
    """The target package's `types.gen.go` of a split spec skips gofmt (`gofmt.Formatted`): it must
    be exactly gofmt's output already, imports sorted as gofmt sorts them (types10 before types2)."""
    from codegen.emit.go import GoEmitter
    from codegen.emit.go.gofmt import gofmt
    from codegen.emit.interface import EmitInput, GoOptions

    spec = upgrade(load_spec(SPECS / spec_name)).spec
    source = EmitInput(resolve(spec).api, spec, GoOptions(module="example.com/split"))
    files = {f.path: f.content for f in GoEmitter(split_weight=TINY).emit(source)}
    packages = [p for p in files if p.startswith("internal/") and p.endswith("/types.gen.go")]
    aliases = files["types.gen.go"]
    assert aliases == gofmt(aliases, "types.gen.go")
    if len(packages) > 10:
        assert aliases.index('/internal/types10"') < aliases.index('/internal/types2"')
