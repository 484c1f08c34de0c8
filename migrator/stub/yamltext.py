"""Block-style YAML for the SAM template: dicts, lists, strings, ints and bools, in insertion order.

PyYAML's representer (pure Python even with libyaml's emitter) took a quarter of the stub's
rendering time on a large fleet; the template's data is this small subset of YAML. Strings that a
YAML 1.1 or 1.2 reader could take for anything else are double-quoted (JSON escapes are valid YAML).
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

_PLAIN = re.compile(r"[A-Za-z/][A-Za-z0-9_./:+{}()*@-]*\Z")
#: Characters YAML may not hold raw in a double-quoted scalar (not printable, or a YAML 1.1 line
#: break that a reader folds): written as `\uXXXX` escapes. JSON escapes the C0 controls itself.
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_SPECIAL = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


@functools.lru_cache(maxsize=4096, typed=True)  # the same keys and values recur in every module
def scalar(value: object) -> str:
    """One scalar as YAML text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if not isinstance(value, str):
        raise TypeError(f"cannot write {type(value).__name__} as YAML here")
    if _PLAIN.match(value) and value.lower() not in _SPECIAL and not value.endswith(":"):
        return value
    if value == "":
        return '""'
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def _lines(value: Any, indent: str, out: list[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            head = f"{indent}{scalar(key)}:"
            if isinstance(item, dict | list) and item:
                out.append(head)
                _lines(item, indent + ("  " if isinstance(item, dict) else ""), out)
            else:
                out.append(f"{head} {_empty(item)}")
        return
    for item in value:  # a list: `- ` items, nested mappings continue at the item's indent
        if isinstance(item, dict) and item:
            nested: list[str] = []
            _lines(item, indent + "  ", nested)
            out.append(f"{indent}- {nested[0].lstrip()}")
            out.extend(nested[1:])
        elif isinstance(item, list) and item:
            nested = []
            _lines(item, indent + "  ", nested)
            out.append(f"{indent}- {nested[0].lstrip()}")
            out.extend(nested[1:])
        else:
            out.append(f"{indent}- {_empty(item)}")


def _empty(value: Any) -> str:
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return scalar(value)


def dump(data: dict[str, Any]) -> str:
    """`data` as a block-style YAML document (no `---`), ending in a newline."""
    out: list[str] = []
    _lines(data, "", out)
    return "\n".join(out) + "\n"
