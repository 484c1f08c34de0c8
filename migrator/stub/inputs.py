"""The fields of a typed `<Op>Input` from the keys the Node code passes at one call site.

Only keys that are fields of the pinned Go struct (`data/inputs.json`, from
`migrator/stub/refresh_inputs.py`) become Go: a `*string` field whose Node value reads an environment
variable becomes `aws.String(a.settings.<Field>)`, one set to a plain string literal
`aws.String("…")`; every other key is a `TODO(port)` comment with the Node expression, so the
skeleton compiles and porting is filling in values.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources

from codegen.emit.go.checks import go_string
from migrator.scan.model import AwsCall
from migrator.stub.model import InputField, Site

#: service → operation → {"s": *string fields, "o": other fields}
InputTable = dict[str, dict[str, dict[str, list[str]]]]
_PLAIN_STRING = re.compile(r"""^(?:'([^'\\]*)'|"([^"\\]*)")$""")


@functools.cache
def load_inputs() -> InputTable:
    """The pinned Input structs' fields, parsed once per process."""
    text = resources.files("migrator.stub.data").joinpath("inputs.json").read_text(encoding="utf-8")
    table: InputTable = json.loads(text)
    return table


def site(call: AwsCall, settings: dict[str, str], table: InputTable) -> Site:
    """One call site: where it is, and the Go fields of its Input (`settings`: env var → Go field)."""
    kinds = table.get(call.service, {}).get(call.operation, {})
    strings, others = set(kinds.get("s", ())), set(kinds.get("o", ()))
    fields: list[InputField] = []
    seen: set[str] = set()
    for key in call.fields:
        if key.name in seen:
            continue
        seen.add(key.name)
        value = _comment(key.value)
        if key.name in strings:
            setting = settings.get(key.env) if key.env else None
            literal = _PLAIN_STRING.match(key.value)
            if setting is not None:
                fields.append(InputField(key.name, f"aws.String(a.settings.{setting})", None))
            elif literal is not None:
                text = literal.group(1) if literal.group(1) is not None else literal.group(2)
                fields.append(InputField(key.name, f"aws.String({go_string(text)})", None))
            else:
                fields.append(InputField(key.name, None, f"TODO(port): {value}"))
        elif key.name in others:
            fields.append(InputField(key.name, None, f"TODO(port): {value}"))
        else:
            fields.append(
                InputField(_comment(key.name), None, f"not a field of the Go input (Node: {value})")
            )
    return Site(f"{call.file}:{call.line}", tuple(fields))


def _comment(text: str) -> str:
    """Safe inside a `//` comment on one line."""
    return "".join(c if c.isprintable() else " " for c in text)
