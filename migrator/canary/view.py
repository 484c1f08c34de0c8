"""What the user sees while a rollout runs: a live view on a terminal (step, weight, gate readings,
time to the next step), plain lines otherwise (CI logs). The final record's formats are `formats.py`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console, Group
from rich.live import Live
from rich.table import Table
from rich.text import Text

from migrator.canary.gates import GateReading
from migrator.canary.outcome import Check
from migrator.canary.result_table import READING_STYLES
from migrator.canary.rollout import Watcher


class LineWatcher:
    """One line per event on `console` (stderr); no countdown."""

    def __init__(self, console: Console, to_version: str) -> None:
        self._console = console
        self._to = to_version

    def step(self, index: int, total: int, percent: float) -> None:
        self._print(f"step {index + 1}/{total}: {percent:g}% of traffic on version {self._to}")

    def countdown(self, seconds_left: float) -> None:
        return None

    def check(self, check: Check) -> None:
        self._print(
            "gates: " + " · ".join(_reading(r) for r in check.readings)
            if check.readings
            else "gates: none configured"
        )

    def note(self, text: str) -> None:
        self._print(text)

    def _print(self, text: str) -> None:
        self._console.print(text, markup=False, highlight=False, soft_wrap=True)


class LiveWatcher:
    """A rich Live panel redrawn on every event and every second of a wait."""

    def __init__(self, live: Live, to_version: str) -> None:
        self._live = live
        self._to = to_version
        self._step = ""
        self._left: float | None = None
        self._readings: tuple[GateReading, ...] = ()
        self._notes: list[str] = []

    def step(self, index: int, total: int, percent: float) -> None:
        self._step = f"step {index + 1}/{total} · {percent:g}% on version {self._to}"
        self._left = None
        self._draw()

    def countdown(self, seconds_left: float) -> None:
        self._left = seconds_left
        self._draw()

    def check(self, check: Check) -> None:
        self._readings = check.readings
        self._left = None
        self._draw()

    def note(self, text: str) -> None:
        self._notes = [*self._notes[-2:], text]
        self._draw()

    def _draw(self) -> None:
        table = Table(box=None, show_header=False, pad_edge=False)
        for reading in self._readings:
            table.add_row(
                reading.gate, Text(reading.status, style=READING_STYLES[reading.status]), reading.detail
            )
        wait = f" · next check in {self._left:.0f}s" if self._left is not None else ""
        notes = [Text(n, style="dim") for n in self._notes]
        self._live.update(Group(Text(self._step + wait, style="bold"), table, *notes), refresh=True)


@contextmanager
def watching(console: Console, to_version: str, live: bool) -> Iterator[Watcher]:
    """The live view when `console` is a terminal and `live` is on, else plain lines."""
    if not (live and console.is_terminal):
        yield LineWatcher(console, to_version)
        return
    with Live(console=console, auto_refresh=False, transient=False) as panel:
        yield LiveWatcher(panel, to_version)


def _reading(reading: GateReading) -> str:
    return f"{reading.gate} {reading.status} ({reading.detail})"
