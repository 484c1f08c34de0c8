"""Golden cases: bare event JSON files (as `sam local invoke -e` takes them) or JSONL, one case each.

A directory gives one case per `*.json` file under it (id = path relative to the directory); a
`.jsonl` file one case per non-empty line (id = `file.jsonl:LINE`); a `.json` file one case. A file
that does not parse is a located problem, and the other cases still load.

Cases are strict JSON (RFC 8259): `NaN`, `Infinity` and `-Infinity`, which Python's parser accepts,
are problems, as are numbers too large for a 64-bit float (`1e400`: Node reads Infinity, Go
refuses it), and so is nesting deeper than `MAX_DEPTH` (a located one-line message, never a
`RecursionError`). Entries named `*.json` that are not regular files (FIFOs, devices, sockets, links
to them) are reported, never opened: opening a FIFO would block the run.
"""

from __future__ import annotations

import errno
import json
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from codegen.spec.regular import ReadRefused, read_regular
from golden.errors import GoldenError
from golden.outcome import Json

MAX_DEPTH = 200
"""Deepest nesting of arrays and objects a case may have (events from AWS are a few levels deep)."""
MAX_CASE_BYTES = 64 * 1024 * 1024
"""Largest case file read (a synchronous Lambda payload is at most 6 MB)."""

_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


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
        entries = sorted(p for p in path.rglob("*.json") if not p.is_dir())
        if not entries:
            raise GoldenError(f"{path}: no *.json event files in this folder; add one event per file")
        return _merge([_json_file(f, f.relative_to(path).as_posix()) for f in entries])
    if path.is_file():
        if path.suffix == ".jsonl":
            return _jsonl(path)
        return _merge([_json_file(path, path.name)])
    if path.exists():
        raise GoldenError(f"{path}: {_not_regular(path)}; pass a folder of event JSON files or a .jsonl")
    raise GoldenError(f"{path}: no such file or folder; pass a folder of event JSON files or a .jsonl file")


def _merge(parts: list[Cases]) -> Cases:
    return Cases(
        tuple(c for part in parts for c in part.cases), tuple(p for part in parts for p in part.problems)
    )


def _json_file(path: Path, case_id: str) -> Cases:
    text, refused = _read_case(path)
    if text is None:
        return Cases((), (CaseProblem(str(path), None, None, refused or ""),))
    event, problem = parse_strict(text)
    if problem is not None:
        line, column, message = problem
        return Cases((), (CaseProblem(str(path), line, column, message),))
    return Cases((Case(case_id, event, str(path), None),), ())


def _read_case(path: Path) -> tuple[str, None] | tuple[None, str]:
    """(a case file's text, newlines as `open` reads them, None) or (None, why not in one line)."""
    try:
        data = read_regular(path, MAX_CASE_BYTES)
    except ReadRefused as refused:
        error = refused.error
        if error is not None:  # what a stat finds (no such file, a loop) briefly; a failed read in full
            brief = refused.cause == "open" and error.errno != errno.EACCES
            return None, f"cannot read: {error.strerror or error if brief else error}"
        if refused.cause == "special":
            return None, _special(refused.mode)
        return None, f"not read: over {MAX_CASE_BYTES // 2**20} MiB; a case is one Lambda event"
    try:
        return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n"), None
    except UnicodeDecodeError as exc:
        return None, f"cannot read: {exc}"


def _not_regular(path: Path) -> str | None:
    """Why `path` is not a regular file (following links), or None when it is one."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    return None if stat.S_ISREG(mode) else _special(mode)


def _special(mode: int) -> str:
    kind = next((name for test, name in _SPECIAL if test(mode)), "not a regular file")
    return f"not read: {kind}; a case must be a regular JSON file"


def _reject_constant(name: str) -> Json:
    raise ValueError(name)


class _Overflow(ValueError):
    """A number too large for a 64-bit float: Python reads it as infinity, which is not JSON."""


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _Overflow(text)
    return value


def _finite_int(text: str) -> int:
    value = int(text)
    if abs(value) > _FLOAT_MAX:  # an integer of 309 digits or more
        raise _Overflow(text)
    return value


_FLOAT_MAX = int(1.7976931348623157e308)


def parse_strict(text: str) -> tuple[Json, tuple[int, int, str] | None]:
    """`text` as strict JSON, or (line, column, message) of the first problem."""
    deep = _too_deep(text)
    if deep is not None:
        line, column = _position(text, deep)
        return None, (line, column, f"nested deeper than {MAX_DEPTH} levels; flatten the event")
    try:
        return json.loads(
            text, parse_constant=_reject_constant, parse_float=_finite_float, parse_int=_finite_int
        ), None
    except json.JSONDecodeError as exc:
        return None, (exc.lineno, exc.colno, f"invalid JSON: {exc.msg}")
    except _Overflow as exc:  # Node reads it as Infinity, Go's encoding/json refuses it
        shown = str(exc) if len(str(exc)) <= 40 else f"{str(exc)[:37]}..."
        why = "is out of range of a 64-bit float (Node reads Infinity, Go refuses it); use a string"
        return None, _located(text, str(exc), f"invalid JSON: the number {shown} {why}")
    except ValueError as exc:  # NaN / Infinity: not JSON, and no other runtime would send them
        return None, _located(
            text, str(exc), f"invalid JSON: {exc} is not a JSON number; use null or a string"
        )
    except RecursionError:  # unreachable after _too_deep, kept as a guard
        return None, (1, 1, f"nested deeper than {MAX_DEPTH} levels; flatten the event")


def _located(text: str, token: str, message: str) -> tuple[int, int, str]:
    """(line, column, message) at the first place `token` stands as a value in `text`."""
    found = re.search(rf"(?<![\w.\"]){re.escape(token)}", text)
    line, column = _position(text, found.start() if found else 0)
    return line, column, message


def _too_deep(text: str) -> int | None:
    """Offset of the bracket that opens level MAX_DEPTH + 1, or None (strings are skipped)."""
    depth = 0
    for token in _TOKENS.finditer(text):
        first = token.group()[0]
        if first in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return token.start()
        elif first in "]}":
            depth -= 1
    return None


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


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
        event, problem = parse_strict(line)
        if problem is not None:
            problems.append(CaseProblem(str(path), number, problem[1], problem[2]))
            continue
        cases.append(Case(f"{path.name}:{number}", event, str(path), number))
    if not cases and not problems:
        raise GoldenError(f"{path}: no events; write one JSON event per line")
    return Cases(tuple(cases), tuple(problems))
