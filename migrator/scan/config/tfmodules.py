"""Values a Terraform folder gets from outside its `.tf` files: `.tfvars`, and a caller's inputs.

A root module reads `terraform.tfvars`, then `*.auto.tfvars` in name order (a later file wins, as
in Terraform); their literal values stand in for variable defaults. A local module call
(`module "orders" { source = "./modules/lambda"  handler = "index.handler" }`) is read in the
module's folder with the values the caller passes in, resolved in the caller.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from migrator.scan.config.textread import read_config_text
from migrator.scan.config.tfload import TfBlock, TfModule, hcl_problem
from migrator.scan.config.yamlload import ConfigReadError
from migrator.scan.model import ScanProblem

#: How deep local modules may nest (a module calling a module calling …).
MAX_MODULE_DEPTH = 4
#: Module call arguments that are Terraform's, not inputs of the module.
_META_ARGUMENTS = frozenset({"source", "version", "providers", "count", "for_each", "depends_on"})


def tfvars(folder: Path, rel_folder: str, root: Path, problems: list[ScanProblem]) -> dict[str, Any]:
    """Raw values (as python-hcl2 gives them) of the folder's `.tfvars` files, later files winning."""
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith(".auto.tfvars"))
    except OSError:
        return {}
    if os.path.isfile(folder / "terraform.tfvars"):
        names.insert(0, "terraform.tfvars")
    values: dict[str, Any] = {}
    for name in names:
        rel = f"{rel_folder}/{name}" if rel_folder else name
        try:
            text = read_config_text(folder / name, rel, root)
        except ConfigReadError as exc:
            problems.append(exc.problem)
            continue
        import hcl2  # imported here: only Terraform projects need the parser

        try:
            document = hcl2.loads(text)
        except Exception as exc:  # lark raises many types; each is a syntax error in the file
            problems.append(hcl_problem(rel, exc))
            continue
        values.update({str(k): v for k, v in document.items() if not str(k).startswith("__")})
    return values


def local_source(module: TfModule, block: TfBlock) -> str | None:
    """The `./…` or `../…` source of a module call, None for registry and remote modules."""
    source = module.value(block.body.get("source"))
    if isinstance(source, str) and source.startswith(("./", "../")):
        return source
    return None


def module_inputs(module: TfModule, block: TfBlock) -> dict[str, Any]:
    """What a module call passes in, as plain values (None when only known at plan time)."""
    return {
        str(name): module.value(raw)
        for name, raw in block.body.items()
        if name not in _META_ARGUMENTS and not str(name).startswith("__")
    }


def module_folder(
    module: TfModule, block: TfBlock, source: str, root: Path, chain: tuple[str, ...]
) -> tuple[Path | None, ScanProblem | None]:
    """The folder a local module call reads, or the problem that stops it (outside PATH, a cycle)."""
    folder = Path(os.path.realpath(module.folder / source))
    real_root = os.path.realpath(root)
    where = f"module '{block.name}'"
    if not (str(folder) == real_root or str(folder).startswith(real_root.rstrip("/") + "/")):
        return None, ScanProblem(
            block.file,
            block.line,
            None,
            f"{where}: its source {source} is outside the scanned folder; it is not read",
        )
    if str(folder) in chain or len(chain) > MAX_MODULE_DEPTH:
        return None, ScanProblem(
            block.file,
            block.line,
            None,
            f"{where}: local modules nest more than {MAX_MODULE_DEPTH} deep or in a cycle; it is not read",
        )
    if not folder.is_dir():
        return None, ScanProblem(
            block.file, block.line, None, f"{where}: its source {source} is not a folder"
        )
    return folder, None
