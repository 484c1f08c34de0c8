"""Parse and query a project's handler files in runs, before their facts are read.

tree-sitter's parser and query engine run fastest while their tables stay in the CPU's caches:
the Python work of reading one file's facts between two parses evicts them (a parse then costs
about a third more than in a loop of parses). So the handlers a project's config names are
parsed `RUN` at a time, grouped by grammar, then queried, and their facts are read afterwards,
file by file, in the order the scan asks for them. Nothing here decides what is read: a file
that is never asked for is dropped, and one asked for with other queries is read again in full
(see `Prefetch.take`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import tree_sitter as ts

from migrator.scan.captures import Captures, captures
from migrator.scan.files import SOURCE_LIMIT, Reader, Unreadable
from migrator.scan.jsparse import GrammarName, Grammars
from migrator.scan.samefiles import SameFiles, content_key
from migrator.scan.syntax import too_deep

#: Files parsed in one run: enough to keep the caches warm, few enough to hold their trees.
RUN = 32
#: Deeper than any real code; far below where tree-sitter's query slows down and loses captures.
MAX_DEPTH = 3000


@dataclass(frozen=True)
class Parsed:
    """One file parsed, and queried unless it nests too deeply."""

    source: bytes  #: valid UTF-8 (see `valid_utf8`)
    tree: ts.Tree
    deep: ts.Node | None  #: the first node nested more than MAX_DEPTH levels, if any
    caps: Captures  #: empty when `deep`
    events: bool  #: whether events.scm was run (see FileFacts.events_read)


def valid_utf8(source: bytes) -> bytes:
    """tree-sitter's text predicates decode node text strictly and fail inside the query: make the
    bytes valid UTF-8 first (a column on a line holding a bad byte may shift by two per byte)."""
    try:
        source.decode("utf-8")
    except UnicodeDecodeError:
        return source.decode("utf-8", "replace").encode("utf-8")
    return source


def parse(source: bytes, grammar: GrammarName, grammars: Grammars) -> tuple[bytes, ts.Tree, ts.Node | None]:
    """The valid bytes, their tree, and the node that nests too deeply, if any."""
    source = valid_utf8(source)
    tree = grammars.parse(source, grammar)
    # A tree gains at most about one level per byte, so only larger files can be too deep.
    deep = too_deep(tree.root_node, MAX_DEPTH) if len(source) > MAX_DEPTH else None
    return source, tree, deep


def query(
    grammar: GrammarName,
    grammars: Grammars,
    source: bytes,
    tree: ts.Tree,
    deep: ts.Node | None,
    events: bool,
) -> Parsed:
    """`tree` queried (facts.scm, and globals.scm and events.scm where they matter: see captures)."""
    if deep is not None:
        return Parsed(source, tree, deep, {}, events)
    caps = captures(tree.root_node, source, events, grammars.query, grammar)
    return Parsed(source, tree, deep, caps, events)


class Prefetch:
    """The handler files a project will read, parsed and queried `RUN` at a time on first demand."""

    def __init__(self, grammars: Grammars, reader: Reader, same: SameFiles) -> None:
        self.grammars = grammars
        self.reader = reader
        self.same = same  #: the facts of file contents read before: those are not parsed again
        self.pending: dict[Path, tuple[GrammarName, bool]] = {}  #: path → (grammar, events), in order
        self.ready: dict[Path, Parsed] = {}

    def plan(self, path: Path, grammar: GrammarName, events: bool) -> None:
        """`path` will likely be read, with events.scm when `events`."""
        self.pending.setdefault(path, (grammar, events))

    def take(self, path: Path, events: bool) -> Parsed | None:
        """`path` parsed and queried as asked, or None (not planned, unreadable, other queries)."""
        if path in self.pending and path not in self.ready:
            self._run(path)
        self.pending.pop(path, None)
        parsed = self.ready.pop(path, None)
        return parsed if parsed is not None and parsed.events == events else None

    def clear(self) -> None:
        self.pending.clear()
        self.ready.clear()

    def _run(self, first: Path) -> None:
        """Read and parse `first` and the next planned files, then query them all."""
        run: list[tuple[Path, GrammarName, bool]] = []
        started = False
        for path, (grammar, events) in self.pending.items():
            started = started or path == first
            if started and path not in self.ready:
                run.append((path, grammar, events))
                if len(run) == RUN:
                    break
        run.sort(key=lambda planned: planned[1])  # one grammar's tables at a time (about 1 % less CPU)
        trees = []
        for path, grammar, events in run:
            try:
                source = self.reader.read_bytes(path, SOURCE_LIMIT)
            except Unreadable:
                del self.pending[path]  # read again when asked for (not in a run), and reported then
                continue
            if content_key(source, grammar, True, events) in self.same:
                del self.pending[path]  # a copy of a handler read before: its facts are reused
                continue
            trees.append((path, grammar, events, *parse(source, grammar, self.grammars)))
        for path, grammar, events, source, tree, deep in trees:
            self.ready[path] = query(grammar, self.grammars, source, tree, deep, events)
