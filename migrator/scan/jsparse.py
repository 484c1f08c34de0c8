"""tree-sitter parsers and compiled queries for JavaScript and TypeScript, owned by one object.

The grammar is chosen by file extension: `.ts/.mts/.cts` use typescript, `.tsx` tsx, the rest
javascript. Languages, parsers and queries are built once per `Grammars` and reused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from typing import Literal

import tree_sitter as ts

from codegen.interrupts import held_back

GrammarName = Literal["javascript", "typescript", "tsx"]

SOURCE_EXTENSIONS: tuple[str, ...] = (".ts", ".mts", ".cts", ".js", ".mjs", ".cjs", ".tsx", ".jsx")
TYPESCRIPT_EXTENSIONS = frozenset({".ts", ".mts", ".cts", ".tsx"})


def grammar_for(suffix: str) -> GrammarName:
    """The grammar that parses files with this extension (with its dot)."""
    if suffix == ".tsx":
        return "tsx"
    if suffix in TYPESCRIPT_EXTENSIONS:
        return "typescript"
    return "javascript"


def _load_query_source(name: str) -> str:
    return resources.files("migrator.scan.queries").joinpath(name).read_text(encoding="utf-8")


#: Query files in migrator/scan/queries: the facts every file is read for, Lambda's Node-only
#: globals, read only from files that name `awslambda`, and the event shape, read only from files
#: that a function without a configured trigger reaches (see migrator.scan.collect).
QueryName = Literal["facts.scm", "globals.scm", "events.scm"]


@dataclass
class Grammars:
    """Lazily built tree-sitter languages, parsers and queries, one of each per grammar."""

    _languages: dict[GrammarName, ts.Language] = field(default_factory=dict)
    _parsers: dict[GrammarName, ts.Parser] = field(default_factory=dict)
    _queries: dict[tuple[GrammarName, QueryName], ts.Query] = field(default_factory=dict)
    _query_sources: dict[QueryName, str] = field(default_factory=dict)

    def language(self, grammar: GrammarName) -> ts.Language:
        lang = self._languages.get(grammar)
        if lang is None:
            # The grammar packages load on first use: a folder with no source never pays for them.
            import tree_sitter_javascript
            import tree_sitter_typescript

            if grammar == "javascript":
                lang = ts.Language(tree_sitter_javascript.language())
            elif grammar == "typescript":
                lang = ts.Language(tree_sitter_typescript.language_typescript())
            else:
                lang = ts.Language(tree_sitter_typescript.language_tsx())
            self._languages[grammar] = lang
        return lang

    def parse(self, source: bytes, grammar: GrammarName) -> ts.Tree:
        parser = self._parsers.get(grammar)
        if parser is None:
            parser = ts.Parser(self.language(grammar))
            self._parsers[grammar] = parser
        return parser.parse(source)

    def facts_query(self, grammar: GrammarName) -> ts.Query:
        return self.query(grammar, "facts.scm")

    def query(self, grammar: GrammarName, name: QueryName) -> ts.Query:
        """The compiled query of a file in migrator/scan/queries, compiled on first use."""
        query = self._queries.get((grammar, name))
        if query is None:
            source = self._query_sources.get(name)
            if source is None:
                source = self._query_sources[name] = _load_query_source(name)
            # py-tree-sitter compiles a pattern's regular expressions through Python and reports any
            # exception as a bad pattern: a Ctrl-C or SIGTERM landing there became "Invalid predicate
            # ... regular expression error". Held back, it is raised once the query is compiled.
            with held_back():
                query = self._queries[grammar, name] = ts.Query(self.language(grammar), source)
        return query
