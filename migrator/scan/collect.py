"""Parse one file and build its FileFacts from the queries' captures (migrator.scan.captures).

Each capture sits on a node from which the related nodes are reached by field.
"""

from __future__ import annotations

import tree_sitter as ts

from migrator.scan.callinput import MethodCall, call_inputs, env_bindings, method_calls, on_client
from migrator.scan.exports import ExportReader
from migrator.scan.filefacts import (
    Construct,
    ErrorClass,
    ErrorRename,
    Export,
    FileFacts,
    ImportRef,
    Located,
    PropRead,
    SyntaxProblem,
)
from migrator.scan.importrefs import TRANSPARENT, Captures, import_refs
from migrator.scan.jsparse import GrammarName, Grammars
from migrator.scan.prefetch import MAX_DEPTH, Parsed, parse, query
from migrator.scan.syntax import (
    Text,
    class_error_name,
    declared_identifier,
    inside_function,
    last_name,
    line,
    source_text,
    string_value,
    syntax_errors,
    text,
)
from migrator.scan.units import top_level_units

_Captures = Captures


def analyze_file(
    path: str,
    source: bytes,
    grammar: GrammarName,
    grammars: Grammars,
    handler: bool = False,
    events: bool = True,
    parsed: Parsed | None = None,
) -> FileFacts:
    """Parse `source` with `grammar` and collect its facts. Never raises on bad syntax or bad bytes.

    A multi-export `handler` gets its units (see export_scope); `events`: FileFacts.events_read.
    `parsed`: `source` already parsed and queried with `events` (see migrator.scan.prefetch)."""
    if parsed is None:
        parsed = query(grammar, grammars, *parse(source, grammar, grammars), events)
    if parsed.deep is not None:
        return _refused(path, grammar, parsed.deep)
    tree, caps = parsed.tree, parsed.caps
    text = source_text(parsed.source)
    requires: list[ts.Node] = []
    evals: list[ts.Node] = []
    for callee in caps.get("named_call", ()):
        call = callee.parent  # each `.parent` walks down from the root: read it once
        if call is not None:
            (requires if text(callee) == "require" else evals).append(call)
    news = caps.get("new", [])
    methods = method_calls(caps, text)
    constructs = [_construct(_constructor(n), text, n) for n in news]
    news_read = [(n, c.ctor, c.line) for n, c in zip(news, constructs, strict=True)]
    constructs += _factories(methods, text)  # `X.from(client)`: lib-dynamodb builds its clients this way
    top_functions, top_declarations = _top_level(tree.root_node)
    imports = sorted(import_refs(caps, requires, text), key=lambda ref: ref.line)
    exports, esm_syntax = _exports(caps, imports, top_functions, top_declarations)
    handlers = {e.shape.line for e in exports if e.shape is not None and e.source is None}
    env_names = env_bindings(caps)
    clients = _clients(constructs, imports)
    return FileFacts(
        path=path,
        grammar=grammar,
        esm_syntax=esm_syntax or bool(caps.get("import")),
        cjs_syntax=bool(requires or caps.get("cjs_export")),
        imports=tuple(imports),
        exports=tuple(exports),
        env=tuple(_env(caps)),
        props=tuple(_props(caps)),
        destructured=tuple(Located(text(n), line(n)) for n in caps.get("destructured", ())),
        literals=tuple(Located(text(n), line(n)) for n in caps.get("literal", ())),
        return_keys=tuple(_return_keys(caps)),
        error_classes=tuple(_error_classes(caps)),
        error_names=tuple(_error_names(caps)),
        constructs=tuple(c for c in constructs if c.ctor != "Function"),
        method_calls=tuple(_method_calls(methods, clients)),
        evals=_evals(evals, constructs),
        global_state=tuple(_global_state(caps, top_declarations)),
        syntax_errors=tuple(syntax_errors(tree.root_node)),
        units=top_level_units(tree.root_node) if handler and len(handlers) > 1 else (),
        multi_export=len(handlers) > 1,
        lambda_globals=tuple(Located(text(n), line(n)) for n in caps.get("lambda_global", ())),
        call_inputs=tuple(call_inputs(news_read, methods, env_names, clients, text)),
        env_bindings=tuple(sorted(env_names.items())),
        events_read=events,
    )


def _clients(constructs: list[Construct], imports: list[ImportRef]) -> set[str]:
    """Names a method may be called on as an SDK client: variables holding a constructed object,
    and names imported from local modules (see migrator.scan.sdk)."""
    names = {c.assigned_to for c in constructs if c.assigned_to}
    names.update(local for ref in imports if ref.specifier.startswith(".") for local, _ in ref.bindings)
    return names


def _evals(evals: list[ts.Node], constructs: list[Construct]) -> tuple[Located, ...]:
    """`eval()` calls and `new Function()`, by line."""
    found = [Located("eval()", line(n)) for n in evals]
    found += [Located("new Function()", c.line) for c in constructs if c.ctor == "Function"]
    return tuple(sorted(found, key=lambda loc: loc.line))


def _refused(path: str, grammar: GrammarName, deep: ts.Node) -> FileFacts:
    """No facts, and one located problem saying why."""
    message = (
        f"code nests more than {MAX_DEPTH} levels deep; the scan does not read this file "
        "(generated? scan its sources)"
    )
    problem = SyntaxProblem(line(deep), deep.start_point.column + 1, message)
    return FileFacts(
        path, grammar, False, False, (), (), (), (), (), (), (), (), (), (), (), (), (), (problem,)
    )


def _top_level(root: ts.Node) -> tuple[dict[str, ts.Node], list[ts.Node]]:
    """Top-level function declarations by name, and top-level variable declarations."""
    functions: dict[str, ts.Node] = {}
    declarations: list[ts.Node] = []
    for node in root.children:
        kind = node.type
        if kind == "export_statement":
            inner = node.child_by_field_name("declaration")
            if inner is None:
                continue
            node, kind = inner, inner.type
        if kind == "lexical_declaration" or kind == "variable_declaration":
            declarations.append(node)
        elif kind == "function_declaration" or kind == "generator_function_declaration":
            functions[text(node.child_by_field_name("name"))] = node
    return functions, declarations


def _exports(
    caps: _Captures,
    imports: list[ImportRef],
    top_functions: dict[str, ts.Node],
    top_declarations: list[ts.Node],
) -> tuple[list[Export], bool]:
    bindings = {
        local: (ref.specifier, imported)
        for ref in imports
        if ref.specifier
        for local, imported in ref.bindings
    }
    reader = ExportReader(top_functions, top_declarations, bindings.get)
    out: list[Export] = []
    for target in caps.get("cjs_export", ()):
        assignment = target.parent  # each `.parent` walks down from the root: read it once
        value = assignment.child_by_field_name("right") if assignment is not None else None
        if value is None:
            continue
        assigned = text(target)
        if assigned == "module.exports":
            out.extend(reader.module_exports(value))
        else:
            out.append(reader.value(assigned.rsplit(".", 1)[1], value))
    esm_statements = caps.get("esm_export", ())
    for node in esm_statements:
        out.extend(reader.esm(node))
    return out, bool(esm_statements)


def _env(caps: _Captures) -> list[Located]:
    out = [Located(text(n), line(n)) for n in caps.get("env_name", ())]
    out.extend(Located(string_value(n) or "", line(n)) for n in caps.get("env_string", ()))
    for pattern in caps.get("env_pattern", ()):
        for child in pattern.named_children:
            key: ts.Node | None = child
            if child.type == "pair_pattern":
                key = child.child_by_field_name("key")
            elif child.type == "object_assignment_pattern":
                key = child.child_by_field_name("left")
            if key is None:
                continue
            if key.type in ("shorthand_property_identifier_pattern", "property_identifier"):
                out.append(Located(text(key), line(key)))
            elif key.type == "string":
                out.append(Located(string_value(key) or "", line(key)))
    return sorted(out, key=lambda loc: loc.line)


def _props(caps: _Captures) -> list[PropRead]:
    out = []
    for node in caps.get("prop", ()):
        member = node.parent
        obj = member.child_by_field_name("object") if member is not None else None
        out.append(PropRead(last_name(obj) if obj is not None else "", text(node), line(node)))
    for node in caps.get("prop_key", ()):
        subscript = node.parent.parent if node.parent is not None else None
        obj = subscript.child_by_field_name("object") if subscript is not None else None
        out.append(PropRead(last_name(obj) if obj is not None else "", text(node), line(node)))
    return sorted(out, key=lambda p: p.line)


def _return_keys(caps: _Captures) -> list[Located]:
    out = []
    for obj in caps.get("returned", ()):
        for pair in obj.named_children:
            key = pair.child_by_field_name("key") if pair.type == "pair" else pair
            if key is None or key.type not in (
                "property_identifier",
                "string",
                "shorthand_property_identifier",
            ):
                continue
            out.append(Located((string_value(key) if key.type == "string" else text(key)) or "", line(key)))
    return out


def _error_classes(caps: _Captures) -> list[ErrorClass]:
    out = []
    for heritage in caps.get("class_heritage", ()):
        cls = heritage.parent
        body = cls.child_by_field_name("body") if cls is not None else None
        if cls is None or body is None:
            continue
        name_node = cls.child_by_field_name("name")
        name = text(name_node) if name_node is not None else ""
        parent = text(heritage).removeprefix("extends").strip()
        parent = parent.split(" implements ")[0].split("<")[0].strip()
        out.append(ErrorClass(name, parent, class_error_name(body, name), line(cls)))
    return out


def _error_names(caps: _Captures) -> list[ErrorRename]:
    out = []
    for target in caps.get("error_name", ()):
        assignment = target.parent if text(target) != "this.name" else None  # read once: it walks
        if assignment is None:
            continue
        value = assignment.child_by_field_name("right")
        obj = target.child_by_field_name("object")
        if value is not None and obj is not None:
            out.append(ErrorRename(last_name(obj), string_value(value) or "", line(value)))
    return out


def _factories(methods: list[MethodCall], text: Text) -> list[Construct]:
    """`const ddb = DynamoDBDocument.from(new DynamoDBClient())` as a construct of `DynamoDBDocument`."""
    out = []
    for method in methods:
        if method.name != "from" or method.obj.type != "identifier":
            continue
        call = method.member.parent  # each `.parent` walks down from the root: read it once
        if call is not None:
            out.append(_construct(method.obj, text, call))
    return out


def _constructor(new: ts.Node) -> ts.Node:
    """The constructor of a `new` expression (the query captures the expression: reaching the
    constructor by field is cheaper than `.parent`, which walks down from the root)."""
    ctor = new.child_by_field_name("constructor")
    return ctor if ctor is not None else new  # never None: the query's pattern names the field


def _construct(ctor: ts.Node, text: Text, node: ts.Node | None = None) -> Construct:
    """`new ctor(…)` (or the call `node` that builds a `ctor`) and where its value is stored."""
    node = node or ctor.parent
    parent = node.parent if node is not None else None
    while parent is not None and parent.type in TRANSPARENT:
        parent = parent.parent
    assigned: str | None = None
    if parent is not None and parent.type == "variable_declarator":
        target = parent.child_by_field_name("name")
        if target is not None and target.type == "identifier":
            assigned = text(target)
    elif parent is not None and parent.type == "assignment_expression":
        left = parent.child_by_field_name("left")
        if left is not None and left.type == "identifier":
            assigned = text(left)
        elif left is not None and left.type == "member_expression":
            assigned = text(left.child_by_field_name("property"))
    elif parent is not None and parent.type in ("public_field_definition", "field_definition"):
        name = parent.child_by_field_name("name") or parent.child_by_field_name("property")
        assigned = text(name) if name is not None else None
    return Construct(text(ctor), line(ctor), assigned)


#: v2 S3 presigning: `s3.getSignedUrl('putObject', params)` presigns that operation.
_PRESIGN = ("getSignedUrl", "getSignedUrlPromise")


def _method_calls(methods: list[MethodCall], clients: set[str]) -> list[tuple[str, str, int]]:
    """(object, method, line) per call on one of `clients`, plain or `this.` (the SDK readers
    look at no other object); presigning also names its operation as `getSignedUrl:putObject`."""
    out = []
    for method in methods:
        if not on_client(method, clients):
            continue
        name, at, obj = method.name, line(method.node), method.obj_text.removeprefix("this.")
        out.append((obj, name, at))
        call = method.member.parent if name in _PRESIGN else None  # it walks: read once, when needed
        if call is not None:
            args = call.child_by_field_name("arguments")
            first = args.named_child(0) if args is not None and args.named_child_count else None
            operation = string_value(first) if first is not None else None
            if operation:
                out.append((obj, f"{name}:{operation}", at))
    return out


def _global_state(caps: _Captures, top_declarations: list[ts.Node]) -> list[Located]:
    """Module-level `let`/`var` names that some function reassigns."""
    mutable: set[str] = set()
    for declaration in top_declarations:
        keyword = declaration.child(0)  # not `.children[0]`: that builds every child
        if declaration.type == "variable_declaration" or (keyword is not None and keyword.type == "let"):
            for declarator in declaration.named_children:
                name = declared_identifier(declarator)
                if name is not None:
                    mutable.add(text(name))
    first: dict[str, int] = {}
    for ident in caps.get("assigned", ()):
        variable = text(ident)
        if variable in mutable and variable not in first and inside_function(ident):
            first[variable] = line(ident)
    return sorted((Located(n, at) for n, at in first.items()), key=lambda loc: loc.line)
