"""The event vocabulary and its config spellings, read from package data (`data/events.toml`)."""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

from migrator.errors import ScanError
from migrator.scan.model import EVENT_KINDS

_FILE = "events.toml"
_SECTIONS = (
    "sam_events",
    "serverless_events",
    "principals",
    "source_resources",
    "arn_services",
    "cdk_event_sources",
    "cdk_integrations",
    "tf_sources",
)


@dataclass(frozen=True)
class CfnWiring:
    """One CloudFormation resource type that wires a trigger by referencing a function."""

    type: str
    items: str  #: dotted path to the wiring entries, `*` for each item; "" for the properties
    when: tuple[tuple[str, str], ...]  #: (key, value) an entry must have
    values: tuple[str, ...]  #: dotted paths under an entry that reference the function
    kind: str


@dataclass(frozen=True)
class Vocabulary:
    """Config spelling → event kind, one read-only mapping per kind of config."""

    sam_events: Mapping[str, str]
    serverless_events: Mapping[str, str]
    principals: Mapping[str, str]
    source_resources: Mapping[str, str]
    arn_services: Mapping[str, str]
    cdk_event_sources: Mapping[str, str]
    cdk_integrations: Mapping[str, str]
    tf_sources: Mapping[str, str]
    cfn_wiring: Mapping[str, CfnWiring]  #: by resource type
    tf_wiring: Mapping[str, CfnWiring]  #: by resource type (Terraform; `items` unused)

    def arn_kind(self, arn: Any, default: str = "unknown") -> str:
        """The kind of an event source from its literal ARN (`arn:aws:sqs:…` → sqs)."""
        if isinstance(arn, str) and arn.startswith("arn:"):
            parts = arn.split(":")
            if len(parts) > 2:
                return self.arn_services.get(parts[2], default)
        return default


@functools.cache
def vocabulary() -> Vocabulary:
    """The packaged vocabulary, checked against the EventKind literal once per process."""
    try:
        text = resources.files("migrator.data").joinpath(_FILE).read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ScanError(f"package data {_FILE} is unreadable ({exc}); reinstall migrate") from exc
    if tuple(data.get("kinds", ())) != EVENT_KINDS:
        raise ScanError(f"package data {_FILE}: `kinds` differs from the scan model; reinstall migrate")
    tables: dict[str, Mapping[str, str]] = {}
    for section in _SECTIONS:
        raw = data.get(section, {})
        table = {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
        unknown = sorted(set(table.values()) - set(EVENT_KINDS))
        if unknown:
            raise ScanError(f"package data {_FILE} [{section}]: unknown kinds {unknown}")
        tables[section] = MappingProxyType(table)
    return Vocabulary(**tables, cfn_wiring=_wiring(data, "cfn_wiring"), tf_wiring=_wiring(data, "tf_wiring"))


def _wiring(data: dict[str, Any], section: str) -> Mapping[str, CfnWiring]:
    wiring: dict[str, CfnWiring] = {}
    for entry in data.get(section, []):
        try:
            rule = CfnWiring(
                type=str(entry["type"]),
                items=str(entry.get("items", "")),
                when=tuple((str(k), str(v)) for k, v in entry.get("when", {}).items()),
                values=tuple(str(v) for v in entry["values"]),
                kind=str(entry["kind"]),
            )
        except KeyError as exc:
            raise ScanError(f"package data {_FILE} [[{section}]]: missing {exc}; reinstall migrate") from exc
        if rule.kind not in EVENT_KINDS:
            raise ScanError(f"package data {_FILE} [[{section}]] {rule.type}: unknown kind {rule.kind}")
        wiring[rule.type] = rule
    return MappingProxyType(wiring)
