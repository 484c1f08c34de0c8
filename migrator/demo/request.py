"""What one `migrate demo` run is asked to do: the parsed command line, as one frozen value."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DemoRequest:
    """Options of `migrate demo`."""

    out: Path | None = None
    """Where everything is written (kept); None: a temporary folder, removed unless `keep`."""
    keep: bool = False
    """Keep the temporary folder (its path is printed)."""
    jobs: int | None = None
    """Worker processes for scan and stub; None: every core."""
    progress: bool = True
    """Progress bars on stderr (only when it is a terminal)."""
    output_format: str = "table"
    """The summary's format: a name of `migrator.demo.formats.DEMO_FORMATS`."""
    examples: Path | None = None
    """The examples folder (fleet/ and ports/); None: ./examples, else the clone's."""
