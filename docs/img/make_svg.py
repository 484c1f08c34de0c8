"""Regenerate docs/img/golden.svg: `migrate golden`'s terminal view of the getItem port, from a real run.

Run from anywhere after `npm ci --omit=dev --prefix examples/fleet/inventory-sam` (Node 20 and Go on
PATH): `python docs/img/make_svg.py`. The command's stdout, as a terminal 100 columns wide shows it
(ANSI styles included, if any), is replayed into rich's recording console and exported.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from rich.console import Console
from rich.text import Text

REPO = Path(__file__).resolve().parents[2]
WIDTH = 100
GOLDEN = [
    "golden",
    "--node",
    "examples/fleet/inventory-sam/src/handlers/getItem.ts",
    "--go",
    "examples/ports/getItem",
    "--cases",
    "examples/ports/getItem/cases",
    "--env-file",
    "examples/ports/inventory.env",
    "--latency",
    "report",
]


def terminal_output(args: list[str]) -> str:
    """`migrate ARGS`'s stdout as a colour terminal WIDTH columns wide would show it (ANSI codes)."""
    env = {**os.environ, "COLUMNS": str(WIDTH), "FORCE_COLOR": "1", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    done = subprocess.run(
        [sys.executable, "-m", "migrator", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"migrate {' '.join(args)} exited {done.returncode}: {done.stderr.strip()[-500:]}")
    return done.stdout


def main() -> None:
    console = Console(record=True, width=WIDTH, file=io.StringIO(), force_terminal=True)
    console.print(Text.from_ansi(terminal_output(GOLDEN).rstrip("\n")))
    target = REPO / "docs" / "img" / "golden.svg"
    target.write_text(console.export_svg(title="migrate golden"), encoding="utf-8")
    print(f"wrote {target.relative_to(REPO)}")


if __name__ == "__main__":
    main()
