"""The one way the CDK, Terraform and cdk.out readers read a file: UTF-8 text, bounded.

Kept to a single function so that a stricter reader (regular files only, inside the scanned
root) can replace it in one place.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from migrator.scan.config.yamlload import ConfigReadError
from migrator.scan.model import ScanProblem

MAX_CONFIG_BYTES = 4 * 1024 * 1024


def read_config_text(path: Path, rel: str) -> str:
    """The text of a config or app source file. Raises ConfigReadError with the location."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise ConfigReadError(ScanProblem(rel, None, None, "not a regular file; it is not read"))
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise ConfigReadError(
            ScanProblem(rel, None, None, f"cannot read file: {exc.strerror or exc}")
        ) from exc
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigReadError(ScanProblem(rel, None, None, "file is over 4 MiB; it is not read"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigReadError(ScanProblem(rel, None, None, f"not UTF-8 text: {exc.reason}")) from exc
