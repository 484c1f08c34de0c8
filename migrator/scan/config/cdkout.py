"""Templates a `cdk synth` left in `cdk.out/`, with asset folders mapped back to their sources.

A synthesized function carries `Metadata: {aws:asset:path: asset.<hash>}`; that folder is a
copy of the code folder (`Code.fromAsset`) or a bundle (`NodejsFunction`). The handler file of a
copy has the same bytes as its source, so the source folder is found by content; a bundle has no
source to map to and is scanned as it is.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from pathlib import Path

from migrator.scan.config.cloudformation import read_template
from migrator.scan.config.model import ConfigResult
from migrator.scan.config.textread import read_config_text
from migrator.scan.config.yamlload import ConfigReadError, load_document
from migrator.scan.jsparse import SOURCE_EXTENSIONS
from migrator.scan.resolve import split_handler

_SKIP = frozenset({"node_modules", "cdk.out", ".git"})
_MAX_INDEXED_BYTES = 1024 * 1024


def read_cdk_out(app: Path, rel: str, root: Path | None = None) -> ConfigResult:
    """Functions of every `cdk.out/*.template.json` of the app at `app` (nothing outside `root`)."""
    root = root or app
    result = ConfigResult()
    out_dir = app / "cdk.out"
    if not out_dir.is_dir():
        return result
    index: dict[str, Path] | None = None
    for template in sorted(out_dir.glob("*.template.json")):
        template_rel = f"{rel}/cdk.out/{template.name}" if rel else f"cdk.out/{template.name}"
        config = read_template(template, template_rel, root)
        result.problems += config.problems
        assets = _asset_paths(template, template_rel, root)
        for cfg in config.functions:
            asset = assets.get(cfg.name)
            if asset is not None and cfg.handler is not None:
                if index is None:
                    index = _content_index(app, root)
                source = _source_dir(out_dir / asset, cfg.handler, index, root)
                cfg = dataclasses.replace(cfg, base_dir=source)
            result.functions.append(cfg)
    return result


def _asset_paths(template: Path, template_rel: str, root: Path) -> dict[str, str]:
    try:
        document = load_document(template, template_rel, root)
    except ConfigReadError:
        return {}
    resources = document.get("Resources") if isinstance(document, dict) else None
    found: dict[str, str] = {}
    for rid, resource in resources.items() if isinstance(resources, dict) else ():
        metadata = resource.get("Metadata") if isinstance(resource, dict) else None
        asset = metadata.get("aws:asset:path") if isinstance(metadata, dict) else None
        if isinstance(asset, str) and "/" not in asset and asset.startswith("asset."):
            found[rid] = asset
    return found


def _source_dir(asset_dir: Path, handler: str, index: dict[str, Path], root: Path) -> Path:
    """The app folder whose handler file has the asset's bytes; the asset itself when none has."""
    module, _ = split_handler(handler)
    for suffix in SOURCE_EXTENSIONS:
        copied = asset_dir / f"{module}{suffix}"
        digest = _digest(copied, root)
        source = index.get(digest) if digest is not None else None
        if source is not None:
            depth = len(Path(module).parts)
            return source.parents[depth - 1] if depth > 0 else source.parent
    return asset_dir


def _content_index(app: Path, root: Path) -> dict[str, Path]:
    """sha256 → path of every JS/TS source file of the app (outside cdk.out and node_modules)."""
    index: dict[str, Path] = {}
    for dirpath, dirnames, filenames in os.walk(app):
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP)
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if path.suffix in SOURCE_EXTENSIONS:
                digest = _digest(path, root)
                if digest is not None:
                    index.setdefault(digest, path)
    return index


def _digest(path: Path, root: Path) -> str | None:
    try:
        text = read_config_text(path, path.name, root, _MAX_INDEXED_BYTES)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()
    except ConfigReadError:
        return None
