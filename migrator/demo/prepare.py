"""What golden needs before its first case, done by two background threads.

Building the three Go ports (CPU: compiling aws-sdk-go-v2 on a cold Go cache) and installing the
Node project's npm dependencies (network and disk) overlap, so a first run costs about the longer of
the two instead of their sum. (They start after the stub stage: scan and stub fork worker
processes, which a running thread should not see.) Both land in caches
(`golden.runners.gobuild`'s and `migrator.demo.node_deps`'), so later runs find them at once.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from golden.runners.gobuild import build_go_handler
from migrator.demo.node_deps import installed_copy, project_of
from migrator.demo.plan import GoldenPort


@dataclass(frozen=True)
class Prepared:
    """Futures of the background work; `.result()` re-raises its error in the golden stage."""

    builds: Future[float]  #: seconds spent building (or finding in the cache) every port
    node_files: Future[tuple[dict[str, Path], float]]
    """Port name → its Node handler inside a copy of its project with node_modules; and the seconds."""


@contextmanager
def preparing(ports: tuple[GoldenPort, ...], work: Path) -> Iterator[Prepared]:
    """Start both jobs; on leaving, wait for what is still running (nothing is left half-done)."""
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="demo-prepare") as pool:
        yield Prepared(pool.submit(build_ports, ports), pool.submit(node_files, ports, work))


def build_ports(ports: tuple[GoldenPort, ...]) -> float:
    """`go build` each port into golden's cache (a cache hit costs one `go env`)."""
    start = time.monotonic()
    for port in ports:
        build_go_handler(port.go)
    return time.monotonic() - start


def node_files(ports: tuple[GoldenPort, ...], work: Path) -> tuple[dict[str, Path], float]:
    start = time.monotonic()
    files = {}
    for port in ports:
        project = project_of(port.node)
        files[port.name] = installed_copy(project, work) / port.node.relative_to(project)
    return files, time.monotonic() - start
