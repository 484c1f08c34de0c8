"""Write a fleet of modules on every core: worker processes plan, render and stage chunks of
modules beside their folders; the parent moves them all into place once every chunk staged (or
removes every staging folder when one failed), so a run stays all-or-nothing."""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed, wait
from pathlib import Path
from typing import Any

from codegen.interrupts import die_with_parent, held_back, ignored_in_child
from codegen.output.write import Staged, WriteError, Written, commit_staged, discard_staged, stage_targets
from migrator.scan.model import Function
from migrator.stub.modules import Progress, make_targets

#: Below this many modules one process is quicker than starting workers.
PARALLEL_MIN = 64
#: Chunks per worker: small enough to balance the load and move the progress bar.
_CHUNKS_PER_JOB = 8

Chunk = tuple[list[Staged], list[str]]


def _stage_chunk(
    items: list[tuple[Function, str]], root: Path, out: Path, architecture: str | None, templates: Path | None
) -> Chunk:
    targets, partial = make_targets(items, root, out, architecture, templates)
    return stage_targets(targets), partial


def _check_distinct(items: Sequence[tuple[Function, str]], out: Path) -> None:
    """Two module folders that are one folder on disk (a link to a sibling) are refused."""
    real_out = out.resolve() if out.exists() else out.absolute()
    seen: set[Path] = set()
    for _, folder in items:
        path = out / folder
        real = path.resolve() if path.is_symlink() else real_out / folder
        if real in seen:
            raise WriteError(f"two modules share the folder {real}: remove the link {path}")
        seen.add(real)


def stage_fleet(
    items: Sequence[tuple[Function, str]],
    root: Path,
    out: Path,
    options: tuple[str | None, Path | None, int | None],
    progress: Progress | None = None,
) -> Chunk:
    """Stage every module (workers when the fleet is large); nothing is in place yet."""
    architecture, templates, jobs = options
    _check_distinct(items, out)
    workers = min(jobs or os.cpu_count() or 1, max(1, len(items) // (PARALLEL_MIN // 2)))
    if workers <= 1 or len(items) < PARALLEL_MIN:
        targets, partial = make_targets(items, root, out, architecture, templates, progress)
        return stage_targets(targets), partial
    size = max(1, -(-len(items) // (workers * _CHUNKS_PER_JOB)))
    chunks = [list(items[i : i + size]) for i in range(0, len(items), size)]
    context: Any = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    results: dict[int, Chunk] = {}
    done = 0
    with ProcessPoolExecutor(workers, context, initializer=_worker_started, initargs=(os.getpid(),)) as pool:
        futures: dict[Future[Chunk], int] = {}
        try:
            with held_back():  # the workers start (at the first submit) with the signals held back
                for i, chunk in enumerate(chunks):
                    futures[pool.submit(_stage_chunk, chunk, root, out, architecture, templates)] = i
            for future in as_completed(futures):
                results[futures[future]] = future.result()  # a worker's error stops the run
                done += len(chunks[futures[future]])
                if progress is not None:
                    progress(done, len(items))
        except BaseException:
            for future in futures:
                future.cancel()
            wait(futures)  # running chunks end (staged or failed) before any staging is removed
            for future, i in futures.items():
                if not future.cancelled() and future.exception() is None:
                    results[i] = future.result()
            discard_staged([s for chunk in results.values() for s in chunk[0]])
            raise
    ordered = [results[i] for i in range(len(chunks))]  # scan order, whatever order chunks ended in
    return [s for chunk in ordered for s in chunk[0]], [line for chunk in ordered for line in chunk[1]]


def _worker_started(parent: int) -> None:
    """A pool worker leaves Ctrl-C, SIGTERM and SIGHUP to this process, which waits for the chunks
    being staged and then removes them (a worker stopped mid-chunk left its staging folder behind),
    and dies with it (a SIGKILL, or a SIGTERM sent to it alone, left the workers waiting on their
    queue forever)."""
    ignored_in_child()
    die_with_parent(parent)


def write_fleet(
    items: Sequence[tuple[Function, str]],
    root: Path,
    out: Path,
    options: tuple[str | None, Path | None, int | None],
    progress: Progress | None = None,
) -> tuple[tuple[Written, ...], list[str]]:
    """Write every module, all or none: stage them all, then move them into place."""
    staged, partial = stage_fleet(items, root, out, options, progress)
    return commit_staged(staged), partial
