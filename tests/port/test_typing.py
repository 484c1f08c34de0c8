"""The typing rules: a let/const gets a Go type only when every value it can hold is proven of that
type; an annotation that cannot be proven (a lying one included) is reported and the binding stays a
jsrt.Value. The Go the typed bindings print as builds, vets and keeps JavaScript's arithmetic."""

from __future__ import annotations

from pathlib import Path

from migrator.port.modules import build_graph
from migrator.port.render import render_port
from migrator.port.typing_rules import ModuleTyping, infer_module
from tests.conftest import WriteTree


def _typing(write_tree: WriteTree, source: str, name: str = "handler.ts") -> ModuleTyping:
    root = write_tree({name: source})
    graph = build_graph(root, root / name, lambda spec: False)
    return infer_module(graph.modules[0])


def _types(typing: ModuleTyping) -> dict[str, str]:
    return {b.name: b.type for b in typing.typed}


def _why(typing: ModuleTyping) -> dict[str, str]:
    return {u.name: u.why for u in typing.unverified}


def test_proven_annotations_and_inferred_bindings_are_typed(write_tree: WriteTree) -> None:
    typing = _typing(
        write_tree,
        """
        const RATE: number = 0.1;
        const LIMIT = 100;
        export const handler = async (event: any) => {
          const count: number = Number(event.count);
          let total: number = 0;
          for (let i = 0; i < count; i++) total += i * RATE;
          const big: boolean = total > LIMIT && count !== 0;
          const label: string = `n=${count}`;
          const width = label.length + Math.floor(total);
          let done = false;
          done ||= big;
          return { total, big, width, done };
        };
        """,
    )
    assert _types(typing) == {
        "RATE": "number",
        "LIMIT": "number",
        "count": "number",
        "total": "number",
        "i": "number",
        "big": "boolean",
        "label": "string",
        "width": "number",
        "done": "boolean",
    }
    assert {b.name for b in typing.typed if b.annotated} == {"RATE", "count", "total", "big", "label"}
    assert typing.unverified == ()
    # strings are proven but stay jsrt.Value (UTF-16); numbers and booleans become Go types
    assert typing.go_types() == {n: "float64" for n in ("RATE", "LIMIT", "count", "total", "i", "width")} | {
        "big": "bool",
        "done": "bool",
    }


def test_a_lying_or_unprovable_annotation_is_reported_and_not_used(write_tree: WriteTree) -> None:
    typing = _typing(
        write_tree,
        """
        interface Item { sku: string }
        export const handler = async (event: any) => {
          const n: number = JSON.parse(event.text);
          let grows: number = 1;
          grows += event.extra;
          let pair: number = 0;
          [pair] = event.list;
          var early: number = 1;
          let later: number;
          later = 2;
          const item: Item = { sku: 'a' };
          const dup: number = 1;
          const f = (dup: number) => dup;
          let flag: boolean = true;
          flag = event.on;
          return [n, grows, pair, early, later, item, dup, f, flag];
        };
        """,
    )
    assert _types(typing) == {}
    assert _why(typing) == {
        "n": "the initial value is not proven a number",
        "grows": "an assignment (`+=`) is not proven a number",
        "pair": "assigned by destructuring",
        "early": "`var` is undefined before its declaration runs",
        "later": "declared without a value: undefined until assigned",
        "item": "`Item` is kept as jsrt.Value (number, boolean and string are typed)",
        "dup": "the name is declared more than once in the module",
        "flag": "an assignment (`=`) is not proven a boolean",
    }
    assert [u.line for u in typing.unverified] == [3, 4, 6, 8, 9, 11, 12, 13, 14]


def test_losing_one_proof_drops_the_bindings_that_relied_on_it(write_tree: WriteTree) -> None:
    typing = _typing(
        write_tree,
        """
        export const handler = async (event: any) => {
          let a: number = 1;
          const b: number = a + 2;
          let c: number = 3;
          a = event.value;
          c = b - 1;
          return [a, b, c];
        };
        """,
    )
    assert _types(typing) == {"c": "number"}
    assert _why(typing) == {
        "a": "an assignment (`=`) is not proven a number",
        "b": "the initial value is not proven a number",
    }


def test_a_parameter_is_typed_only_when_every_call_is_seen(write_tree: WriteTree) -> None:
    typing = _typing(
        write_tree,
        """
        function clamp(v: number, on: boolean): number { return on ? v : 0; }
        const twice = (n: number) => n * 2;
        export function shared(s: number) { return s; }
        function spread(p: number) { return p; }
        function missing(q: number, r: number) { return q + r; }
        function passed(w: number) { return w; }
        const api = { method(m: number) { return m; } };
        function opt(o?: number, d: number = 1) { return [o, d]; }
        export const handler = async (event: any) => {
          const a: number = Number(event.a);
          return [clamp(a, a > 1), clamp(a * 2, !event.on), twice(a), spread(...event.list), missing(1),
                  [1].map(passed), api.method(2), opt(1, 2)];
        };
        """,
    )
    typed = {b.name: (b.type, b.line) for b in typing.typed}
    assert typed == {
        "v": ("number", 1),
        "on": ("boolean", 1),
        "n": ("number", 2),
        "q": ("number", 5),  # missing(1): the one argument is a number, the second is never passed
        "a": ("number", 10),
    }
    assert _why(typing) == {
        "s": "the function is exported, passed, stored or a method: its callers are unknown",
        "p": "a call spreads its arguments",
        "r": "a call passes no value there",
        "w": "the function is exported, passed, stored or a method: its callers are unknown",
        "m": "the function is exported, passed, stored or a method: its callers are unknown",
        "d": "a default value or a destructuring pattern (only plain parameters are typed)",
    }


def test_a_global_the_module_writes_through_proves_nothing(write_tree: WriteTree) -> None:
    typing = _typing(
        write_tree,
        """
        Math.floor = (x: any) => String(x);
        const n: number = Math.floor(2.5);
        const m: number = Math.ceil(2.5);
        export const handler = async () => [n, m];
        """,
    )
    assert _types(typing) == {}
    assert set(_why(typing)) == {"n", "m"}


def test_javascript_files_type_nothing_without_annotations(write_tree: WriteTree) -> None:
    typing = _typing(
        write_tree, "const n = 1;\nlet s = 'a';\nexports.handler = async () => [n, s];\n", "h.js"
    )
    assert typing.typed == () and typing.unverified == ()


def test_typed_go_keeps_javascripts_rounding(write_tree: WriteTree, tmp_path: Path) -> None:
    """A product is rounded before it is added (no fused multiply-add), constants are left to jsrt
    (Go folds them exactly and has no -0), a division by the constant 0 is left to jsrt (a compile
    error in Go), and a value that reaches a typed binding through jsrt is unwrapped by AsNumber."""
    root = write_tree(
        {
            "handler.ts": """
            export const handler = async (event: any) => {
              const a: number = Number(event.a);
              const b: number = a * 10 - 1;
              const z: number = -0;
              const inf: number = a / 0;
              const c: number = 0.1 + 0.2;
              const d: number = Math.floor(a) % 3;
              let on: boolean = a > 1;
              on = !on;
              return [b, z, inf, c, d, on];
            };
            """
        }
    )
    graph = build_graph(root, root / "handler.ts", lambda spec: False)
    go = render_port("example.com/m", graph.modules, (), "handler", False)
    assert 'v_a = jsrt.ToNumber(jsrt.GetS(v_event, "a"))' in go
    assert "v_b = (float64(v_a*10) - 1)" in go
    assert "v_z = jsrt.AsNumber(jsrt.Neg(jsrt.Num(0)))" in go
    assert "v_inf = jsrt.AsNumber(jsrt.Div(jsrt.Num(v_a), jsrt.Num(0)))" in go
    assert "v_c = jsrt.AsNumber(jsrt.Add(jsrt.Num(0.1), jsrt.Num(0.2)))" in go
    assert "v_d = math.Mod(math.Floor(v_a), 3)" in go
    assert "v_on = v_a > 1" in go and "v_on = !(v_on)" in go
