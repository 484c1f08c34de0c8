"""The pipeline from a spec path to emitted files: stages in order, diagnostics through, errors raised."""

from __future__ import annotations

import pytest

from codegen.emit.interface import GoOptions
from codegen.errors import CodegenError, Level, SpecError
from codegen.pipeline import emit, load_emitter, prepare, warnings
from tests.codegen.conftest import SPECS
from tests.codegen.fakes import FakeEmitter


def test_prepare_runs_every_stage_in_order_and_times_them() -> None:
    stages: list[str] = []
    prepared = prepare(SPECS / "shop.yaml", on_stage=stages.append)
    assert stages == ["load", "upgrade", "validate", "resolve"]
    assert [t.stage for t in prepared.timings] == stages
    assert all(t.seconds >= 0 for t in prepared.timings)
    assert {"Pet", "Item", "ItemSupplierContact"} <= {s.name for s in prepared.api.schemas}
    assert prepared.spec.content["openapi"].startswith("3.1")


def test_a_30_spec_is_upgraded_with_a_summary_notice_first() -> None:
    prepared = prepare(SPECS / "v30.yaml")
    first = prepared.diagnostics[0]
    assert first.level is Level.NOTICE and "upgraded in memory to 3.1.0" in first.message
    assert first.file.endswith("v30.yaml") and first.line == 1
    assert prepared.spec.content["openapi"] == "3.1.0"


def test_a_dangling_ref_raises_with_both_ends_located() -> None:
    with pytest.raises(SpecError) as caught:
        prepare(SPECS / "broken" / "dangling.yaml")
    errors = [d for d in caught.value.diagnostics if d.level is Level.ERROR]
    assert errors and all(d.line is not None for d in errors)
    assert any("Pett" in d.message and d.pointer.endswith("/$ref") for d in errors)


def test_warnings_pass_unless_strict() -> None:
    prepared = prepare(SPECS / "broken" / "unknown_keyword.yaml")
    assert len(warnings(prepared.diagnostics)) == 3
    with pytest.raises(SpecError) as caught:
        prepare(SPECS / "broken" / "unknown_keyword.yaml", strict=True)
    assert any("`nulable`" in d.message for d in caught.value.diagnostics)


def test_resolution_warnings_are_fatal_under_strict() -> None:
    prepared = prepare(SPECS / "shop.yaml")
    assert any("allOf members disagree" in d.message for d in warnings(prepared.diagnostics))
    with pytest.raises(SpecError):
        prepare(SPECS / "shop.yaml", strict=True)


def test_emit_runs_each_emitter_on_the_same_input() -> None:
    prepared = prepare(SPECS / "split" / "root.yaml")
    go, ts = FakeEmitter("go"), FakeEmitter("ts")
    stages: list[str] = []
    options = GoOptions(package="pets", import_path="example.com/pets")
    done = emit(prepared, [go, ts], options, on_stage=stages.append)
    assert stages == ["emit go", "emit ts"]
    assert [e.target for e in done] == ["go", "ts"]
    assert go.seen[0].api is prepared.api and go.seen[0].go == options
    assert "package pets // example.com/pets" in done[0].files[0].content


def test_an_unknown_target_is_a_codegen_error() -> None:
    with pytest.raises(CodegenError, match="use one of go, ts, python"):
        load_emitter("rust")
