"""The progress bar: shown on a terminal for large fleets, silent otherwise."""

from __future__ import annotations

import io

from rich.console import Console

from migrator.progress import MIN_PROJECTS_FOR_BAR, progress_bar


def run(console: Console, total: int) -> str:
    with progress_bar(console) as advance:
        if advance is not None:
            for done in range(total + 1):
                advance(done, total)
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


def test_bar_on_a_terminal_for_a_large_fleet() -> None:
    console = Console(file=io.StringIO(), force_terminal=True, width=100)
    assert "scanning projects" in run(console, MIN_PROJECTS_FOR_BAR * 2)


def test_no_bar_for_a_small_fleet_or_when_not_a_terminal() -> None:
    assert run(Console(file=io.StringIO(), force_terminal=True), 2) == ""
    assert run(Console(file=io.StringIO(), force_terminal=False), MIN_PROJECTS_FOR_BAR * 2) == ""
