"""The CDK, Terraform and cdk.out readers' way to read a file: migrator.scan.files, as a config error.

The reading itself (regular files only, inside PATH, size-capped, UTF-8) is the one reader of
every scan read (migrator.scan.files); this only turns its refusal into a located ConfigReadError.
"""

from __future__ import annotations

from pathlib import Path

from migrator.scan.config.yamlload import ConfigReadError
from migrator.scan.files import CONFIG_LIMIT, Unreadable, read_text
from migrator.scan.model import ScanProblem


def read_config_text(path: Path, rel: str, root: Path | None = None, limit: int = CONFIG_LIMIT) -> str:
    """The text of a config or app source file under `root` (default: its own folder).

    Raises ConfigReadError with the location for a FIFO, device, folder, a file outside `root`,
    over `limit` bytes or not UTF-8.
    """
    try:
        return read_text(path, root or path.parent, limit)
    except Unreadable as exc:
        raise ConfigReadError(ScanProblem(rel, None, None, exc.reason)) from exc
