"""Kinesis records, Step Functions executions and SES mail a side made, read from its own moto server.

- Kinesis (`PutRecord`, `PutRecords`): every record of every stream, read back through the API from
  the start of each shard (`TRIM_HORIZON`). Kinesis keeps order per partition key and promises
  nothing across keys, so records are grouped by partition key, in the order the stream holds them:
  a port that writes one key's records in another order differs; one that interleaves keys
  differently does not. Sequence numbers and arrival times are generated: dropped.
- Step Functions (`StartExecution`): every execution of every state machine (`ListExecutions`,
  `DescribeExecution`): its name and input, in canonical order. A name the handler leaves to AWS is
  a generated id: the Node runs learn it as noise.
- SES (`SendEmail`, `SendRawEmail`, `SendTemplatedEmail`, `SendBulkTemplatedEmail`, and SES v2's
  `SendEmail`, which moto stores alike): moto persists every accepted message in its SES backend
  (`sent_messages`, documented there as the way to check that a message was sent); golden reads them
  from the state dump (`golden.aws.effects_notify.moto_state`). A raw message is parsed into its headers
  and parts, so a generated `Date` or `Message-ID` header is noise on its own, not the whole message.
  Message ids are dropped. Listed by kind (`email`, `raw`, `templated`, `bulk_templated`), each in
  canonical order.
"""

from __future__ import annotations

import email
import email.policy
import functools
from collections.abc import Callable
from typing import Any

from golden.aws.effects_bounds import MAX_ENTRIES, MAX_MESSAGES, body, entries, messages
from golden.outcome import Json

SES_KINDS = {
    "Message": "email",
    "RawMessage": "raw",
    "TemplateMessage": "templated",
    "BulkTemplateMessage": "bulk_templated",
}


def kinesis_records(client: Any) -> dict[str, Json]:
    """Per stream name, per partition key, the records' data in the stream's order."""
    streams: dict[str, Json] = {}
    for name in _pages(client.list_streams, "StreamNames", "NextToken"):
        by_key: dict[str, list[Json]] = {}
        read = 0
        for shard in client.list_shards(StreamName=name).get("Shards", []):  # up to 1,000: all here
            iterator = client.get_shard_iterator(
                StreamName=name, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
            )["ShardIterator"]
            while iterator and read <= MAX_ENTRIES:
                got = client.get_records(ShardIterator=iterator, Limit=1000)
                if not got.get("Records"):
                    break
                for record in got["Records"]:
                    by_key.setdefault(str(record["PartitionKey"]), []).append(body(record["Data"]))
                    read += 1
                iterator = got.get("NextShardIterator")
        streams[name] = entries({key: _in_order(records) for key, records in by_key.items()})
    return dict(sorted(streams.items()))


def step_function_executions(client: Any) -> dict[str, Json]:
    """Per state machine name, its executions' names and inputs, in canonical order."""
    machines: dict[str, Json] = {}
    for machine in _pages(client.list_state_machines, "stateMachines"):
        listing = functools.partial(client.list_executions, stateMachineArn=machine["stateMachineArn"])
        started: list[Json] = []
        for execution in _pages(listing, "executions"):
            if len(started) > MAX_MESSAGES:
                break
            described = client.describe_execution(executionArn=execution["executionArn"])
            data = described.get("input")
            started.append(
                {"name": described.get("name"), "input": body(data.encode()) if data is not None else None}
            )
        machines[str(machine["name"])] = messages(started)
    return dict(sorted(machines.items()))


def ses_messages(state: dict[str, Any]) -> dict[str, Json]:
    """Per kind of send, the messages moto accepted (from its state dump), in canonical order."""
    models: dict[str, list[dict[str, Any]]] = state.get("ses", {})
    return {kind: messages(_mail(name, m) for m in models.get(name, [])) for name, kind in SES_KINDS.items()}


def _mail(model: str, sent: dict[str, Any]) -> Json:
    kept: dict[str, Json] = {k: v for k, v in sent.items() if k not in {"id", "ids", "raw_data"}}
    if model == "RawMessage":
        kept["message"] = _parsed(str(sent.get("raw_data", "")))
    if isinstance(kept.get("template_data"), str):
        kept["template_data"] = body(str(kept["template_data"]).encode())
    return kept


def _parsed(raw: str) -> Json:
    """A MIME message as {"headers": {name: value}, "parts": [{"content_type", "body"}]}."""
    message = email.message_from_string(raw, policy=email.policy.compat32)
    headers: dict[str, Json] = {}
    for name, value in message.items():
        key = name.lower()
        previous = headers.get(key)
        headers[key] = str(value) if previous is None else f"{previous}\n{value}"
    parts: list[Json] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else str(part.get_payload()).encode()
        parts.append({"content_type": part.get_content_type(), "body": body(data)})
    return {"headers": dict(sorted(headers.items())), "parts": parts}


def _in_order(found: list[Json]) -> list[Json]:
    """At most `MAX_MESSAGES`, in the order given, with a note counting the rest."""
    if len(found) <= MAX_MESSAGES:
        return found
    rest = len(found) - MAX_MESSAGES
    return [*found[:MAX_MESSAGES], f"golden: {rest} more records not kept (cap {MAX_MESSAGES})"]


def _pages(call: Callable[..., dict[str, Any]], field: str, token: str = "nextToken") -> list[Any]:
    """The items of a paged list call (`field` of each page), following its `token`; stops past
    `MAX_ENTRIES`."""
    found: list[Any] = []
    page: dict[str, Any] = {}
    while True:
        got = call(**page)
        found += got.get(field, [])
        if not got.get(token) or len(found) > MAX_ENTRIES:
            return found
        page = {token: got[token]}
