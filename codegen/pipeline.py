"""The whole of codegen in order: load → upgrade → validate → resolve → emit.

`generate` takes a spec path to every target's files, raising SpecError (with every diagnostic)
when the spec cannot be used: any error, or any warning under `strict`. What it lets through
(upgrade notices, warnings) comes back located, for the caller to print. Validation runs in a
forked child beside resolving and emitting, and so do all emitters but the first (see
`background.py`). `prepare` stops at the IR.
Each stage is timed, and announced through `on_stage` so a terminal can show progress.
"""

from __future__ import annotations

import gc
import importlib
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from codegen.background import Background
from codegen.emit.interface import EmitInput, Emitter, GeneratedFile, GoOptions
from codegen.errors import CodegenError, Diagnostic, Level, SpecError
from codegen.ir import Api
from codegen.resolve.resolver import resolve
from codegen.spec.document import Spec
from codegen.spec.load import load_spec
from codegen.spec.upgrade import upgrade
from codegen.validate.validator import collect, fatal

OnStage = Callable[[str], None]

#: Target name → (module, class) of its emitter; imported only when the target is asked for.
EMITTERS = MappingProxyType(
    {
        "go": ("codegen.emit.go", "GoEmitter"),
        "ts": ("codegen.emit.ts", "TsEmitter"),
        "python": ("codegen.emit.python", "PythonEmitter"),
    }
)


@dataclass(frozen=True)
class Timing:
    """How long one stage took."""

    stage: str
    """`load`, `upgrade`, `validate`, `resolve`, or `emit go` / `emit ts` / `emit python`."""
    seconds: float
    """Wall time."""


@dataclass(frozen=True)
class Prepared:
    """A spec that can be emitted: its IR and what was said about it on the way."""

    spec: Spec
    """The spec in 3.1 form (upgraded in memory when it was 3.0)."""
    api: Api
    """The IR."""
    diagnostics: tuple[Diagnostic, ...]
    """Notices (the upgrade's summary first, then one per rewritten keyword) and warnings, located."""
    timings: tuple[Timing, ...]
    """Wall time of load, upgrade, validate and resolve."""


def _quiet(_stage: str) -> None:
    return None


@dataclass(frozen=True)
class Emitted:
    """The files of one target, and how long emitting them took."""

    target: str
    """The emitter's name."""
    files: tuple[GeneratedFile, ...]
    """Every file of the target, in the emitter's order."""
    seconds: float
    """Wall time of the emitter."""
    error: str | None = None
    """Why the target could not be generated (then `files` is empty); only without `strict`."""


@dataclass(frozen=True)
class Generated:
    """The result of `generate`: the prepared spec and every target's files."""

    prepared: Prepared
    """The spec, its IR, diagnostics and stage timings."""
    emitted: tuple[Emitted, ...]
    """One entry per emitter, in the order given."""


#: Python frames allowed while codegen runs: resolving and emitting recurse a few frames per level
#: of nesting, and load refuses documents deeper than `load.MAX_DEPTH` (1,000), so a valid
#: 200-deep schema is generated, not a RecursionError. Forked children inherit it.
_RECURSION_LIMIT = 20_000


@contextmanager
def _deep_recursion() -> Iterator[None]:
    """Raise the interpreter's recursion limit for the pipeline, then restore it."""
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(max(before, _RECURSION_LIMIT))
    try:
        yield
    finally:
        sys.setrecursionlimit(before)


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while the pipeline runs, then restore it as it was.

    The pipeline builds millions of small acyclic objects (spec, IR, text), which reference counting
    frees; the cyclic collector's repeated full passes over that heap cost ~10 % of the wall time
    on GitHub's spec (measured here, A/B, on a loaded machine). Cycles made meanwhile are collected
    later.

    What the pipeline made is then all in the youngest generation, and the first collection after
    re-enabling would walk every object of it (0.13-0.34 s on GitHub's spec, at the end of the
    run); `freeze` + `unfreeze` moves it to the oldest generation instead, in constant time, where
    a full collection still frees its cycles.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def generate(
    path: Path | str,
    emitters: Sequence[Emitter],
    go: GoOptions | None = None,
    *,
    strict: bool = False,
    on_stage: OnStage = _quiet,
    parallel: bool = True,
    allow_ref_outside: bool = False,
) -> Generated:
    """Load, upgrade, validate, resolve and emit. Raises SpecError (nothing emitted is then returned).

    With `parallel`, validation runs in a forked child while the IR is resolved and emitted here;
    its verdict is awaited before returning, so a broken spec still yields only the SpecError.
    `allow_ref_outside` lets `$ref`s read files outside the spec's folder (see `load.load_spec`).
    """
    with _without_cyclic_gc(), _deep_recursion():
        return _generate(
            path,
            emitters,
            go,
            strict=strict,
            on_stage=on_stage,
            parallel=parallel,
            allow_ref_outside=allow_ref_outside,
        )


def _generate(
    path: Path | str,
    emitters: Sequence[Emitter],
    go: GoOptions | None,
    *,
    strict: bool,
    on_stage: OnStage,
    parallel: bool,
    allow_ref_outside: bool,
) -> Generated:
    timings: list[Timing] = []
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings.append(Timing(stage, now - clock))
        clock = now

    on_stage("load")
    loaded = load_spec(path, allow_outside=allow_ref_outside)
    lap("load")
    on_stage("upgrade")
    upgraded = upgrade(loaded)
    lap("upgrade")
    on_stage("validate")
    # Not niced: on an idle machine a niced child made no difference (3.24 vs 3.22 s on GitHub's
    # description, seven alternated runs), but beside any other busy process it starved, and the
    # whole run waited on it at the end (one busy process: 4.64 vs 4.18 s; two: up to 15 s).
    checking: Background[list[Diagnostic]] = Background(lambda: collect(upgraded.spec), fork=parallel)
    if not parallel:
        lap("validate")
    try:
        on_stage("resolve")
        resolved = resolve(upgraded.spec)
        lap("resolve")
        prepared = Prepared(upgraded.spec, resolved.api, (), ())
        emitted = emit(
            prepared, emitters, go or GoOptions(), on_stage=on_stage, parallel=parallel, strict=strict
        )
    except Exception as exc:
        checked, _ = checking.result()  # an invalid spec can trip the resolver: report the spec
        if fatal(checked, strict=strict):
            raise SpecError(checked) from None
        if isinstance(exc, CodegenError):
            raise
        raise CodegenError(_internal(exc)) from exc
    except BaseException:
        checking.cancel()
        raise
    if parallel:
        on_stage("validate (finishing)")
    checked, seconds = checking.result()
    if parallel:
        timings.append(Timing("validate (in parallel)", seconds))
    if fatal(checked, strict=strict) or fatal(resolved.diagnostics, strict=strict):
        raise SpecError([*checked, *resolved.diagnostics])
    diagnostics = (*upgraded.notices, *checked, *resolved.diagnostics)
    prepared = Prepared(upgraded.spec, resolved.api, diagnostics, tuple(timings))
    return Generated(prepared, emitted)


def prepare(
    path: Path | str, *, strict: bool = False, on_stage: OnStage = _quiet, allow_ref_outside: bool = False
) -> Prepared:
    """Load, upgrade, validate and resolve the spec at `path`, in order. Raises SpecError."""
    return generate(
        path, (), strict=strict, on_stage=on_stage, parallel=False, allow_ref_outside=allow_ref_outside
    ).prepared


def load_emitter(name: str) -> Emitter:
    """A fresh emitter for target `name` (`go`, `ts`, `python`)."""
    if name not in EMITTERS:
        raise CodegenError(f"no target named {name!r}: use one of {', '.join(EMITTERS)}")
    module_name, class_name = EMITTERS[name]
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise CodegenError(f"the {name} emitter is not available in this build: {exc}") from exc
    emitter: Emitter = getattr(module, class_name)()
    return emitter


def emit(
    prepared: Prepared,
    emitters: Sequence[Emitter],
    go: GoOptions,
    *,
    on_stage: OnStage = _quiet,
    parallel: bool = True,
    strict: bool = False,
) -> tuple[Emitted, ...]:
    """Run each emitter on the IR. A target that fails (CodegenError) comes back with its `error`
    and no files, so the others are still written; under `strict` the first failure is raised.

    With `parallel`, every emitter but the first runs in a forked child (see `background.py`), so
    the targets are rendered on all cores; the first runs here meanwhile.
    """
    source = EmitInput(prepared.api, prepared.spec, go)

    def work(emitter: Emitter) -> Callable[[], tuple[GeneratedFile, ...]]:
        return lambda: tuple(emitter.emit(source))

    def outcome(emitter: Emitter, running: Background[tuple[GeneratedFile, ...]]) -> Emitted:
        try:
            files, seconds = running.result()
        except Exception as exc:  # a bug in one emitter must not cost the other targets
            error = exc if isinstance(exc, CodegenError) else CodegenError(_internal(exc))
            if strict:
                raise error from exc
            return Emitted(emitter.name, (), 0.0, _brief(str(error)))
        return Emitted(emitter.name, files, seconds)

    if emitters:
        on_stage("emit " + ", ".join(e.name for e in emitters))
    others = [Background(work(e), fork=parallel) for e in emitters[1:]]
    try:
        done = [outcome(e, Background(work(e), fork=False)) for e in emitters[:1]]
        done += [outcome(e, other) for e, other in zip(emitters[1:], others, strict=True)]
    except BaseException:
        for other in others:
            other.cancel()
        raise
    return tuple(done)


def _internal(exc: Exception) -> str:
    """One line for a bug of ours (never a traceback): what was raised, and what to do."""
    return _brief(
        f"internal error ({type(exc).__name__}: {exc}); a bug in migrate: please report it with the spec"
    )


def _brief(message: str, limit: int = 400) -> str:
    """A library's error in one line of at most `limit` characters (pydantic's run to megabytes)."""
    first = message.strip().splitlines()[0] if message.strip() else "failed"
    return first if len(first) <= limit else first[: limit - 5] + " [..]"


def warnings(diagnostics: Sequence[Diagnostic]) -> tuple[Diagnostic, ...]:
    """The warnings among diagnostics (what `--strict` would refuse)."""
    return tuple(d for d in diagnostics if d.level is Level.WARNING)
