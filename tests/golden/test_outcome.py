"""Outcomes are plain facts: JSON-ready, with Lambda's wording for a runtime that exited."""

from __future__ import annotations

import json

import pytest

from golden.outcome import Crash, FunctionError, Outcome, Success, Timing, parse_json, to_jsonable


def test_outcomes_serialise_to_json() -> None:
    outcome = Outcome("id-1", Success(b'{"a":1}', {"a": 1}, True), Timing(12.5, 0.4), cold=True)
    assert json.loads(json.dumps(to_jsonable(outcome))) == {
        "request_id": "id-1",
        "result": {"payload": '{"a":1}', "value": {"a": 1}, "is_json": True, "kind": "success"},
        "timing": {"init_ms": 12.5, "duration_ms": 0.4},
        "cold": True,
        "peak_rss_kib": None,
    }
    binary = to_jsonable(FunctionError("T", "m", ("a",), b"\xff"))
    assert binary == {
        "type": "T",
        "message": "m",
        "trace": ["a"],
        "body": {"base64": "/w=="},
        "kind": "error",
    }


def test_parse_json() -> None:
    assert parse_json(b"null") == (None, True)
    assert parse_json(b"not json") == (None, False)
    assert parse_json(b"\xff") == (None, False)


@pytest.mark.parametrize(
    "body",
    [
        b'{"a": [1, 2.5, "\xc3\xa9"]}',
        b"",
        b"  7 ",
        b"\xef\xbb\xbf{}",  # UTF-8 with a BOM
        '{"a": "\u00e9"}'.encode("utf-16"),
        "[1]".encode("utf-16-le"),
        "[1]".encode("utf-32-be"),
        b'"\xed\xa0\x80"',  # a lone surrogate in UTF-8 bytes (surrogatepass)
        b'"\\ud83d"',  # an escaped lone surrogate, as JSON.stringify writes it
        b"\x80abc",
        b"NaN",
        b"[1,]",
    ],
)
def test_parse_json_reads_what_json_loads_reads(body: bytes) -> None:
    """The shortcut for plain UTF-8 bodies keeps `json.loads`'s answers, including its errors."""
    try:
        expected: tuple[object, bool] = (json.loads(body), True)
    except (ValueError, UnicodeDecodeError):
        expected = (None, False)
    assert repr(parse_json(body)) == repr(expected)


def test_crash_reasons() -> None:
    assert Crash(1, (), True).reason == "Runtime exited with error: exit status 1"
    assert Crash(-9, (), True).reason == "Runtime exited with error: signal 9"
    assert "out of memory" in Crash(-9, (), True, out_of_memory=True).reason
