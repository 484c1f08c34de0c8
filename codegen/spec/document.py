"""A loaded spec: its documents (the root file and every file its `$ref`s reach), with positions.

Nodes are plain JSON values (dicts, lists, scalars) so any JSON tool can read them; positions live
beside them, keyed by JSON pointer, and so survive the in-memory 3.0 → 3.1 upgrade unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from codegen.errors import Diagnostic, Level
from codegen.spec.pointers import parent


def copy_json(value: Any) -> Any:
    """A deep copy of a JSON value; several times faster than copy.deepcopy for this shape of data."""
    if isinstance(value, dict):
        return {k: copy_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [copy_json(v) for v in value]
    return value


class SourceMap:
    """Pointer → 1-based (line, column) in one file, computed at most once and only when asked."""

    def __init__(self, compute: Callable[[], Mapping[str, tuple[int, int]]]) -> None:
        self._compute = compute
        self._positions: Mapping[str, tuple[int, int]] | None = None

    @classmethod
    def of(cls, positions: Mapping[str, tuple[int, int]]) -> SourceMap:
        """A source map whose positions are already known (YAML: the composer recorded them)."""
        return cls(lambda: positions)

    def position(self, pointer: str) -> tuple[int, int] | None:
        """Position of the node at `pointer`, else of its nearest ancestor that has one."""
        if self._positions is None:
            self._positions = self._compute()
        while True:
            found = self._positions.get(pointer)
            if found is not None or pointer == "":
                return found
            pointer = parent(pointer)


@dataclass(frozen=True)
class Document:
    """One parsed file of a spec."""

    uri: str
    """Absolute `file://` URI; `$ref`s in this document resolve against it."""
    display: str
    """How messages name the file: the root as given, the others relative to it."""
    content: Any
    """The parsed JSON value. Treat as read-only: stages that change it build a new Document."""
    source: SourceMap = field(compare=False, repr=False)
    """Positions of the nodes, by JSON pointer."""


@dataclass(frozen=True)
class Spec:
    """A whole spec: the root document and every document reached through `$ref`."""

    root: Document
    """The file given to codegen."""
    documents: Mapping[str, Document]
    """Every document by URI, the root included, in the order they were found."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """Warnings found while loading (duplicate keys, ...); loading errors raise instead."""

    @property
    def content(self) -> Any:
        """The root document's parsed value."""
        return self.root.content

    def diagnostic(
        self, level: Level, message: str, uri: str, pointer: str, *, lazy: bool = False
    ) -> Diagnostic:
        """A diagnostic located at `pointer` in the document `uri` (file, line and column filled in;
        `lazy`: looked up only when the diagnostic is printed, see `Diagnostic.located`)."""
        document = self.documents.get(uri)
        if document is None:
            return Diagnostic(level, message, pointer, uri)
        if lazy:
            return Diagnostic(level, message, pointer, document.display, locator=document.source)
        position = document.source.position(pointer)
        line, column = position if position is not None else (None, None)
        return Diagnostic(level, message, pointer, document.display, line, column)

    def line(self, display: str, pointer: str) -> int | None:
        """1-based line of the node at `pointer` in the document messages call `display` (an IR
        `Origin`'s file), when it is known."""
        for document in self.documents.values():
            if document.display == display:
                position = document.source.position(pointer)
                return position[0] if position is not None else None
        return None

    def where(self, uri: str, pointer: str) -> str:
        """`file:line:column #pointer` of a node, for messages that name a second place."""
        return self.diagnostic(Level.NOTICE, "", uri, pointer).location()
