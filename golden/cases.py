"""Golden cases: bare event JSON files (as `sam local invoke -e` takes them) or JSONL, one case each.

A directory gives one case per `*.json` file under it (id = path relative to the directory); a
`.jsonl` file one case per non-empty line (id = `file.jsonl:LINE`); a `.json` file one case. A file
that does not parse is a located problem, and the other cases still load.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from golden.errors import GoldenError
from golden.outcome import Json


@dataclass(frozen=True)
class Case:
    """One event to hand both handlers."""

    id: str
    """Stable, unique: the file's path relative to the cases folder, or `file.jsonl:LINE`."""
    event: Json
    file: str
    """The file the event comes from, as given."""
    line: int | None
    """The line in a JSONL file; None for a whole-file event."""


@dataclass(frozen=True)
class CaseProblem:
    """A case file (or JSONL line) that could not be read."""

    file: str
    line: int | None
    column: int | None
    message: str


@dataclass(frozen=True)
class Cases:
    cases: tuple[Case, ...]
    problems: tuple[CaseProblem, ...]


def load_cases(path: Path) -> Cases:
    """Every case under `path`, in a stable order. Raises GoldenError when there is nothing to read."""
    if path.is_dir():
        files = sorted(p for p in path.rglob("*.json") if p.is_file())
        if not files:
            raise GoldenError(f"{path}: no *.json event files in this folder; add one event per file")
        return _merge([_json_file(f, f.relative_to(path).as_posix()) for f in files])
    if path.is_file():
        if path.suffix == ".jsonl":
            return _jsonl(path)
        return _merge([_json_file(path, path.name)])
    raise GoldenError(f"{path}: no such file or folder; pass a folder of event JSON files or a .jsonl file")


def _merge(parts: list[Cases]) -> Cases:
    return Cases(
        tuple(c for part in parts for c in part.cases), tuple(p for part in parts for p in part.problems)
    )


def _json_file(path: Path, case_id: str) -> Cases:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return Cases((), (CaseProblem(str(path), None, None, f"cannot read: {exc}"),))
    try:
        event: Json = json.loads(text)
    except json.JSONDecodeError as exc:
        return Cases((), (CaseProblem(str(path), exc.lineno, exc.colno, f"invalid JSON: {exc.msg}"),))
    return Cases((Case(case_id, event, str(path), None),), ())


def _jsonl(path: Path) -> Cases:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldenError(f"{path}: cannot read ({exc})") from exc
    cases: list[Case] = []
    problems: list[CaseProblem] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            event: Json = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(CaseProblem(str(path), number, exc.colno, f"invalid JSON: {exc.msg}"))
            continue
        cases.append(Case(f"{path.name}:{number}", event, str(path), number))
    if not cases and not problems:
        raise GoldenError(f"{path}: no events; write one JSON event per line")
    return Cases(tuple(cases), tuple(problems))
