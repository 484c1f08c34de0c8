"""The rollout as infrastructure code sees it: names, the CodeDeploy shape of the steps, the alarms.

CodeDeploy can express a canary (one step, then everything), a linear shift (equal steps) or all at
once; `--steps` of another shape (10,25,50,100) cannot be written as CodeDeploy and is refused with a
message (Terraform takes any steps: it sets the alias one step at a time).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from migrator.canary.errors import CanaryError
from migrator.canary.plan import Plan, deployment_configs, make_plan

_FUNCTION_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""Lambda's rule for a function name (the templates write it as a name, not an ARN)."""
_ALIAS_NAME = re.compile(r"[A-Za-z0-9_-]{1,128}")
"""Lambda's rule for an alias name (besides: not all digits, which would read as a version)."""


@dataclass(frozen=True)
class EmitOptions:
    """`migrate canary emit`'s command line."""

    function: str
    alias: str = "live"
    steps: str | None = None
    config: str | None = None
    interval_s: float | None = None
    alarms: tuple[str, ...] = ()
    pre_traffic_hook: str | None = None
    post_traffic_hook: str | None = None


@dataclass(frozen=True)
class CustomConfig:
    """A CodeDeploy `TrafficRoutingConfig` for steps no predefined configuration has."""

    kind: str
    """"TimeBasedCanary" or "TimeBasedLinear"."""
    percent: int
    minutes: int


@dataclass(frozen=True)
class RolloutModel:
    """Everything a template reads."""

    function: str
    logical_id: str
    """The function's name as a CloudFormation logical id (letters and digits)."""
    alias: str
    percents: tuple[float, ...]
    weights: tuple[float, ...]
    predefined: str | None
    """A CodeDeploy predefined config name (`Canary10Percent5Minutes`), or None with `custom`."""
    custom: CustomConfig | None
    alarms: tuple[str, ...]
    pre_traffic_hook: str | None
    post_traffic_hook: str | None


def build_model(options: EmitOptions, *, codedeploy: bool) -> RolloutModel:
    """The model; `codedeploy` when the target format needs a CodeDeploy shape of the steps."""
    if not _FUNCTION_NAME.fullmatch(options.function):
        raise CanaryError(
            f"function name {options.function!r}: Lambda names are 1-64 letters, digits, '-' or '_'"
        )
    if not _ALIAS_NAME.fullmatch(options.alias) or options.alias.isdigit():
        raise CanaryError(
            f"--alias {options.alias!r}: Lambda alias names are 1-128 letters, digits, '-' or '_', "
            "not all digits"
        )
    plan = make_plan(options.steps, options.config, options.interval_s)
    bad = [p for p in plan.percents[:-1] if not 0 < p < 100]
    if bad or plan.percents[-1] != 100.0:
        raise CanaryError(
            f"steps {','.join(f'{p:g}' for p in plan.percents)}: every step but the last must "
            "be above 0 and below 100, the last 100"
        )
    predefined, custom = (None, None)
    if codedeploy:
        predefined, custom = codedeploy_shape(plan, options.interval_s is not None)
    return RolloutModel(
        function=options.function,
        logical_id=logical_id(options.function),
        alias=options.alias,
        percents=plan.percents,
        weights=plan.weights,
        predefined=predefined,
        custom=custom,
        alarms=options.alarms,
        pre_traffic_hook=options.pre_traffic_hook,
        post_traffic_hook=options.post_traffic_hook,
    )


def codedeploy_shape(plan: Plan, custom_interval: bool) -> tuple[str | None, CustomConfig | None]:
    """A predefined config name, or a custom canary/linear config, for `plan`."""
    if plan.config is not None and not custom_interval:
        return plan.config, None
    minutes = max(1, math.ceil(plan.wait_s / 60))
    percents = plan.percents
    if len(percents) == 1:
        return "AllAtOnce", None
    first = percents[0]
    if first != int(first):
        raise CanaryError(f"CodeDeploy takes whole percentages, not {first:g}")
    if len(percents) == 2:
        return _shape("canary", int(first), minutes)
    if all(math.isclose(p, min(first * (i + 1), 100.0)) for i, p in enumerate(percents)):
        return _shape("linear", int(first), minutes)
    raise CanaryError(
        f"CodeDeploy cannot step {','.join(f'{p:g}' for p in percents)}: it does a canary "
        "(N,100), a linear shift (N,2N,...,100) or all at once; use --format terraform, or "
        "run `migrate canary` itself"
    )


def _shape(kind: str, percent: int, minutes: int) -> tuple[str | None, CustomConfig | None]:
    """The predefined config of this shape if there is one, else a custom one."""
    for config in deployment_configs().values():
        if config.kind == kind and config.percent == percent and config.minutes == minutes:
            return config.name, None
    return None, CustomConfig("TimeBasedCanary" if kind == "canary" else "TimeBasedLinear", percent, minutes)


def logical_id(name: str) -> str:
    """`orders-api_v2` → `OrdersApiV2`: a CloudFormation logical id (alphanumeric, letter first)."""
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", name) if p]
    text = "".join(p[:1].upper() + p[1:] for p in parts) or "Function"
    return text if text[0].isalpha() else f"Fn{text}"
