"""The readiness score: 0-100, how ready a function is to be ported to Go as it stands.

    readiness = clamp(100 - sum(blocker weights) - 3 x (dependencies of kind "partial"), 0, 100)

A blocker weighs 25 (error), 10 (warning) or 3 (info). Each rule counts at most twice, so one
construct repeated many times cannot hide every other finding. The README documents this formula.
"""

from __future__ import annotations

from collections.abc import Iterable

from migrator.scan.model import Blocker, Dependency

SEVERITY_WEIGHTS = {"error": 25, "warning": 10, "info": 3}
PARTIAL_DEPENDENCY_WEIGHT = 3
MAX_COUNT_PER_RULE = 2


def readiness(blockers: Iterable[Blocker], dependencies: Iterable[Dependency]) -> int:
    counted: dict[str, int] = {}
    penalty = 0
    for blocker in blockers:
        count = counted[blocker.rule] = counted.get(blocker.rule, 0) + 1
        if count <= MAX_COUNT_PER_RULE:
            penalty += SEVERITY_WEIGHTS[blocker.severity]
    penalty += PARTIAL_DEPENDENCY_WEIGHT * sum(1 for d in dependencies if d.kind == "partial")
    return max(0, min(100, 100 - penalty))
