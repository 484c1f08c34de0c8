"""What a side did to AWS: one moto server per side, made fresh before each compared run, snapshotted after.

`MotoEffects` owns two moto servers (Node's, Go's), each given the same `aws-setup` calls. Before each
run whose effects are compared (the Node noise runs and Go's first run), the side's server is reset
(`POST /moto-api/reset`) and the setup made again, so every run starts from the same state; afterwards
`snapshot` reads the state back as plain JSON:

    {"dynamodb": {TABLE: {KEY: ITEM}},                 # KEY: the item's key values joined with "|"
     "s3": {BUCKET: {KEY: {"body": JSON or str, "content_type": str, "metadata": {..}}}},
     "sqs": {QUEUE: [{"body": JSON or str, "attributes": {..}}]},   # messages sent, sorted
     "sns": {TOPIC: [{"message": .., "subject": .., "attributes": {..}, "group_id": ..}]},
     "eventbridge": {BUS: [{"source": .., "detail-type": .., "detail": .., "resources": .., "time": ..}]},
     "kinesis": {STREAM: {PARTITION_KEY: [DATA]}},      # in the stream's order per key
     "stepfunctions": {STATE_MACHINE: [{"name": str, "input": JSON}]},
     "ses": {"email" | "raw" | "templated" | "bulk_templated": [MESSAGE]}}

DynamoDB items are decoded from their typed form (numbers to int or float, sets to sorted lists,
binary to base64). SQS messages are received (every message, once) and sorted by their canonical
JSON, since a standard queue keeps no order; so are SNS publishes and EventBridge events
(`golden.aws.effects_notify`, which also says how they are captured). Kinesis records, Step Functions
executions and SES mail are read by `golden.aws.effects_more`. Sizes are capped
(`golden.aws.effects_bounds`).

A run that sent its server no request at all leaves the state as reset + setup made it, so that work
is skipped: each server counts the requests it served (`MotoServer.settle`), and when none came since
the side's state was made fresh, `snapshot` returns the snapshot of the fresh state (taken once, when
the servers start) and the next `fresh` keeps the state as it is. Any request (a read too: a
`ReceiveMessage` hides messages) means the full reset, setup and snapshot. This relies on the fresh
state being the same after every reset; golden checks it once by comparing the two servers' fresh
snapshots and, when they differ (a generated name in the setup), always does the full work.
"""

from __future__ import annotations

import base64
import contextlib
import copy
import json
import urllib.request
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Literal, TypeAlias

import boto3  # type: ignore[import-untyped]
from boto3.dynamodb.types import TypeDeserializer  # type: ignore[import-untyped]

from golden.aws.effects_bounds import body, entries, first_keys, messages, streamed_body
from golden.aws.effects_more import kinesis_records, ses_messages, step_function_executions
from golden.aws.effects_notify import arm_event_capture, events_put, moto_state, sns_publishes
from golden.aws.moto import MotoServer
from golden.aws.setup import SetupCall, run_calls
from golden.outcome import Json
from golden.runtime.environment import FAKE_CREDENTIALS

SideName: TypeAlias = Literal["node", "go"]
SIDES: tuple[SideName, ...] = ("node", "go")


class MotoEffects:
    """Two fresh-able moto states, one per side. Use as a context manager (it starts both servers)."""

    def __init__(self, setup: Sequence[SetupCall], region: str) -> None:
        self._setup = tuple(setup)
        self._region = region
        self._stack = contextlib.ExitStack()
        self._servers: dict[SideName, MotoServer] = {}
        self._clients: dict[tuple[SideName, str], Any] = {}
        self._session: Any = None
        self._fresh_snapshot: Json = None  # of the fresh state, when both servers' fresh states agree
        self._untouched_at: dict[SideName, int | None] = {}  # request count while the state is fresh

    def __enter__(self) -> MotoEffects:
        try:
            for side in SIDES:
                self._servers[side] = self._stack.enter_context(MotoServer())
            self._session = boto3.Session(
                aws_access_key_id=FAKE_CREDENTIALS["AWS_ACCESS_KEY_ID"],
                aws_secret_access_key=FAKE_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
                region_name=self._region,
            )
            for side in SIDES:
                self.fresh(side)
            self._know_the_fresh_state()
        except BaseException:
            self._stack.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()

    def env(self, side: SideName) -> dict[str, str]:
        """The side's `AWS_ENDPOINT_URL`."""
        return self._servers[side].env()

    def server(self, side: SideName) -> MotoServer:
        """The side's moto server (its request count: `settle()`, `resets`)."""
        return self._servers[side]

    def client(self, side: SideName, service: str) -> Any:
        if (side, service) not in self._clients:
            url = self._servers[side].endpoint_url
            self._clients[side, service] = self._session.client(service, endpoint_url=url)
        return self._clients[side, service]

    def fresh(self, side: SideName) -> None:
        """Reset the side's moto state, make the setup calls again and arm the EventBridge capture;
        nothing when no request reached the state since it was last made so."""
        if self._untouched(side):
            return
        self._untouched_at[side] = None
        url = self._servers[side].endpoint_url
        with urllib.request.urlopen(
            urllib.request.Request(f"{url}/moto-api/reset", method="POST"), timeout=30
        ):
            pass
        run_calls(
            self._setup, lambda service: self.client(side, service), self._session.get_available_services()
        )
        arm_event_capture(self.client(side, "events"))
        if self._fresh_snapshot is not None:
            self._untouched_at[side] = self._servers[side].settle()

    def snapshot(self, side: SideName) -> Json:
        """The side's DynamoDB items, S3 objects, SQS messages, SNS publishes, EventBridge events, Kinesis
        records, Step Functions executions and SES mail."""
        if self._untouched(side):
            return copy.deepcopy(self._fresh_snapshot)
        self._untouched_at[side] = None  # the snapshot's reads are requests too
        return self._read(side)

    def _untouched(self, side: SideName) -> bool:
        """The side's state is known fresh and no request has reached its server since."""
        if self._fresh_snapshot is None or self._untouched_at.get(side) is None:
            return False
        return self._servers[side].settle() == self._untouched_at[side]

    def _know_the_fresh_state(self) -> None:
        """Snapshot both fresh states; the same on both servers, it is the one a run without requests
        leaves. The snapshot only read, unless it received SQS messages: then the states are not fresh."""
        found = [self._read(side) for side in SIDES]
        if found[0] != found[1]:
            return
        self._fresh_snapshot = found[0]
        queues = found[0]["sqs"] if isinstance(found[0], dict) else None
        if isinstance(queues, dict) and not any(queues.values()):
            for side in SIDES:
                self._untouched_at[side] = self._servers[side].settle()

    def _read(self, side: SideName) -> Json:
        state = moto_state(self._servers[side].endpoint_url)
        return {
            "dynamodb": self._dynamodb(side),
            "s3": self._s3(side),
            "sqs": self._sqs(side),
            "sns": sns_publishes(state, self._region),
            "eventbridge": events_put(state, self._region),
            "kinesis": kinesis_records(self.client(side, "kinesis")),
            "stepfunctions": step_function_executions(self.client(side, "stepfunctions")),
            "ses": ses_messages(state),
        }

    def _dynamodb(self, side: SideName) -> dict[str, Json]:
        client = self.client(side, "dynamodb")
        tables: dict[str, Json] = {}
        for name in client.list_tables().get("TableNames", []):
            keys = [k["AttributeName"] for k in client.describe_table(TableName=name)["Table"]["KeySchema"]]
            items: dict[str, Json] = {}
            for page in client.get_paginator("scan").paginate(TableName=name):
                for raw in page.get("Items", []):
                    item = {k: _plain(TypeDeserializer().deserialize(v)) for k, v in raw.items()}
                    items["|".join(str(item.get(k)) for k in keys)] = item
            tables[name] = entries(items)
        return tables

    def _s3(self, side: SideName) -> dict[str, Json]:
        client = self.client(side, "s3")
        buckets: dict[str, Json] = {}
        for bucket in client.list_buckets().get("Buckets", []):
            listed: list[str] = []
            for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket["Name"]):
                listed += [entry["Key"] for entry in page.get("Contents", [])]
            kept, more = first_keys(listed)
            objects: dict[str, Json] = {}
            for key in kept:
                got = client.get_object(Bucket=bucket["Name"], Key=key)
                objects[key] = {
                    "body": streamed_body(got["Body"]),
                    "content_type": got.get("ContentType"),
                    "metadata": dict(got.get("Metadata", {})),
                }
            buckets[bucket["Name"]] = entries(objects, more)
        return buckets

    def _sqs(self, side: SideName) -> dict[str, Json]:
        client = self.client(side, "sqs")
        queues: dict[str, Json] = {}
        for url in client.list_queues().get("QueueUrls", []):
            received: list[Json] = []
            while True:
                got = client.receive_message(
                    QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=300, MessageAttributeNames=["All"]
                ).get("Messages", [])
                if not got:
                    break
                for message in got:
                    attributes = {
                        name: value.get("StringValue", value.get("BinaryValue"))
                        for name, value in message.get("MessageAttributes", {}).items()
                    }
                    received.append(
                        {"body": body(message["Body"].encode()), "attributes": _plain(attributes)}
                    )
            queues[url.rsplit("/", 1)[-1]] = messages(received)
        return queues


def _plain(value: Any) -> Json:
    """DynamoDB's decoded types as JSON: Decimal to int or float, sets to sorted lists, bytes to base64."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, set | frozenset):
        return sorted((_plain(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(bytes(value)).decode()
    if hasattr(value, "value") and isinstance(value.value, bytes):  # boto3's Binary
        return base64.b64encode(value.value).decode()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
