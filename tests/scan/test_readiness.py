"""The readiness formula as documented in the README."""

from __future__ import annotations

from migrator.scan.model import Blocker, Dependency
from migrator.scan.readiness import readiness


def b(rule: str, severity: str) -> Blocker:
    return Blocker(rule, severity, "m", None, None)  # type: ignore[arg-type]


def dep(kind: str) -> Dependency:
    return Dependency("x", None, "", kind, "")  # type: ignore[arg-type]


def test_weights_and_partial_dependencies() -> None:
    assert readiness([], []) == 100
    assert readiness([b("eval", "error"), b("child-process", "warning"), b("global-state", "info")], []) == 62
    assert readiness([], [dep("partial"), dep("mapped"), dep("partial")]) == 94


def test_a_rule_counts_at_most_twice_and_the_score_stays_in_range() -> None:
    assert readiness([b("eval", "error")] * 5, []) == 50
    many = [b(f"r{i}", "error") for i in range(10)]
    assert readiness(many, []) == 0
