"""Terraform: `aws_lambda_function` resources and `terraform-aws-modules/lambda` module calls.

The code folder comes from the `archive_file` that builds the function's `filename` (its
`source_dir` or `source_file`), or from the module's `source_path`. Settings resolve through
literal `var`/`local` defaults (see tfload). Triggers are read in tftriggers.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from migrator.scan.config.model import ConfigResult, FunctionConfig, Skip, as_int, as_str, env_names
from migrator.scan.config.tfload import TfBlock, TfModule, load_module
from migrator.scan.config.tfmodules import local_source, module_folder, module_inputs, tfvars
from migrator.scan.config.tftriggers import find_triggers, url_modes
from migrator.scan.model import EventEvidence, ScanProblem
from migrator.scan.resolve import relative

LAMBDA_MODULE = "terraform-aws-modules/lambda"


def read_terraform(folder: Path, rel_folder: str, root: Path | None = None) -> ConfigResult:
    """The Lambda functions one Terraform folder declares; nothing outside `root` is read.

    The folder is read as a root module (its `.tfvars` apply); local modules it calls are read
    with the values it passes in, and listed in `module_dirs`.
    """
    result = ConfigResult()
    _read(folder, rel_folder, root or folder, result, None, (str(Path(os.path.realpath(folder))),))
    return result


def _read(
    folder: Path,
    rel_folder: str,
    root: Path,
    result: ConfigResult,
    call: _Call | None,
    chain: tuple[str, ...],
) -> None:
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix == ".tf" and p.is_file())
    except OSError as exc:
        where = rel_folder or "."
        result.problems.append(ScanProblem(where, None, None, f"cannot list folder: {exc.strerror or exc}"))
        return
    rel = {p: f"{rel_folder}/{p.name}" if rel_folder else p.name for p in files}
    module = load_module(folder, files, rel, result.problems, root)
    if module is None:
        return
    if call is None:
        module.variables.update(tfvars(folder, rel_folder, root, result.problems))
    else:
        module.inputs.update(call.inputs)
        module.cwd = call.cwd
        module.path_module = os.path.relpath(folder, call.cwd)
    triggers = find_triggers(module)
    modes = url_modes(module)
    own: list[FunctionConfig] = []
    for (rtype, name), block in sorted(module.resources.items()):
        if rtype == "aws_lambda_function":
            fn = _resource_function(module, block, triggers.get(f"{rtype}.{name}", []))
            mode = modes.get(f"{rtype}.{name}")
            own.append(replace(fn, invoke_mode=mode[0], invoke_mode_at=mode[1]) if mode else fn)
    for name, block in sorted(module.modules.items()):
        source = module.value(block.body.get("source"))
        events = triggers.get(f"module.{name}", [])
        if isinstance(source, str) and source.startswith(LAMBDA_MODULE):
            own.append(_module_function(module, block, events))
        elif (local := local_source(module, block)) is not None:
            child, problem = module_folder(module, block, local, root, chain)
            if problem is not None:
                result.problems.append(problem)
            elif child is not None:
                result.module_dirs.append(str(child))
                call_here = _Call(name, module_inputs(module, block), tuple(events), module.base)
                child_rel = relative(child, Path(os.path.realpath(root)))
                _read(child, child_rel, root, result, call_here, (*chain, str(child)))
    if call is not None and len(own) == 1:  # the module is the function: named and wired by the call
        own = [replace(own[0], name=call.name, events=own[0].events + call.events)]
    elif call is not None:
        own = [replace(fn, name=f"{call.name}.{fn.name}") for fn in own]
    result.functions.extend(own)


@dataclass(frozen=True)
class _Call:
    """A local module call: its label, the values passed in, the triggers wired to `module.<label>`."""

    name: str
    inputs: dict[str, Any]
    events: tuple[EventEvidence, ...]
    cwd: Path  #: the root module's folder


def _resource_function(module: TfModule, block: TfBlock, events: list[Any]) -> FunctionConfig:
    body = block.body
    environment = _first(body.get("environment"))
    variables = environment.get("variables") if isinstance(environment, dict) else None
    return FunctionConfig(
        name=block.name,
        config=block.file,
        line=block.line,
        base_dir=_code_dir(module, body),
        handler=as_str(module.value(body.get("handler"))),
        runtime=as_str(module.value(body.get("runtime"))),
        memory_mb=as_int(module.value(body.get("memory_size"))),
        timeout_s=as_int(module.value(body.get("timeout"))),
        architecture=_architecture(module, body),
        env=env_names(variables),
        events=tuple(events),
        skip=_image_skip(module, body),
    )


def _image_skip(module: TfModule, body: dict[str, Any]) -> Skip | None:
    """A container-image function (`package_type = "Image"` or an `image_uri`) is skipped."""
    if module.value(body.get("package_type")) == "Image" or "image_uri" in body:
        return ("container-image", "package_type Image")
    return None


def _module_function(module: TfModule, block: TfBlock, events: list[Any]) -> FunctionConfig:
    body = block.body
    return FunctionConfig(
        name=block.name,
        config=block.file,
        line=block.line,
        base_dir=_source_path(module, body.get("source_path")),
        handler=as_str(module.value(body.get("handler"))),
        runtime=as_str(module.value(body.get("runtime"))),
        memory_mb=as_int(module.value(body.get("memory_size"))),
        timeout_s=as_int(module.value(body.get("timeout"))),
        architecture=_architecture(module, body),
        env=env_names(body.get("environment_variables")),
        events=tuple(events),
        skip=_image_skip(module, body),
    )


def _code_dir(module: TfModule, body: dict[str, Any]) -> Path:
    """The folder the handler string is relative to: the archive's source, else the module folder."""
    filename = body.get("filename")
    wanted = module.value(filename)
    for (dtype, name), archive in module.data.items():
        if dtype != "archive_file":
            continue
        output = module.value(archive.body.get("output_path"))
        referenced = isinstance(filename, str) and f"data.archive_file.{name}." in filename
        if referenced or (wanted is not None and output == wanted):
            source_dir = module.value(archive.body.get("source_dir"))
            if isinstance(source_dir, str):
                return (module.base / source_dir).resolve()
            source_file = module.value(archive.body.get("source_file"))
            if isinstance(source_file, str):
                return (module.base / source_file).resolve().parent
    if isinstance(wanted, str) and wanted.endswith(".zip"):
        # A zip built outside Terraform (`dist/index.zip`): its folder, which maps back to the
        # sources like any build output (`dist/` → `src/`, tsconfig `outDir`).
        return (module.base / wanted).resolve().parent
    return module.folder


def _source_path(module: TfModule, raw: Any) -> Path:
    value = module.value(raw)
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("path")
    if isinstance(value, str):
        path = (module.base / value).resolve()
        return path if path.is_dir() else path.parent
    return module.folder


def _architecture(module: TfModule, body: dict[str, Any]) -> str | None:
    architectures = module.value(body.get("architectures"))
    return as_str(architectures[0]) if isinstance(architectures, list) and architectures else None


def _first(blocks: Any) -> Any:
    return blocks[0] if isinstance(blocks, list) and blocks else blocks
