"""Spec text made safe where one line is expected: a generated comment, a diagnostic.

A `//` comment ends at a line terminator: `\n` and `\r` in Go, also U+2028/U+2029 in JavaScript and
TypeScript. A title like `Pets<U+2028>globalThis.x = 1` would otherwise put code from the spec into
the generated file. Python's `str.split()` and `str.splitlines()` know every terminator.
"""

from __future__ import annotations

import json


def one_line(text: object) -> str:
    """`text` with every run of whitespace, line terminators included, made one space."""
    return " ".join(str(text).split())


def printable(text: str) -> str:
    """`text` for a one-line message: every unprintable character (a newline in a property name,
    U+2028, an escape sequence) written as its JSON escape, so a diagnostic stays one line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else json.dumps(c)[1:-1] for c in text)
