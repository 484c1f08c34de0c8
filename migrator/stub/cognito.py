"""Which Cognito trigger a function serves, so its handler takes the trigger's own Go event type.

The scan says `cognito` for every trigger. The trigger's name is found, in this order, in the
evidence (CDK: `lambdaTriggers.preSignUp`, `addTrigger(UserPoolOperation.PRE_SIGN_UP)`), in the
config block the evidence points at (SAM `Trigger: PostConfirmation`, serverless `trigger:
PreSignUp`), or in the `triggerSource` values the Node code compares (`'CustomMessage_SignUp'`).
Exactly one trigger gives a type; none or several keep `json.RawMessage`.
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources
from pathlib import Path

from migrator.scan.model import Function

#: How far below the evidence line a config block's `trigger:` may sit.
_WINDOW = 12
_CONFIG_KEY = re.compile(r"^\s*-?\s*[Tt]rigger\s*:\s*['\"]?([A-Za-z_]+)")
_DETAIL = re.compile(r"lambdaTriggers\.(\w+)|addTrigger\((?:\w+\.)*(\w+)|UserPoolOperation\.(\w+)")
_SOURCE = re.compile(r"['\"`]([A-Z][A-Za-z]+)_[A-Za-z]+['\"`]")


@functools.cache
def trigger_types() -> dict[str, str]:
    """Trigger name (lower-case, no `_`/`-`) → aws-lambda-go type name, from data/cognito.toml."""
    text = resources.files("migrator.stub.data").joinpath("cognito.toml").read_text(encoding="utf-8")
    return {key: str(value) for key, value in tomllib.loads(text).items()}


def _key(name: str) -> str:
    return name.replace("_", "").replace("-", "").lower()


def _read(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def _config_block(root: Path, file: str, line: int) -> list[str]:
    """The lines of the config block that starts at `line` (1-based), up to its dedent."""
    lines = _read(root / file)[line - 1 : line - 1 + _WINDOW]
    if not lines:
        return []
    indent = len(lines[0]) - len(lines[0].lstrip(" -"))
    block = [lines[0]]
    for text in lines[1:]:
        if text.strip() and len(text) - len(text.lstrip(" -")) <= indent:
            break
        block.append(text)
    return block


def _names(root: Path, function: Function) -> list[str]:
    evidence = [e for e in function.event_evidence if e.kind == "cognito"]
    for e in evidence:
        found = [g for m in _DETAIL.finditer(e.detail) for g in m.groups() if g]
        if found:
            return found
    for e in evidence:
        if e.source == "config" and e.file and e.line:
            block = _config_block(root, e.file, e.line)
            found = [m.group(1) for text in block if (m := _CONFIG_KEY.match(text))]
            if found:
                return found
    files = function.source_files or ((function.file,) if function.file else ())
    return [m.group(1) for rel in files for text in _read(root / rel) for m in _SOURCE.finditer(text)]


def cognito_type(root: Path, function: Function) -> str:
    """The aws-lambda-go type (`events.CognitoEventUserPools…`) of the function's Cognito trigger, or
    "" when it has none or it cannot be told which."""
    if "cognito" not in function.events:
        return ""
    table = trigger_types()
    types = {table[k] for name in _names(root, function) if (k := _key(name.split(".")[-1])) in table}
    return f"events.{types.pop()}" if len(types) == 1 else ""
