"""The event vocabulary: kinds, their config spellings, code hints and Go types (`data/events.toml`).

The file is read once per process into the frozen dataclasses below (`vocabulary()`); the readers
of each config format, the code inference and `migrate stub` look their tables up there.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

import tomli

from migrator.errors import ScanError
from migrator.scan.model import EVENT_KINDS

_FILE = "events.toml"
#: Sections that map a spelling to one kind.
_SPELLINGS = (
    "sam_events",
    "serverless_events",
    "serverless_streams",
    "principals",
    "source_resources",
    "arn_services",
    "cdk_event_sources",
    "cdk_integrations",
    "cdk_arn_attributes",
    "tf_sources",
)
_HINT_SPELLINGS = (
    "record_properties",
    "event_properties",
    "literals",
    "destructured",
    "returns",
    "weak_returns",
)
_DIRECT = "direct"


class VocabularyError(ScanError):
    """The packaged vocabulary is malformed (a bug in the package data, not in the user's input)."""


@dataclass(frozen=True)
class GoEventType:
    """The aws-lambda-go types a Go port of a handler for one event kind takes and returns."""

    kind: str
    request: str  #: e.g. "events.SQSEvent"; "json.RawMessage" where aws-lambda-go has no type
    response: str  #: returned beside the error; "" when the source ignores results
    partial: str  #: the response when the code reports partial batch failures; "" = none


@dataclass(frozen=True)
class CfnWiring:
    """One CloudFormation (or Terraform) resource type that wires a trigger by referencing a function."""

    type: str
    items: str  #: dotted path to the wiring entries, `*` for each item; "" for the properties
    when: tuple[tuple[str, str], ...]  #: (key, value) an entry must have
    values: tuple[str, ...]  #: dotted paths under an entry that reference the function
    kind: str


@dataclass(frozen=True)
class OpenApiBody:
    """A CloudFormation API whose OpenAPI body wires functions through its integrations."""

    type: str
    body: str  #: property holding the inline body
    location: str  #: property holding a local file's location
    kind: str  #: the kind of its integrations


@dataclass(frozen=True)
class CodeHints:
    """What in a handler's code shows the kind of event it receives."""

    properties: Mapping[tuple[str, str], str]  #: (parent, property) → kind; parent "*" = any
    record_parents: frozenset[str]  #: names a record is usually bound to
    record_properties: Mapping[str, str]  #: property read on a record parent → kind
    event_properties: Mapping[str, str]  #: property read on the event parameter → kind
    literals: Mapping[str, str]  #: string literal → kind
    destructured: Mapping[str, str]  #: destructured name → kind
    returns: Mapping[str, str]  #: returned key → kind
    weak_returns: Mapping[str, str]  #: returned key → kind, only when nothing else speaks
    supersedes: tuple[tuple[str, tuple[str, ...]], ...]  #: kind seen → kinds it drops, in order

    def property_kind(self, parent: str, name: str) -> str | None:
        """The kind a read of `parent.name` shows (an exact parent first, then any parent)."""
        return self.properties.get((parent, name)) or self.properties.get(("*", name))


@dataclass(frozen=True)
class Vocabulary:
    """The event kinds in vocabulary order, and the tables that map onto them."""

    kinds: tuple[str, ...]
    go_types: Mapping[str, GoEventType]  #: by kind
    sam_events: Mapping[str, str]
    serverless_events: Mapping[str, str]
    serverless_streams: Mapping[str, str]  #: resource type a serverless `stream` references → kind
    principals: Mapping[str, str]
    principal_covered_by: Mapping[str, frozenset[str]]  #: a permission's kind → kinds that cover it
    source_resources: Mapping[str, str]
    arn_services: Mapping[str, str]
    cdk_event_sources: Mapping[str, str]
    cdk_integrations: Mapping[str, str]
    cdk_arn_attributes: Mapping[str, str]
    tf_sources: Mapping[str, str]
    cfn_wiring: Mapping[str, CfnWiring]  #: by resource type
    cfn_openapi: Mapping[str, OpenApiBody]  #: by resource type
    tf_wiring: Mapping[str, CfnWiring]  #: by resource type (Terraform; `items` unused)
    code: CodeHints

    def arn_kind(self, arn: Any, default: str = "unknown") -> str:
        """The kind of an event source from its literal ARN (`arn:aws:sqs:…` → sqs)."""
        if isinstance(arn, str) and arn.startswith("arn:"):
            parts = arn.split(":")
            if len(parts) > 2:
                return self.arn_services.get(parts[2], default)
        return default

    def go_type(self, kind: str) -> GoEventType:
        """The aws-lambda-go types for `kind`; a kind outside the vocabulary gets `direct`'s."""
        return self.go_types.get(kind) or self.go_types[_DIRECT]


@functools.cache
def vocabulary() -> Vocabulary:
    """The packaged vocabulary, checked against the EventKind literal once per process."""
    try:
        text = resources.files("migrator.data").joinpath(_FILE).read_text(encoding="utf-8")
        data = tomli.loads(text)
    except (OSError, tomli.TOMLDecodeError) as exc:
        raise VocabularyError(f"package data {_FILE} is unreadable ({exc}); reinstall migrate") from exc
    return parse_vocabulary(data)


def parse_vocabulary(data: Mapping[str, Any]) -> Vocabulary:
    """The vocabulary from the parsed TOML; every kind it names must be a known one."""
    raw_kinds = data.get("kinds", {})
    kinds = tuple(raw_kinds) if isinstance(raw_kinds, dict) else ()
    if kinds != EVENT_KINDS:
        raise VocabularyError(f"package data {_FILE}: `kinds` differs from the scan model; reinstall migrate")
    spellings = {section: _spelling(data, section) for section in _SPELLINGS}
    return Vocabulary(
        kinds=kinds,
        go_types=MappingProxyType({kind: _go_type(kind, row) for kind, row in raw_kinds.items()}),
        **spellings,
        principal_covered_by=MappingProxyType(
            {k: frozenset(v) for k, v in _kind_lists(data, "principal_covered_by").items()}
        ),
        cfn_wiring=_wiring(data, "cfn_wiring"),
        cfn_openapi=_openapi(data),
        tf_wiring=_wiring(data, "tf_wiring"),
        code=_code_hints(data.get("code_hints", {})),
    )


def _go_type(kind: str, row: Any) -> GoEventType:
    if not isinstance(row, dict) or "go_request" not in row:
        raise VocabularyError(f"package data {_FILE} [kinds.{kind}]: missing 'go_request'; reinstall migrate")
    return GoEventType(
        kind=kind,
        request=str(row["go_request"]),
        response=str(row.get("go_response", "")),
        partial=str(row.get("go_partial", "")),
    )


def _checked(kinds: Any, where: str) -> None:
    unknown = sorted(set(kinds) - set(EVENT_KINDS))
    if unknown:
        raise VocabularyError(f"package data {_FILE} {where}: unknown kinds {unknown}")


def _spelling(data: Mapping[str, Any], section: str, where: str = "") -> Mapping[str, str]:
    raw = data.get(section, {})
    table = {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
    _checked(table.values(), f"[{where or section}]")
    return MappingProxyType(table)


def _kind_lists(data: Mapping[str, Any], section: str, where: str = "") -> dict[str, tuple[str, ...]]:
    raw = data.get(section, {})
    table = {str(k): tuple(str(x) for x in v) for k, v in raw.items()} if isinstance(raw, dict) else {}
    _checked(set(table) | {kind for kinds in table.values() for kind in kinds}, f"[{where or section}]")
    return table


def _entries(data: Mapping[str, Any], section: str) -> list[dict[str, Any]]:
    entries = data.get(section, [])
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def _wiring(data: Mapping[str, Any], section: str) -> Mapping[str, CfnWiring]:
    wiring: dict[str, CfnWiring] = {}
    for entry in _entries(data, section):
        try:
            rule = CfnWiring(
                type=str(entry["type"]),
                items=str(entry.get("items", "")),
                when=tuple((str(k), str(v)) for k, v in entry.get("when", {}).items()),
                values=tuple(str(v) for v in entry["values"]),
                kind=str(entry["kind"]),
            )
        except KeyError as exc:
            raise _missing(section, exc) from exc
        _checked({rule.kind}, f"[[{section}]] {rule.type}")
        wiring[rule.type] = rule
    return MappingProxyType(wiring)


def _missing(section: str, exc: KeyError) -> VocabularyError:
    return VocabularyError(f"package data {_FILE} [[{section}]]: missing {exc}; reinstall migrate")


def _openapi(data: Mapping[str, Any]) -> Mapping[str, OpenApiBody]:
    apis: dict[str, OpenApiBody] = {}
    for entry in _entries(data, "cfn_openapi"):
        try:
            api = OpenApiBody(*(str(entry[key]) for key in ("type", "body", "location", "kind")))
        except KeyError as exc:
            raise _missing("cfn_openapi", exc) from exc
        _checked({api.kind}, f"[[cfn_openapi]] {api.type}")
        apis[api.type] = api
    return MappingProxyType(apis)


def _code_hints(data: Mapping[str, Any]) -> CodeHints:
    properties: dict[tuple[str, str], str] = {}
    for key, kind in _spelling(data, "properties", "code_hints.properties").items():
        parent, _, name = key.partition(".")
        properties[(parent, name)] = kind
    spellings = {name: _spelling(data, name, f"code_hints.{name}") for name in _HINT_SPELLINGS}
    supersedes = _kind_lists(data, "supersedes", "code_hints.supersedes")
    return CodeHints(
        properties=MappingProxyType(properties),
        record_parents=frozenset(str(name) for name in data.get("record_parents", ())),
        **spellings,
        supersedes=tuple(supersedes.items()),
    )
