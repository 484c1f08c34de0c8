"""What the rollout needs of a deploy target, as facts and one small interface (boto3 is one backend).

Every method raises `NotFound`, `Conflict` or `Unavailable` (errors.py) for the failures the rollout
handles; anything else from a backend is a bug.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class VersionInfo:
    """One published version (or `$LATEST`) of a function: what alias routing requires to match."""

    version: str
    role: str
    dead_letter_target: str | None
    """The dead-letter queue or topic ARN, None when there is none."""


@dataclass(frozen=True)
class AliasInfo:
    """An alias as read: its primary version, extra weights, description (our record) and revision."""

    function_version: str
    weights: Mapping[str, float]
    """`RoutingConfig.AdditionalVersionWeights`; empty when all traffic goes to the primary."""
    description: str
    revision_id: str


@dataclass(frozen=True)
class VersionMetrics:
    """One version's Lambda metrics behind the alias (dimension `ExecutedVersion`) over a window."""

    invocations: float
    errors: float
    p99_ms: float | None
    """Duration p99; None when CloudWatch gave no percentile (too few data points, or moto)."""


class DeployBackend(Protocol):
    """Lambda aliases and versions, CloudWatch alarms and metrics."""

    def get_version(self, function: str, version: str) -> VersionInfo: ...

    def get_alias(self, function: str, alias: str) -> AliasInfo: ...

    def update_alias(
        self,
        function: str,
        alias: str,
        *,
        version: str,
        weights: Mapping[str, float],
        description: str,
        revision_id: str,
    ) -> AliasInfo:
        """Set primary version, routing (empty clears it) and description, if the revision still matches."""
        ...

    def alarm_states(self, names: Sequence[str]) -> Mapping[str, str]:
        """`{name: "OK" | "ALARM" | "INSUFFICIENT_DATA"}` for the alarms that exist (others are absent)."""
        ...

    def version_metrics(
        self, function: str, alias: str, version: str, start: datetime, end: datetime
    ) -> VersionMetrics: ...
