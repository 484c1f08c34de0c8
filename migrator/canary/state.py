"""The rollout's state, kept in the alias's description so any machine can `--resume` or `--rollback` it.

The record is written by the same `update_alias` call that moves the weights, so the alias never
routes traffic differently from what its record says. It is compact JSON behind a fixed prefix;
Lambda allows 256 characters of description, so the user's own description is kept (and restored
when the rollout ends) only as far as it fits.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Literal, TypeAlias

PREFIX = "migrate-canary:"
MAX_DESCRIPTION = 256

Status: TypeAlias = Literal["shifting", "held", "promoted", "rolled-back"]
ACTIVE: frozenset[str] = frozenset({"shifting", "held"})


@dataclass(frozen=True)
class RolloutRecord:
    """Where a rollout stands, as stored on the alias."""

    from_version: str
    """The alias's primary version before the rollout (where a rollback returns)."""
    to_version: str
    percents: tuple[float, ...]
    """The whole plan, so `--resume` needs no other input."""
    step: int
    """Index into `percents` of the step the alias is at now; -1 before the first."""
    status: Status
    wait_s: float = 0.0
    """The wait after each step, so `--resume` keeps the plan's pace."""
    reason: str = ""
    """Why it rolled back or is held."""
    description: str = ""
    """The user's description before the rollout (restored at the end), cut to fit."""

    @property
    def active(self) -> bool:
        """Still between versions: `--resume` continues it, a new rollout must not start over it."""
        return self.status in ACTIVE

    def at(self, step: int, status: Status = "shifting", reason: str = "") -> RolloutRecord:
        return replace(self, step=step, status=status, reason=reason)

    def encode(self) -> str:
        """The alias description for this record (at most 256 characters)."""
        body: dict[str, object] = {
            "from": self.from_version,
            "to": self.to_version,
            "steps": [_number(p) for p in self.percents],
            "step": self.step,
            "status": self.status,
            "wait": _number(self.wait_s),
        }
        if self.reason:
            body["reason"] = self.reason[:80]
        text = PREFIX + json.dumps(body, separators=(",", ":"), ensure_ascii=True)
        room = MAX_DESCRIPTION - len(text) - len(',"desc":""')
        if self.description and room > 0:
            body["desc"] = _fit(self.description, room)
            text = PREFIX + json.dumps(body, separators=(",", ":"), ensure_ascii=True)
        return text

    def final_description(self) -> str:
        """What the alias's description becomes once the rollout has ended: the user's again."""
        return self.description


def decode(description: str | None) -> RolloutRecord | None:
    """The record in an alias description, or None when it holds none (or one we cannot read)."""
    if not description or not description.startswith(PREFIX):
        return None
    try:
        body = json.loads(description[len(PREFIX) :])
        status = body["status"]
        if status not in ("shifting", "held", "promoted", "rolled-back"):
            return None
        return RolloutRecord(
            from_version=str(body["from"]),
            to_version=str(body["to"]),
            percents=tuple(float(p) for p in body["steps"]),
            step=int(body["step"]),
            status=status,
            wait_s=float(body.get("wait", 0)),
            reason=str(body.get("reason", "")),
            description=str(body.get("desc", "")),
        )
    except (ValueError, KeyError, TypeError):
        return None


def _number(value: float) -> float | int:
    return int(value) if value == int(value) else value


def _fit(text: str, room: int) -> str:
    """The longest prefix of `text` whose JSON escape fits in `room` characters."""
    while text and len(json.dumps(text, ensure_ascii=True)) - 2 > room:
        text = text[: max(len(text) - 8, 0)]
    return text
