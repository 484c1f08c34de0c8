"""Random specs → generated Go that builds, vets, and round-trips documents drawn from each schema.

Each example is one spec of ten random components (one Go build per example), so a handful of
examples cover many schemas while the test stays within seconds per build.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import HypothesisException

from codegen.errors import Level
from codegen.resolve.resolver import resolve
from codegen.spec.load import load_spec
from codegen.spec.upgrade import upgrade
from codegen.validate.validator import collect

from .go.compare import same
from .go.jsonschema import standalone
from .go.module import build, go
from .go.randomschemas import specs
from .test_go_roundtrip import draw

pytestmark = pytest.mark.slow


# No shrinking: every step would be a Go build; the failing spec is printed whole instead.
@settings(
    max_examples=4,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.generate],
)
@given(document=specs())
def test_random_specs_build_and_round_trip(document: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        path = root / "spec.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        spec = upgrade(load_spec(path)).spec
        errors = [d for d in collect(spec) if d.level is Level.ERROR]
        assert not errors, errors  # the strategy only makes valid specs
        api = resolve(spec).api
        module = build(root / "go", api, spec)
        vetted = go("vet", "./...", cwd=module.root)
        assert vetted.returncode == 0, vetted.stderr
        cases = []
        for schema in api.schemas:
            try:
                cases += [(schema.name, doc) for doc in draw(standalone(spec, schema), 3)]
            except HypothesisException:
                continue  # e.g. a required property that can only be itself
        answers = module.round_trip(cases)
        failures = [
            f"{name}: {json.dumps(doc)[:200]} → {json.dumps(answer)[:300]}"
            for (name, doc), answer in zip(cases, answers, strict=True)
            if "error" in answer or not same(doc, answer["doc"])
        ]
        assert not failures, "\n".join(failures[:10]) + "\n" + json.dumps(document)[:3000]
