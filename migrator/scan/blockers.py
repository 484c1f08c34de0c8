"""Rules that find what makes a function hard or risky to port, each with severity and advice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from migrator.scan.filefacts import FileFacts
from migrator.scan.model import Blocker, Dependency, Severity
from migrator.scan.tables import Tables

#: Lambda's hard cap is 900 s; above this a port has no margin for a slower first run.
LONG_RUNNING_SECONDS = 720


@dataclass(frozen=True)
class Rule:
    id: str
    name: str  #: a readable name, distinct from the id (SARIF asks for both)
    severity: Severity
    summary: str


RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule(
            "native-addon",
            "NativeAddonDependency",
            "error",
            "depends on a native addon that has no place in a Go binary",
        ),
        Rule("child-process", "SpawnsChildProcess", "warning", "spawns processes"),
        Rule("dynamic-require", "ComputedModuleLoad", "warning", "loads modules by computed name"),
        Rule("eval", "RuntimeCodeEvaluation", "error", "evaluates code at run time"),
        Rule("long-running", "NearTimeoutCap", "warning", "runs close to Lambda's 900 s limit"),
        Rule("global-state", "StateAcrossInvocations", "info", "keeps module-level state across invocations"),
        Rule("callback-style", "CallbackHandler", "warning", "uses a callback handler"),
        Rule("sync-handler", "ReturnValueIgnored", "warning", "returns from a plain (non-async) handler"),
        Rule("unmapped-dependency", "NoGoCounterpart", "warning", "imports a package with no Go counterpart"),
        Rule("syntax-error", "UnparsableSource", "error", "has a syntax error"),
        Rule("response-streaming", "StreamsResponse", "warning", "streams its response"),
        Rule("layer", "UsesLambdaLayer", "warning", "depends on a Lambda layer"),
        Rule(
            "binary-dependency",
            "DrivesBundledBinary",
            "warning",
            "depends on a package that drives a bundled program",
        ),
        Rule("inline-code", "InlineTemplateCode", "info", "keeps its code inline in the template"),
        Rule(
            "unresolved-handler",
            "HandlerNotFound",
            "error",
            "handler does not resolve to an exported function",
        ),
    )
}


def blocker(rule: str, message: str, file: str | None, line: int | None) -> Blocker:
    return Blocker(rule, RULES[rule].severity, message, file, line)


@dataclass(frozen=True)
class DependencySite:
    """Where the function first imports a dependency."""

    dependency: Dependency
    file: str
    line: int


@dataclass(frozen=True)
class Site:
    """Where a function's handler and its config entry stand, to locate function-wide blockers."""

    handler_file: str | None
    handler_line: int | None
    config_file: str | None
    config_line: int | None


def find_blockers(
    files: Sequence[FileFacts],
    dependencies: Sequence[DependencySite],
    handler_style: str | None,
    timeout_s: int | None,
    where: Site,
    tables: Tables,
) -> list[Blocker]:
    out: list[Blocker] = []
    for site in dependencies:
        dep = site.dependency
        if dep.npm in tables.native_packages:
            instead = f" (Go: {dep.go})" if dep.go else ""
            out.append(
                blocker(
                    "native-addon",
                    f"{dep.npm} is a native addon; replace it with a pure-Go library{instead}",
                    site.file,
                    site.line,
                )
            )
        elif dep.npm == "child_process":
            out.append(
                blocker(
                    "child-process",
                    "spawns processes: port with os/exec and ship the binaries it runs "
                    "(provided.al2023 has no Node toolchain)",
                    site.file,
                    site.line,
                )
            )
        elif (
            dep.kind == "unmapped"
            and dep.npm not in tables.dropped_packages
            and dep.npm not in tables.binaries  # binary-dependency says more
        ):
            out.append(
                blocker(
                    "unmapped-dependency",
                    f"{dep.npm} has no Go counterpart: {dep.note}",
                    site.file,
                    site.line,
                )
            )
    for facts in files:
        for ref in facts.imports:
            if ref.dynamic:
                out.append(
                    blocker(
                        "dynamic-require",
                        f"{ref.kind} with a computed module name: list the modules it can load "
                        "and import them explicitly in Go",
                        facts.path,
                        ref.line,
                    )
                )
            elif ref.specifier.endswith(".node"):
                out.append(
                    blocker(
                        "native-addon",
                        f"loads the compiled addon {ref.specifier}; rewrite it in Go or call it via cgo",
                        facts.path,
                        ref.line,
                    )
                )
        for call in facts.evals:
            out.append(
                blocker(
                    "eval",
                    f"{call.value} runs code built at run time; Go cannot: replace it with explicit logic",
                    facts.path,
                    call.line,
                )
            )
        for state in facts.global_state:
            out.append(
                blocker(
                    "global-state",
                    f"module-level `{state.value}` is reassigned inside a function and survives "
                    "warm invocations; keep the same lifetime in Go (package variable, sync.Once)",
                    facts.path,
                    state.line,
                )
            )
        for problem in facts.syntax_errors[:1]:
            out.append(
                blocker(
                    "syntax-error",
                    f"{problem.message} at {problem.line}:{problem.column}; facts from this file "
                    "may be incomplete until it is fixed",
                    facts.path,
                    problem.line,
                )
            )
    if handler_style == "callback":
        out.append(
            blocker(
                "callback-style",
                "callback handler: its result waits for an empty event loop "
                "(callbackWaitsForEmptyEventLoop) and Node 24 runtimes drop callbacks; "
                "the Go port returns (response, error) directly",
                where.handler_file,
                where.handler_line,
            )
        )
    if handler_style == "sync":
        out.append(
            blocker(
                "sync-handler",
                "plain (non-async, no callback) handler: Lambda's Node runtime ignores its return value "
                "and callers get null once the event loop empties; make it async (or call the callback) "
                "before porting, or have the Go port return null on purpose",
                where.handler_file,
                where.handler_line,
            )
        )
    if timeout_s is not None and timeout_s > LONG_RUNNING_SECONDS:
        out.append(
            blocker(
                "long-running",
                f"timeout {timeout_s} s leaves no margin under Lambda's 900 s cap: checkpoint "
                "progress or split the work (Step Functions, SQS batches)",
                where.config_file or where.handler_file,
                where.config_line if where.config_file else where.handler_line,
            )
        )
    return out
