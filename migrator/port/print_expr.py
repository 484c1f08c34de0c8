"""IR expressions → Go expressions over jsrt's Value API (evaluation order kept left to right).

Go has no expression forms for assignment, short-circuit value selection or object literals with
spread; those print as small helpers (`port_rt.gen.go`) or immediately called closures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from migrator.port import ir
from migrator.port.gotext import number_value, quote, string_value, var
from migrator.port.print_typed import TypedPrinting, is_typed_target
from migrator.port.types_expr import Typer

_ARITH = {
    "+": "Add", "-": "Sub", "*": "Mul", "/": "Div", "%": "Mod", "**": "Exp",
    "&": "BitAnd", "|": "BitOr", "^": "BitXor", "<<": "Shl", ">>": "Shr", ">>>": "UShr",
}  # fmt: skip
_COMPARE = {"<": "jsrt.Less", "<=": "jsrt.LessEq", ">": "jsrt.Greater", ">=": "jsrt.GreaterEq"}
_UNARY = {"-": "jsrt.Neg", "+": "jsrt.Plus", "!": "jsrt.Not", "~": "jsrt.BitNot", "typeof": "jsrt.TypeOf"}


@dataclass
class PrintState:
    """Per-module printing state: fresh temporaries and what the text needs imported."""

    temps: int = 0
    imports: set[str] = field(default_factory=set)

    def temp(self) -> str:
        self.temps += 1
        return f"t{self.temps}"


class ExprPrinter(TypedPrinting):
    """Expression printing; `StmtPrinter` adds statements (functions need both)."""

    def __init__(
        self, state: PrintState, typer: Typer | None = None, go_types: dict[str, str] | None = None
    ) -> None:
        self.state = state
        self.typer = typer if typer is not None else Typer({}, frozenset())
        self.go_types = go_types if go_types is not None else {}

    def func(self, f: ir.Func) -> str:  # pragma: no cover - StmtPrinter overrides
        raise NotImplementedError

    def class_expr(self, c: ir.Class) -> str:  # pragma: no cover - StmtPrinter overrides
        raise NotImplementedError

    def pattern_assign(self, pattern: ir.Pattern, value: str) -> list[str]:  # pragma: no cover
        raise NotImplementedError

    def expr(self, e: ir.Expr) -> str:
        method = getattr(self, "_" + type(e).__name__.lower())
        result: str = method(e)
        return result

    def cond(self, e: ir.Expr) -> str:
        """A Go bool: whether `e` is truthy (comparisons print directly)."""
        typed = self.typed_cond(e)
        if typed is not None:
            return typed
        if isinstance(e, ir.Binary):
            direct = self._bool_binary(e)
            if direct is not None:
                return direct
        if isinstance(e, ir.Unary) and e.op == "!":
            return f"!({self.cond(e.operand)})"
        if isinstance(e, ir.Logical) and e.op != "??":
            go_op = "&&" if e.op == "&&" else "||"
            return f"({self.cond(e.left)} {go_op} {self.cond(e.right)})"
        if isinstance(e, ir.Lit) and e.kind == "bool":
            return "true" if e.value else "false"
        return f"jsrt.Truthy({self.expr(e)})"

    def args(self, items: tuple[ir.Expr, ...]) -> str:
        """Call arguments: `a, b` or, with a spread, `<slice>...`."""
        if not any(isinstance(a, ir.Spread) for a in items):
            return "".join(", " + self.expr(a) for a in items)
        return ", " + self.list_expr(items) + "..."

    def list_expr(self, items: tuple[ir.Expr, ...]) -> str:
        """A `[]jsrt.Value` of the items, spreads expanded in order."""
        acc = "[]jsrt.Value{}"
        for item in items:
            if isinstance(item, ir.Spread):
                acc = f"jsrt.AppendSpread({acc}, {self.expr(item.value)})"
            else:
                acc = f"append({acc}, {self.expr(item)})"
        return acc

    def closure(self, body: str) -> str:
        return f"func() jsrt.Value {{\n{body}\n}}()"

    # ---- leaves

    def _lit(self, e: ir.Lit) -> str:
        if e.kind == "undefined":
            return "jsrt.Undefined"
        if e.kind == "null":
            return "jsrt.Null()"
        if e.kind == "bool":
            return f"jsrt.Bool({'true' if e.value else 'false'})"
        if e.kind == "num":
            assert isinstance(e.value, float)
            if "math." in number_value(e.value):
                self.state.imports.add("math")
            return number_value(e.value)
        return string_value(str(e.value))

    def _name(self, e: ir.Name) -> str:
        typed = self.typed_name(e.name)
        return typed if typed is not None else var(e.name)

    def _global(self, e: ir.Global) -> str:
        return f"r.Global({quote(e.name)})"

    def _implicit(self, e: ir.Implicit) -> str:
        return f"r.Implicit({quote(e.name)})"

    def _temp(self, e: ir.Temp) -> str:
        return f"o{e.index}"

    def _this(self, e: ir.This) -> str:
        return "this"

    def _envread(self, e: ir.EnvRead) -> str:
        return f"portEnv({quote(e.name)})"

    def _envobject(self, e: ir.EnvObject) -> str:
        return "portEnvObject()"

    def _raw(self, e: ir.Raw) -> str:
        return e.go

    def _require(self, e: ir.Require) -> str:
        return f"m.require({e.module})"

    def _shim(self, e: ir.Shim) -> str:
        return f"m.shim({quote(e.specifier)})"

    def _missing(self, e: ir.Missing) -> str:
        return f"portMissing(r, {quote(e.what)})"

    def _sleep(self, e: ir.Sleep) -> str:
        return f"jsrt.Sleep(r, {self.expr(e.ms)})"

    def _regex(self, e: ir.Regex) -> str:
        return f"portRegExp(r, {quote(e.pattern)}, {quote(e.flags)})"

    # ---- compound

    def _member(self, e: ir.Member) -> str:
        if isinstance(e.obj, ir.Missing):
            name = e.prop if isinstance(e.prop, str) else "[computed]"
            return self._missing(ir.Missing(f"{e.obj.what}.{name}"))
        if isinstance(e.prop, str):
            return f"jsrt.GetS({self.expr(e.obj)}, {quote(e.prop)})"
        return f"jsrt.Get({self.expr(e.obj)}, {self.expr(e.prop)})"

    def _call(self, e: ir.Call) -> str:
        callee = e.callee
        if isinstance(callee, ir.Member) and not isinstance(callee.obj, ir.Missing):
            if isinstance(callee.prop, str):
                return f"jsrt.CallMethod(r, {self.expr(callee.obj)}, {quote(callee.prop)}{self.args(e.args)})"
            recv = self.state.temp()
            body = (
                f"{recv} := {self.expr(callee.obj)}\n"
                f"return jsrt.Call(r, jsrt.Get({recv}, {self.expr(callee.prop)}), {recv}{self.args(e.args)})"
            )
            return self.closure(body)
        return f"jsrt.Call(r, {self.expr(callee)}, jsrt.Undefined{self.args(e.args)})"

    def _new(self, e: ir.New) -> str:
        callee = e.callee
        if isinstance(callee, ir.Missing) or (
            isinstance(callee, ir.Member) and isinstance(callee.obj, ir.Missing)
        ):
            # a missing import: calling it throws NotImplementedError
            return f"jsrt.Call(r, {self.expr(callee)}, jsrt.Undefined{self.args(e.args)})"
        return f"jsrt.New(r, {self.expr(e.callee)}{self.args(e.args)})"

    def _optchain(self, e: ir.OptChain) -> str:
        rest = f"func(o{e.temp} jsrt.Value) jsrt.Value {{ return {self.expr(e.rest)} }}"
        return f"portOpt({self.expr(e.base)}, {rest})"

    def _spread(self, e: ir.Spread) -> str:  # only inside lists, which print it themselves
        raise ValueError("spread outside a list")

    def _hole(self, e: ir.Hole) -> str:
        raise ValueError("hole outside an array")

    def _unary(self, e: ir.Unary) -> str:
        native = self.native_num(e) if e.op in ("-", "+") else None
        if native is not None and not native.const:
            return f"jsrt.Num({self.use(native)})"
        if e.op == "typeof" and isinstance(e.operand, ir.Implicit):
            return f"r.TypeOfImplicit({quote(e.operand.name)})"
        if e.op in _UNARY:
            return f"{_UNARY[e.op]}({self.expr(e.operand)})"
        if e.op == "void":
            return self.closure(f"_ = {self.expr(e.operand)}\nreturn jsrt.Undefined")
        if e.op == "delete":
            target = e.operand
            assert isinstance(target, ir.Member)
            key = (
                quote(target.prop)
                if isinstance(target.prop, str)
                else f"jsrt.PropertyKey({self.expr(target.prop)})"
            )
            return f"portDelete({self.expr(target.obj)}, {key})"
        raise ValueError(f"unary {e.op}")

    def _bool_binary(self, e: ir.Binary) -> str | None:
        left, right = e.left, e.right
        native = self.native_compare(e)
        if native is not None:
            return native
        if e.op == "===":
            return f"jsrt.StrictEquals({self.expr(left)}, {self.expr(right)})"
        if e.op == "!==":
            return f"!jsrt.StrictEquals({self.expr(left)}, {self.expr(right)})"
        if e.op in _COMPARE:
            return f"{_COMPARE[e.op]}({self.expr(left)}, {self.expr(right)})"
        if e.op in ("==", "!="):
            negate = "!" if e.op == "!=" else ""
            return f"{negate}jsrt.LooseEquals({self.expr(left)}, {self.expr(right)})"
        if e.op == "==null":
            return f"{self.expr(left)}.IsNullish()"
        if e.op == "!=null":
            return f"!{self.expr(left)}.IsNullish()"
        if e.op == "in":
            return f"jsrt.In({self.expr(left)}, {self.expr(right)})"
        if e.op == "instanceof":
            return f"jsrt.InstanceOf({self.expr(left)}, {self.expr(right)})"
        return None

    def _binary(self, e: ir.Binary) -> str:
        direct = self._bool_binary(e)
        if direct is not None:
            return f"jsrt.Bool({direct})"
        native = self.native_num(e)
        if native is not None and not native.const:
            return f"jsrt.Num({self.use(native)})"
        return f"jsrt.{_ARITH[e.op]}({self.expr(e.left)}, {self.expr(e.right)})"

    def _logical(self, e: ir.Logical) -> str:
        helper = {"&&": "portAnd", "||": "portOr", "??": "portNullish"}[e.op]
        return f"{helper}({self.expr(e.left)}, func() jsrt.Value {{ return {self.expr(e.right)} }})"

    def _cond(self, e: ir.Cond) -> str:
        then = f"func() jsrt.Value {{ return {self.expr(e.then)} }}"
        other = f"func() jsrt.Value {{ return {self.expr(e.other)} }}"
        return f"portCond({self.cond(e.test)}, {then}, {other})"

    def _template(self, e: ir.Template) -> str:
        return f"jsrt.Template({', '.join(self.expr(p) for p in e.parts)})"

    def _seq(self, e: ir.Seq) -> str:
        lines = [f"_ = {self.expr(x)}" for x in e.items[:-1]]
        return self.closure("\n".join([*lines, f"return {self.expr(e.items[-1])}"]))

    def _await(self, e: ir.Await) -> str:
        return f"jsrt.Await({self.expr(e.value)})"

    def _arraylit(self, e: ir.ArrayLit) -> str:
        if any(isinstance(i, ir.Spread) for i in e.items):
            return f"jsrt.ArrayOf({self.list_expr(e.items)})"
        return f"jsrt.NewArray({', '.join(self.expr(i) for i in e.items)})"

    def _objectlit(self, e: ir.ObjectLit) -> str:
        obj = self.state.temp()
        lines = [f"{obj} := jsrt.NewObject()"]
        for item in e.items:
            if isinstance(item, ir.Spread):
                lines.append(f"jsrt.ObjectAssignInto({obj}, {self.expr(item.value)})")
            elif isinstance(item.key, str):
                lines.append(f"{obj}.Set({quote(item.key)}, {self.expr(item.value)})")
            else:
                lines.append(f"{obj}.Set(jsrt.PropertyKey({self.expr(item.key)}), {self.expr(item.value)})")
        if len(lines) == 1:
            return "jsrt.Obj(jsrt.NewObject())"
        return self.closure("\n".join([*lines, f"return jsrt.Obj({obj})"]))

    def _func(self, e: ir.Func) -> str:
        return self.func(e)

    def _class(self, e: ir.Class) -> str:
        return self.class_expr(e)

    def _assign(self, e: ir.Assign) -> str:
        return self.closure("\n".join([*self.assign_lines(e, "t"), "return t"]))

    def _update(self, e: ir.Update) -> str:
        return self.closure("\n".join([*self.update_lines(e), "return t"]))

    # ---- assignments as statements (`t` holds the expression's value afterwards)

    def assign_lines(self, e: ir.Assign, result: str | None) -> list[str]:
        """Go statements performing the assignment; with `result`, they declare it holding the value."""
        keep = f"{result} := " if result else ""
        if is_typed_target(self, e.target):
            return self.typed_assign(e, keep)
        if isinstance(
            e.target, ir.BindName | ir.WithDefault | ir.ObjectPattern | ir.ArrayPattern | ir.TargetPattern
        ):
            value = self.state.temp()
            tail = [f"{keep}{value}"] if keep else []
            return [f"{value} := {self.expr(e.value)}", *self.pattern_assign(e.target, value), *tail]
        get, put, setup = self._place(e.target)
        if e.op == "=":
            new = self.expr(e.value)
        elif e.op in ("&&=", "||=", "??="):
            old, new_value = self.state.temp(), self.state.temp()
            test = {"&&=": f"jsrt.Truthy({old})", "||=": f"!jsrt.Truthy({old})", "??=": f"{old}.IsNullish()"}[
                e.op
            ]
            lines = [*setup, f"{old} := {get}", f"{new_value} := {old}", f"if {test} {{"]
            lines += [f"{new_value} = {self.expr(e.value)}", put(new_value), "}"]
            return lines + ([f"{keep}{new_value}"] if keep else [])
        else:
            new = f"jsrt.{_ARITH[e.op[:-1]]}({get}, {self.expr(e.value)})"
        if not keep:
            return [*setup, put(new)]
        value = self.state.temp()
        return [*setup, f"{value} := {new}", put(value), f"{keep}{value}"]

    def update_lines(self, e: ir.Update, result: str | None = "t") -> list[str]:
        if is_typed_target(self, e.target):
            return self.typed_update(e, result)
        get, put, setup = self._place(e.target)
        old, new = self.state.temp(), self.state.temp()
        delta = "1" if e.op == "++" else "-1"
        keep = f"{result} := {new if e.prefix else old}" if result else f"_ = {old}"
        return [
            *setup,
            f"{old} := jsrt.Plus({get})",
            f"{new} := jsrt.Num(jsrt.ToNumber({old}) + {delta})",
            put(new),
            keep,
        ]

    def _place(self, target: ir.Expr) -> tuple[str, Callable[[str], str], list[str]]:
        """(read expression, writer of a value, setup lines) for a Name or Member target."""
        if isinstance(target, ir.Name):
            name = var(target.name)
            return name, lambda v: f"{name} = {v}", []
        if isinstance(target, ir.Implicit):
            key = quote(target.name)
            return self._implicit(target), lambda v: f"r.SetImplicit({key}, {v})", []
        assert isinstance(target, ir.Member)
        obj = self.state.temp()
        setup = [f"{obj} := {self.expr(target.obj)}"]
        if isinstance(target.prop, str):
            key = quote(target.prop)
            return f"jsrt.GetS({obj}, {key})", lambda v: f"jsrt.SetS({obj}, {key}, {v})", setup
        key = self.state.temp()
        setup.append(f"{key} := {self.expr(target.prop)}")
        return f"jsrt.Get({obj}, {key})", lambda v: f"jsrt.Set({obj}, {key}, {v})", setup
