"""IR statements, functions and error classes → Go statements.

Every block declares the names bound directly in it first (`var v_x jsrt.Value`), so closures may
refer to bindings declared later in the block, as JavaScript allows; function declarations are
assigned before the other statements (hoisting). `return`/`break`/`continue` inside a `try` body
(a Go closure) set a control variable that the code after `jsrt.Try` acts on.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from migrator.port import ir
from migrator.port.flow import abrupt, declared, terminates, var_names
from migrator.port.gotext import quote, string_value, var
from migrator.port.lower_stmt import pattern_names
from migrator.port.print_expr import ExprPrinter

FUNC_SIG = "func(r *jsrt.Realm, this jsrt.Value, args []jsrt.Value) jsrt.Value"
ARROW_SIG = "func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value"


@dataclass
class Boundary:
    """A try/catch/finally closure: which jumps out of it were used."""

    ctl: str
    ret: str
    used: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Ctx:
    boundary: Boundary | None = None
    loops: int = 0  #: loops inside the current closure (continue targets)
    breakables: int = 0  #: loops and switches inside the current closure (break targets)


class StmtPrinter(ExprPrinter):
    """Statements (and the expression forms that contain statements: functions, classes)."""

    def block(self, stmts: tuple[ir.Stmt, ...], ctx: Ctx, extra: tuple[str, ...] = ()) -> list[str]:
        """A block's statements, with its names declared and function declarations hoisted."""
        names = list(dict.fromkeys([*extra, *declared(stmts)]))
        lines = self.declare(names)
        for stmt in stmts:
            if isinstance(stmt, ir.FuncDecl):
                lines.append(f"{var(stmt.name)} = {self.func(stmt.func)}")
        for stmt in stmts:
            if not isinstance(stmt, ir.FuncDecl):
                lines += self.stmt(stmt, ctx)
        return lines

    def declare(self, names: list[str]) -> list[str]:
        """Two lines: the names' Go variables (a typed binding with its Go type), then their use."""
        if not names:
            return []
        groups: dict[str, list[str]] = {}
        for n in names:
            groups.setdefault(self.go_types.get(n, "jsrt.Value"), []).append(var(n))
        specs = [f"{', '.join(vs)} {go}" for go, vs in groups.items()]
        decl = f"var {specs[0]}" if len(specs) == 1 else "var (\n" + "\n".join(specs) + "\n)"
        return [decl, f"{', '.join('_' for _ in names)} = {', '.join(var(n) for n in names)}"]

    def stmt(self, s: ir.Stmt, ctx: Ctx) -> list[str]:
        method = getattr(self, "_s_" + type(s).__name__.lower())
        result: list[str] = method(s, ctx)
        return result

    def _s_decl(self, s: ir.Decl, ctx: Ctx) -> list[str]:
        value = self.expr(s.init) if s.init is not None else "jsrt.Undefined"
        if s.init is None and s.kind == "var":
            return []  # `var x;` keeps the value (the name is declared at the block's top)
        if isinstance(s.pattern, ir.BindName) and s.pattern.name in self.go_types and s.init is not None:
            return [f"{var(s.pattern.name)} = {self.typed_value(s.pattern.name, s.init)}"]
        return self.pattern_assign(s.pattern, value)

    def _s_funcdecl(self, s: ir.FuncDecl, ctx: Ctx) -> list[str]:
        return [f"{var(s.name)} = {self.func(s.func)}"]

    def _s_exprstmt(self, s: ir.ExprStmt, ctx: Ctx) -> list[str]:
        if isinstance(s.expr, ir.Assign):
            return self.assign_lines(s.expr, None)
        if isinstance(s.expr, ir.Update):
            return self.update_lines(s.expr, None)
        return [f"_ = {self.expr(s.expr)}"]

    def _s_block(self, s: ir.Block, ctx: Ctx) -> list[str]:
        return ["{", *self.block(s.body, ctx), "}"]

    def _s_if(self, s: ir.If, ctx: Ctx) -> list[str]:
        lines = [f"if {self.cond(s.test)} {{", *self._nested(s.then, ctx)]
        other = s.other
        while isinstance(other, ir.If):
            lines += [f"}} else if {self.cond(other.test)} {{", *self._nested(other.then, ctx)]
            other = other.other
        if other is not None:
            lines += ["} else {", *self._nested(other, ctx)]
        return [*lines, "}"]

    def _nested(self, s: ir.Stmt, ctx: Ctx, extra: tuple[str, ...] = ()) -> list[str]:
        body = s.body if isinstance(s, ir.Block) else (s,)
        return self.block(body, ctx, extra)

    def _loop_ctx(self, ctx: Ctx) -> Ctx:
        return replace(ctx, loops=ctx.loops + 1, breakables=ctx.breakables + 1)

    def _s_for(self, s: ir.For, ctx: Ctx) -> list[str]:
        test = self.cond(s.test) if s.test is not None else ""
        post = ""
        if s.update is not None:
            lines = self._s_exprstmt(ir.ExprStmt(s.update), ctx)
            post = lines[0] if len(lines) == 1 else "func() {\n" + "\n".join(lines) + "\n}()"
        inner = self._loop_ctx(ctx)
        init = s.init
        if isinstance(init, ir.Decl) and init.kind == "let" and isinstance(init.pattern, ir.BindName):
            name = var(init.pattern.name)
            value = self.expr(init.init) if init.init is not None else "jsrt.Undefined"
            if init.pattern.name in self.go_types and init.init is not None:
                value = self.typed_value(init.pattern.name, init.init)
            body = self._nested(s.body, inner)
            return [f"for {name} := {value}; {test}; {post} {{", f"_ = {name}", *body, "}"]
        head = self.block((init,), ctx) if init is not None else []
        return ["{", *head, f"for ; {test}; {post} {{", *self._nested(s.body, inner), "}", "}"]

    def _s_forof(self, s: ir.ForOf, ctx: Ctx) -> list[str]:
        item = self.state.temp()
        names = tuple(pattern_names(s.pattern)) if s.kind in ("let", "const") else ()
        inner = self._loop_ctx(ctx)
        if s.keys:
            key = self.state.temp()
            head = [
                f"for _, {key} := range jsrt.ForInKeys({self.expr(s.iterable)}) {{",
                f"{item} := jsrt.Str({key})",
            ]
        elif s.awaits:
            each = self.state.temp()
            loop = f"for _, {each} := range jsrt.Iterate({self.expr(s.iterable)}) {{"
            head = [loop, f"{item} := jsrt.Await({each})"]
        else:
            head = [f"for _, {item} := range jsrt.Iterate({self.expr(s.iterable)}) {{"]
        decl = [f"var {', '.join(var(n) for n in names)} jsrt.Value"] if names else []
        decl += [f"{', '.join('_' for _ in names)} = {', '.join(var(n) for n in names)}"] if names else []
        bind = self.pattern_assign(s.pattern, item)
        return [*head, "{", *decl, *bind, *self._nested(s.body, inner), "}", "}"]

    def _s_while(self, s: ir.While, ctx: Ctx) -> list[str]:
        inner = self._loop_ctx(ctx)
        if not s.do:
            return [f"for {self.cond(s.test)} {{", *self._nested(s.body, inner), "}"]
        first = self.state.temp()
        return [
            f"for {first} := true; {first} || {self.cond(s.test)}; {first} = false {{",
            *self._nested(s.body, inner),
            "}",
        ]

    def _s_switch(self, s: ir.Switch, ctx: Ctx) -> list[str]:
        value = self.state.temp()
        names = list(dict.fromkeys(n for c in s.cases for n in declared(c.body)))
        lines = ["{", f"{value} := {self.expr(s.discriminant)}", f"_ = {value}", *self.declare(names)]
        lines.append("switch {")
        inner = replace(ctx, breakables=ctx.breakables + 1)
        for i, case in enumerate(s.cases):
            head = (
                "default:"
                if case.test is None
                else f"case jsrt.StrictEquals({value}, {self.expr(case.test)}):"
            )
            lines.append(head)
            for stmt in case.body:
                if isinstance(stmt, ir.FuncDecl):
                    lines.append(f"{var(stmt.name)} = {self.func(stmt.func)}")
            for stmt in case.body:
                if not isinstance(stmt, ir.FuncDecl):
                    lines += self.stmt(stmt, inner)
            if i < len(s.cases) - 1 and not abrupt(case.body):
                lines.append("fallthrough")
        return [*lines, "}", "}"]

    def _jump(self, kind: str, ctx: Ctx) -> list[str]:
        local = ctx.breakables if kind == "break" else ctx.loops
        if local > 0 or ctx.boundary is None:
            return [kind]
        ctx.boundary.used.add(kind)
        return [f"{ctx.boundary.ctl} = {2 if kind == 'break' else 3}", "return"]

    def _s_break(self, s: ir.Break, ctx: Ctx) -> list[str]:
        return self._jump("break", ctx)

    def _s_continue(self, s: ir.Continue, ctx: Ctx) -> list[str]:
        return self._jump("continue", ctx)

    def _s_return(self, s: ir.Return, ctx: Ctx) -> list[str]:
        value = self.expr(s.value) if s.value is not None else "jsrt.Undefined"
        if ctx.boundary is None:
            return [f"return {value}"]
        ctx.boundary.used.add("return")
        return [f"{ctx.boundary.ret} = {value}", f"{ctx.boundary.ctl} = 1", "return"]

    def _s_throw(self, s: ir.Throw, ctx: Ctx) -> list[str]:
        return [f"jsrt.Throw({self.expr(s.value)})"]

    def _s_untranslated(self, s: ir.Untranslated, ctx: Ctx) -> list[str]:
        what = f"{s.file}:{s.line}: {s.construct}: {s.why}"
        return [f"jsrt.Throw(portNotImplemented(r, {quote(what)}))"]

    def _s_try(self, s: ir.Try, ctx: Ctx) -> list[str]:
        n = self.state.temp()
        boundary = Boundary(f"ctl{n}", f"ret{n}")
        inner = Ctx(boundary)
        body = "\n".join(self.block(s.body, inner))
        handler = "nil"
        if s.handler is not None:
            names = tuple(pattern_names(s.param))
            bind = self.pattern_assign(s.param, "e") if s.param is not None else []
            param = "e" if s.param is not None else "_"
            catch = "\n".join(self._catch(names, bind, s.handler, inner))
            handler = f"func({param} jsrt.Value) {{\n{catch}\n}}"
        final = "nil"
        if s.finalizer is not None:
            final = "func() {\n" + "\n".join(self.block(s.finalizer, inner)) + "\n}"
        call = [f"jsrt.Try(func() {{\n{body}\n}}, {handler}, {final})"]
        decl: list[str] = []
        after: list[str] = []
        if "return" in boundary.used:
            decl.append(f"var {boundary.ret} jsrt.Value")
            after += [
                f"if {boundary.ctl} == 1 {{",
                *self._s_return(ir.Return(ir.Raw(boundary.ret)), ctx),
                "}",
            ]
        for kind, code in (("break", 2), ("continue", 3)):
            if kind in boundary.used:
                after += [f"if {boundary.ctl} == {code} {{", *self._jump(kind, ctx), "}"]
        if boundary.used:
            decl.append(f"var {boundary.ctl} int")
        return [*decl, *call, *after]

    def _catch(
        self, names: tuple[str, ...], bind: list[str], body: tuple[ir.Stmt, ...], ctx: Ctx
    ) -> list[str]:
        decl = [f"var {', '.join(var(n) for n in names)} jsrt.Value"] if names else []
        used = [f"{', '.join('_' for _ in names)} = {', '.join(var(n) for n in names)}"] if names else []
        return [*decl, *used, *bind, *self.block(body, ctx)]

    # ---- functions and classes

    def params(self, params: tuple[ir.Pattern, ...], rest: ir.Pattern | None) -> list[str]:
        lines: list[str] = []
        for i, p in enumerate(params):
            lines += self.pattern_assign(p, f"portArg(args, {i})")
        if rest is not None:
            lines += self.pattern_assign(rest, f"jsrt.ArrayOf(portFrom(args, {len(params)}))")
        return lines

    def func(self, f: ir.Func) -> str:
        names = tuple(n for p in (*f.params, f.rest) for n in pattern_names(p)) + tuple(var_names(f.body))
        body = self.block(f.body, Ctx(), names)
        binds = self.params(f.params, f.rest)
        # parameters are bound after their names are declared (the block's first two lines)
        head, rest_lines = (body[:2], body[2:]) if names else ([], body)
        if f.is_async:
            inner = [*rest_lines] + ([] if terminates(f.body) else ["return jsrt.Undefined"])
            lines = [*head, *binds, "return jsrt.Async(func() jsrt.Value {", *inner, "})"]
        else:
            tail = [] if terminates(f.body) else ["return jsrt.Undefined"]
            lines = [*head, *binds, *rest_lines, *tail]
        sig = ARROW_SIG if f.is_arrow else FUNC_SIG
        return f"jsrt.Fn({quote(f.name)}, {sig} {{\n" + "\n".join(lines) + "\n})"

    def class_expr(self, c: ir.Class) -> str:
        parent, cls = self.state.temp(), self.state.temp()
        names = tuple(n for p in c.params for n in pattern_names(p)) + tuple(var_names(c.body))
        body = self.block(c.body, Ctx(), names)
        head, rest_lines = (body[:2], body[2:]) if names else ([], body)
        call = [f"jsrt.SuperCall(r, {parent}, this{self.args(c.super_args)})"] if c.parent is not None else []
        ctor = [*head, *self.params(c.params, None), *call, *rest_lines, "return jsrt.Undefined"]
        lines = [
            f"{parent} := {self.expr(c.parent) if c.parent is not None else 'jsrt.Undefined'}",
            f"{cls} := jsrt.NewClass({quote(c.name)}, {parent}, {FUNC_SIG} {{",
            *ctor,
            "})",
        ]
        for m in c.methods:
            static = "true" if m.static else "false"
            lines.append(f"jsrt.DefineMethod({cls}, {string_value(m.key)}, {self.expr(m.func)}, {static})")
        lines += [f"jsrt.Set({cls}, {string_value(key)}, {self.expr(value)})" for key, value in c.statics]
        return self.closure("\n".join([*lines, f"return {cls}"]))

    # ---- patterns

    def pattern_assign(self, pattern: ir.Pattern, value: str) -> list[str]:
        """Assign `value` (a Go expression, evaluated once) through a binding or assignment pattern."""
        if isinstance(pattern, ir.BindName):
            go = self.go_types.get(pattern.name)
            if go is not None:  # a typed parameter: every argument was proven of its type
                unwrap = "jsrt.AsNumber" if go == "float64" else "jsrt.AsBoolean"
                return [f"{var(pattern.name)} = {unwrap}({value})"]
            return [f"{var(pattern.name)} = {value}"]
        if isinstance(pattern, ir.TargetPattern):
            return self.assign_lines(ir.Assign(pattern.target, "=", ir.Raw(value)), None)
        tmp = self.state.temp()
        if isinstance(pattern, ir.WithDefault):
            lines = [
                f"{tmp} := {value}",
                f"if {tmp}.IsUndefined() {{",
                f"{tmp} = {self.expr(pattern.default)}",
                "}",
            ]
            return lines + self.pattern_assign(pattern.pattern, tmp)
        if isinstance(pattern, ir.ObjectPattern):
            lines = [f"{tmp} := portObjectPattern({value})"]
            keys: list[str] = []
            for key, sub in pattern.props:
                if isinstance(key, str):
                    keys.append(quote(key))
                    lines += self.pattern_assign(sub, f"jsrt.GetS({tmp}, {quote(key)})")
                else:
                    k = self.state.temp()
                    lines.append(f"{k} := jsrt.PropertyKey({self.expr(key)})")
                    keys.append(k)
                    lines += self.pattern_assign(sub, f"jsrt.GetS({tmp}, {k})")
            if pattern.rest is not None:
                lines += self.pattern_assign(
                    pattern.rest, f"portObjectRest({tmp}{''.join(', ' + k for k in keys)})"
                )
            return lines
        lines = [f"{tmp} := jsrt.Iterate({value})"]
        for i, item in enumerate(pattern.items):
            if item is not None:
                lines += self.pattern_assign(item, f"portAt({tmp}, {i})")
        if pattern.rest is not None:
            lines += self.pattern_assign(pattern.rest, f"jsrt.ArrayOf(portFrom({tmp}, {len(pattern.items)}))")
        return lines
