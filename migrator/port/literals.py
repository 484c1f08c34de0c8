"""JavaScript literal text → Python values: numbers, strings (escapes decoded), template parts."""

from __future__ import annotations

import re

_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])")


def _one(match: re.Match[str]) -> str:
    body = match.group(1)
    if body.startswith("u{"):
        return _chars(int(body[2:-1], 16))
    if body[0] in "ux" and len(body) > 1:
        return _chars(int(body[1:], 16))
    if body in ("\n", "\r\n", "\r", "\u2028", "\u2029"):
        return ""  # a line continuation
    return _SIMPLE.get(body, body)


def _chars(code: int) -> str:
    """A code point as Python text; a lone surrogate stays a (surrogate) code point, as in JS."""
    return chr(code)


def decode_escapes(raw: str) -> str:
    """The value of a string literal's body (quotes removed); `\\0` followed by a digit is not
    checked (legacy octal escapes are a syntax error in strict code)."""
    return _ESCAPE.sub(_one, raw)


def parse_number(text: str) -> float | None:
    """A numeric literal's value, or None for a BigInt (`10n`) or legacy octal (`017`)."""
    clean = text.replace("_", "")
    if clean.endswith("n"):
        return None
    low = clean.lower()
    if low.startswith("0x"):
        return float(int(low[2:], 16))
    if low.startswith("0o"):
        return float(int(low[2:], 8))
    if low.startswith("0b"):
        return float(int(low[2:], 2))
    if len(clean) > 1 and clean[0] == "0" and clean[1].isdigit():
        return None
    return float(clean)
