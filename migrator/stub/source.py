"""Where the functions come from: a folder scanned on the fly, or a `migrate scan --format json` report.

A report is read back into the scan's own dataclasses; members this version does not know are
ignored (the report may come from a newer scan), missing ones make it unreadable.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from migrator.errors import MigrateError
from migrator.scan.engine import ScanOptions, scan
from migrator.scan.files import SOURCE_LIMIT, Reader, Unreadable
from migrator.scan.model import (
    AwsCall,
    AwsCallField,
    AwsSdkUsage,
    Blocker,
    Dependency,
    EventEvidence,
    Function,
    ScanProblem,
)

T = TypeVar("T")
_NESTED: dict[str, type[Any]] = {
    "event_evidence": EventEvidence,
    "dependencies": Dependency,
    "aws_sdk": AwsSdkUsage,
    "blockers": Blocker,
    "aws_calls": AwsCall,
}


class StubInputError(MigrateError):
    """PATH is neither a folder of functions nor a readable scan report."""


def _build(cls: type[T], data: Any, where: str) -> T:
    if not isinstance(data, dict):
        raise StubInputError(f"{where}: expected an object")
    values: dict[str, Any] = {}
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        if field.name not in data and field.default is not dataclasses.MISSING:
            continue  # added to the report after this one was written
        if field.name not in data:
            raise StubInputError(
                f"{where}: missing {field.name!r}: give a `migrate scan --format json` report"
            )
        value = data[field.name]
        nested = _NESTED.get(field.name) if cls is Function else None
        if cls is AwsCall and field.name == "fields":
            nested = AwsCallField
        if nested is not None and isinstance(value, list):
            value = tuple(_build(nested, item, f"{where}.{field.name}[{i}]") for i, item in enumerate(value))
        elif isinstance(value, list):
            value = tuple(tuple(v) if isinstance(v, list) else v for v in value)
        values[field.name] = value
    return cls(**values)


def read_report(path: Path) -> tuple[Function, ...]:
    """The functions of a scan JSON report."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise StubInputError(f"{path}: cannot read it as a scan report: {exc}") from exc
    functions = data.get("functions") if isinstance(data, dict) else None
    if not isinstance(functions, list):
        raise StubInputError(f"{path}: no `functions` list: give a `migrate scan --format json` report")
    return tuple(_build(Function, f, f"{path}: functions[{i}]") for i, f in enumerate(functions))


def read_report_errors(path: Path) -> tuple[ScanProblem, ...]:
    """What the scan that wrote the report at `path` could not read (none in an older report)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    errors = data.get("errors") if isinstance(data, dict) else None
    if not isinstance(errors, list):
        return ()
    return tuple(_build(ScanProblem, e, f"{path}: errors[{i}]") for i, e in enumerate(errors))


@dataclass(frozen=True)
class Fleet:
    """The functions to stub, the folder their files are in, and what the scan could not read."""

    functions: tuple[Function, ...]
    root: Path
    problems: tuple[ScanProblem, ...] = ()

    def unread(self) -> tuple[str, ...]:
        """One line per file or config the scan could not read that is no function's own file (a
        function's own unreadable file makes its module partial, and is reported as such)."""
        own = {rel for f in self.functions for rel in (f.file, *f.source_files) if rel}
        lines = []
        for problem in self.problems:
            if problem.file in own:
                continue
            where = ":".join(str(p) for p in (problem.file, problem.line, problem.column) if p)
            lines.append(f"not read: {where}: {problem.message}")
        return tuple(lines)


def load_fleet(path: Path, jobs: int | None, progress: Callable[[int, int], None] | None) -> Fleet:
    """The functions under PATH (scanned) or in the report PATH, with what the scan could not read."""
    if path.is_dir():
        report = scan(path, ScanOptions(jobs=jobs, progress=progress))
        return Fleet(report.functions, path, report.errors)
    if path.is_file():
        return Fleet(read_report(path), path.parent, read_report_errors(path))
    raise StubInputError(f"{path}: no such folder or file: give a functions folder or a scan JSON report")


def load_functions(
    path: Path, jobs: int | None, progress: Callable[[int, int], None] | None
) -> tuple[tuple[Function, ...], Path]:
    """The functions under PATH (scanned) or in the report PATH, and the folder their files are in."""
    fleet = load_fleet(path, jobs, progress)
    return fleet.functions, fleet.root


class FailureReader:
    """Whether a function's Node code returns `batchItemFailures` (partial batch responses): each
    source file under `root` is read at most once, however many functions share it."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self._reader = Reader(root)
        self._seen: dict[str, bool] = {}

    def reports(self, function: Function) -> bool:
        return any(
            self._mentions(rel)
            for rel in function.source_files or ((function.file,) if function.file else ())
        )

    def _mentions(self, rel: str) -> bool:
        seen = self._seen.get(rel)
        if seen is None:
            try:
                seen = b"batchItemFailures" in self._reader.read_bytes(self._root / rel, SOURCE_LIMIT)
            except (OSError, Unreadable):  # not a regular file under the folder: the scan said why
                seen = False
            self._seen[rel] = seen
        return seen
