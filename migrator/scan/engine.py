"""Run a whole scan: discover projects, scan each on a worker, merge in a stable order.

A project is one serverless config, one template, or one bare package.json folder. A worker
scans a project end to end (read its config, resolve handlers, parse the files they reach,
assemble the functions), so all the work spreads over the cores; each worker keeps its parsers,
compiled queries and parsed files for the projects it gets next. With `--jobs N` this process is
one of the N: it takes projects from the same queue as N-1 worker processes, so its own results
are never pickled. The workers are forked once the projects are known, from this process's
scanner (tables loaded, queries compiled), so they start scanning at once. Results are sorted,
so the report is the same whatever the number of workers.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import queue
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from codegen.interrupts import die_with_parent, held_back, ignored_in_child
from migrator import __version__
from migrator.errors import ScanError
from migrator.scan.discover import discover
from migrator.scan.model import Function, ScanProblem, ScanReport, SkippedFunction, ToolInfo
from migrator.scan.resolve import relative

if TYPE_CHECKING:
    from migrator.scan.project import ProjectResult, ProjectScanner
    from migrator.scan.tables import Tables

Progress = Callable[[int, int], None]
ProjectKind = Literal["serverless", "template", "package", "terraform", "cdk"]


@dataclass(frozen=True)
class ScanOptions:
    jobs: int | None = None  #: worker processes; None = all cores
    progress: Progress | None = None  #: called with (projects done, projects in all)
    tables: Tables | None = None  #: mapping tables; None = the packaged ones


@dataclass(frozen=True)
class Project:
    kind: ProjectKind
    path: str  #: absolute path of the config file, or of the bare package folder


def _worker_loop(
    root: Path,
    tables: Tables | None,
    tasks: mp.Queue[Project | None],
    results: mp.Queue[ProjectResult],
    parent: int,
    scanner: ProjectScanner | None = None,
) -> None:
    """A worker process: scan projects until told to stop, with the scanner it inherits (forked)
    or one it builds and warms up (spawned); `parent` is the process that started it.

    Ctrl-C reaches the whole process group: the parent decides, and stops the workers (see
    codegen.interrupts)."""
    ignored_in_child()
    die_with_parent(parent)  # Linux, at once; elsewhere `_while_parent_lives` notices
    if scanner is None:
        scanner = _scanner(root, tables)
    frozen = _Frozen()  # what the worker starts with lives as long as it does: no collection walks it again
    with _fewer_collections():
        for project in _while_parent_lives(tasks, parent):
            results.put(scanner.scan(project.kind, Path(project.path)))
            frozen.project_done()


#: Seconds a worker waits for a project before it checks that the scan's process is still there.
PARENT_CHECK = 1.0


def _while_parent_lives(tasks: mp.Queue[Project | None], parent: int) -> Iterator[Project]:
    """The projects queued for this worker until its stop. A worker whose scan process is gone
    (killed by SIGKILL, or by a SIGTERM sent to it alone) exits after the project it is on: it
    has no one to send results to, and waited on the queue forever."""
    while os.getppid() == parent:
        try:
            project = tasks.get(timeout=PARENT_CHECK)
        except queue.Empty:
            continue
        if project is None:
            return
        yield project
    # No exit handlers: they would wait for this worker's queue thread, writing into a pipe that
    # no process reads.
    os._exit(1)


def _scanner(root: Path, tables: Tables | None) -> ProjectScanner:
    """A scanner with its tables loaded and its queries compiled."""
    # Imported here, not at the top: an empty folder never loads the readers and parsers.
    from migrator.scan.project import ProjectScanner
    from migrator.scan.tables import Tables

    scanner = ProjectScanner(root, tables or Tables.load())
    scanner.warm_up()
    return scanner


#: Allocations between two young-generation collections while scanning (Python's default: 700).
GC_YOUNG_THRESHOLD = 10_000
#: Frozen objects past which a scan collects all garbage once (then again at twice as many).
FROZEN_COLLECT = 500_000


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Collect garbage less often while scanning, then restore the process's settings.

    A scan allocates many small objects that live until the end (every file's facts); with the
    default threshold, collections that find nothing to free took about 5 % of a scan's CPU.
    """
    before = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


class _Frozen:
    """Freeze what a project leaves behind (its files' facts, its functions): they live until the
    scan ends, and collections that walked them again and again took 5-7 % of a scan's CPU.

    Garbage cycles a project leaves (Terraform's parse trees) wait for a full collection, run once
    the objects frozen since the scan began pass FROZEN_COLLECT (then twice as many as were left),
    so memory stays bounded. They are counted from `gc.get_count()`: `gc.get_freeze_count()`
    walks every frozen object, and at the start that is every object of the process (1-10 ms).
    """

    def __init__(self) -> None:
        gc.freeze()
        self.frozen = 0  #: objects frozen since, at most
        self.collect_at = FROZEN_COLLECT

    def project_done(self) -> None:
        young, middle, old = gc.get_count()  # allocations, and collections, since the last freeze
        self.frozen += young + (middle + 10 * old) * GC_YOUNG_THRESHOLD  # at most as many objects
        gc.freeze()
        if self.frozen > self.collect_at:
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            self.frozen = gc.get_freeze_count()
            self.collect_at = max(FROZEN_COLLECT, 2 * self.frozen)


@contextmanager
def _frozen_while_scanning() -> Iterator[_Frozen | None]:
    """`_Frozen` in this process for one scan, all unfrozen at its end; None (nothing frozen) when
    the caller had frozen objects of its own, which must stay frozen."""
    if gc.get_freeze_count():
        yield None
        return
    try:
        yield _Frozen()
    finally:
        gc.unfreeze()


class _Workers:
    """Long-lived scanner processes fed from one queue, so big projects do not hold up others.

    This process takes its share from the same queue (see `_shared`): one worker fewer, and the
    results it scans itself are never pickled.
    """

    def __init__(self, count: int, root: Path, tables: Tables | None, scanner: ProjectScanner) -> None:
        # fork: a worker inherits this process's scanner, its tables loaded and queries compiled
        # (50 ms of CPU, and the readers' imports, not paid again); spawn where fork is missing:
        # each worker builds its own.
        fork = "fork" in mp.get_all_start_methods()
        context: Any = mp.get_context("fork" if fork else "spawn")
        self.tasks: mp.Queue[Project | None] = context.Queue()
        self.results: mp.Queue[ProjectResult] = context.Queue()
        args = (root, tables, self.tasks, self.results, os.getpid(), scanner if fork else None)
        self.processes = [context.Process(target=_worker_loop, args=args, daemon=True) for _ in range(count)]
        try:
            with held_back():  # a Ctrl-C while a worker starts up printed its traceback
                for process in self.processes:
                    process.start()
        except BaseException:
            self.terminate()
            raise

    def submit(self, projects: list[Project]) -> None:
        """Queue every project, then one stop per worker and one for this process."""
        for project in projects:
            self.tasks.put(project)
        for _ in range(len(self.processes) + 1):
            self.tasks.put(None)

    def take(self) -> Project | None:
        """The next project for this process to scan; None once all are taken."""
        return self.tasks.get()

    def ready(self) -> Iterator[ProjectResult]:
        """The workers' results that have arrived, without waiting."""
        while True:
            try:
                yield self.results.get_nowait()
            except queue.Empty:
                return

    def wait(self) -> ProjectResult:
        """The next worker result, waiting for it; raises if a worker died.

        A worker that exited after its stop did not die (exit code 0): others may still be scanning."""
        while True:
            try:
                return self.results.get(timeout=1.0)
            except queue.Empty:
                if any(p.exitcode not in (None, 0) for p in self.processes):
                    raise ScanError(
                        "a scanner process died; re-run with --jobs 1 to see which file causes it"
                    ) from None

    def close(self) -> None:
        """Let the workers finish and exit (their stops are queued)."""
        for process in self.processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()

    def terminate(self) -> None:
        """Stop at once (Ctrl-C, or an error in the parent): no orphan processes, no wait at exit.

        The queue's feeder thread may still be writing projects into a full pipe that no worker
        will read again: exit must not join it (it hung `migrate` after a Ctrl-C)."""
        self.tasks.cancel_join_thread()
        self.tasks.close()
        started = [p for p in self.processes if p.pid is not None]
        for process in started:
            process.kill()
        for process in started:
            process.join(timeout=5)


def scan(root: Path, options: ScanOptions | None = None) -> ScanReport:
    """Scan every function under `root`. Never runs user code; problems are reported, not raised."""
    with _fewer_collections():  # also while taking the workers' results in: unpickling allocates
        return _scan(root, options or ScanOptions())


def _scan(root: Path, options: ScanOptions) -> ScanReport:
    if not root.exists():
        raise ScanError(f"{root}: no such file or directory; pass the folder that holds your functions")
    if not root.is_dir():
        raise ScanError(f"{root}: not a directory; pass the folder that holds your functions")
    absolute = Path(os.path.abspath(root))
    jobs = options.jobs or os.cpu_count() or 1
    projects, problems = _projects(absolute)
    # Built before the workers are forked, which inherit it; none for an empty folder.
    scanner = _scanner(absolute, options.tables) if projects else None
    workers = None
    if scanner is not None and min(jobs, len(projects)) > 1:
        workers = _Workers(min(jobs, len(projects)) - 1, absolute, options.tables, scanner)
    collected = []
    try:
        with _frozen_while_scanning() as frozen:
            if options.progress is not None:
                options.progress(0, len(projects))
            for done, result in enumerate(_results(scanner, projects, workers), start=1):
                collected.append(result)
                if frozen is not None:
                    frozen.project_done()
                if options.progress is not None:
                    options.progress(done, len(projects))
            report = _merge(root, collected, problems)
    except BaseException:
        if workers is not None:
            workers.terminate()
        raise
    if workers is not None:
        workers.close()
    return report


def _results(
    scanner: ProjectScanner | None, projects: list[Project], workers: _Workers | None
) -> Iterator[ProjectResult]:
    if scanner is None:
        return iter(())
    if workers is None:
        return _in_process(scanner, projects)
    # Largest first: a long project started last would leave a core idle at the end.
    workers.submit(sorted(projects, key=_weight, reverse=True))
    return _shared(scanner, len(projects), workers)


def _shared(scanner: ProjectScanner, count: int, workers: _Workers) -> Iterator[ProjectResult]:
    """Scan here what the workers leave in the queue, and yield every result as it comes."""
    done = 0
    own = _in_process(scanner, iter(workers.take, None))
    for result in own:
        done += 1
        yield result
        for ready in workers.ready():
            done += 1
            yield ready
    while done < count:
        done += 1
        yield workers.wait()


def _in_process(scanner: ProjectScanner, projects: Iterable[Project]) -> Iterator[ProjectResult]:
    """Scan in this process."""
    for project in projects:
        yield scanner.scan(project.kind, Path(project.path))


def _projects(root: Path) -> tuple[list[Project], list[ScanProblem]]:
    found = discover(root)
    projects = [Project("serverless", str(p)) for p in found.serverless]
    projects += [Project("template", str(p)) for p in found.templates]
    projects += [Project("terraform", str(p)) for p in found.terraform_dirs]
    projects += [Project("cdk", str(p)) for p in found.cdk_apps]
    problems = list(found.problems)
    problems += [
        ScanProblem(
            relative(path, root),
            None,
            None,
            "executable serverless config is not read (scan never runs user code): "
            "add a serverless.yml, or run `serverless print > serverless.yml` first",
        )
        for path in found.executable_configs
    ]
    config_dirs = found.config_dirs()
    for directory in found.package_dirs:
        # A set lookup per ancestor: comparing every package folder with every config folder
        # took 0.3 s on a repository of 1,000 projects.
        if not any(folder in config_dirs for folder in (directory, *directory.parents)):
            projects.append(Project("package", str(directory)))
    return projects, problems


def _weight(project: Project) -> int:
    try:
        if project.kind == "terraform":  # HCL parses slowly: start these early
            with os.scandir(project.path) as entries:
                return 4 * sum(e.stat().st_size for e in entries if e.name.endswith(".tf") and e.is_file())
        return os.stat(project.path).st_size if project.kind in ("serverless", "template") else 0
    except OSError:
        return 0


def _merge(root: Path, results: list[ProjectResult], problems: list[ScanProblem]) -> ScanReport:
    """One report from per-project results: bare folders that configs already cover drop out."""
    # Every claimed handler file and each folder above it (on strings: pathlib is slow here), so
    # that a bare folder is one set lookup.
    claimed: set[str] = set()
    for result in results:
        for path in result.claimed:
            while path not in claimed:
                claimed.add(path)
                parent = os.path.dirname(path)
                if parent == path:
                    break
                path = parent
    # A Terraform folder some other folder calls as a local module was read there, with its inputs.
    modules = {folder for result in results for folder in result.modules}
    functions: list[Function] = []
    skipped: list[SkippedFunction] = []
    all_problems = set(problems)
    for result in results:
        if result.terraform_dir is not None and result.terraform_dir in modules:
            continue
        all_problems.update(result.problems)
        skipped.extend(result.skipped)
        if result.bare_dir is not None and os.path.normpath(result.bare_dir) in claimed:
            continue
        functions.extend(result.functions)
    return ScanReport(
        tool=ToolInfo("migrate", __version__),
        root=str(root),
        functions=tuple(sorted(functions, key=lambda f: (f.config or f.file or "", f.name))),
        errors=tuple(sorted(all_problems, key=lambda p: (p.file, p.line or 0, p.column or 0, p.message))),
        skipped=tuple(sorted(skipped, key=lambda s: (s.config or "", s.name))),
    )
