"""The uuid shim: v4 ids are random RFC 9562 version-4 UUIDs, validate() agrees with the uuid package,
v1 ids carry the time (100 ns since 1582-10-15, counting on within a millisecond), one clock sequence
and one node id (multicast bit set) per process, as the uuid package's v1 makes them."""

from __future__ import annotations

import re
import time

import pytest

from tests.port.libs.conftest import GoModule, run_steps

pytestmark = pytest.mark.slow  # go build

V1 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
V4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def test_v4_and_validate(go_module: GoModule) -> None:
    [result] = run_steps([str(go_module.driver)], [{"uuid": True}], "http://127.0.0.1:9", go_module.folder)
    ok = result["ok"]
    assert isinstance(ok, dict)
    assert V4.match(ok["v4"]) and V4.match(ok["other"]) and ok["v4"] != ok["other"]
    assert (ok["valid"], ok["nil"], ok["bad"]) == (True, True, False)


def _v1_millis(uid: str) -> float:
    """The Unix time in milliseconds a v1 id holds (with its 100 ns counter as a fraction)."""
    h = uid.replace("-", "")
    ticks = int(h[13:16], 16) << 48 | int(h[8:12], 16) << 32 | int(h[0:8], 16)
    return ticks / 10_000 - 12_219_292_800_000


def test_v1_holds_the_time_one_clock_sequence_and_one_node(go_module: GoModule) -> None:
    before = time.time() * 1000
    [result] = run_steps([str(go_module.driver)], [{"uuid": True}], "http://127.0.0.1:9", go_module.folder)
    after = time.time() * 1000
    ok = result["ok"]
    assert isinstance(ok, dict)
    ids = ok["v1"]
    assert all(V1.match(i) for i in ids) and len(set(ids)) == 3
    assert len({i[19:] for i in ids}) == 1  # clock sequence and node
    assert int(ids[0][24:26], 16) & 1 == 1  # the node id's multicast bit
    stamps = [_v1_millis(i) for i in ids]
    assert stamps == sorted(stamps) and before - 1 <= stamps[0] and stamps[-1] <= after + 1
