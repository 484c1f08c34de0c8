"""What one JavaScript/TypeScript file says, read from its syntax tree without running it.

`migrator.scan.collect.analyze_file` runs the facts query once over the tree and builds a frozen
`FileFacts`. Nothing here knows about functions or configs: the same helper module's facts are
shared by every function that imports it (see migrator.scan.assemble).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from migrator.scan.jsparse import GrammarName

ImportKind = Literal["import", "require", "dynamic-import", "reexport"]


@dataclass(frozen=True)
class ImportRef:
    """One module reference: `import`, `require()`, `import()` or `export … from`."""

    specifier: str  #: the module string; "" when not a literal (see `dynamic`)
    line: int
    kind: ImportKind
    bindings: tuple[tuple[str, str], ...]  #: (local name, imported name); "*" = whole module
    dynamic: bool  #: the specifier is computed at run time
    type_only: bool = False  #: TypeScript `import type …`: erased at compile time


@dataclass(frozen=True)
class FunctionShape:
    """The parts of a function that decide how Lambda calls it."""

    is_async: bool
    params: tuple[str, ...]  #: parameter names ("" for destructuring patterns)
    returns_promise: bool  #: a plain function whose body returns a Promise
    line: int
    wrapper: str | None  #: callee that wraps the function, e.g. "middy"
    #: a plain function returning a call to an imported function: (module, export) it calls,
    #: so the caller can see whether that returns a promise (it does when the export is async)
    returns_import: tuple[str, str] | None = None


@dataclass(frozen=True)
class Export:
    """One exported name and what it refers to."""

    name: str
    line: int
    shape: FunctionShape | None  #: set when the value is a function found in this file
    source: str | None  #: module specifier when re-exported from another module
    imported: str | None  #: name in `source` ("*" for everything)


@dataclass(frozen=True)
class PropRead:
    """A property the code reads: `<parent>.<name>`, where parent is the name before it."""

    parent: str  #: identifier or property before `name` ("" when not a name)
    name: str
    line: int


@dataclass(frozen=True)
class ErrorClass:
    name: str
    parent: str  #: the `extends` expression's text
    error_name: str | None  #: the `name` value the class sets, if any
    line: int


@dataclass(frozen=True)
class ErrorRename:
    """`target.name = 'Name'` outside a class: the error in `target` carries `Name`."""

    target: str  #: the variable (or last property) whose `name` is set
    name: str
    line: int


@dataclass(frozen=True)
class Construct:
    """A `new X(…)` expression, and the variable its value is stored in when that is plain."""

    ctor: str  #: constructor expression text, e.g. "PutCommand" or "AWS.DynamoDB.DocumentClient"
    line: int
    assigned_to: str | None


@dataclass(frozen=True)
class InputKey:
    """A top-level key of the object literal a call passes as its input."""

    name: str
    env: str | None  #: the environment variable the value reads (`process.env.X`, or a name bound to it)
    value: str  #: the value's expression text, on one line, cut when long


@dataclass(frozen=True)
class CallInput:
    """The object-literal input of a `new XCommand({…})` or `x.method({…})` call."""

    callee: str  #: constructor text (`PutCommand`, `ddb.PutCommand`) or method name (`sendMessage`)
    line: int  #: line of the constructor or method name
    keys: tuple[InputKey, ...]


@dataclass(frozen=True)
class Located:
    value: str
    line: int


@dataclass(frozen=True)
class SyntaxProblem:
    line: int
    column: int
    message: str


@dataclass(frozen=True)
class Unit:
    """A top-level function (or variable set at init) and the names its code refers to.

    Only files with two or more exported functions get units: they let one export's facts leave
    out what only its siblings reach (see migrator.scan.export_scope).
    """

    start: int  #: first line
    end: int  #: last line
    names: tuple[str, ...]  #: local names bound to it (none for `exports.x = …`)
    refs: frozenset[str]  #: identifiers used inside it
    init: bool = False  #: a top-level variable set at init (`const db = new Client()`), not a function


@dataclass(frozen=True)
class FileFacts:
    """Everything the scan needs from one source file."""

    path: str  #: POSIX path relative to the scan root
    grammar: GrammarName
    esm_syntax: bool  #: has import/export statements
    cjs_syntax: bool  #: uses require() or module.exports/exports
    imports: tuple[ImportRef, ...]
    exports: tuple[Export, ...]
    env: tuple[Located, ...]
    props: tuple[PropRead, ...]
    destructured: tuple[Located, ...]
    literals: tuple[Located, ...]
    return_keys: tuple[Located, ...]
    error_classes: tuple[ErrorClass, ...]
    error_names: tuple[ErrorRename, ...]  #: `x.name = '…'` outside classes
    constructs: tuple[Construct, ...]
    method_calls: tuple[tuple[str, str, int], ...]  #: (object, method, line)
    evals: tuple[Located, ...]
    global_state: tuple[Located, ...]  #: module-level variables reassigned inside functions
    syntax_errors: tuple[SyntaxProblem, ...]
    units: tuple[Unit, ...] = ()  #: top-level functions, for a handler file exporting two or more
    multi_export: bool = False  #: exports two or more functions (units are read for handler files)
    lambda_globals: tuple[Located, ...] = ()  #: `awslambda.streamifyResponse` and the like
    call_inputs: tuple[CallInput, ...] = ()  #: object-literal inputs of calls (SDK command inputs)
    #: (name, env var) for names bound to `process.env.X` at any level (`const T = process.env.T`)
    env_bindings: tuple[tuple[str, str], ...] = ()
    scope: str | None = None  #: set on a copy narrowed to one export (see migrator.scan.export_scope)
    #: props, destructured, literals and return_keys were read (only for functions whose config
    #: declares no trigger: config wins; see migrator.scan.project)
    events_read: bool = True
