"""SNS publishes and EventBridge events a side made, read from its own moto server.

No public moto API lists what was published, and a capture subscription per topic would miss topics
the handler makes itself. So both are read from moto's state dump, `GET /moto-api/data.json` (moto's
dashboard data, every tracked model's JSON-able attributes):

- SNS: moto persists every accepted `Publish`/`PublishBatch` on its topic (`Topic.sent_notifications`,
  documented in moto's SNS backend): message, subject, message attributes, group id. Topics the
  handler creates are included; publishes to a phone number or a platform endpoint are not.
- EventBridge: moto keeps no record of `PutEvents`, but an archive does. After the setup calls, golden
  gives every event bus of the region an archive (`golden-capture-<bus>`, no event pattern, so every
  event put on the bus is archived). The user's aws-setup is unchanged; the handler could see the
  archive and its managed rule (`Events-Archive-golden-capture-<bus>`) if it lists them. Buses the
  handler creates itself are not captured.

The generated parts (message ids, event ids, ingestion time, account, region) are dropped; an event's
`time` is kept (moto stamps it when the handler gives none; the Node runs learn it as noise).
"""

from __future__ import annotations

import hashlib
import json
import re
import urllib.request
from typing import Any

from botocore.exceptions import ClientError  # type: ignore[import-untyped]

from golden.aws.effects_bounds import body, messages
from golden.errors import GoldenError
from golden.outcome import Json

CAPTURE_PREFIX = "golden-capture-"
_ARCHIVE_NAME = re.compile(r"[.\-_A-Za-z0-9]{1,48}")


def arm_event_capture(events: Any) -> None:
    """An archive on every event bus the `events` client lists, named after the bus."""
    buses: list[dict[str, Any]] = []
    page: dict[str, Any] = {}
    while True:
        got = events.list_event_buses(**page)
        buses += got.get("EventBuses", [])
        if not got.get("NextToken"):
            break
        page = {"NextToken": got["NextToken"]}
    for bus in sorted(buses, key=lambda b: str(b["Name"])):
        name = capture_name(bus["Name"])
        try:
            events.create_archive(ArchiveName=name, EventSourceArn=bus["Arn"])
        except ClientError as exc:
            raise GoldenError(
                f"golden's EventBridge capture {name!r} on bus {bus['Name']!r} not made ({exc}); "
                "an aws-setup archive of that name is in the way: rename it"
            ) from exc


def capture_name(bus: str) -> str:
    """`golden-capture-<bus>`, or a digest of the bus name when that is not a valid archive name."""
    name = CAPTURE_PREFIX + bus
    if _ARCHIVE_NAME.fullmatch(name):
        return name
    return CAPTURE_PREFIX + hashlib.sha256(bus.encode()).hexdigest()[:24]


def moto_state(endpoint_url: str) -> dict[str, Any]:
    """moto's state dump (`/moto-api/data.json`): service → model → instances' JSON-able attributes."""
    try:
        with urllib.request.urlopen(f"{endpoint_url}/moto-api/data.json", timeout=60) as response:
            state: dict[str, Any] = json.load(response)
    except (OSError, ValueError) as exc:
        raise GoldenError(f"moto's state dump {endpoint_url}/moto-api/data.json not read: {exc}") from exc
    return state


def sns_publishes(state: dict[str, Any], region: str) -> dict[str, Json]:
    """Per topic name (in `region`), the messages published to it, in canonical order.

    moto tracks every `Topic` it built, also the throwaway one an idempotent `CreateTopic` of an
    existing name builds, so the instances of one name are merged."""
    topics: dict[str, list[Json]] = {}
    for topic in state.get("sns", {}).get("Topic", []):
        arn = str(topic.get("arn", ""))
        if arn.split(":")[3:4] != [region]:
            continue
        published = topics.setdefault(str(topic.get("name")), [])
        published += [_publish(entry) for entry in topic.get("sent_notifications", [])]
    return {name: messages(published) for name, published in sorted(topics.items())}


def _publish(entry: list[Any]) -> Json:
    _message_id, message, subject, attributes, group_id = (list(entry) + [None] * 5)[:5]
    plain = {
        str(name): value.get("Value") if isinstance(value, dict) else value
        for name, value in (attributes or {}).items()
    }
    return {
        "message": body(str(message).encode()),
        "subject": subject,
        "attributes": plain,
        "group_id": group_id,
    }


def events_put(state: dict[str, Any], region: str) -> dict[str, Json]:
    """Per event bus name (in `region`), the events golden's capture archive received."""
    buses: dict[str, Json] = {}
    for archive in state.get("events", {}).get("Archive", []):
        if not str(archive.get("name", "")).startswith(CAPTURE_PREFIX) or archive.get("region") != region:
            continue
        buses[str(archive.get("event_bus_name"))] = messages(_event(e) for e in archive.get("events", []))
    return dict(sorted(buses.items()))


def _event(event: dict[str, Any]) -> Json:
    kept = ("source", "detail-type", "detail", "resources", "time")
    return {key: event.get(key) for key in kept}
