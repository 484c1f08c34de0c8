"""Rules that find what makes a function hard or risky to port, each with severity and advice.

Each rule is one small function registered below (`CODE_RULES`) with its `Rule`; `ruleset.py` says
what a rule may look at, and `platform.py` holds the rules about what the Lambda platform provides.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType

from migrator.scan import platform
from migrator.scan.filefacts import FileFacts, ImportRef
from migrator.scan.model import Blocker
from migrator.scan.ruleset import Check, DependencySite, Hit, Registry, Rule, Site, Subject

__all__ = [
    "CODE_RULES",
    "REGISTRIES",
    "RULES",
    "DependencySite",
    "Rule",
    "Site",
    "Subject",
    "blocker",
    "find_blockers",
]

#: Lambda's hard cap is 900 s; above this a port has no margin for a slower first run.
LONG_RUNNING_SECONDS = 720

NATIVE_ADDON = Rule(
    "native-addon",
    "NativeAddonDependency",
    "error",
    "depends on a native addon that has no place in a Go binary",
)
CHILD_PROCESS = Rule("child-process", "SpawnsChildProcess", "warning", "spawns processes")
DYNAMIC_REQUIRE = Rule("dynamic-require", "ComputedModuleLoad", "warning", "loads modules by computed name")
EVAL = Rule("eval", "RuntimeCodeEvaluation", "error", "evaluates code at run time")
LONG_RUNNING = Rule("long-running", "NearTimeoutCap", "warning", "runs close to Lambda's 900 s limit")
GLOBAL_STATE = Rule(
    "global-state", "StateAcrossInvocations", "info", "keeps module-level state across invocations"
)
CALLBACK_STYLE = Rule("callback-style", "CallbackHandler", "warning", "uses a callback handler")
SYNC_HANDLER = Rule(
    "sync-handler", "ReturnValueIgnored", "warning", "returns from a plain (non-async) handler"
)
UNMAPPED_DEPENDENCY = Rule(
    "unmapped-dependency", "NoGoCounterpart", "warning", "imports a package with no Go counterpart"
)
SYNTAX_ERROR = Rule("syntax-error", "UnparsableSource", "error", "has a syntax error")
UNRESOLVED_HANDLER = Rule(
    "unresolved-handler", "HandlerNotFound", "error", "handler does not resolve to an exported function"
)


def native_dependency(site: DependencySite, subject: Subject) -> str | None:
    dep = site.dependency
    if dep.npm not in subject.tables.native_packages:
        return None
    instead = f" (Go: {dep.go})" if dep.go else ""
    return f"{dep.npm} is a native addon; replace it with a pure-Go library{instead}"


def child_process(site: DependencySite, subject: Subject) -> str | None:
    if site.dependency.npm != "child_process":
        return None
    return (
        "spawns processes: port with os/exec and ship the binaries it runs "
        "(provided.al2023 has no Node toolchain)"
    )


def unmapped_dependency(site: DependencySite, subject: Subject) -> str | None:
    dep = site.dependency
    tables = subject.tables
    if dep.kind != "unmapped" or dep.npm in tables.dropped_packages or dep.npm in tables.binaries:
        return None  # a package that drives a binary: binary-dependency says more
    return f"{dep.npm} has no Go counterpart: {dep.note}"


def dynamic_require(ref: ImportRef) -> str | None:
    if not ref.dynamic:
        return None
    return (
        f"{ref.kind} with a computed module name: list the modules it can load "
        "and import them explicitly in Go"
    )


def native_addon_import(ref: ImportRef) -> str | None:
    if not ref.specifier.endswith(".node"):
        return None
    return f"loads the compiled addon {ref.specifier}; rewrite it in Go or call it via cgo"


def evals(facts: FileFacts) -> Iterator[tuple[int, str]]:
    for call in facts.evals:
        yield (
            call.line,
            f"{call.value} runs code built at run time; Go cannot: replace it with explicit logic",
        )


def global_state(facts: FileFacts) -> Iterator[tuple[int, str]]:
    for state in facts.global_state:
        yield (
            state.line,
            f"module-level `{state.value}` is reassigned inside a function and survives "
            "warm invocations; keep the same lifetime in Go (package variable, sync.Once)",
        )


def syntax_error(facts: FileFacts) -> Iterator[tuple[int, str]]:
    for problem in facts.syntax_errors[:1]:
        yield (
            problem.line,
            f"{problem.message} at {problem.line}:{problem.column}; facts from this file "
            "may be incomplete until it is fixed",
        )


def callback_style(subject: Subject) -> Iterator[Hit]:
    if subject.handler_style == "callback":
        yield Hit(
            "callback handler: its result waits for an empty event loop "
            "(callbackWaitsForEmptyEventLoop) and Node 24 runtimes drop callbacks; "
            "the Go port returns (response, error) directly",
            subject.where.handler_file,
            subject.where.handler_line,
        )


def sync_handler(subject: Subject) -> Iterator[Hit]:
    if subject.handler_style == "sync":
        yield Hit(
            "plain (non-async, no callback) handler: Lambda's Node runtime ignores its return value "
            "and callers get null once the event loop empties; make it async (or call the callback) "
            "before porting, or have the Go port return null on purpose",
            subject.where.handler_file,
            subject.where.handler_line,
        )


def long_running(subject: Subject) -> Iterator[Hit]:
    timeout_s, where = subject.cfg.timeout_s, subject.where
    if timeout_s is not None and timeout_s > LONG_RUNNING_SECONDS:
        yield Hit(
            f"timeout {timeout_s} s leaves no margin under Lambda's 900 s cap: checkpoint "
            "progress or split the work (Step Functions, SQS batches)",
            where.config_file or where.handler_file,
            where.config_line if where.config_file else where.handler_line,
        )


CODE_RULES = Registry(
    dependency=(
        Check(NATIVE_ADDON, native_dependency),
        Check(CHILD_PROCESS, child_process),
        Check(UNMAPPED_DEPENDENCY, unmapped_dependency),
    ),
    imports=(Check(DYNAMIC_REQUIRE, dynamic_require), Check(NATIVE_ADDON, native_addon_import)),
    file=(Check(EVAL, evals), Check(GLOBAL_STATE, global_state), Check(SYNTAX_ERROR, syntax_error)),
    function=(
        Check(CALLBACK_STYLE, callback_style),
        Check(SYNC_HANDLER, sync_handler),
        Check(LONG_RUNNING, long_running),
    ),
)
#: The registries a function's blockers come from, in order.
REGISTRIES = (CODE_RULES, platform.PLATFORM_RULES)
#: Every rule by id, in report order (SARIF lists them so). `unresolved-handler` is found while a
#: function is assembled, before any registry runs.
RULES: Mapping[str, Rule] = MappingProxyType(
    {
        rule.id: rule
        for rule in (
            NATIVE_ADDON,
            CHILD_PROCESS,
            DYNAMIC_REQUIRE,
            EVAL,
            LONG_RUNNING,
            GLOBAL_STATE,
            CALLBACK_STYLE,
            SYNC_HANDLER,
            UNMAPPED_DEPENDENCY,
            SYNTAX_ERROR,
            platform.RESPONSE_STREAMING,
            platform.LAYER,
            platform.BINARY_DEPENDENCY,
            platform.INLINE_CODE,
            UNRESOLVED_HANDLER,
        )
    }
)


def blocker(rule: str, message: str, file: str | None, line: int | None) -> Blocker:
    """A blocker of a known rule found outside the registries (`unresolved-handler`)."""
    return Blocker(rule, RULES[rule].severity, message, file, line)


def find_blockers(subject: Subject, registries: tuple[Registry, ...] = REGISTRIES) -> list[Blocker]:
    """Every blocker the registries' rules find in one function, registry by registry."""
    return [found for registry in registries for found in registry.blockers(subject)]
