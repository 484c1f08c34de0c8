"""`migrate canary emit --format terraform`: the rollout as Terraform (templates/terraform.tf.jinja)."""

from __future__ import annotations

from migrator.canary.emit import EmitOptions, emit_rollout


def render(options: EmitOptions) -> str:
    return emit_rollout(options, "terraform")
