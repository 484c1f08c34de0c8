"""The facts `migrate scan` reports. This JSON shape is a contract (see README, "Scan report").

Every class is a frozen dataclass of plain values and tuples, so `dataclasses.asdict` gives
JSON-ready data without per-field code. Paths are POSIX strings relative to the scanned root.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Literal, get_args

EventKind = Literal[
    "api-gateway-rest",
    "api-gateway-http",
    "api-gateway-websocket",
    "api-gateway-authorizer",
    "alb",
    "function-url",
    "sqs",
    "sns",
    "s3",
    "s3-object-lambda",
    "eventbridge",
    "schedule",
    "pipes",
    "dynamodb-stream",
    "kinesis",
    "firehose",
    "kafka",  # MSK and self-managed
    "mq",
    "documentdb",
    "cloudwatch-logs",
    "cognito",  # every Cognito trigger
    "iot",
    "appsync",
    "custom-resource",
    "lambda-edge",
    "unknown",  # a configured trigger outside this vocabulary; its evidence keeps the raw type
    "direct",
]
EVENT_KINDS: tuple[str, ...] = get_args(EventKind)

DependencyKind = Literal["aws-sdk", "mapped", "stdlib", "partial", "unmapped"]
Severity = Literal["error", "warning", "info"]
Provenance = Literal["config", "code", "default"]


@dataclass(frozen=True)
class EventEvidence:
    """Why a function is said to receive one kind of event."""

    kind: str  #: one of EVENT_KINDS
    source: Provenance  #: config (declared), code (inferred from what the handler reads), default
    file: str | None  #: the config or source file that shows it
    line: int | None  #: 1-based line in `file`
    detail: str  #: what was seen, e.g. "httpApi POST /orders" or "reads .Records[].Sns"


@dataclass(frozen=True)
class Dependency:
    """One npm package (or Node built-in) the function's code imports, and its Go counterpart."""

    npm: str  #: package name, `node:`-less for built-ins
    version: str | None  #: range declared in the nearest package.json, null for built-ins
    go: str  #: Go import path ("" when nothing maps)
    kind: DependencyKind
    note: str  #: one line for the engineer doing the port


@dataclass(frozen=True)
class AwsSdkUsage:
    """One AWS service the function calls, named like the aws-sdk-go-v2 package."""

    service: str  #: e.g. "dynamodb", "sqs", "eventbridge"
    operations: tuple[str, ...]  #: API operation names, sorted, e.g. ("PutItem", "Query")
    go: str  #: e.g. "github.com/aws/aws-sdk-go-v2/service/dynamodb"


@dataclass(frozen=True)
class AwsCallField:
    """A top-level key of the input object the Node code passes to an AWS call."""

    name: str  #: the key as written, e.g. "TableName"
    env: str | None  #: the environment variable its value reads (`process.env.X`, or a const bound to it)
    value: str  #: the Node expression text, on one line (cut when long)


@dataclass(frozen=True)
class AwsCall:
    """One place the code calls an AWS operation (`send(new PutItemCommand(…))`, `sqs.sendMessage(…)`)."""

    service: str  #: aws-sdk-go-v2 package name, e.g. "dynamodb"
    operation: str  #: API operation name, e.g. "PutItem"
    file: str
    line: int  #: 1-based line of the command or method call
    fields: tuple[AwsCallField, ...] = ()  #: the keys of the input object literal, when one is passed


@dataclass(frozen=True)
class Blocker:
    """Something that makes the port harder or riskier, with where it was seen."""

    rule: str  #: rule id, see migrator.scan.blockers.RULES
    severity: Severity
    message: str  #: what was found and what to do about it
    file: str | None
    line: int | None


@dataclass(frozen=True)
class Function:
    """Everything the scan learnt about one Lambda function."""

    name: str  #: serverless function key, template logical id, or package name
    file: str | None  #: handler source file; null when the handler does not resolve
    export: str  #: exported name Lambda calls (may be dotted for nested handlers)
    language: Literal["javascript", "typescript"] | None
    module_system: Literal["commonjs", "esm"] | None
    handler_style: Literal["async", "callback", "sync"] | None
    runtime: str | None
    memory_mb: int | None
    timeout_s: int | None
    architecture: str | None
    config: str | None  #: config file that declares the function (null for bare package.json)
    events: tuple[str, ...]  #: event kinds, in vocabulary order
    event_evidence: tuple[EventEvidence, ...]  #: provenance of each event kind
    env: tuple[str, ...]  #: environment variable names from config and code, sorted
    dependencies: tuple[Dependency, ...]
    aws_sdk: tuple[AwsSdkUsage, ...]
    blockers: tuple[Blocker, ...]
    error_types: tuple[str, ...]  #: `name` values the handler's errors carry at run time
    source_files: tuple[str, ...]  #: handler file plus the local modules it imports
    readiness: int  #: 0-100, see migrator.scan.readiness
    aws_calls: tuple[AwsCall, ...] = ()  #: each AWS operation call site, in file and line order


SkipReason = Literal["runtime", "provider", "container-image"]


@dataclass(frozen=True)
class SkippedFunction:
    """A function a config declares that is not a Node.js AWS Lambda function: not a candidate."""

    name: str
    config: str | None  #: config file that declares it
    line: int | None
    reason: SkipReason  #: runtime (not nodejs*), provider (not AWS), container-image
    detail: str  #: e.g. "runtime python3.12"


@dataclass(frozen=True)
class ScanProblem:
    """A file or config that could not be read (fully). The scan reports it and goes on."""

    file: str
    line: int | None
    column: int | None
    message: str


@dataclass(frozen=True)
class ToolInfo:
    name: str
    version: str


@dataclass(frozen=True)
class ScanReport:
    """The whole result of one scan: functions sorted by (config or file, name)."""

    tool: ToolInfo
    root: str  #: the scanned path as given
    functions: tuple[Function, ...]
    errors: tuple[ScanProblem, ...]
    skipped: tuple[SkippedFunction, ...] = ()  #: declared functions that are not Node.js Lambdas

    def to_json(self) -> dict[str, Any]:
        """The documented JSON shape (see README)."""
        data = dataclasses.asdict(self)
        return {
            "tool": data["tool"],
            "functions": data["functions"],
            "skipped": data["skipped"],
            "errors": data["errors"],
        }
