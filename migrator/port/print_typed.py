"""Go for typed bindings (`typing_rules`): a proven `number` binding is a Go float64, a proven `boolean` a
Go bool; arithmetic and comparisons between proven numbers print as Go's own operators.

Go's float64 operators are IEEE 754 binary64 like JavaScript's numbers, with three traps avoided here:
a product is converted explicitly (`float64(a * b)`) so Go may not fuse it into a multiply-add (it may
on arm64, and the rounding would differ); an expression of constants only is left to jsrt (Go folds
constants exactly and has no negative zero); a division by the constant 0 is left to jsrt (a compile
error in Go). Everything else reaches the typed binding through `jsrt.AsNumber` / `jsrt.AsBoolean`,
which only unwrap a value proven to be of that kind.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

from migrator.port import ir
from migrator.port.gotext import var
from migrator.port.types_expr import BOOLEAN, NUMBER, Typer

if TYPE_CHECKING:
    from migrator.port.print_expr import PrintState

_NATIVE = frozenset({"+", "-", "*", "/", "%"})
_COMPARE = frozenset({"<", "<=", ">", ">=", "===", "!==", "==", "!="})
_MATH = {"floor": "Floor", "ceil": "Ceil", "trunc": "Trunc", "abs": "Abs", "sqrt": "Sqrt"}
_GO_COMPARE = {"===": "==", "!==": "!=", "==": "==", "!=": "!="}


class Native(NamedTuple):
    """A Go float64 expression: its text, whether it is a constant, whether it calls package math."""

    text: str
    const: bool
    math: bool = False


class TypedPrinting:
    """Mixed into the expression printer; `expr`/`cond` come from it."""

    state: PrintState
    typer: Typer
    go_types: dict[str, str]  #: binding → Go type (float64, bool)

    def expr(self, e: ir.Expr) -> str:  # pragma: no cover - ExprPrinter provides it
        raise NotImplementedError

    def cond(self, e: ir.Expr) -> str:  # pragma: no cover - ExprPrinter provides it
        raise NotImplementedError

    def typed_name(self, name: str) -> str | None:
        """A typed binding read as a jsrt.Value, or None when the binding is a jsrt.Value already."""
        go = self.go_types.get(name)
        if go == "float64":
            return f"jsrt.Num({var(name)})"
        if go == "bool":
            return f"jsrt.Bool({var(name)})"
        return None

    def use(self, native: Native) -> str:
        """The text of a native expression that is printed (its `math` import recorded)."""
        if native.math:
            self.state.imports.add("math")
        return native.text

    def native_num(self, e: ir.Expr) -> Native | None:
        """A Go float64 expression for `e`, or None when jsrt prints it (no side effect: the caller
        that prints it calls `use`)."""
        if isinstance(e, ir.Lit) and e.kind == "num":
            value = float(e.value)
            if not math.isfinite(value):
                return None
            return Native(str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value), True)
        if isinstance(e, ir.Name) and self.go_types.get(e.name) == "float64":
            return Native(var(e.name), False)
        if isinstance(e, ir.Unary) and e.op in ("-", "+"):
            inner = self.native_num(e.operand)
            if inner is None or inner.const:
                return None
            return Native(f"(-{inner.text})" if e.op == "-" else inner.text, False, inner.math)
        if isinstance(e, ir.Binary) and e.op in _NATIVE:
            return self._native_binary(e)
        if isinstance(e, ir.Call) and len(e.args) == 1 and not isinstance(e.args[0], ir.Spread):
            return self._native_call(e.callee, e.args[0])
        return None

    def _native_call(self, callee: ir.Expr, arg: ir.Expr) -> Native | None:
        """`Number(x)` → jsrt.ToNumber; `Math.floor(x)` ... → Go's math function (same IEEE results,
        negative zero and NaN included) of ToNumber(x)."""
        intact = self.typer.intact
        if isinstance(callee, ir.Global) and callee.name == "Number" and "Number" in intact:
            return Native(f"jsrt.ToNumber({self.expr(arg)})", False)
        if (
            isinstance(callee, ir.Member)
            and callee.obj == ir.Global("Math")
            and "Math" in intact
            and callee.prop in _MATH
        ):
            inner = self.native_num(arg)
            text = inner.text if inner is not None else f"jsrt.ToNumber({self.expr(arg)})"
            return Native(f"math.{_MATH[str(callee.prop)]}({text})", False, True)
        return None

    def _native_binary(self, e: ir.Binary) -> Native | None:
        left, right = self.native_num(e.left), self.native_num(e.right)
        if left is None or right is None or (left.const and right.const):
            return None
        if e.op == "/" and right.const and float(right.text) == 0:
            return None
        a, b, uses = left.text, right.text, left.math or right.math
        if e.op == "*":
            return Native(f"float64({a} * {b})", False, uses)
        if e.op == "%":
            return Native(f"math.Mod({a}, {b})", False, True)
        return Native(f"({a} {e.op} {b})", False, uses)

    def num(self, e: ir.Expr) -> str:
        """A Go float64 for an expression proven a number."""
        native = self.native_num(e)
        if native is not None:
            return f"float64({native.text})" if native.const else self.use(native)
        return f"jsrt.AsNumber({self.expr(e)})"

    def boolean(self, e: ir.Expr) -> str:
        """A Go bool for an expression proven a boolean (its truthiness is itself)."""
        return self.cond(e)

    def typed_value(self, name: str, e: ir.Expr) -> str:
        """The Go value of `e` for the typed binding `name`."""
        return self.num(e) if self.go_types[name] == "float64" else self.boolean(e)

    def native_compare(self, e: ir.Binary) -> str | None:
        """`a < b`, `a == b` ... in Go when both sides are proven numbers (or, for equality, booleans)."""
        if e.op not in _COMPARE:
            return None
        left, right = self.native_num(e.left), self.native_num(e.right)
        go_op = _GO_COMPARE.get(e.op, e.op)
        if left is not None and right is not None and not (left.const and right.const):
            return f"{self.use(left)} {go_op} {self.use(right)}"
        typed_side = any(isinstance(x, ir.Name) and x.name in self.go_types for x in (e.left, e.right))
        if e.op in _GO_COMPARE and typed_side and self.typer.of(e.left) == self.typer.of(e.right) == BOOLEAN:
            return f"({self.boolean(e.left)}) {go_op} ({self.boolean(e.right)})"
        return None

    def typed_cond(self, e: ir.Expr) -> str | None:
        """A typed boolean binding used as a condition is its Go bool."""
        if isinstance(e, ir.Name) and self.go_types.get(e.name) == "bool":
            return var(e.name)
        return None

    def typed_assign(self, e: ir.Assign, keep: str) -> list[str]:
        """An assignment to a typed binding; `keep` declares a jsrt.Value holding the result."""
        assert isinstance(e.target, ir.Name)
        name, target = e.target.name, var(e.target.name)
        lines: list[str]
        if e.op == "=":
            lines = [f"{target} = {self.typed_value(name, e.value)}"]
        elif e.op == "??=":
            lines = []  # a proven primitive is never nullish: nothing is evaluated or assigned
        elif e.op in ("&&=", "||="):
            test = self.cond(e.target) if e.op == "&&=" else f"!({self.cond(e.target)})"
            lines = [f"if {test} {{", f"{target} = {self.typed_value(name, e.value)}", "}"]
        else:
            lines = [f"{target} = {self.num(ir.Binary(e.op[:-1], e.target, e.value))}"]
        read = self.typed_name(name)
        return lines + ([f"{keep}{read}"] if keep else [])

    def typed_update(self, e: ir.Update, result: str | None) -> list[str]:
        """`x++` / `--x` on a typed number binding."""
        assert isinstance(e.target, ir.Name)
        target = var(e.target.name)
        go_op = "++" if e.op == "++" else "--"
        if result is None:
            return [f"{target}{go_op}"]
        if e.prefix:
            return [f"{target}{go_op}", f"{result} := jsrt.Num({target})"]
        return [f"{result} := jsrt.Num({target})", f"{target}{go_op}"]


def is_typed_target(printer: TypedPrinting, target: object) -> bool:
    return isinstance(target, ir.Name) and target.name in printer.go_types


__all__ = ["NUMBER", "TypedPrinting", "is_typed_target"]
