"""Golden cases for the routed sources of a `--spec` module: one API Gateway event per bound operation
and event kind, drawn from the operation's request schema by golden's own `--from-spec` generator
(seed 0: the same spec gives the same events), so `migrate golden` reaches the typed methods instead
of answering a generic sample event 404.

An operation golden cannot draw a request for (an unsatisfiable schema) keeps the generic sample.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Literal

from migrator.stub.model import ModulePlan, SpecCase

#: Payload version of each routed event kind.
Version = Literal["1.0", "2.0"]
_VERSIONS: dict[str, Version] = {"api-gateway-rest": "1.0", "api-gateway-http": "2.0", "function-url": "2.0"}


class CaseDrawer:
    """Draws each (operation, payload version) once per run, for every module that binds it."""

    def __init__(self, spec: Path) -> None:
        self.spec = spec
        self.drawn: dict[tuple[str, Version], str | None] = {}

    def event(self, operation_id: str, version: Version) -> str | None:
        """The case file's text, or None when golden cannot draw one."""
        key = (operation_id, version)
        if key not in self.drawn:
            self.drawn[key] = self._draw(operation_id, version)
        return self.drawn[key]

    def _draw(self, operation_id: str, version: Version) -> str | None:
        from golden.cases.fromspec import case_text, generate_events  # hypothesis: only with --spec
        from golden.errors import GoldenError

        try:
            drawn = generate_events(self.spec, operation_id, count=1, seed=0, version=version)
        except (GoldenError, ValueError, LookupError):
            return None
        return case_text(drawn[0].event) if drawn else None

    def with_cases(self, plan: ModulePlan) -> ModulePlan:
        """`plan` with a drawn case per bound operation and routed event kind."""
        if plan.api is None:
            return plan
        cases = []
        for bound in plan.api.operations:
            for kind in bound.kinds:
                text = self.event(bound.operation.id, _VERSIONS.get(kind, "2.0"))
                if text is not None:
                    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in bound.operation.id)
                    cases.append(SpecCase(f"golden/cases/{kind}-{safe}.json", text))
        return replace(plan, api=replace(plan.api, cases=tuple(cases)))
