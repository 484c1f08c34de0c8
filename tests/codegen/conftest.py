"""Shared fixtures: the spec fixtures folder and a loader that goes all the way to the IR."""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.ir import Api
from codegen.load import load_spec
from codegen.resolve import resolve
from codegen.upgrade import upgrade

SPECS = Path(__file__).parent / "specs"


@pytest.fixture(scope="session")
def shop() -> Api:
    """The IR of specs/shop.yaml, which has every construct the IR knows."""
    return resolve(upgrade(load_spec(SPECS / "shop.yaml")).spec).api
