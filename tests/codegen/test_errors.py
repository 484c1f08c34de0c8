from __future__ import annotations

from codegen.errors import CodegenError, Diagnostic, Level, SpecError


def test_render_names_file_line_column_and_pointer() -> None:
    diagnostic = Diagnostic(Level.WARNING, "careful", "/a/b", "api.yaml", 3, 7)
    assert diagnostic.render() == "api.yaml:3:7 #/a/b: warning: careful"
    assert Diagnostic(Level.ERROR, "bad", "", "api.json").render() == "api.json: error: bad"


def test_spec_error_puts_errors_first_and_summarises() -> None:
    notice = Diagnostic(Level.NOTICE, "n", "", "f")
    warning = Diagnostic(Level.WARNING, "w", "/x", "f", 2)
    error = Diagnostic(Level.ERROR, "e", "/y", "f", 9)
    raised = SpecError([notice, warning, error])
    assert isinstance(raised, CodegenError)
    assert raised.diagnostics == (error, warning, notice)
    assert str(raised) == "1 error(s), 1 warning(s) in the spec; first: f:9 #/y: error: e (and 2 more)"
