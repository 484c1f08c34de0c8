"""Write a scan report in the chosen format to stdout or a file (atomically)."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from rich.console import Console

from migrator.errors import ReportError
from migrator.report import jsonfmt, markdown, sarif, table
from migrator.scan.model import ScanReport

TEXT_FORMATS = {"json": jsonfmt.render, "sarif": sarif.render, "markdown": markdown.render}


def render_text(report: ScanReport, fmt: str, width: int = 120) -> str:
    """The report as text; the table format renders without colour."""
    if fmt == "table":
        buffer = io.StringIO()
        table.render(report, Console(file=buffer, width=width, color_system=None, force_terminal=False))
        return buffer.getvalue()
    try:
        return TEXT_FORMATS[fmt](report)
    except KeyError:
        raise ReportError(f"unknown format {fmt!r}; use one of table, {', '.join(TEXT_FORMATS)}") from None


def emit(report: ScanReport, fmt: str, output: Path | None, console: Console) -> None:
    if output is None:
        if fmt == "table":
            table.render(report, console)
        else:
            console.file.write(render_text(report, fmt))
            console.file.flush()
        return
    write_atomic(output, render_text(report, fmt))


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder, so readers never see half a report."""
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ReportError(f"cannot write {path}: folder {directory} does not exist; create it first")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        raise ReportError(f"cannot write {path}: {exc.strerror or exc}") from exc
