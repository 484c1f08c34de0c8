"""Classes: what translates (methods, statics, fields, inheritance: golden proves them against node
in tests/port/test_verify.py, fixture `classes`) and what stays reported, at its line."""

from __future__ import annotations

import pytest

from migrator.port import ir
from migrator.port.modules import build_graph
from tests.conftest import WriteTree


def _lower(write_tree: WriteTree, source: str, name: str = "index.ts") -> ir.Module:
    root = write_tree({name: source})
    return build_graph(root, root / name, lambda spec: False).modules[0]


def test_a_plain_class_keeps_its_members(write_tree: WriteTree) -> None:
    module = _lower(
        write_tree,
        """
        export class Service implements Runner {
          static version = 2;
          private cache: Map<string, number> = new Map();
          run(x: number): number;
          constructor(private readonly table: string) {}
          async get(key: string) { return this.cache.get(key); }
          static create() { return new Service('t'); }
        }
        """,
    )
    assert module.untranslated == ()
    (decl, _export) = module.body
    assert isinstance(decl, ir.Decl) and isinstance(decl.init, ir.Class)
    cls = decl.init
    assert cls.parent is None and cls.super_args == ()
    methods = [(m.key, m.static, m.func.is_async) for m in cls.methods]
    assert methods == [("get", False, True), ("create", True, False)]
    assert [key for key, _ in cls.statics] == ["version"]
    assigns = [s.expr for s in cls.body if isinstance(s, ir.ExprStmt) and isinstance(s.expr, ir.Assign)]
    assert [a.target for a in assigns] == [ir.Member(ir.This(), "cache"), ir.Member(ir.This(), "table")]
    assert [key for key, _ in cls.statics] == ["version"]
    assert [
        s.expr.target for s in cls.body if isinstance(s, ir.ExprStmt) and isinstance(s.expr, ir.Assign)
    ] == [
        ir.Member(ir.This(), "cache"),
        ir.Member(ir.This(), "table"),
    ]


@pytest.mark.parametrize(
    ("member", "construct"),
    [
        ("get size() { return 1; }", "accessor or generator method"),
        ("*items() { yield 1; }", "accessor or generator method"),
        ("#secret = 1;", "private field"),
        ("['a' + 'b']() {}", "computed class member"),
        ("@Get() list() {}", "decorator"),
        ("static self = this;", "static field"),
        ("static again = Box.name;", "static field"),
        ("static { init(); }", "class member in Box"),
    ],
)
def test_members_outside_the_subset_are_reported(write_tree: WriteTree, member: str, construct: str) -> None:
    module = _lower(write_tree, f"class Box {{\n  {member}\n}}\nmodule.exports = Box;\n", "index.js")
    assert [(u.line, u.construct) for u in module.untranslated] == [(2, construct)]


def test_a_derived_constructor_must_call_super_first(write_tree: WriteTree) -> None:
    source = "class A {}\nclass B extends A {\n  constructor() {\n    log();\n    super();\n  }\n}\n"
    module = _lower(write_tree, source + "module.exports = B;\n", "index.js")
    assert [(u.line, u.construct) for u in module.untranslated] == [(3, "constructor")]


def test_decorated_classes_are_reported(write_tree: WriteTree) -> None:
    module = _lower(write_tree, "@Injectable()\nexport class S {}\n")
    assert [u.construct for u in module.untranslated] == ["decorated class S"]
