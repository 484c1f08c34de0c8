"""An in-memory deploy backend, for what moto cannot show (dead-letter configs, percentiles)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from migrator.canary.backend import AliasInfo, VersionInfo, VersionMetrics
from migrator.canary.errors import NotFound


@dataclass
class FakeBackend:
    """Versions, one alias, alarms and per-version metrics held in dictionaries."""

    versions: dict[str, VersionInfo]
    alias: AliasInfo
    alarms: dict[str, str] = field(default_factory=dict)
    metrics: dict[str, VersionMetrics] = field(default_factory=dict)

    def get_version(self, function: str, version: str) -> VersionInfo:
        if version not in self.versions:
            raise NotFound("get_function_configuration", f"no version {version}")
        return self.versions[version]

    def get_alias(self, function: str, alias: str) -> AliasInfo:
        return self.alias

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
        self.alias = replace(
            self.alias, function_version=version, weights=dict(weights), description=description
        )
        return self.alias

    def alarm_states(self, names: Sequence[str]) -> Mapping[str, str]:
        return {name: self.alarms[name] for name in names if name in self.alarms}

    def version_metrics(
        self, function: str, alias: str, version: str, start: datetime, end: datetime
    ) -> VersionMetrics:
        return self.metrics.get(version, VersionMetrics(0.0, 0.0, None))
