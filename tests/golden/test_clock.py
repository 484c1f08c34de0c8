"""Clock readings the Node runs could not tell apart (same millisecond, same second) are noise."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime

from golden.compare.clock import ClockWindow, reading, split_clock_readings
from golden.compare.difference import Difference
from golden.config import GoldenSettings
from golden.outcome import Json, Result
from golden.session import run_golden
from tests.golden.fakes import FakeInvoker, ok
from tests.golden.test_session import _case

NOW = datetime(2026, 5, 1, 8, 30, 0, 123000, tzinfo=UTC)
WINDOW = ClockWindow(NOW.timestamp(), NOW.timestamp() + 0.05)


def iso(at: datetime) -> str:
    """What `new Date().toISOString()` prints."""
    return at.strftime("%Y-%m-%dT%H:%M:%S.") + f"{at.microsecond // 1000:03d}Z"


def http_date(at: datetime) -> str:
    """What `new Date().toUTCString()` prints."""
    return format_datetime(at, usegmt=True)


def value(node: Json, go: Json, path: str = "/at") -> Difference:
    return Difference(path, "value", node, go)


def test_timestamps_read_during_the_case_are_recognised_by_shape() -> None:
    later = NOW + timedelta(milliseconds=700)
    assert reading(iso(NOW), WINDOW) == reading(iso(later), WINDOW) == "0000-00-00T00:00:00.000Z"
    assert reading(http_date(NOW), WINDOW) == "Fri, 00 May 0000 00:00:00 GMT"
    assert reading(int(NOW.timestamp()), WINDOW) == "epoch-seconds"
    assert reading(int(NOW.timestamp() * 1000), WINDOW) == "epoch-milliseconds"
    assert reading("2026-05-01T08:30:00", WINDOW) is not None  # naive: UTC, as TZ=UTC makes it
    for stale in (iso(NOW - timedelta(hours=1)), iso(NOW + timedelta(minutes=15)), "2026-05-01"):
        assert reading(stale, WINDOW) is None
    others: tuple[Json, ...] = (True, 7, 1.5, "soon", None, [iso(NOW)], "ord_2026-05-01T08:30:00.123Z")
    for other in others:
        assert reading(other, WINDOW) is None


def test_only_same_shaped_readings_inside_the_window_become_noise() -> None:
    second = NOW + timedelta(seconds=1)
    differences = [
        value(iso(NOW), iso(second)),  # a clock that ticked between the sides: noise
        value(int(NOW.timestamp()), int(second.timestamp()), "/iat"),  # epoch seconds: noise
        Difference("/headers/date", "header", [http_date(NOW)], [http_date(second)]),  # noise
        value(iso(NOW), second.isoformat(), "/format"),  # another format: kept
        value(iso(NOW), iso(NOW - timedelta(days=1)), "/stale"),  # not read now: kept
        value(iso(NOW), iso(NOW + timedelta(minutes=15)), "/future"),  # kept
        Difference("/gone", "missing", iso(NOW), None, go_present=False),  # kept
        Difference("/t", "type", iso(NOW), int(NOW.timestamp())),  # kept
    ]
    kept, noise = split_clock_readings(differences, WINDOW)
    assert [d.path for d in kept] == ["/format", "/stale", "/future", "/gone", "/t"]
    assert [(n.path, n.values) for n in noise] == [
        ("/at", (iso(NOW), iso(second))),
        ("/iat", (int(NOW.timestamp()), int(second.timestamp()))),
        ("/headers/date", ([http_date(NOW)], [http_date(second)])),
    ]


def stamps(at: datetime) -> Result:
    return ok({"at": iso(at), "date": http_date(at), "iat": int(at.timestamp()), "n": 1})


def test_a_clock_that_did_not_tick_between_the_node_runs_is_not_a_divergence() -> None:
    # Both Node runs read the same second; Go reads the next one, as at a second boundary. Without
    # golden.compare.clock this was a false `value` failure at /at, /date and /iat.
    now = datetime.now(UTC).replace(microsecond=0)
    node = FakeInvoker(lambda event, call: stamps(now))
    go = FakeInvoker(lambda event, call: stamps(now + timedelta(seconds=1)))
    case = run_golden([_case(1)], node, go, GoldenSettings(), runs=0).cases[0]
    assert (case.verdict, case.differences) == ("pass", ())
    assert [n.path for n in case.noise] == ["/at", "/date", "/iat"]

    stale = FakeInvoker(lambda event, call: stamps(now - timedelta(hours=1)))
    case = run_golden([_case(1)], node, stale, GoldenSettings(), runs=0).cases[0]
    assert [(d.path, d.category) for d in case.differences] == [
        ("/at", "value"),
        ("/date", "value"),
        ("/iat", "value"),
    ]


def test_another_utc_offset_is_another_shape() -> None:
    # The same instant in two zones: a port that renders another zone is a divergence, not noise.
    here = NOW.astimezone(timezone(timedelta(hours=2))).isoformat()
    there = NOW.astimezone(timezone(timedelta(hours=1))).isoformat()
    assert reading(here, WINDOW) is not None and reading(there, WINDOW) is not None
    assert reading(here, WINDOW) != reading(there, WINDOW)
    kept, noise = split_clock_readings([value(here, there)], WINDOW)
    assert (len(kept), noise) == (1, ())


def test_slow_warm_runs_do_not_widen_the_window() -> None:
    # Go writes a time 1.5 s ahead (an expiry bug). The warm runs after the compared invokes take
    # longer than that; the window must still close when node[0] and go[0] are in.
    def ahead(event: object, call: int) -> Result:
        if call > 0:
            time.sleep(1.6)  # a slow warm invoke
        return ok({"at": iso(datetime.now(UTC) + timedelta(seconds=1.5 + 1.0))})

    # Node's two runs give one instant: two different milliseconds would make `/at` noise learned
    # from Node (ignored), and the test would pass or fail with the clock instead of the window.
    first = datetime.now(UTC)
    node = FakeInvoker(lambda event, call: ok({"at": iso(first)}))
    case = run_golden([_case(1)], node, FakeInvoker(ahead), GoldenSettings(), runs=1).cases[0]
    assert [(d.path, d.category) for d in case.differences] == [("/at", "value")]


def test_a_timestamp_written_as_a_side_effect_is_a_clock_reading_too() -> None:
    path = "/effects/ses/raw/0/message/headers/date"
    later = NOW + timedelta(seconds=1)
    written = Difference(path, "side-effect-value", http_date(NOW), http_date(later), note="value")
    stale = Difference(path, "side-effect-value", http_date(NOW), http_date(NOW - timedelta(days=1)))
    missing = Difference(path, "side-effect-missing", http_date(NOW), None, go_present=False)
    kept, noise = split_clock_readings([written, stale, missing], WINDOW)
    assert kept == (stale, missing) and [n.path for n in noise] == [path]
