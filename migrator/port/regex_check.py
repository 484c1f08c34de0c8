"""Which regular expression literals jsrt cannot run, known at translate time so that the report names
them (`lower_expr` raises `Unsupported`) instead of the Go throwing not-implemented when it runs.

The same refusals as jsrt's `TranslateRegExp` (migrator/port/data/jsrt/regexp.go), read the same way:
flags outside `gimsuy`, lookaround, backreferences (numbered, and named ones), octal escapes, `\\S`
inside a class, lone surrogate escapes, invalid escapes and `\\p{…}` with `=` or `_` under the `u`
flag, other group modifiers, and multiline `^`/`$` (JavaScript also anchors at `\\r`, U+2028 and U+2029).
"""

from __future__ import annotations

import re

_FLAGS = frozenset("gimsuy")
_HEX4 = re.compile(r"[0-9A-Fa-f]{4}")
_KNOWN_ESCAPES = frozenset("dDwWsSbBtnrfvcxuk0pP")


def refusal(source: str, flags: str) -> str | None:
    """Why jsrt refuses /source/flags, or None when it translates it to RE2."""
    bad = sorted(set(flags) - _FLAGS)
    if bad:
        return f"flag {bad[0]} is not supported"
    i, in_class = 0, False
    while i < len(source):
        c = source[i]
        if c == "\\":
            why = _escape(source, i, flags, in_class)
            if why:
                return why
            i += 12 if _surrogate_pair(source[i + 2 : i + 12]) else 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = not source.startswith(("[^]", "[]"), i)
            i += 2 if source.startswith("[^", i) else 1
            continue
        elif c == "(" and source.startswith("(?", i):
            why = _group(source[i + 2 :])
            if why:
                return why
        elif c in "^$" and "m" in flags:
            return f"multiline {c} also matches at \\r, U+2028 and U+2029 in JavaScript, only at \\n in RE2"
        i += 1
    return None


def _escape(source: str, i: int, flags: str, in_class: bool) -> str | None:
    if i + 1 >= len(source):
        return "\\ at end of pattern"
    e, unicode = source[i + 1], "u" in flags
    if "1" <= e <= "9":
        return f"backreferences (\\{e}) are not supported by RE2"
    if e == "k" and (unicode or "(?<" in source):
        return "named backreferences (\\k<name>) are not supported by RE2"
    if e == "0" and source[i + 2 : i + 3].isdigit():
        return "octal escapes are not supported"
    if e == "S" and in_class:
        return "\\S inside a character class"
    if e == "u" and _lone_surrogate(source[i + 2 : i + 12]):
        return "lone surrogate escapes cannot be matched by RE2"
    if e in "pP" and unicode:
        name = source[i + 2 :].partition("}")[0]
        if not name.startswith("{") or "=" in name or "_" in name:
            return f"\\{e}{name}}} has no RE2 equivalent"
    if unicode and (e.isalnum() or e == "_") and e not in _KNOWN_ESCAPES:
        return f"invalid escape \\{e}"
    return None


def _unit(text: str) -> int:
    """The code unit of four hex digits, else -1."""
    return int(text, 16) if _HEX4.fullmatch(text) else -1


def _surrogate_pair(rest: str) -> bool:
    """`rest` (what follows `\\u`) is a high surrogate's code unit, then `\\u` and a low one's."""
    return 0xD800 <= _unit(rest[:4]) < 0xDC00 and rest[4:6] == "\\u" and 0xDC00 <= _unit(rest[6:10]) < 0xE000


def _lone_surrogate(rest: str) -> bool:
    """`rest` (what follows `\\u`) is a surrogate's code unit that is not the first of a pair."""
    return 0xD800 <= _unit(rest[:4]) < 0xE000 and not _surrogate_pair(rest)


def _group(rest: str) -> str | None:
    if rest.startswith(("=", "!")):
        return "lookahead (?= / (?! is not supported by RE2"
    if rest.startswith(("<=", "<!")):
        return "lookbehind (?<= / (?<! is not supported by RE2"
    if rest.startswith(("<", ":")):
        return None
    return f"group modifier (?{rest[:1]} is not supported"
