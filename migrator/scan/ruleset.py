"""What a blocker rule is, what it looks at, and how a registry of rules runs over one function.

A rule is a small function registered with its `Rule` (id, readable name, severity, summary) in a
`Registry`, by what it looks at: each dependency, each import, each file, or the whole function.
The rules themselves are in `blockers.py` (code) and `platform.py` (what the platform provides).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, NamedTuple, TypeVar

from migrator.scan.config.model import FunctionConfig
from migrator.scan.filefacts import FileFacts, ImportRef
from migrator.scan.model import Blocker, Dependency, Severity
from migrator.scan.tables import Tables


@dataclass(frozen=True)
class Rule:
    id: str
    name: str  #: a readable name, distinct from the id (SARIF asks for both)
    severity: Severity
    summary: str


class DependencySite(NamedTuple):
    """Where the function first imports a dependency.

    This and the two below are NamedTuples, not frozen dataclasses: several are built for every
    function, and a frozen dataclass's `__init__` (an `object.__setattr__` a field) costs far more.
    """

    dependency: Dependency
    file: str
    line: int


class Site(NamedTuple):
    """Where a function's handler and its config entry stand, to locate function-wide blockers."""

    handler_file: str | None
    handler_line: int | None
    config_file: str | None
    config_line: int | None


class Subject(NamedTuple):
    """One function as the rules see it: the files it reaches, its dependencies, its config."""

    files: Sequence[FileFacts]
    dependencies: Sequence[DependencySite]
    handler_style: str | None
    cfg: FunctionConfig
    where: Site
    tables: Tables
    #: blockers of each file's imports and file checks, by (registry, path, scope): a helper module
    #: reached by many functions is checked once (the assembly of a scan passes one dict)
    file_cache: dict[tuple[int, str, str | None], list[Blocker]] | None = None


@dataclass(frozen=True)
class Hit:
    """One blocker a rule found: its one-line advice and where it stands."""

    message: str
    file: str | None
    line: int | None


#: A dependency's message, or None when the rule does not apply (located at the import site).
DependencyCheck = Callable[[DependencySite, Subject], "str | None"]
#: An import's message, or None (located at the import).
ImportCheck = Callable[[ImportRef], "str | None"]
#: (line, message) of every blocker in one file.
FileCheck = Callable[[FileFacts], Iterator[tuple[int, str]]]
#: The blockers of the function as a whole.
FunctionCheck = Callable[[Subject], Iterator[Hit]]


C = TypeVar("C")


@dataclass(frozen=True)
class Check(Generic[C]):
    """A rule and the function that finds its blockers."""

    rule: Rule
    find: C


@dataclass(frozen=True)
class Registry:
    """Checks by what they look at, each scope in the order its blockers are reported."""

    dependency: tuple[Check[DependencyCheck], ...] = ()  #: the first that applies to a dependency
    imports: tuple[Check[ImportCheck], ...] = ()  #: the first that applies to an import
    file: tuple[Check[FileCheck], ...] = ()  #: each, on every file
    function: tuple[Check[FunctionCheck], ...] = ()  #: each, once

    @property
    def rules(self) -> tuple[Rule, ...]:
        """The rules its checks find, each once."""
        rules = [c.rule for c in self.dependency] + [c.rule for c in self.imports]
        rules += [c.rule for c in self.file] + [c.rule for c in self.function]
        return tuple(dict.fromkeys(rules))

    def blockers(self, subject: Subject) -> list[Blocker]:
        """The blockers of one function: dependency, import, file, then function-wide checks."""
        out: list[Blocker] = []
        for site in subject.dependencies:
            for dependency_check in self.dependency:
                message = dependency_check.find(site, subject)
                if message is not None:
                    out.append(_blocker(dependency_check.rule, message, site.file, site.line))
                    break
        cache = subject.file_cache
        registry = id(self)
        for facts in subject.files if self.imports or self.file else ():
            key = (registry, facts.path, facts.scope)
            found = cache.get(key) if cache is not None else None
            if found is None:
                found = self._file_blockers(facts)
                if cache is not None:
                    cache[key] = found
            out += found
        for function_check in self.function:
            rule = function_check.rule
            for hit in function_check.find(subject):
                out.append(_blocker(rule, hit.message, hit.file, hit.line))
        return out

    def _file_blockers(self, facts: FileFacts) -> list[Blocker]:
        """The blockers of one file's imports (the first check that applies to each), then its own."""
        out: list[Blocker] = []
        if self.imports:
            for ref in facts.imports:
                for import_check in self.imports:
                    message = import_check.find(ref)
                    if message is not None:
                        out.append(_blocker(import_check.rule, message, facts.path, ref.line))
                        break
        for check in self.file:
            out.extend(_blocker(check.rule, message, facts.path, line) for line, message in check.find(facts))
        return out


def _blocker(rule: Rule, message: str, file: str | None, line: int | None) -> Blocker:
    return Blocker(rule.id, rule.severity, message, file, line)
