"""`migrate canary emit --format sam`: the rollout as SAM (templates/sam.yaml.jinja)."""

from __future__ import annotations

from migrator.canary.emit import EmitOptions, emit_rollout


def render(options: EmitOptions) -> str:
    return emit_rollout(options, "sam")
