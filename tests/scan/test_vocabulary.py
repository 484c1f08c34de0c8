"""The event vocabulary data file: one table per kind, checked when it is read."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

import pytest

from migrator.scan.model import EVENT_KINDS
from migrator.scan.vocabulary import VocabularyError, parse_vocabulary, vocabulary
from migrator.stub.tables import load_tables


def packaged() -> dict[str, Any]:
    text = resources.files("migrator.data").joinpath("events.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def test_the_kinds_are_the_scan_models_in_vocabulary_order() -> None:
    assert vocabulary().kinds == EVENT_KINDS
    assert tuple(vocabulary().go_types) == EVENT_KINDS


def test_the_stub_table_covers_every_kind_and_takes_its_go_types_from_the_vocabulary() -> None:
    stub = load_tables()
    assert set(stub.events) == set(EVENT_KINDS)
    assert stub.event("sqs").partial == "events.SQSEventResponse"
    for kind in EVENT_KINDS:
        go = vocabulary().go_type(kind)
        event = stub.event(kind)
        assert (go.request, go.response, go.partial) == (event.request, event.response, event.partial), kind


def test_a_kind_outside_the_vocabulary_gets_the_direct_go_types() -> None:
    assert vocabulary().go_type("no-such-kind") == vocabulary().go_type("direct")
    assert vocabulary().go_type("direct").request == "json.RawMessage"
    assert vocabulary().go_type("sqs").partial == "events.SQSEventResponse"


def test_code_hints_look_up_an_exact_parent_before_any_parent() -> None:
    hints = vocabulary().code
    assert hints.property_kind("Sns", "Message") == "sns"
    assert hints.property_kind("anything", "httpMethod") == "api-gateway-rest"
    assert hints.property_kind("requestContext", "elb") == "alb"
    assert hints.property_kind("other", "elb") is None


@pytest.mark.parametrize(
    ("section", "entry", "message"),
    [
        ("sam_events", {"Api": "api-gateway-restful"}, "[sam_events]: unknown kinds ['api-gateway-restful']"),
        ("principal_covered_by", {"sqs": ["queue"]}, "[principal_covered_by]: unknown kinds ['queue']"),
    ],
)
def test_an_unknown_kind_in_a_spelling_table_is_refused(
    section: str, entry: dict[str, Any], message: str
) -> None:
    data = packaged()
    data[section] = entry
    with pytest.raises(VocabularyError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_vocabulary(data)


def test_an_unknown_kind_in_the_code_hints_is_refused() -> None:
    data = packaged()
    data["code_hints"]["literals"]["aws:sqs"] = "queue"
    with pytest.raises(VocabularyError, match=r"\[code_hints.literals\]: unknown kinds \['queue'\]"):
        parse_vocabulary(data)


def test_a_kind_without_its_go_request_type_is_refused() -> None:
    data = packaged()
    del data["kinds"]["sqs"]["go_request"]
    with pytest.raises(VocabularyError, match=r"\[kinds.sqs\]: missing 'go_request'"):
        parse_vocabulary(data)


def test_kinds_that_differ_from_the_scan_model_are_refused() -> None:
    data = packaged()
    del data["kinds"]["direct"]
    with pytest.raises(VocabularyError, match="`kinds` differs from the scan model"):
        parse_vocabulary(data)
