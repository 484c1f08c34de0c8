"""`migrate canary emit --format cloudformation`: CodeDeploy in plain CloudFormation
(templates/cloudformation.yaml.jinja)."""

from __future__ import annotations

from migrator.canary.emit import EmitOptions, emit_rollout


def render(options: EmitOptions) -> str:
    return emit_rollout(options, "cloudformation")
