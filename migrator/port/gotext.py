"""Go spelling of JavaScript names and literals."""

from __future__ import annotations

import math
import re

_IDENT = re.compile(r"[^0-9A-Za-z_\u00c0-\uffff]")


def var(name: str) -> str:
    """The Go variable of a JavaScript binding: `v_` + the name (`$` spelled `_S`)."""
    return "v_" + _IDENT.sub(lambda m: "_S" if m.group(0) == "$" else "_", name)


def quote(text: str) -> str:
    """A Go interpreted string literal holding `text` as UTF-8 (no lone surrogates)."""
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\x{code:02x}")
        elif code in (0x2028, 0x2029) or 0xFFF0 <= code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def has_lone_surrogate(text: str) -> bool:
    return any(0xD800 <= ord(ch) <= 0xDFFF for ch in text)


def utf16_units(text: str) -> list[int]:
    """The UTF-16 code units of a Python string that may hold lone surrogates."""
    units: list[int] = []
    for ch in text:
        code = ord(ch)
        if code > 0xFFFF:
            code -= 0x10000
            units += [0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)]
        else:
            units.append(code)
    return units


def string_value(text: str) -> str:
    """The jsrt Value of a JavaScript string."""
    if has_lone_surrogate(text):
        units = ", ".join(str(u) for u in utf16_units(text))
        return f"jsrt.StrUTF16([]uint16{{{units}}})"
    return f"jsrt.Str({quote(text)})"


def number_value(value: float) -> str:
    """The jsrt Value of a JavaScript number."""
    if math.isnan(value):
        return "jsrt.Num(math.NaN())"
    if math.isinf(value):
        return f"jsrt.Num(math.Inf({1 if value > 0 else -1}))"
    if value == 0 and math.copysign(1.0, value) < 0:
        return "jsrt.Num(math.Copysign(0, -1))"  # Go has no negative zero constant
    if value.is_integer() and abs(value) < 2**53:
        return f"jsrt.Num({int(value)})"
    return f"jsrt.Num({value!r})"
