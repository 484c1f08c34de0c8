"""Names from a spec → valid, stable identifiers per target language.

`2fa-required` → `TwoFaRequired`, `x-internal-code` → `XInternalCode`, `userId` → Go `UserID`,
`type` → Go `Type` / Python `type_`. Identifiers are ASCII: accents are dropped (`café` → `Cafe`)
and other characters spelled as code points (`日` → `U65e5`), so every toolchain accepts them.
Everything is a pure function of its input: no randomness, no order dependence.
"""

from __future__ import annotations

import functools
import keyword
import re
import unicodedata
from collections.abc import Iterable

_DIGITS = ("Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine")
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
_SEPARATORS = re.compile(r"[^A-Za-z0-9]+")
# Letters NFKD does not take apart.
_LETTERS = {
    "ß": "ss",
    "æ": "ae",
    "Æ": "Ae",
    "ø": "o",
    "Ø": "O",
    "œ": "oe",
    "Œ": "Oe",
    "đ": "d",
    "ł": "l",
    "Ł": "L",
    "þ": "th",
}
EMPTY = "Empty"
"""The name of a name that has no letters or digits at all."""

# golint's common initialisms, and their plurals.
GO_INITIALISMS = frozenset(
    {
        "ACL", "API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML", "HTTP", "HTTPS", "ID", "IP",
        "JSON", "LHS", "QPS", "RAM", "RHS", "RPC", "SLA", "SMTP", "SQL", "SSH", "TCP", "TLS", "TTL", "UDP",
        "UI", "UID", "UUID", "URI", "URL", "UTF8", "VM", "XML", "XMPP", "XSRF", "XSS",
    }
)  # fmt: skip
_GO_PLURALS = {f"{i}S": f"{i}s" for i in ("ID", "URL", "URI", "UUID", "IP", "API", "UID", "GUID")}

# Words a TypeScript type or variable may not be (reserved and strict-mode words, basic types).
TS_RESERVED = frozenset(
    {
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
        "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in",
        "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof",
        "var", "void", "while", "with", "as", "implements", "interface", "let", "package", "private",
        "protected", "public", "static", "yield", "any", "boolean", "number", "string", "symbol", "object",
        "never", "unknown", "undefined", "bigint", "await", "type",
    }
)  # fmt: skip
PYTHON_RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | {"type"}


def _ascii_words(text: str) -> list[str]:
    found: list[str] = []
    for part in _SEPARATORS.split(text):
        for index, token in enumerate(_WORD.findall(part)):
            if token.isdigit() and index > 0:
                found[-1] += token  # digits stay with the word they follow: v2, item0
            else:
                found.append(token.lower())
    return found


def words(text: str) -> list[str]:
    """The words of a name, lower-case: split at separators, case changes and leading digits.

    `getHTTPResponse` → get, http, response; `2fa-required` → 2, fa, required; `v2_items` → v2, items.
    Accents are dropped; any other non-ASCII character is a word of its own, `u<hex code point>`.
    """
    if text.isascii():  # the common case; NFKD leaves ASCII as it is
        return _ascii_words(text)
    found: list[str] = []
    run: list[str] = []
    for char in unicodedata.normalize("NFKD", text):
        if char.isascii():
            run.append(char)
        elif not unicodedata.combining(char):
            if char in _LETTERS:
                run.append(_LETTERS[char])
                continue
            found += [*_ascii_words("".join(run)), f"u{ord(char):04x}"]
            run = []
    return found + _ascii_words("".join(run))


def _spell_leading_digits(parts: list[str]) -> list[str]:
    """An identifier cannot start with a digit: spell the leading digits out (`2fa` → two, fa)."""
    if parts and parts[0][0].isdigit():
        digits = re.match(r"[0-9]+", parts[0])
        assert digits is not None
        rest = parts[0][digits.end() :]
        spelled = [_DIGITS[int(d)].lower() for d in digits.group()]
        return spelled + ([rest] if rest else []) + parts[1:]
    return parts


@functools.lru_cache(maxsize=1 << 16)
def _parts(text: str) -> tuple[str, ...]:
    # Memoized (a pure function): a large spec names the same properties thousands of times, in
    # resolve and again in each emitter.
    return tuple(_spell_leading_digits(words(text))) or (EMPTY.lower(),)


def pascal(text: str) -> str:
    """Language-neutral PascalCase (the IR's names): `2fa-required` → `TwoFaRequired`."""
    return "".join(w[:1].upper() + w[1:] for w in _parts(text))


@functools.lru_cache(maxsize=1 << 16)
def go_name(text: str) -> str:
    """An exported Go identifier with Go's initialisms: `user_id` → `UserID`, `urls` → `URLs`."""
    out = []
    for word in _parts(text):
        upper = word.upper()
        if upper in GO_INITIALISMS:
            out.append(upper)
        elif upper in _GO_PLURALS:
            out.append(_GO_PLURALS[upper])
        else:
            out.append(word[:1].upper() + word[1:])
    return "".join(out)


def ts_type_name(text: str) -> str:
    """A TypeScript type name (PascalCase; reserved words are all lower-case, so never one)."""
    return pascal(text)


def ts_name(text: str) -> str:
    """A TypeScript variable or member name (camelCase), never a reserved word: `default` → `default_`."""
    parts = _parts(text)
    name = parts[0] + "".join(w[:1].upper() + w[1:] for w in parts[1:])
    return name + "_" if name in TS_RESERVED else name


def python_class_name(text: str) -> str:
    """A Python class name (PascalCase), never a keyword: `none` → `None_`."""
    name = pascal(text)
    return name + "_" if name in PYTHON_RESERVED else name


def python_name(text: str) -> str:
    """A Python attribute or variable name (snake_case), never a keyword: `type` → `type_`."""
    name = "_".join(_parts(text))
    return name + "_" if name in PYTHON_RESERVED else name


def allocate(base: str, taken: set[str]) -> str:
    """`base`, or `base2`, `base3`, ... whichever is free first in `taken`; marks it taken."""
    candidate, suffix = base, 2
    while candidate in taken:
        candidate, suffix = f"{base}{suffix}", suffix + 1
    taken.add(candidate)
    return candidate


def unique(names: Iterable[str]) -> list[str]:
    """The names made unique in order: a repeat gets the smallest free suffix 2, 3, ... (`Pet`, `Pet2`)."""
    taken: set[str] = set()
    return [allocate(name, taken) for name in names]
