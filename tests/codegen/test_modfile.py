"""go.mod text, written and read one way for codegen, the stub and port."""

from __future__ import annotations

from codegen.emit.go.modfile import declared_module, go_mod, mod_text, pin


def test_mod_text_is_tidys_layout() -> None:
    text = mod_text("example.com/m", "1.26", [("b.io/x", "v1.0.0", False), ("a.io/y", "v0.1.0", True)])
    assert text == (
        "module example.com/m\n\ngo 1.26\n\nrequire (\n\tb.io/x v1.0.0\n)\n\n"
        "require (\n\ta.io/y v0.1.0 // indirect\n)\n"
    )
    assert mod_text("example.com/m", "1.26", []) == "module example.com/m\n\ngo 1.26\n"


def test_codegen_pin_has_one_direct_block() -> None:
    text = go_mod("example.com/api")
    assert text.startswith(f"module example.com/api\n\ngo {pin().go}\n\nrequire (\n")
    assert "// indirect" not in text and declared_module(text) == "example.com/api"


def test_declared_module_ignores_comments_and_quotes() -> None:
    assert declared_module('// module wrong\nmodule "example.com/q" // trailing\n') == "example.com/q"
    assert declared_module("  module `example.com/b`\n") == "example.com/b"
    assert declared_module("go 1.26\n") is None
