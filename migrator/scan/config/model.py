"""What a deployment config declares about one function, before its code is read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from migrator.scan.model import EventEvidence, ScanProblem, SkipReason

Skip = tuple[SkipReason, str]  #: (reason, detail) a declared function is not a candidate


@dataclass(frozen=True)
class FunctionConfig:
    """One function as its config (or its package.json) declares it."""

    name: str
    config: str | None  #: config file relative to the scan root; None for bare package.json
    line: int | None  #: where the function is declared in `config`
    base_dir: Path  #: the directory the handler string is relative to (absolute)
    handler: str | None  #: e.g. "src/handlers/orders.create"; None when not configured
    runtime: str | None = None
    memory_mb: int | None = None
    timeout_s: int | None = None
    architecture: str | None = None
    env: tuple[str, ...] = ()
    events: tuple[EventEvidence, ...] = ()
    entry_points: tuple[str, ...] = ()  #: build entry points (SAM esbuild), relative to base_dir
    candidates: tuple[str, ...] = ()  #: bare package.json: handler files to try, in order
    skip: Skip | None = None  #: set when the config alone shows it is no Node.js Lambda candidate
    layers: tuple[str, ...] = ()  #: Lambda layers, as ARNs or references ("Ref MyLayer")
    invoke_mode: str | None = None  #: function URL InvokeMode (RESPONSE_STREAM streams)
    invoke_mode_at: tuple[str, int | None] | None = None  #: (file, line) setting it, if not the function's
    inline_code: str | None = None  #: ZipFile/InlineCode source, scanned in place of a file


@dataclass
class ConfigResult:
    """What one config reader produced: functions and located problems."""

    functions: list[FunctionConfig] = field(default_factory=list)
    problems: list[ScanProblem] = field(default_factory=list)
    #: Terraform folders read as local modules of this one (absolute, real paths): not roots
    module_dirs: list[str] = field(default_factory=list)


def as_int(value: Any) -> int | None:
    """An integer setting, or None when it is absent or not a literal number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def as_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def referenced_ids(value: Any) -> set[str]:
    """Logical ids a CloudFormation value refers to through Ref, GetAtt or Sub."""
    found: set[str] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, inner in item.items():
                if key == "Ref" and isinstance(inner, str):
                    found.add(inner)
                elif key == "Fn::GetAtt":
                    if isinstance(inner, list) and inner and isinstance(inner[0], str):
                        found.add(inner[0])
                    elif isinstance(inner, str):
                        found.add(inner.split(".", 1)[0])
                elif key == "Fn::Sub":
                    template = inner[0] if isinstance(inner, list) and inner else inner
                    if isinstance(template, str):
                        found.update(_sub_names(template))
                    stack.append(inner)
                else:
                    stack.append(inner)
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _sub_names(template: str) -> set[str]:
    names = set()
    start = template.find("${")
    while start != -1:
        end = template.find("}", start)
        if end == -1:
            break
        inner = template[start + 2 : end]
        if not inner.startswith("!"):
            names.add(inner.split(".", 1)[0])
        start = template.find("${", end)
    return names


def env_names(environment: Any) -> tuple[str, ...]:
    """Variable names from an `environment:`/`Variables:` mapping."""
    if isinstance(environment, dict):
        return tuple(str(k) for k in environment)
    return ()


def layer_names(value: Any) -> tuple[str, ...]:
    """Layer ARNs, or readable references to them (`Ref MyLayer`), from a `Layers` list."""
    out = []
    for item in value if isinstance(value, list) else ():
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict) and len(item) == 1:
            ((key, inner),) = item.items()
            target = (
                inner
                if isinstance(inner, str)
                else ".".join(map(str, inner))
                if isinstance(inner, list)
                else "…"
            )
            out.append(f"{str(key).removeprefix('Fn::')} {target}")
    return tuple(out)
