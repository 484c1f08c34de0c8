"""The uuid shim: v4 ids are random RFC 9562 version-4 UUIDs, validate() agrees with the uuid package."""

from __future__ import annotations

import re

import pytest

from tests.port.libs.conftest import GoModule, run_steps

pytestmark = pytest.mark.slow  # go build

V4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def test_v4_and_validate(go_module: GoModule) -> None:
    [result] = run_steps([str(go_module.driver)], [{"uuid": True}], "http://127.0.0.1:9", go_module.folder)
    ok = result["ok"]
    assert isinstance(ok, dict)
    assert V4.match(ok["v4"]) and V4.match(ok["other"]) and ok["v4"] != ok["other"]
    assert (ok["valid"], ok["nil"], ok["bad"]) == (True, True, False)
