"""Infer a function's event sources from its code when its config does not declare any.

The signals are the event fields the code reads (`record.Sns`, `.s3.bucket`, `.receiptHandle`,
`requestContext.http`, `httpMethod`, `methodArn`…), string literals that only appear in one kind
of event (`"aws:sqs"`, `"Scheduled Event"`) and the shape of what the handler returns. Which
signal shows which kind is the vocabulary's `[code_hints]` (`data/events.toml`).
"""

from __future__ import annotations

from collections.abc import Sequence

from migrator.scan.filefacts import FileFacts
from migrator.scan.model import EVENT_KINDS, EventEvidence
from migrator.scan.vocabulary import CodeHints, vocabulary


class _Evidence:
    def __init__(self) -> None:
        self.first: dict[str, EventEvidence] = {}

    def add(self, kind: str, facts: FileFacts, line: int, detail: str) -> None:
        if kind not in self.first:
            self.first[kind] = EventEvidence(kind, "code", facts.path, line, detail)


def infer_events(
    files: Sequence[FileFacts], event_param: str | None, hints: CodeHints | None = None
) -> tuple[EventEvidence, ...]:
    """Event kinds the code shows, in vocabulary order; empty when nothing is conclusive.

    `hints` are the vocabulary's code hints (`data/events.toml`); None = the packaged ones.
    """
    hints = hints or vocabulary().code
    seen = _Evidence()
    weak = _Evidence()  # response shape only: used when nothing else speaks
    for facts in files:
        _read_hints(facts, event_param, hints, seen)
        for key in facts.return_keys:
            kind = hints.returns.get(key.value)
            if kind is not None:
                seen.add(kind, facts, key.line, f"returns {key.value}")
            elif key.value in hints.weak_returns:
                weak.add(hints.weak_returns[key.value], facts, key.line, f"returns {key.value}")
    kinds = dict(seen.first)
    for kind, dropped in hints.supersedes:
        if kind in kinds:
            for other in dropped:
                kinds.pop(other, None)
    if not kinds and not any(f.syntax_errors for f in files):
        # The response shape alone is a weak hint: never taken from a file that does not parse.
        kinds = dict(weak.first)
    return tuple(kinds[k] for k in EVENT_KINDS if k in kinds)


def _read_hints(facts: FileFacts, event_param: str | None, hints: CodeHints, seen: _Evidence) -> None:
    """The strong hints of one file: properties read, literals compared with, names destructured."""
    for prop in facts.props:
        kind = hints.property_kind(prop.parent, prop.name)
        if kind is None and prop.parent in hints.record_parents:
            kind = hints.record_properties.get(prop.name)
        if kind is None and prop.parent == event_param:
            kind = hints.event_properties.get(prop.name)
        if kind is not None:
            seen.add(kind, facts, prop.line, f"reads .{prop.parent}.{prop.name}")
    for literal in facts.literals:
        kind = hints.literals.get(literal.value)
        if kind is not None:
            seen.add(kind, facts, literal.line, f"compares with {literal.value!r}")
    for name in facts.destructured:
        kind = hints.destructured.get(name.value)
        if kind is not None:
            seen.add(kind, facts, name.line, f"destructures {name.value}")
