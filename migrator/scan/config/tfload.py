"""One Terraform module (the `*.tf` files of a folder) parsed with python-hcl2, values resolved.

python-hcl2 gives strings with their quotes (`'"nodejs20.x"'`) and expressions wrapped in
`${…}`. `TfModule.value` turns a literal, a `var.x` with a literal default, a `local.x` with a
literal value, and `${path.module}` into a plain value; anything only known at plan time is None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from migrator.scan.config.textread import read_config_text
from migrator.scan.config.tfprune import (
    READ_ATTRIBUTES,
    prune_attributes,
    referenced_variables,
    relevant_blocks,
)
from migrator.scan.config.yamlload import ConfigReadError
from migrator.scan.model import ScanProblem

_INTERPOLATION = re.compile(r"\$\{([^${}]*)\}")
_PATH_REFS = frozenset({"path.root", "path.cwd"})
_MAX_DEPTH = 10
_DECLARES = ("aws_lambda_function", "terraform-aws-modules/lambda")
#: `source = "./modules/x"`: a local module, which may declare the functions.
LOCAL_SOURCE = re.compile(r'^\s*source\s*=\s*"(\.\.?/[^"]*)"', re.M)
#: Resource types the readers look at; other blocks are blanked out before parsing.
RELEVANT_RESOURCES = frozenset(
    {
        "aws_lambda_function",
        "aws_lambda_alias",
        "aws_lambda_event_source_mapping",
        "aws_lambda_permission",
        "aws_cloudwatch_event_target",
        "aws_cloudwatch_event_rule",
        "aws_apigatewayv2_integration",
        "aws_apigatewayv2_api",
    }
)


@dataclass(frozen=True)
class TfBlock:
    """A `resource`, `data` or `module` block: its labels, body, file and line."""

    type: str  #: resource or data type; "module" for module calls
    name: str
    body: dict[str, Any]
    file: str  #: relative to the scan root
    line: int | None


@dataclass
class TfModule:
    folder: Path
    resources: dict[tuple[str, str], TfBlock] = field(default_factory=dict)
    data: dict[tuple[str, str], TfBlock] = field(default_factory=dict)
    modules: dict[str, TfBlock] = field(default_factory=dict)
    variables: dict[str, Any] = field(default_factory=dict)
    locals: dict[str, Any] = field(default_factory=dict)
    #: plain values a calling module passes in (None: known only at plan time); they win over
    #: `variables`, which hold raw defaults and `.tfvars` values
    inputs: dict[str, Any] = field(default_factory=dict)
    #: the root module's folder, where Terraform runs: plain relative paths start there
    cwd: Path | None = None
    path_module: str = "."  #: `path.module`: this folder relative to `cwd`

    @property
    def base(self) -> Path:
        """The folder relative file paths (`source_dir = "${path.module}/src"`) start from."""
        return self.cwd or self.folder

    def value(self, raw: Any, depth: int = 0) -> Any:
        """A plain value for `raw`, or None when it is only known at plan or apply time."""
        if depth > _MAX_DEPTH:
            return None
        if isinstance(raw, bool | int | float):
            return raw
        if isinstance(raw, list):
            return [self.value(item, depth + 1) for item in raw]
        if isinstance(raw, dict):
            return {str(k): self.value(v, depth + 1) for k, v in raw.items() if not str(k).startswith("__")}
        if not isinstance(raw, str):
            return None
        if raw.startswith("${") and raw.endswith("}") and _INTERPOLATION.fullmatch(raw):
            return self._reference(raw[2:-1].strip(), depth)
        if len(raw) >= 2 and raw[0] == raw[-1] == '"':
            return self._template(raw[1:-1], depth)
        return None

    def _reference(self, expression: str, depth: int) -> Any:
        if expression == "path.module":
            return self.path_module
        if expression in _PATH_REFS:
            return "."
        head, _, rest = expression.partition(".")
        if head == "var" and rest in self.inputs:
            return self.inputs[rest]
        if head == "var" and rest in self.variables:
            return self.value(self.variables[rest], depth + 1)
        if head == "local" and rest in self.locals:
            return self.value(self.locals[rest], depth + 1)
        return None

    def _template(self, text: str, depth: int) -> str | None:
        """A quoted string, with `${…}` parts replaced by their literal values."""
        missing = False

        def replace(match: re.Match[str]) -> str:
            nonlocal missing
            found = self._reference(match.group(1).strip(), depth)
            if isinstance(found, str | int | float) and not isinstance(found, bool):
                return str(found)
            missing = True
            return ""

        out = _INTERPOLATION.sub(replace, text)
        return None if missing else out.replace('\\"', '"')


def load_module(
    folder: Path,
    files: list[Path],
    rel: dict[Path, str],
    problems: list[ScanProblem],
    root: Path | None = None,
) -> TfModule | None:
    """Parse the `.tf` files of a folder that declares Lambda functions (else None).

    Only the blocks and attributes a reader needs are parsed (see tfprune); a file that does not
    parse is a located problem.
    """
    texts: dict[Path, str] = {}
    for path in files:
        try:
            texts[path] = read_config_text(path, rel[path], root or folder)
        except ConfigReadError as exc:
            problems.append(exc.problem)
    if not _declares(texts.values(), folder, root or folder):
        return None
    module = TfModule(folder)
    variables = referenced_variables(texts.values())
    for path, original in texts.items():
        try:
            document = _parse_reduced(original, variables)
        except Exception as exc:  # lark raises many types; each is a syntax error in the file
            problems.append(hcl_problem(rel[path], exc))
            continue
        _collect(module, document, original, rel[path])
    return module


def _declares(texts: Iterable[str], folder: Path, root: Path) -> bool:
    """Does the folder, or a local module it calls, declare a Lambda function?"""
    texts = list(texts)
    if any(marker in text for text in texts for marker in _DECLARES):
        return True
    for text in texts:
        for match in LOCAL_SOURCE.finditer(text):
            child = folder / match.group(1)
            for path in sorted(child.glob("*.tf")) if child.is_dir() else ():
                try:
                    if any(marker in read_config_text(path, path.name, root) for marker in _DECLARES):
                        return True
                except ConfigReadError:
                    return True  # read it for real, and report why it cannot be
    return False


def hcl_problem(rel: str, exc: Exception) -> ScanProblem:
    """A python-hcl2 failure as a located problem."""
    line = getattr(exc, "line", None)
    column = getattr(exc, "column", None)
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return ScanProblem(
        rel,
        line if isinstance(line, int) else None,
        column if isinstance(column, int) else None,
        f"invalid HCL: {message[:200]}; fix the file and re-run",
    )


def _parse_reduced(original: str, variables: frozenset[str]) -> dict[str, Any]:
    """Parse only what the readers use; if the reduced text does not parse, the relevant blocks whole."""
    import hcl2  # imported here: only Terraform projects need the parser

    from migrator.scan.vocabulary import vocabulary

    wiring = vocabulary().tf_wiring
    blocks = relevant_blocks(original, RELEVANT_RESOURCES | set(wiring), variables)
    if not blocks.strip():
        return {}
    keep = READ_ATTRIBUTES.union(
        *(
            {path.split(".")[0] for path in rule.values} | {key for key, _ in rule.when}
            for rule in wiring.values()
        )
    )
    try:
        return cast(dict[str, Any], hcl2.loads(prune_attributes(blocks, keep)))
    except Exception:  # the pruning cut something it should not have: the slow way
        return cast(dict[str, Any], hcl2.loads(blocks))


def _collect(module: TfModule, document: dict[str, Any], text: str, rel: str) -> None:
    for entry in document.get("variable", []):
        for name, body in entry.items():
            if isinstance(body, dict) and "default" in body:
                module.variables[_unquote(name)] = body["default"]
    for entry in document.get("locals", []):
        module.locals.update({k: v for k, v in entry.items() if not k.startswith("__")})
    for section, into in (("resource", module.resources), ("data", module.data)):
        for entry in document.get(section, []):
            for rtype, named in entry.items():
                for name, body in named.items() if isinstance(named, dict) else ():
                    if isinstance(body, dict):
                        key = (_unquote(rtype), _unquote(name))
                        line = _line(text, f'{section}\\s+"{re.escape(key[0])}"\\s+"{re.escape(key[1])}"')
                        into[key] = TfBlock(key[0], key[1], body, rel, line)
    for entry in document.get("module", []):
        for name, body in entry.items():
            if isinstance(body, dict):
                label = _unquote(name)
                line = _line(text, f'module\\s+"{re.escape(label)}"')
                module.modules[label] = TfBlock("module", label, body, rel, line)


def _unquote(label: str) -> str:
    return label[1:-1] if len(label) >= 2 and label[0] == label[-1] == '"' else label


def _line(text: str, pattern: str) -> int | None:
    match = re.search(rf"^[ \t]*{pattern}", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else None
