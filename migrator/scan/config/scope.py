"""Which declared functions are Node.js AWS Lambda candidates; the others are counted as skipped.

A candidate has a `nodejs*` runtime, or no runtime and a handler that resolves to JS/TS source.
Python, Java, .NET, Go, custom runtimes, container images and other providers are reported in
`skipped` with the reason, never as functions with blockers.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from migrator.scan.config.model import FunctionConfig, Skip
from migrator.scan.model import SkippedFunction
from migrator.scan.resolve import split_handler

#: Source files of other Lambda runtimes, by extension: a handler that names one is not Node.
_OTHER_SOURCES = MappingProxyType(
    {".py": "python", ".rb": "ruby", ".go": "go", ".java": "java", ".cs": "dotnet"}
)


def config_skip(cfg: FunctionConfig) -> Skip | None:
    """Why the config alone rules the function out (runtime, provider, image), or None."""
    if cfg.skip is not None:
        return cfg.skip
    runtime = cfg.runtime
    if runtime and "nodejs" not in runtime.lower() and "${" not in runtime:
        return ("runtime", f"runtime {runtime}")
    return None


def handler_skip(cfg: FunctionConfig) -> Skip | None:
    """With no runtime set and no JS/TS handler file: a handler that names another language."""
    if cfg.runtime or cfg.handler is None:
        return None
    if "::" in cfg.handler:
        return ("runtime", f"handler {cfg.handler} (Java or .NET)")
    module, _ = split_handler(cfg.handler)
    for suffix, language in _OTHER_SOURCES.items():
        if (cfg.base_dir / f"{module}{suffix}").is_file():
            return ("runtime", f"handler {Path(module).name}{suffix} ({language})")
    return None


def skipped(cfg: FunctionConfig, skip: Skip) -> SkippedFunction:
    return SkippedFunction(cfg.name, cfg.config, cfg.line, skip[0], skip[1])
