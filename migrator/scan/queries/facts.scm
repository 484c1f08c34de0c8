; Facts one source file yields, independent of which function uses it.
; Compiled for the javascript, typescript and tsx grammars; node names used here exist in all three.
;
; Read with QueryCursor.captures(): each pattern has ONE capture without a leading underscore,
; named after the fact, on a node from which the rest is reached through fields (see collect.py).
; Captures starting with "_" only feed predicates. Patterns stay shallow and use text predicates:
; nested patterns make the query slow to compile with the TypeScript grammar. py-tree-sitter checks
; a match's predicates once per capture, so a pattern with a predicate captures only the node the
; predicate reads (@env, @named_call): captures.py moves the capture
; to its neighbour (the env name, the call). Lambda's Node-only globals are in
; globals.scm, run only on files that name `awslambda`; the event shape (what the code reads of
; its event, compares with, returns) is in events.scm, run only on files a function reaches whose
; config declares no trigger.

; --- modules -------------------------------------------------------------------------------
; Statements are rare nodes: captured bare, and their `source` is checked in captures.py (a child
; step costs 0.5-1.5 ms of compiling per pattern and grammar, paid before any worker starts).
; A re-export is an `esm_export` (below) with a source.
(import_statement) @import
(call_expression function: (identifier) @named_call (#any-of? @named_call "require" "eval"))
; `import(…)`: the keyword is a named node only as a call's function (captures.py moves the capture
; to the call). A bare node compiles fastest: with a child step, tree-sitter analyses every parse
; state the parent can be in (`(call_expression function: (import))`: 1.7 ms with the TypeScript
; grammar, 1 ms with JavaScript, paid by every scan before it starts).
(import) @dynimport

; --- environment ---------------------------------------------------------------------------
; One pattern per use: a bare `((member_expression) @env (#eq? @env "process.env"))` compiled 6 ms
; faster (both grammars) but checked its predicate on every member expression: 7 % more query time.
(member_expression
  object: (member_expression) @env (#eq? @env "process.env")
  property: (property_identifier))
(subscript_expression
  object: (member_expression) @env (#eq? @env "process.env")
  index: (string))
(variable_declarator
  name: (object_pattern)
  value: (member_expression) @env (#eq? @env "process.env"))

; --- exports and top-level declarations ----------------------------------------------------
; `module.exports = …`, `exports.x = …` and `error.name = "…"` (see --- errors): one pattern, one
; regular expression (two compiled 2 ms slower); captures.py tells them apart.
(assignment_expression
  left: (member_expression) @member_assign
  (#match? @member_assign "^(module\\.)?exports(\\.[A-Za-z_$][A-Za-z0-9_$]*)?$|\\.name$"))
(export_statement) @esm_export
; Top-level declarations are read from the program node's children in Python: cheaper than patterns.
(assignment_expression left: (identifier) @assigned)
; `x += 1`, `x++`: bare (as the statements above); captures.py keeps those of a plain name.
(augmented_assignment_expression) @augmented
(update_expression) @updated

; --- errors --------------------------------------------------------------------------------
(class_heritage) @class_heritage
; `err.name = "…"` is a @member_assign (above) whose value is a string.
; Every constructor and every `obj.method(…)` call is captured: the readers in Python decide what
; matters (a `#not-any-of?` list of built-ins here was never applied: py-tree-sitter 0.26 passes any
; node when the list has two or more names, and checking it cost 4 % of the query).
(new_expression constructor: [(identifier) (member_expression)]) @new

; --- risky constructs and SDK calls --------------------------------------------------------
; eval() comes with @named_call above, new Function() with @new.
; `obj.method(…)` and `this.obj.method(…)`: the callee, without its parts (a pattern naming them
; compiled 3 ms slower); callinput.method_calls keeps those on a plain name or on `this.name`.
(call_expression function: (member_expression) @method_call)
