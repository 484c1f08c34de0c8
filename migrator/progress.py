"""A progress bar on stderr for long scans (counted in projects); silent when stderr is not a terminal."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

#: Small fleets finish before a bar would be readable.
MIN_PROJECTS_FOR_BAR = 20


@contextmanager
def progress_bar(
    console: Console,
    enabled: bool = True,
    *,
    label: str = "scanning projects",
    min_total: int = MIN_PROJECTS_FOR_BAR,
) -> Iterator[Callable[[int, int], None] | None]:
    if not enabled or not console.is_terminal:
        yield None
        return
    # Imported here: a scan piped to a file or another program never draws a bar.
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    task = bar.add_task("parse", total=None, visible=False)

    def advance(done: int, known: int) -> None:
        if known >= min_total and not bar.live.is_started:
            bar.start()
            bar.update(task, visible=True)
        bar.update(task, completed=done, total=known)

    try:
        yield advance
    finally:
        bar.stop()
