"""Which AWS services and operations a function calls, from SDK v2 and v3 code.

v3: `send(new PutItemCommand(…))` with the command imported from `@aws-sdk/client-dynamodb`
(or `PutCommand` from `@aws-sdk/lib-dynamodb`, which is DynamoDB's PutItem), `paginateX` imports.
v2: a client built with `new AWS.SQS()` (or `require('aws-sdk/clients/sqs')`) stored in a
variable, then `sqs.sendMessage(…)`; `new AWS.DynamoDB.DocumentClient()` methods map to DynamoDB.
"""

from __future__ import annotations

from collections.abc import Iterable

from migrator.scan.filefacts import FileFacts
from migrator.scan.model import AwsCall, AwsSdkUsage
from migrator.scan.tables import Tables

V2_PACKAGE = "aws-sdk"
V2_CLIENTS_PREFIX = "aws-sdk/clients/"
LIB_DYNAMODB = "@aws-sdk/lib-dynamodb"
_DOCUMENT_CLIENT = "DocumentClient"


class _Usage:
    def __init__(self, tables: Tables, file: str = "") -> None:
        self.tables = tables
        self.file = file
        self.services: dict[str, set[str]] = {}
        self.calls: list[AwsCall] = []

    def add(self, service: str, operation: str | None = None, line: int | None = None) -> None:
        ops = self.services.setdefault(service, set())
        if operation:
            ops.add(operation)
            if line is not None:
                self.calls.append(AwsCall(service, operation, self.file, line))

    def result(self) -> tuple[AwsSdkUsage, ...]:
        return tuple(
            AwsSdkUsage(service, tuple(sorted(ops)), self.tables.service_import(service))
            for service, ops in sorted(self.services.items())
        )


def aws_sdk_usage(
    files: Iterable[FileFacts], tables: Tables, cache: dict[str, dict[str, set[str]]] | None = None
) -> tuple[AwsSdkUsage, ...]:
    """Services and operations over a function's files; `cache` keeps each file's share."""
    usage = _Usage(tables)
    for facts in files:
        known = cache.get(facts.path) if cache is not None else None
        if known is None:
            single = _Usage(tables)
            _file_usage(facts, tables, single)
            known = single.services
            if cache is not None:
                cache[facts.path] = known
        for service, operations in known.items():
            usage.services.setdefault(service, set()).update(operations)
    return usage.result()


def aws_call_sites(files: Iterable[FileFacts], tables: Tables) -> tuple[AwsCall, ...]:
    """Every AWS operation call site in the function's files, in file and line order."""
    calls: list[AwsCall] = []
    for facts in files:
        usage = _Usage(tables, facts.path)
        _file_usage(facts, tables, usage)
        calls.extend(usage.calls)
    return tuple(sorted(set(calls), key=lambda c: (c.file, c.line, c.service, c.operation)))


def _file_usage(facts: FileFacts, tables: Tables, usage: _Usage) -> None:
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

    # variable → (service, is DynamoDB document client) for v2-style clients
    clients: dict[str, tuple[str, bool]] = {}
    for construct in facts.constructs:
        parts = construct.ctor.split(".")
        head = bindings.get(parts[0])
        if head is None:
            continue
        module, imported = head
        names = ([] if imported in ("*", "default") else [imported]) + parts[1:]
        v3_service = tables.v3_service(module)
        if (v3_service is not None or module == LIB_DYNAMODB) and names:
            command = names[-1]
            if command.endswith("Command") and len(command) > len("Command"):
                operation = command[: -len("Command")]
                if module == LIB_DYNAMODB:
                    usage.add("dynamodb", tables.dynamodb_document.get(operation, operation), construct.line)
                elif v3_service is not None:
                    usage.add(v3_service, operation, construct.line)
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

    for obj, method, line in facts.method_calls:
        client = clients.get(obj)
        if client is None or method in tables.v2_non_operations:
            continue
        service, document = client
        if document:
            usage.add(service, tables.dynamodb_document.get(method), line)
        else:
            usage.add(service, method[:1].upper() + method[1:], line)


def _v2_constructor(module: str, names: list[str], tables: Tables) -> str | None:
    """The v2 constructor name (`SQS`, `DynamoDB`) a `new …` expression builds, if any."""
    if module == V2_PACKAGE:
        return names[0] if names else None
    if module.startswith(V2_CLIENTS_PREFIX):
        return tables.v2_client_modules.get(module.removeprefix(V2_CLIENTS_PREFIX))
    return None
