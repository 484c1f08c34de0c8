"""Which AWS services and operations a function calls, from SDK v2 and v3 code.

v3: `send(new PutItemCommand(…))` with the command imported from `@aws-sdk/client-dynamodb`
(or `PutCommand` from `@aws-sdk/lib-dynamodb`, which is DynamoDB's PutItem), `paginateX` imports.
v2: a client built with `new AWS.SQS()` (or `require('aws-sdk/clients/sqs')`) stored in a
variable, then `sqs.sendMessage(…)`; `new AWS.DynamoDB.DocumentClient()` methods map to DynamoDB,
as do those of lib-dynamodb's `DynamoDBDocument.from(client)`. A client may be built in a helper
module and imported (`const db = require('./db')`). S3 managed uploads (v2 `upload()`, lib-storage
`Upload`) and presigned URLs (v2 `getSignedUrl('putObject', …)`) count as the S3 operations
they stand for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from migrator.scan.filefacts import FileFacts
from migrator.scan.model import AwsCall, AwsCallField, AwsSdkUsage
from migrator.scan.tables import Tables

V2_PACKAGE = "aws-sdk"
V2_CLIENTS_PREFIX = "aws-sdk/clients/"
LIB_DYNAMODB = "@aws-sdk/lib-dynamodb"
LIB_STORAGE = "@aws-sdk/lib-storage"
_DOCUMENT_CLIENT = "DocumentClient"
_DOCUMENT_AGGREGATE = "DynamoDBDocument"  #: lib-dynamodb's client with v2-style methods

#: variable (or exported name; "*" for `module.exports = client`) → (service, DocumentClient?)
Clients = dict[str, tuple[str, bool]]


class _Usage:
    def __init__(self, tables: Tables, file: str = "") -> None:
        self.tables = tables
        self.file = file
        self.services: dict[str, set[str]] = {}
        self.calls: list[AwsCall] = []
        #: (line, callee) → the keys of the object literal the call passes (see FileFacts.call_inputs)
        self.inputs: dict[tuple[int, str], tuple[AwsCallField, ...]] = {}

    def add(
        self, service: str, operation: str | None = None, line: int | None = None, callee: str = ""
    ) -> None:
        ops = self.services.setdefault(service, set())
        if operation:
            ops.add(operation)
            if line is not None:
                fields = self.inputs.get((line, callee), ())
                self.calls.append(AwsCall(service, operation, self.file, line, fields))

    def result(self) -> tuple[AwsSdkUsage, ...]:
        return tuple(
            AwsSdkUsage(service, tuple(sorted(ops)), self.tables.service_import(service))
            for service, ops in sorted(self.services.items())
        )


def aws_sdk_usage(
    files: Iterable[FileFacts],
    tables: Tables,
    cache: dict[str, dict[str, set[str]]] | None = None,
    imported: Callable[[FileFacts], Clients] | None = None,
) -> tuple[AwsSdkUsage, ...]:
    """Services and operations over a function's files; `cache` keeps each file's share.

    `imported` gives the clients a file imports from local modules, by local name.
    """
    usage = _Usage(tables)
    for facts in files:
        key = facts.path if facts.scope is None else f"{facts.path}#{facts.scope}"
        known = cache.get(key) if cache is not None else None
        if known is None:
            single = _Usage(tables)
            _file_usage(facts, tables, single, imported(facts) if imported is not None else {})
            known = single.services
            if cache is not None:
                cache[key] = known
        for service, operations in known.items():
            usage.services.setdefault(service, set()).update(operations)
    return usage.result()


def aws_call_sites(
    files: Iterable[FileFacts],
    tables: Tables,
    imported: Callable[[FileFacts], Clients] | None = None,
    imported_env: Callable[[FileFacts], dict[str, str]] | None = None,
    cache: dict[str, tuple[AwsCall, ...]] | None = None,
    usage_cache: dict[str, dict[str, set[str]]] | None = None,
) -> tuple[AwsCall, ...]:
    """Every AWS operation call site in the function's files, in file and line order.

    `imported_env` gives the names a file imports from local modules that hold an env var there;
    `cache` keeps each file's call sites (a helper module serves many functions); `usage_cache`,
    the `cache` of `aws_sdk_usage`, gets each file's services from the same pass.
    """
    calls: list[AwsCall] = []
    for facts in files:
        key = facts.path if facts.scope is None else f"{facts.path}#{facts.scope}"
        known = cache.get(key) if cache is not None else None
        if known is None:
            usage = _file_call_sites(facts, tables, imported, imported_env)
            known = tuple(usage.calls)
            if cache is not None:
                cache[key] = known
            if usage_cache is not None:
                usage_cache.setdefault(key, usage.services)
        calls.extend(known)
    return tuple(sorted(set(calls), key=lambda c: (c.file, c.line, c.service, c.operation)))


def _file_call_sites(
    facts: FileFacts,
    tables: Tables,
    imported: Callable[[FileFacts], Clients] | None,
    imported_env: Callable[[FileFacts], dict[str, str]] | None,
) -> _Usage:
    """The services and call sites of one file."""
    usage = _Usage(tables, facts.path)
    env = imported_env(facts) if imported_env is not None and facts.call_inputs else {}
    usage.inputs = {
        (c.line, c.callee): tuple(AwsCallField(k.name, k.env or env.get(k.value), k.value) for k in c.keys)
        for c in facts.call_inputs
    }
    _file_usage(facts, tables, usage, imported(facts) if imported is not None else {})
    return usage


def exported_clients(facts: FileFacts, tables: Tables) -> Clients:
    """Clients a module exports: `module.exports = new X()` as "*", `exports.db = …` as "db"."""
    clients = _clients(facts, tables, _Usage(tables), _bindings(facts, tables, _Usage(tables)))
    names = {e.name for e in facts.exports}
    out = {name: client for name, client in clients.items() if name in names}
    if "exports" in clients:
        out["*"] = clients["exports"]
    return out


def _file_usage(facts: FileFacts, tables: Tables, usage: _Usage, imported: Clients) -> None:
    bindings = _bindings(facts, tables, usage)
    clients = {**imported, **_clients(facts, tables, usage, bindings)}
    for obj, method, line in facts.method_calls:
        client = clients.get(obj)
        if client is None:
            continue
        service, document = client
        if ":" in method:  # getSignedUrl:putObject
            usage.add(service, _upper_first(method.split(":", 1)[1]), line)
        elif method == "upload" and service == "s3" and not document:
            for operation in tables.s3_managed_upload:
                usage.add(service, operation, line)
        elif method in tables.v2_non_operations:
            continue
        elif document:
            usage.add(service, tables.dynamodb_document.get(method), line, method)
        else:
            usage.add(service, _upper_first(method), line, method)


def _upper_first(name: str) -> str:
    return name[:1].upper() + name[1:]


def _bindings(facts: FileFacts, tables: Tables, usage: _Usage) -> dict[str, tuple[str, str]]:
    """Local name → (module, imported name); adds the services that imports and paginators show."""
    bindings: dict[str, tuple[str, str]] = {}
    for ref in facts.imports:
        if not ref.specifier or ref.type_only:
            continue
        service = tables.v3_service(ref.specifier)
        if service is not None:
            usage.add(service)
        elif ref.specifier == LIB_DYNAMODB:
            usage.add("dynamodb")
        for local, imported in ref.bindings:
            bindings[local] = (ref.specifier, imported)
            if imported.startswith("paginate") and len(imported) > len("paginate"):
                operation = imported[len("paginate") :]
                if service is not None:
                    usage.add(service, operation)
                elif ref.specifier == LIB_DYNAMODB:
                    usage.add("dynamodb", tables.dynamodb_document.get(operation, operation))
    return bindings


def _clients(
    facts: FileFacts, tables: Tables, usage: _Usage, bindings: dict[str, tuple[str, str]]
) -> Clients:
    """Variables holding v2-style clients; adds the operations that constructs show."""
    clients: Clients = {}
    for construct in facts.constructs:
        parts = construct.ctor.split(".")
        head = bindings.get(parts[0])
        if head is None:
            continue
        module, imported = head
        names = ([] if imported in ("*", "default") else [imported]) + parts[1:]
        if module == LIB_STORAGE and names == ["Upload"]:
            for operation in tables.s3_managed_upload:
                usage.add("s3", operation, construct.line)
            continue
        if module == LIB_DYNAMODB and names == [_DOCUMENT_AGGREGATE]:
            usage.add("dynamodb")
            if construct.assigned_to:
                clients[construct.assigned_to] = ("dynamodb", True)
            continue
        v3_service = tables.v3_service(module)
        if (v3_service is not None or module == LIB_DYNAMODB) and names:
            command = names[-1]
            if command.endswith("Command") and len(command) > len("Command"):
                operation = command[: -len("Command")]
                if module == LIB_DYNAMODB:
                    document_op = tables.dynamodb_document.get(operation, operation)
                    usage.add("dynamodb", document_op, construct.line, construct.ctor)
                elif v3_service is not None:
                    usage.add(v3_service, operation, construct.line, construct.ctor)
            elif (
                v3_service is not None
                and construct.assigned_to
                and not command.endswith(("Client", "Exception"))
            ):
                clients[construct.assigned_to] = (v3_service, False)  # aggregated: new DynamoDB().putItem(…)
            continue
        constructor = _v2_constructor(module, names, tables)
        if constructor is None:
            continue
        service = tables.v2_service(constructor)
        if service is None:
            continue
        document = bool(names) and names[-1] == _DOCUMENT_CLIENT
        usage.add(service)
        if construct.assigned_to:
            clients[construct.assigned_to] = (service, document)
    return clients


def _v2_constructor(module: str, names: list[str], tables: Tables) -> str | None:
    """The v2 constructor name (`SQS`, `DynamoDB`) a `new …` expression builds, if any."""
    if module == V2_PACKAGE:
        return names[0] if names else None
    if module.startswith(V2_CLIENTS_PREFIX):
        return tables.v2_client_modules.get(module.removeprefix(V2_CLIENTS_PREFIX))
    return None
