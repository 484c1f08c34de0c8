"""The pipeline from a spec path to emitted files: stages in order, diagnostics through, errors raised."""

from __future__ import annotations

import pytest

from codegen.emit.interface import EmitInput, GeneratedFile, GoOptions
from codegen.errors import CodegenError, Level, SpecError
from codegen.pipeline import emit, generate, load_emitter, prepare, warnings
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
    assert any("in ways codegen cannot intersect" in d.message for d in warnings(prepared.diagnostics))
    with pytest.raises(SpecError):
        prepare(SPECS / "shop.yaml", strict=True)


def test_emit_runs_each_emitter_on_the_same_input() -> None:
    prepared = prepare(SPECS / "split" / "root.yaml")
    go, ts = FakeEmitter("go"), FakeEmitter("ts")
    stages: list[str] = []
    options = GoOptions(package="pets", import_path="example.com/pets")
    done = emit(prepared, [go, ts], options, on_stage=stages.append)
    assert stages == ["emit go, ts"]
    assert [e.target for e in done] == ["go", "ts"]
    assert go.seen[0].api is prepared.api and go.seen[0].go == options
    assert "package pets // example.com/pets" in done[0].files[0].content


def test_an_unknown_target_is_a_codegen_error() -> None:
    with pytest.raises(CodegenError, match="use one of go, ts, python"):
        load_emitter("rust")


@pytest.mark.parametrize("parallel", [True, False])
def test_generate_validates_beside_emitting_and_reports_the_same(parallel: bool) -> None:
    fake = FakeEmitter("ts")
    generated = generate(SPECS / "v30.yaml", [fake], parallel=parallel)
    assert generated.prepared.diagnostics == prepare(SPECS / "v30.yaml").diagnostics
    assert [e.target for e in generated.emitted] == ["ts"] and fake.seen
    stages = [t.stage for t in generated.prepared.timings]
    expected = ["load", "upgrade", "resolve", "validate (in parallel)"]
    assert stages == (expected if parallel else ["load", "upgrade", "validate", "resolve"])


@pytest.mark.parametrize("parallel", [True, False])
def test_generate_raises_the_spec_errors_even_when_emitting_went_ahead(parallel: bool) -> None:
    with pytest.raises(SpecError) as caught:
        generate(SPECS / "broken" / "dangling.yaml", [FakeEmitter("go")], parallel=parallel)
    assert sum(d.level is Level.ERROR for d in caught.value.diagnostics) == 3
    with pytest.raises(SpecError):
        generate(SPECS / "broken" / "unknown_keyword.yaml", [FakeEmitter()], strict=True, parallel=parallel)


def test_a_resolver_crash_on_an_invalid_spec_reports_the_spec_errors() -> None:
    class Crashing(FakeEmitter):
        def emit(self, source: EmitInput) -> tuple[GeneratedFile, ...]:
            raise KeyError("the IR of an invalid spec")

    with pytest.raises(SpecError):
        generate(SPECS / "broken" / "dangling.yaml", [Crashing()])
    # A valid spec: the crash is ours, reported as that target's error on one line (no traceback).
    (only,) = generate(SPECS / "split" / "root.yaml", [Crashing()]).emitted
    assert only.error is not None and "internal error (KeyError" in only.error
    with pytest.raises(CodegenError, match="KeyError"):
        generate(SPECS / "split" / "root.yaml", [Crashing()], strict=True)


class _Crashing:
    """An emitter with a bug of ours (as an IndexError in the resolver was, on DigitalOcean's spec)."""

    name = "ts"

    def emit(self, source: EmitInput) -> tuple[GeneratedFile, ...]:
        raise IndexError("list index out of range")


@pytest.mark.parametrize("parallel", [True, False])
def test_one_target_failing_leaves_the_others_unless_strict(parallel: bool) -> None:
    prepared = prepare(SPECS / "split" / "root.yaml")
    done = emit(prepared, [FakeEmitter("go"), _Crashing()], GoOptions(), parallel=parallel)
    assert [(e.target, bool(e.files), e.error is None) for e in done] == [
        ("go", True, True),
        ("ts", False, False),
    ]
    assert done[1].error is not None and done[1].error.startswith("internal error (IndexError: list index")
    assert "\n" not in done[1].error
    with pytest.raises(CodegenError, match="internal error"):
        emit(prepared, [FakeEmitter("go"), _Crashing()], GoOptions(), parallel=parallel, strict=True)
