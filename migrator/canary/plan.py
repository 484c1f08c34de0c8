"""The rollout plan: the percentages of traffic on the new version, step by step, and the wait between.

A plan comes from `--steps 10,25,50,100` or from one of CodeDeploy's predefined configurations
(`--config Canary10Percent5Minutes`, table in `data/configs.toml`). The last step is always 100:
the promotion (`FunctionVersion` = the new version, routing cleared). Weights are checked by
`preflight.weight_problems`, not here, so a bad weight is a refusal listed with the others.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Literal, TypeAlias

from migrator.canary.errors import CanaryError

Kind: TypeAlias = Literal["canary", "linear", "all-at-once", "custom"]

DEFAULT_STEPS_INTERVAL_S = 300.0
"""The wait after each step of a `--steps` plan when `--interval` is not given."""


@dataclass(frozen=True)
class DeploymentConfig:
    """One row of `data/configs.toml`: a CodeDeploy predefined Lambda configuration."""

    name: str
    kind: Kind
    percent: float
    """The canary's only step, or the linear increment."""
    minutes: int
    """How long each step lasts before the next."""


@dataclass(frozen=True)
class Plan:
    """What the rollout does: `percents[i]` of traffic on the new version at step i, `wait_s` after each."""

    percents: tuple[float, ...]
    wait_s: float
    kind: Kind
    config: str | None = None
    """The CodeDeploy configuration name it came from, if any."""

    @property
    def weights(self) -> tuple[float, ...]:
        """The steps as Lambda routing weights (0.1 for 10 %)."""
        return tuple(round(p / 100.0, 6) for p in self.percents)


def deployment_configs() -> Mapping[str, DeploymentConfig]:
    """The predefined configurations, by name."""
    text = resources.files("migrator.canary.data").joinpath("configs.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)
    return {
        name: DeploymentConfig(name, row["kind"], float(row["percent"]), int(row["minutes"]))
        for name, row in table.items()
    }


def plan_from_config(name: str, interval_s: float | None) -> Plan:
    """Steps of a CodeDeploy configuration; `interval_s` replaces its minutes when given."""
    configs = deployment_configs()
    config = configs.get(name)
    if config is None:
        raise CanaryError(f"unknown --config {name!r}; expected one of {', '.join(configs)}")
    wait = float(config.minutes * 60) if interval_s is None else interval_s
    if config.kind == "canary":
        return Plan((config.percent, 100.0), wait, "canary", name)
    if config.kind == "linear":
        count = math.ceil(100.0 / config.percent)
        percents = tuple(min(config.percent * i, 100.0) for i in range(1, count + 1))
        return Plan(percents, wait, "linear", name)
    return Plan((100.0,), wait, "all-at-once", name)


def plan_from_steps(text: str, interval_s: float | None) -> Plan:
    """`10,25,50,100` (percent of traffic on the new version); 100 is appended when missing."""
    percents: list[float] = []
    for part in text.split(","):
        try:
            value = float(part.strip())
        except ValueError:
            raise CanaryError(
                f"--steps {text!r}: {part.strip()!r} is not a number; give percentages like 10,25,50,100"
            ) from None
        if not math.isfinite(value):
            raise CanaryError(f"--steps {text!r}: {part.strip()!r} is not a finite percentage")
        percents.append(value)
    if not percents or percents[-1] != 100.0:
        percents.append(100.0)
    wait = DEFAULT_STEPS_INTERVAL_S if interval_s is None else interval_s
    return Plan(tuple(percents), wait, "custom")


def make_plan(steps: str | None, config: str | None, interval_s: float | None) -> Plan:
    """The plan from `--steps` or `--config` (not both); Canary10Percent5Minutes by default."""
    if interval_s is not None and (not math.isfinite(interval_s) or interval_s < 0):
        raise CanaryError(f"--interval {interval_s}: give a number of seconds, 0 or more")
    if steps is not None and config is not None:
        raise CanaryError("give --steps or --config, not both")
    if steps is not None:
        return plan_from_steps(steps, interval_s)
    return plan_from_config(config or "Canary10Percent5Minutes", interval_s)
