"""What a blocker rule is, what it looks at, and how a registry of rules runs over one function.

A rule is a small function registered with its `Rule` (id, readable name, severity, summary) in a
`Registry`, by what it looks at: each dependency, each import, each file, or the whole function.
The rules themselves are in `blockers.py` (code) and `platform.py` (what the platform provides).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

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


@dataclass(frozen=True)
class DependencySite:
    """Where the function first imports a dependency."""

    dependency: Dependency
    file: str
    line: int


@dataclass(frozen=True)
class Site:
    """Where a function's handler and its config entry stand, to locate function-wide blockers."""

    handler_file: str | None
    handler_line: int | None
    config_file: str | None
    config_line: int | None


@dataclass(frozen=True)
class Subject:
    """One function as the rules see it: the files it reaches, its dependencies, its config."""

    files: Sequence[FileFacts]
    dependencies: Sequence[DependencySite]
    handler_style: str | None
    cfg: FunctionConfig
    where: Site
    tables: Tables


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
            out.extend(
                _first(((c.rule, c.find(site, subject)) for c in self.dependency), site.file, site.line)
            )
        for facts in subject.files:
            for ref in facts.imports:
                out.extend(_first(((c.rule, c.find(ref)) for c in self.imports), facts.path, ref.line))
            for check in self.file:
                out.extend(
                    _blocker(check.rule, message, facts.path, line) for line, message in check.find(facts)
                )
        for function_check in self.function:
            out.extend(
                _blocker(function_check.rule, h.message, h.file, h.line) for h in function_check.find(subject)
            )
        return out


def _first(found: Iterable[tuple[Rule, str | None]], file: str, line: int) -> list[Blocker]:
    for rule, message in found:
        if message is not None:
            return [_blocker(rule, message, file, line)]
    return []


def _blocker(rule: Rule, message: str, file: str | None, line: int | None) -> Blocker:
    return Blocker(rule.id, rule.severity, message, file, line)
