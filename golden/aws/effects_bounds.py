"""Bounds on a side-effect snapshot, so a handler that writes a lot cannot grow golden's memory or
report without limit, and what is kept is the same for the same writes (sorted, then cut).

- a body (S3 object, SQS/SNS message) over `MAX_BODY_BYTES` is kept as its SHA-256 and size, so two
  different large bodies still differ;
- a list of messages (per queue, topic or bus) keeps its first `MAX_MESSAGES` in canonical order and
  ends with a note counting the rest;
- a map of entries (items per table, objects per bucket) keeps its first `MAX_ENTRIES` keys in sorted
  order and a `MORE` key counting the rest.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Protocol

from golden.outcome import Json

MAX_BODY_BYTES = 65_536
MAX_MESSAGES = 100
MAX_ENTRIES = 1_000
MORE = "(golden: more not read)"


def body(data: bytes) -> Json:
    """A body as JSON when it parses as JSON, else as text, else as base64; a digest when over the cap."""
    if len(data) > MAX_BODY_BYTES:
        return _digest(hashlib.sha256(data).hexdigest(), len(data))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "base64:" + base64.b64encode(data).decode()
    try:
        parsed: Json = json.loads(text)
        return parsed
    except ValueError:
        return text


class Readable(Protocol):
    def read(self, size: int = ..., /) -> bytes: ...


def streamed_body(stream: Readable) -> Json:
    """`body` of a stream, read in chunks: a large body is hashed, never held whole."""
    head = stream.read(MAX_BODY_BYTES + 1)
    if len(head) <= MAX_BODY_BYTES:
        return body(head)
    digest, size = hashlib.sha256(head), len(head)
    while chunk := stream.read(1 << 20):
        digest.update(chunk)
        size += len(chunk)
    return _digest(digest.hexdigest(), size)


def _digest(hexdigest: str, size: int) -> str:
    return f"sha256:{hexdigest} ({size} bytes; golden keeps bodies up to {MAX_BODY_BYTES} bytes)"


def canonical(value: Json) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def messages(found: Iterable[Json]) -> list[Json]:
    """Messages in canonical order (queues, topics and buses promise none), at most `MAX_MESSAGES`."""
    ordered = sorted(found, key=canonical)
    if len(ordered) <= MAX_MESSAGES:
        return ordered
    rest = len(ordered) - MAX_MESSAGES
    return [*ordered[:MAX_MESSAGES], f"golden: {rest} more messages not kept (cap {MAX_MESSAGES})"]


def first_keys(keys: Iterable[str]) -> tuple[list[str], int]:
    """The first `MAX_ENTRIES` keys in sorted order, and how many more there were."""
    ordered = sorted(keys)
    return ordered[:MAX_ENTRIES], max(0, len(ordered) - MAX_ENTRIES)


def entries(found: Mapping[str, Json], more: int = 0) -> dict[str, Json]:
    """`found` with its keys sorted and cut at `MAX_ENTRIES`; `more` adds to the count of those left out."""
    kept, cut = first_keys(found)
    out = {key: found[key] for key in kept}
    if cut + more:
        out[MORE] = f"{cut + more} more entries not read (cap {MAX_ENTRIES})"
    return out
