"""What the translator can prove about the JavaScript type of an IR expression: `number`, `boolean`,
`string`, or nothing (None).

A proof holds for every value the expression can take at run time, whatever the input: it rests on
the operators' own results (`-` always gives a number: jsrt has no BigInt), the globals' built-in
functions (when the module never assigns through that global) and bindings already proven
(`Typer.names`). Nothing is taken from a TypeScript annotation here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from migrator.port import ir

NUMBER, BOOLEAN, STRING = "number", "boolean", "string"

_NUM_BINARY = frozenset({"-", "*", "/", "%", "**", "&", "|", "^", "<<", ">>", ">>>"})
_BOOL_BINARY = frozenset(
    {"===", "!==", "==", "!=", "<", "<=", ">", ">=", "in", "instanceof", "==null", "!=null"}
)
_GLOBAL_CALLS = {
    "Number": NUMBER, "parseInt": NUMBER, "parseFloat": NUMBER, "String": STRING,
    "Boolean": BOOLEAN, "isNaN": BOOLEAN, "isFinite": BOOLEAN,
}  # fmt: skip
_MATH = frozenset((
    "abs", "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "cbrt", "ceil", "cos", "cosh",
    "exp", "expm1", "floor", "fround", "hypot", "imul", "log", "log10", "log1p", "log2", "max", "min",
    "pow", "random", "round", "sign", "sin", "sinh", "sqrt", "tan", "tanh", "trunc",
))  # fmt: skip
_MATH_CONSTS = frozenset(["E", "LN10", "LN2", "LOG10E", "LOG2E", "PI", "SQRT1_2", "SQRT2"])
_STATIC_CALLS = {
    ("Date", "now"): NUMBER, ("Number", "parseFloat"): NUMBER, ("Number", "parseInt"): NUMBER,
    ("Number", "isInteger"): BOOLEAN, ("Number", "isNaN"): BOOLEAN, ("Number", "isFinite"): BOOLEAN,
    ("Number", "isSafeInteger"): BOOLEAN, ("Array", "isArray"): BOOLEAN,
}  # fmt: skip
_NUMBER_CONSTS = frozenset(["MAX_SAFE_INTEGER", "MIN_SAFE_INTEGER", "EPSILON", "MAX_VALUE", "MIN_VALUE"])
_STRING_METHODS = {
    **dict.fromkeys((
        "toUpperCase", "toLowerCase", "trim", "trimStart", "trimEnd", "padStart", "padEnd", "slice",
        "substring", "charAt", "repeat", "concat", "normalize", "toLocaleUpperCase", "toLocaleLowerCase",
    ), STRING),
    **dict.fromkeys(("indexOf", "lastIndexOf", "charCodeAt", "localeCompare"), NUMBER),
    **dict.fromkeys(("includes", "startsWith", "endsWith"), BOOLEAN),
}  # fmt: skip
_NUMBER_METHODS = dict.fromkeys(("toFixed", "toPrecision", "toString"), STRING)


@dataclass(frozen=True)
class Typer:
    """Proves expression types given the bindings already proven and the globals left intact."""

    names: Mapping[str, str]  #: binding → proven type
    intact: frozenset[str]  #: globals the module never assigns through (`Math.floor = ...`)

    def of(self, e: ir.Expr) -> str | None:
        """The type every value of `e` has, or None when it is not proven."""
        if isinstance(e, ir.Lit):
            return {"num": NUMBER, "bool": BOOLEAN, "str": STRING}.get(e.kind)
        if isinstance(e, ir.Template):
            return STRING
        if isinstance(e, ir.Name):
            return self.names.get(e.name)
        if isinstance(e, ir.Unary):
            return self._unary(e)
        if isinstance(e, ir.Update):
            return NUMBER
        if isinstance(e, ir.Binary):
            return self._binary(e)
        if isinstance(e, ir.Logical | ir.Cond):
            return self._choice(e)
        if isinstance(e, ir.Assign):
            return self.assigned(e)
        if isinstance(e, ir.Seq):
            return self.of(e.items[-1])
        if isinstance(e, ir.Await):
            return self.of(e.value)  # awaiting a primitive gives it back
        if isinstance(e, ir.Call):
            return self._call(e)
        if isinstance(e, ir.Member):
            return self._member(e)
        return None

    def assigned(self, e: ir.Assign) -> str | None:
        """The value an assignment expression gives (the target's new value)."""
        if e.op in ("=", "&&=", "||=", "??="):
            value = self.of(e.value)
            if e.op == "=":
                return value
            old = self.names.get(e.target.name) if isinstance(e.target, ir.Name) else None
            return value if value is not None and value == old else None
        if e.op == "+=":
            old = self.names.get(e.target.name) if isinstance(e.target, ir.Name) else None
            return self._plus(old, self.of(e.value))
        return NUMBER

    def _unary(self, e: ir.Unary) -> str | None:
        if e.op in ("-", "+", "~"):
            return NUMBER
        if e.op in ("!", "delete"):
            return BOOLEAN
        return STRING if e.op == "typeof" else None

    def _binary(self, e: ir.Binary) -> str | None:
        if e.op in _NUM_BINARY:
            return NUMBER
        if e.op in _BOOL_BINARY:
            return BOOLEAN
        return self._plus(self.of(e.left), self.of(e.right)) if e.op == "+" else None

    @staticmethod
    def _plus(left: str | None, right: str | None) -> str | None:
        if STRING in (left, right):
            return STRING
        if left == right == NUMBER:
            return NUMBER
        return None

    def _choice(self, e: ir.Logical | ir.Cond) -> str | None:
        if isinstance(e, ir.Cond):
            then = self.of(e.then)
            return then if then is not None and then == self.of(e.other) else None
        left = self.of(e.left)
        if e.op == "??":
            return left  # a proven primitive is never nullish: the right side is never taken
        return left if left is not None and left == self.of(e.right) else None

    def _global(self, e: ir.Expr) -> str | None:
        return e.name if isinstance(e, ir.Global) and e.name in self.intact else None

    def _call(self, e: ir.Call) -> str | None:
        callee = e.callee
        name = self._global(callee)
        if name is not None:
            return _GLOBAL_CALLS.get(name)
        if not isinstance(callee, ir.Member) or not isinstance(callee.prop, str):
            return None
        owner = self._global(callee.obj)
        if owner == "Math" and callee.prop in _MATH:
            return NUMBER
        if owner is not None:
            return _STATIC_CALLS.get((owner, callee.prop))
        receiver = self.of(callee.obj)
        if receiver == STRING and "String" in self.intact:
            return _STRING_METHODS.get(callee.prop)
        if receiver == NUMBER and "Number" in self.intact:
            return _NUMBER_METHODS.get(callee.prop)
        return None

    def _member(self, e: ir.Member) -> str | None:
        owner = self._global(e.obj)
        if owner == "Math" and e.prop in _MATH_CONSTS:
            return NUMBER
        if owner == "Number" and e.prop in _NUMBER_CONSTS:
            return NUMBER
        if e.prop == "length" and self.of(e.obj) == STRING:
            return NUMBER
        return None


def assigned_globals(node: object) -> frozenset[str]:
    """The globals a module writes through (`Math.floor = f`, `String.prototype.x = g`)."""
    from migrator.port.ir.walk import walk

    out: set[str] = set()
    for item in walk(node):
        target = item.target if isinstance(item, ir.Assign | ir.Update) else None
        if isinstance(item, ir.TargetPattern):
            target = item.target
        if isinstance(item, ir.Unary) and item.op == "delete":
            target = item.operand
        while isinstance(target, ir.Member):
            target = target.obj
        if isinstance(target, ir.Global):
            out.add(target.name)
    return frozenset(out)
