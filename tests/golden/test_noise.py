"""Noise, the Diffy way: what two Node runs disagree on is ignored, with no configuration."""

from __future__ import annotations

import json
import time
import uuid
from datetime import UTC, datetime, timedelta

from golden.compare.judge import CompareConfig, compare
from golden.compare.noise import Noise, NoisyPath, find_noise
from golden.outcome import Crash, Json, Outcome, Success, Timeout, Timing

EXACT = CompareConfig()


def iso_now(offset_ms: int = 0) -> str:
    """What `new Date().toISOString()` prints."""
    now = datetime.now(UTC) + timedelta(milliseconds=offset_ms)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


def ok(value: Json, request_id: str | None = None) -> Outcome:
    return Outcome(
        request_id or str(uuid.uuid4()),
        Success(json.dumps(value).encode(), value, True),
        Timing(None, 1.0),
        False,
    )


def order_response(request_id: str, total: float = 42.5, offset_ms: int = 0) -> Outcome:
    """An API Gateway response as an order handler builds it: fresh ids and clocks in headers and body."""
    order_id = str(uuid.uuid4())
    body = {
        "order": {"id": order_id, "total": total, "items": [{"sku": "A-1", "qty": 2}]},
        "createdAt": iso_now(offset_ms),
        "epochMs": int(time.time() * 1000) + offset_ms,
        "links": {"self": f"/orders/{order_id}"},
    }
    response: Json = {
        "statusCode": 201,
        "headers": {
            "Content-Type": "application/json",
            "X-Request-Id": request_id,
            "Location": f"/orders/{order_id}",
        },
        "body": json.dumps(body),
    }
    return ok(response, request_id)


def test_noise_finds_timestamps_uuids_and_request_ids_without_configuration() -> None:
    first, second = order_response(str(uuid.uuid4())), order_response(str(uuid.uuid4()), offset_ms=7)
    noise = find_noise([first, second], EXACT)
    assert [p.path for p in noise.paths] == [
        "/headers/location",
        "/headers/x-request-id",
        "/body/createdAt",
        "/body/epochMs",
        "/body/links/self",
        "/body/order/id",
    ]
    assert noise.unstable == ()
    created = next(p for p in noise.paths if p.path == "/body/createdAt")
    assert len(created.values) == 2 and all(isinstance(v, str) and v.endswith("Z") for v in created.values)


def test_noise_lets_an_equivalent_go_response_pass_and_keeps_real_divergences() -> None:
    runs = [order_response(str(uuid.uuid4())), order_response(str(uuid.uuid4()), offset_ms=3)]
    noise = find_noise(runs, EXACT)
    go_same = order_response(str(uuid.uuid4()), offset_ms=11)
    assert compare(runs[0], go_same, EXACT) != []
    assert noise.drop(compare(runs[0], go_same, EXACT)) == []
    assert compare(runs[0], go_same, noise.ignoring(EXACT)) == []
    go_wrong = order_response(str(uuid.uuid4()), total=42.0)
    kept = noise.drop(compare(runs[0], go_wrong, EXACT))
    assert [(d.path, d.category, d.node, d.go) for d in kept] == [("/body/order/total", "value", 42.5, 42.0)]


def test_noise_inside_unordered_arrays_pairs_elements_through_ignoring() -> None:
    def events(*names: str, offset_ms: int = 0) -> Outcome:
        return ok({"events": [{"name": n, "id": str(uuid.uuid4()), "at": iso_now(offset_ms)} for n in names]})

    config = CompareConfig(ignore_order_paths=("/events",))
    # The runs are milliseconds apart, as real runs are; runs within one tick of the clock agree on it.
    first, second = events("a", "b"), events("a", "b", offset_ms=2)
    noise = find_noise([first, second], CompareConfig())
    assert compare(first, events("b", "a"), noise.ignoring(config)) == []
    assert [d.category for d in compare(first, events("b", "c"), noise.ignoring(config))] == [
        "missing",
        "extra",
    ]


def test_noise_covers_paths_under_noisy_ones() -> None:
    noise = Noise((NoisyPath("/meta", ({"at": 1}, {"at": 2})), NoisyPath("/a*b", (1, 2))))
    assert noise.covers("/meta") and noise.covers("/meta/at/0")
    assert not noise.covers("/metadata") and not noise.covers("/ab")
    assert noise.covers("/a*b")


def test_noise_values_seen_across_more_runs() -> None:
    runs = [
        ok({"n": 1, "same": "x"}),
        ok({"n": 2, "same": "x"}),
        ok({"n": 1, "same": "x"}),
        ok({"same": "x"}),
    ]
    assert find_noise(runs, EXACT) == Noise((NoisyPath("/n", (1, 2)),))
    assert find_noise(runs[:1], EXACT) == Noise()


def test_noise_unstable_outcomes_never_hide_differences() -> None:
    success = ok({"a": iso_now()})
    timeout = Outcome("r", Timeout(3.0, "invoke"), Timing(None, None), False)
    noise = find_noise([success, timeout], EXACT)
    assert noise.paths == () and [d.category for d in noise.unstable] == ["timeout"]
    # A whole payload that is noise (a bare timestamp) still lets a crash through.
    whole = find_noise([ok(iso_now()), ok(iso_now(5))], EXACT)
    assert [p.path for p in whole.paths] == [""]
    crash = Outcome("r", Crash(1, (), True), Timing(None, None), False)
    assert [d.category for d in whole.drop(compare(ok(iso_now()), crash, EXACT))] == ["crash"]
    assert whole.drop(compare(ok(iso_now()), ok(iso_now(9)), EXACT)) == []
