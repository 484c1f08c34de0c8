"""Shared fixtures: the spec fixtures folder, a loader that goes all the way to the IR, and the
Go modules generated from the test specs (built once per session)."""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.ir import Api
from codegen.resolve.resolver import resolve
from codegen.spec.load import load_spec
from codegen.spec.upgrade import upgrade

from .go.module import GoModule, build

SPECS = Path(__file__).parent / "specs"


@pytest.fixture(scope="session")
def shop() -> Api:
    """The IR of specs/shop.yaml, which has every construct the IR knows."""
    return resolve(upgrade(load_spec(SPECS / "shop.yaml")).spec).api


GO_SPECS = ("shop.yaml", "split/root.yaml", "v30.yaml", "gostress.yaml", "realworld.yaml")
"""Specs whose Go is compiled and round-tripped (tests/codegen/test_go_*.py)."""


@pytest.fixture(scope="session")
def go_modules(tmp_path_factory: pytest.TempPathFactory) -> dict[str, GoModule]:
    """Each of GO_SPECS generated into its own module, with the round-trip program built (once)."""
    out = {}
    for name in GO_SPECS:
        spec = upgrade(load_spec(SPECS / name)).spec
        root = tmp_path_factory.mktemp(name.replace("/", "_").removesuffix(".yaml"))
        out[name] = build(root, resolve(spec).api, spec)
    return out
