"""The final record as JSON (`--format json`): the shape `schemas/canary-result.schema.json` describes."""

from __future__ import annotations

import json

from migrator.canary.outcome import Result


def render(result: Result) -> str:
    return json.dumps(result.to_json(), indent=2, ensure_ascii=False) + "\n"
