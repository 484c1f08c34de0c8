"""Noise, the Diffy way: what differs between two runs of the same Node handler is not Go's fault.

Each case runs on the Node side more than once; the paths at which those runs differ from the first
(timestamps, UUIDs, request ids, random tokens…) are noise for that case: differences at or under them
are dropped from the Node-vs-Go comparison and listed in the report with the values seen. No
configuration names them; the runs find them.

Runs that disagree on the kind of outcome (one succeeds, one times out) are not noise but instability:
they are kept in `Noise.unstable` for the report, and never hide any difference.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from golden.compare.difference import Difference
from golden.compare.judge import CompareConfig, compare
from golden.compare.pointer import covers, literal_glob
from golden.outcome import Json, Outcome


@dataclass(frozen=True)
class NoisyPath:
    """One path whose value changed between Node runs."""

    path: str
    """JSON pointer (as in `Difference.path`); "" means the whole payload."""
    values: tuple[Json, ...]
    """The distinct values the Node runs had there, in run order; runs that had nothing there add none."""


@dataclass(frozen=True)
class Noise:
    """What the Node runs of one case disagreed on."""

    paths: tuple[NoisyPath, ...] = ()
    """Noisy paths, in the order the differences first named them."""
    unstable: tuple[Difference, ...] = ()
    """Node runs whose kind of outcome differed from the first run's (success, error, timeout, crash)."""

    def covers(self, path: str) -> bool:
        """Whether `path` is a noisy path or lies under one."""
        return any(covers(literal_glob(noisy.path), path) for noisy in self.paths)

    def drop(self, differences: Iterable[Difference]) -> list[Difference]:
        """`differences` without those under a noisy path; outcome-level differences always stay."""
        return [d for d in differences if _outcome_level(d) or not self.covers(d.path)]

    def ignoring(self, config: CompareConfig) -> CompareConfig:
        """`config` with the noisy paths added to its ignore paths.

        Prefer this to `drop` when comparing: it also lets elements of ignore-order arrays that differ
        only in noisy fields pair up.
        """
        globs = tuple(literal_glob(noisy.path) for noisy in self.paths)
        return replace(config, ignore_paths=config.ignore_paths + globs)


def find_noise(runs: Sequence[Outcome], config: CompareConfig) -> Noise:
    """The noise among several Node runs of one case, each compared with the first; fewer than two runs
    give no evidence, hence no noise."""
    seen: dict[str, list[Json]] = {}
    unstable: list[Difference] = []
    for run in runs[1:]:
        for difference in compare(runs[0], run, config):
            if _outcome_level(difference):
                unstable.append(difference)
                continue
            values = seen.setdefault(difference.path, [])
            if difference.node_present:
                _add(values, difference.node)
            if difference.go_present:
                _add(values, difference.go)
    return Noise(tuple(NoisyPath(path, tuple(values)) for path, values in seen.items()), tuple(unstable))


def _outcome_level(difference: Difference) -> bool:
    """A difference in the kind of outcome, which no path can excuse."""
    if difference.category in ("crash", "timeout", "latency"):
        return True
    return difference.category == "error-type" and difference.path == ""


def _add(values: list[Json], value: Json) -> None:
    key = json.dumps(value, sort_keys=True)
    if all(json.dumps(v, sort_keys=True) != key for v in values):
        values.append(value)
