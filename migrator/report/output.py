"""Write a scan report in the chosen format to stdout or a file (atomically).

File names that are not UTF-8 reach the report as Python's surrogate escapes (byte 0xE9 is
U+DCE9); every format shows them as the text `\\udce9`, which in JSON and SARIF is the standard
escape of that code point, so the output is always valid UTF-8 and JSON readers get the name back.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from codegen.output import atomic
from migrator.errors import ReportError
from migrator.report.formats import SCAN_FORMATS

if TYPE_CHECKING:
    from rich.console import Console

    from migrator.scan.model import ScanReport

_SURROGATE = re.compile("[\ud800-\udfff]")


def escape_surrogates(text: str) -> str:
    """`text` with each lone surrogate written as `\\uXXXX`, so it encodes as UTF-8."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def render_text(report: ScanReport, fmt: str, width: int | None = None) -> str:
    """The report as text in a format of `SCAN_FORMATS`; the table renders without colour, `width`
    columns wide (default `table.TEXT_WIDTH`)."""
    if fmt not in SCAN_FORMATS.names():
        raise ReportError(f"unknown format {fmt!r}; use one of {', '.join(SCAN_FORMATS.names())}")
    chosen = SCAN_FORMATS.get(fmt)
    if chosen.name == "table":  # the one format laid out in columns: it takes the width
        from migrator.report import table

        return escape_surrogates(table.render(report, width or table.TEXT_WIDTH))
    return escape_surrogates(chosen.render(report))


def emit(report: ScanReport, fmt: str, output: Path | None, console: Console) -> None:
    """Write the report to `output`, or to stdout (where the table prints in the terminal's colours)."""
    if output is not None:
        write_atomic(output, render_text(report, fmt))
        return
    if fmt == "table":
        from migrator.report import table

        with console.capture() as captured:
            table.show(report, console)
        text = escape_surrogates(captured.get())
    else:
        text = render_text(report, fmt)
    write_stdout(console, text)


def write_stdout(console: Console, text: str) -> None:
    """Write to stdout; a closed pipe or a full disk is a ReportError (exit 2), not a traceback."""
    try:
        console.file.write(text)
        console.file.flush()
    except OSError as exc:
        # Nothing more can reach stdout: point it at /dev/null so the exit-time flush is quiet.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        except (OSError, ValueError):
            pass
        raise ReportError(f"cannot write the report to stdout: {exc.strerror or exc}") from None


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder, so readers never see half a report.

    Only a regular file is replaced: a FIFO, a device, a symlink or a folder at `path` is refused,
    and the temporary file never outlives a failure.
    """
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ReportError(f"cannot write {path}: folder {directory} does not exist; create it first")
    mode = 0o644
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise ReportError(f"cannot write {path}: {exc.strerror or exc}") from None
    else:
        if not stat.S_ISREG(info.st_mode):
            raise ReportError(
                f"cannot write {path}: it is {_kind(info.st_mode)}, not a regular file; "
                "choose a regular file for --output"
            )
        mode = stat.S_IMODE(info.st_mode)
    try:
        atomic.write_atomic(path, text, mode)
    except OSError as exc:
        raise ReportError(f"cannot write {path}: {exc.strerror or exc}") from None


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symlink"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "a special file"
