"""TypeScript enums: the object TypeScript builds (numbers mapped back to names, strings not),
counting on from the previous number; what stays reported (golden proves the values against node:
tests/port/test_verify.py, fixture `enums`)."""

from __future__ import annotations

import pytest

from migrator.port import ir
from migrator.port.modules import build_graph
from tests.conftest import WriteTree


def num(n: float) -> ir.Lit:
    return ir.Lit("num", float(n))


def text(s: str) -> ir.Lit:
    return ir.Lit("str", s)


def _lower(write_tree: WriteTree, source: str) -> ir.Module:
    root = write_tree({"index.ts": source})
    return build_graph(root, root / "index.ts", lambda spec: False).modules[0]


def test_an_enum_is_the_object_typescript_builds(write_tree: WriteTree) -> None:
    module = _lower(write_tree, "enum E { A, B = 5, C, D = 'x', F = -2, G }\nexport const v = E.C;\n")
    assert module.untranslated == ()
    decl = module.body[0]
    assert isinstance(decl, ir.Decl) and decl.kind == "var" and isinstance(decl.init, ir.ObjectLit)
    pairs = [(p.key, p.value) for p in decl.init.items if isinstance(p, ir.Prop)]
    assert pairs == [
        ("A", num(0)), (num(0), text("A")),
        ("B", num(5)), (num(5), text("B")),
        ("C", num(6)), (num(6), text("C")),
        ("D", text("x")),
        ("F", num(-2)), (num(-2), text("F")),
        ("G", num(-1)), (num(-1), text("G")),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("source", "construct"),
    [
        ("enum E { A = 'a', B }", "enum member"),
        ("enum E { A = 1 << 2 }", "enum member"),
        ("enum E { A = 'a'.length }", "enum member"),
        ("enum E { A }\nenum E { B = 1 }", "enum declaration"),
        ("declare enum E { A }", "ambient declaration"),
    ],
)
def test_enums_outside_the_subset_are_reported(write_tree: WriteTree, source: str, construct: str) -> None:
    module = _lower(write_tree, source + "\nexport const v = E.A;\n")
    assert construct in [u.construct for u in module.untranslated]
    assert not any(u.construct.startswith("global") for u in module.untranslated)  # E stays declared
