"""The blocker rule registry: every rule a registry checks is a known rule, and the reverse."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from migrator.scan.blockers import CODE_RULES, REGISTRIES, RULES, DependencySite, Site, Subject, find_blockers
from migrator.scan.collect import analyze_file
from migrator.scan.config.model import FunctionConfig
from migrator.scan.jsparse import Grammars
from migrator.scan.model import Dependency
from migrator.scan.ruleset import Check, Hit, Registry, Rule
from migrator.scan.tables import Tables


def subject(source: str, timeout_s: int | None = None) -> Subject:
    facts = analyze_file("h.js", source.encode(), "javascript", Grammars())
    cfg = FunctionConfig("fn", "serverless.yml", 7, Path("."), "h.handler", timeout_s=timeout_s)
    where = Site("h.js", 1, "serverless.yml", 7)
    return Subject([facts], [], "async", cfg, where, Tables.load())


def test_every_registered_rule_is_a_known_rule_and_every_known_rule_is_found_somewhere() -> None:
    registered = {rule.id for registry in REGISTRIES for rule in registry.rules}
    assert registered <= set(RULES)
    assert set(RULES) - registered == {"unresolved-handler"}  # found while assembling the function
    assert all(RULES[rule.id] == rule for registry in REGISTRIES for rule in registry.rules)


def test_file_rules_report_in_registry_order_each_where_it_stands() -> None:
    found = find_blockers(subject("let n = 0\nexports.handler = async () => { n = eval('1') }\n", 800))
    assert [(b.rule, b.file, b.line) for b in found] == [
        ("eval", "h.js", 2),
        ("global-state", "h.js", 2),  # where the module-level `n` is reassigned
        ("long-running", "serverless.yml", 7),
    ]
    assert found[2].message.startswith("timeout 800 s leaves no margin")


def test_a_new_rule_is_one_function_in_a_registry() -> None:
    todo = Rule("todo", "LeavesTodo", "info", "leaves a TODO")

    def todo_comment(s: Subject) -> Iterator[Hit]:
        if s.cfg.name == "fn":
            yield Hit("a TODO", s.where.handler_file, s.where.handler_line)

    registry = Registry(function=(Check(todo, todo_comment),))
    found = find_blockers(subject("exports.handler = async () => 1\n"), (CODE_RULES, registry))
    assert [(b.rule, b.severity, b.message) for b in found] == [("todo", "info", "a TODO")]


def test_only_the_first_dependency_rule_that_applies_reports_a_dependency() -> None:
    native = Dependency("bcrypt", "^5.0.0", "", "unmapped", "a native addon")
    spawner = Dependency("child_process", None, "os/exec", "stdlib", "")
    plain = Dependency("left-pad", "^1.0.0", "", "unmapped", "not in the table")
    sites = [DependencySite(dep, "h.js", n) for n, dep in enumerate((native, spawner, plain), start=1)]
    base = subject("exports.handler = async () => 1\n")
    found = find_blockers(Subject(base.files, sites, "async", base.cfg, base.where, base.tables))
    assert [(b.rule, b.line) for b in found] == [
        ("native-addon", 1),  # not unmapped-dependency as well
        ("child-process", 2),
        ("unmapped-dependency", 3),
    ]
