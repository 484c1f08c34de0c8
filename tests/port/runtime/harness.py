"""Run jsrt operations in the Go driver and in node, and compare the answers.

Values cross the process boundary in a transport encoding that survives JSON
text untouched: strings as UTF-16 code unit arrays (lone surrogates
included), numbers as IEEE-754 bit patterns in hex (NaN, -0 and the last bit
kept), objects as ordered key/value pairs.
"""

from __future__ import annotations

import json
import struct
import subprocess
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class Undefined:
    """JavaScript's undefined in generated cases (None is null)."""

    def __repr__(self) -> str:
        return "undefined"


UNDEFINED = Undefined()

JS = Any  # undefined | None | bool | float | int | str | list[JS] | dict[str, JS]


def units(s: str) -> list[int]:
    """UTF-16 code units of a Python string (lone surrogates kept)."""
    raw = s.encode("utf-16-le", "surrogatepass")
    return list(struct.unpack(f"<{len(raw) // 2}H", raw))


def encode(v: JS) -> dict[str, Any]:
    """The transport form of a JavaScript value built from Python data."""
    if v is UNDEFINED:
        return {"t": "undef"}
    if v is None:
        return {"t": "null"}
    if isinstance(v, bool):
        return {"t": "bool", "v": v}
    if isinstance(v, int | float):
        return {"t": "num", "v": struct.pack(">d", float(v)).hex()}
    if isinstance(v, str):
        return {"t": "str", "v": units(v)}
    if isinstance(v, list):
        return {"t": "arr", "v": [encode(x) for x in v]}
    if isinstance(v, dict):
        return {"t": "obj", "v": [[units(k), encode(x)] for k, x in v.items()]}
    raise TypeError(f"cannot encode {v!r}")


@dataclass(frozen=True)
class Case:
    """One operation (an op name of driver/ops.go and protocol.js) with its arguments."""

    op: str
    args: tuple[JS, ...]

    def wire(self) -> dict[str, Any]:
        return {"op": self.op, "args": [encode(a) for a in self.args]}


class LineProcess:
    """A long-lived process answering one JSON line per case line, flushed per batch."""

    def __init__(self, argv: Sequence[str], cwd: Path | None = None) -> None:
        self._proc = subprocess.Popen(
            list(argv), cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )

    def run(self, cases: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        """Send a batch and read its answers (a writer thread keeps both pipes flowing)."""
        assert self._proc.stdin is not None and self._proc.stdout is not None
        payload = b"".join(json.dumps(c).encode() + b"\n" for c in cases) + b'{"op":"flush","args":[]}\n'
        stdin = self._proc.stdin

        def write() -> None:
            stdin.write(payload)
            stdin.flush()

        writer = threading.Thread(target=write)
        writer.start()
        answers = []
        for _ in cases:
            line = self._proc.stdout.readline()
            if not line:
                writer.join()
                err = self._proc.stderr.read().decode() if self._proc.stderr else ""
                raise RuntimeError(f"process ended early: {err[-2000:]}")
            answers.append(json.loads(line))
        writer.join()
        return answers

    def close(self) -> None:
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        self._proc.wait(timeout=10)


def show(answer: dict[str, Any]) -> str:
    """A readable rendering of an answer for failure messages."""

    def text(u: list[int]) -> str:
        return struct.pack(f"<{len(u)}H", *u).decode("utf-16-le", "replace")

    def value(v: dict[str, Any]) -> str:
        t = str(v["t"])
        if t in ("undef", "null"):
            return t
        if t == "num":
            return repr(struct.unpack(">d", bytes.fromhex(v["v"]))[0])
        if t in ("str", "other"):
            return repr(text(v["v"]))
        if t == "arr":
            return "[" + ", ".join(value(x) for x in v["v"]) + "]"
        if t == "obj":
            return "{" + ", ".join(f"{text(k)!r}: {value(x)}" for k, x in v["v"]) + "}"
        return repr(v["v"])

    if "throw" in answer:
        return f"throws {answer['throw']['name']}: {text(answer['throw']['message'])}"
    return value(answer["ok"])


@dataclass(frozen=True)
class Pair:
    """The Go driver and node, asked the same cases."""

    go: LineProcess
    node: LineProcess

    def check(self, cases: Sequence[Case], messages: bool = False) -> None:
        """Assert jsrt answers every case as node does (error names always, messages if asked)."""
        wire = [c.wire() for c in cases]
        got, want = self.go.run(wire), self.node.run(wire)
        bad = []
        for case, g, w in zip(cases, got, want, strict=True):
            if not messages and "throw" in g and "throw" in w:
                same = g["throw"]["name"] == w["throw"]["name"]
            else:
                same = g == w
            if not same:
                bad.append(f"{case.op}{case.args!r}: jsrt {show(g)} / node {show(w)}")
        assert not bad, f"{len(bad)} of {len(cases)} cases differ:\n" + "\n".join(bad[:20])
