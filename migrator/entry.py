"""The `migrate` executable's entry point, kept free of imports: a Ctrl-C while the interpreter
loads the command line (its first tenth of a second) ends the run as one during it does, with one
line and exit code 130, never a traceback. The CLI itself is `migrator.cli.main`."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer


def main() -> None:
    """Load the command line and run it."""
    try:
        from migrator.cli.main import main as run

        run()
    except KeyboardInterrupt:  # only while loading: the CLI handles Ctrl-C once it runs
        print("migrate: interrupted", file=sys.stderr)
        sys.exit(130)


def build_app(full: bool = True, only: str | None = None) -> typer.Typer:
    """The CLI application (see `migrator.cli.main.build_app`)."""
    from migrator.cli.main import build_app as build

    return build(full, only)
