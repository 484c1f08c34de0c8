"""Scan facts of one function → the plan of its Go module (`ModulePlan`). Pure: reads no files."""

from __future__ import annotations

from dataclasses import dataclass, replace

from migrator.scan.model import Function
from migrator.stub.inputs import load_inputs, site
from migrator.stub.model import Call, Client, ModulePlan, Setting, Site, Source
from migrator.stub.naming import exported, is_go_type_name, unique_idents
from migrator.stub.tables import SDK, EventType, Tables

ATTRIBUTEVALUE = f"{SDK}/feature/dynamodb/attributevalue"
#: Set by Lambda or meaningless in Go: never settings fields.
_RUNTIME_ENV_PREFIXES = ("AWS_", "LAMBDA_", "_", "NODE_")
_RUNTIME_ENV = frozenset({"TZ", "LANG", "PATH", "LD_LIBRARY_PATH", "HOME"})
#: Read with a default in practice: a missing one does not fail init.
_OPTIONAL_ENV_PREFIXES = ("LOG_", "POWERTOOLS_", "DEBUG")
CHECKPOINT_ENV = ("CHECKPOINT_BUCKET", "CONTINUATION_QUEUE_URL")
#: Names the generated Go declares at package level: an error type may not take them.
_TAKEN = frozenset(
    {
        "NotImplementedError",
        "InitError",
        "UnknownEventError",
        "main",
        "app",
        "settings",
        "clients",
        "checkpoint",
    }
)


@dataclass(frozen=True)
class PlanOptions:
    architecture: str | None = None  #: --arch; None keeps the function's
    reports_failures: bool = False  #: the Node code returns `batchItemFailures`
    cognito: str = ""  #: Go type of the function's Cognito trigger ("" = not known: json.RawMessage)


def _event_type(kind: str, tables: Tables, options: PlanOptions) -> EventType:
    """The table's row, or for a Cognito trigger known by name its own event type."""
    event = tables.event(kind)
    if kind == "cognito" and options.cognito:
        trigger = options.cognito.removeprefix("events.CognitoEventUserPools")
        note = f"the Cognito {trigger} trigger: return the event with its Response filled"
        event = replace(event, request=options.cognito, response=options.cognito, note=note)
    return event


def event_kinds(function: Function) -> tuple[str, ...]:
    """The function's event kinds; a function with none is invoked directly."""
    return tuple(function.events) or ("direct",)


def may_report_failures(function: Function, tables: Tables) -> bool:
    """Whether any of its sources has a partial-batch response (else `batchItemFailures` is moot)."""
    return any(tables.event(kind).partial for kind in event_kinds(function))


def _sources(function: Function, tables: Tables, options: PlanOptions, long_running: bool) -> list[Source]:
    kinds = event_kinds(function)
    grouped: dict[str, list[EventType]] = {}
    for kind in kinds:
        event = _event_type(kind, tables, options)
        grouped.setdefault(event.request, []).append(event)
    sources: list[Source] = []
    for request, events in sorted(grouped.items(), key=lambda item: item[1][0].order):
        first = events[0]
        partial = options.reports_failures and bool(first.partial)
        short = request.split(".")[-1] if not request.startswith("json.") else exported(first.kind)
        sources.append(
            Source(
                kinds=tuple(e.kind for e in events),
                request=request,
                response=first.partial if partial else first.response,
                probe=first.probe,
                method=f"handle{short}",
                user_owned=True,
                partial=partial,
            )
        )
    if long_running and "events.SQSEvent" not in grouped:
        sqs = tables.event("sqs")
        sources.append(Source(("continuation",), sqs.request, "", sqs.probe, "resume", False, False))
    return sources


def _settings(function: Function, long_running: bool) -> tuple[Setting, ...]:
    names = [
        env
        for env in function.env
        if env not in _RUNTIME_ENV and not env.startswith(_RUNTIME_ENV_PREFIXES) and env.strip()
    ]
    if long_running:
        names += [env for env in CHECKPOINT_ENV if env not in names]
    fields = unique_idents(exported(env, "Setting") for env in names)
    return tuple(
        Setting(env, field, not env.startswith(_OPTIONAL_ENV_PREFIXES))
        for env, field in zip(names, fields, strict=True)
    )


def _clients(
    function: Function, tables: Tables, long_running: bool, settings: dict[str, str]
) -> tuple[list[Client], list[str]]:
    wanted: dict[str, tuple[str, ...]] = {u.service: u.operations for u in function.aws_sdk}
    if long_running:
        for service in ("s3", "sqs"):
            wanted.setdefault(service, ())
    clients: list[Client] = []
    unpinned: list[str] = []
    fields = unique_idents(exported(service) for service in sorted(wanted))
    for service, field in zip(sorted(wanted), fields, strict=True):
        unit = tables.service_unit(service)
        if unit is None:
            unpinned.append(service)
            continue
        calls = tuple(
            Call(op, op in unit.operations, _sites(function, service, op, settings)) for op in wanted[service]
        )
        clients.append(Client(service, field, f"{SDK}/service/{service}", calls))
    return clients, unpinned


def _sites(function: Function, service: str, operation: str, settings: dict[str, str]) -> tuple[Site, ...]:
    table = load_inputs()
    return tuple(
        site(c, settings, table)
        for c in function.aws_calls
        if c.service == service and c.operation == operation
    )


def _mapped_units(function: Function, tables: Tables) -> list[str]:
    found: list[str] = []
    for dep in function.dependencies:
        if dep.kind != "mapped" or not dep.go:
            continue
        for name in tables.units:
            if (dep.go == name or dep.go.startswith(name + "/")) and name not in found:
                found.append(name)
    return found


def _partial_reasons(function: Function) -> tuple[str, ...]:
    reasons: list[str] = []
    if function.file is None:
        reasons.append("the handler file does not resolve: the event types come from the config only")
    for blocker in function.blockers:
        if blocker.rule == "syntax-error":
            where = f"{blocker.file}:{blocker.line}" if blocker.file else "the handler"
            reasons.append(f"{where} does not parse: facts read from its code are incomplete")
    if not function.events:
        reasons.append("no event source found: the handler takes json.RawMessage")
    return tuple(reasons)


def plan_module(function: Function, folder: str, tables: Tables, options: PlanOptions) -> ModulePlan:
    """What the module of `function` holds."""
    long_running = any(b.rule == "long-running" for b in function.blockers)
    sources = _sources(function, tables, options, long_running)
    settings = _settings(function, long_running)
    clients, unpinned = _clients(function, tables, long_running, {s.env: s.field for s in settings})
    attributevalue = any(d.go == ATTRIBUTEVALUE for d in function.dependencies)
    units = ["lambda"]
    if clients:
        units.append("sdk")
        units += [f"service/{c.service}" for c in clients]
    if attributevalue:
        units.append("attributevalue")
    units += _mapped_units(function, tables)
    names = dict.fromkeys(function.error_types)
    errors = tuple(n for n in names if (is_go_type_name(n) and n not in _TAKEN) or n == "NotImplementedError")
    notes = [
        f"{kind}: {note}"
        for s in sources
        for kind in s.kinds
        if (note := _event_type(kind, tables, options).note)
    ]
    return ModulePlan(
        function=function,
        folder=folder,
        module=f"example.com/stub/{folder}",
        sources=tuple(sources),
        dispatch=len(sources) > 1,
        settings=settings,
        clients=tuple(clients),
        unpinned_services=tuple(unpinned),
        error_types=tuple(e for e in errors if e != "NotImplementedError"),
        skipped_error_types=tuple(n for n in names if n not in errors),
        long_running=long_running,
        attributevalue=attributevalue,
        units=tuple(units),
        architecture=options.architecture or function.architecture or "x86_64",
        memory_mb=function.memory_mb or 128,
        timeout_s=function.timeout_s or 3,
        partial_reasons=_partial_reasons(function),
        source_notes=tuple(dict.fromkeys(notes)),
    )
