"""Spec text where one line is expected: generated `//` comments and diagnostics."""

from __future__ import annotations

import pytest

from codegen.errors import Diagnostic, Level
from codegen.text import one_line, printable

TERMINATORS = ["\n", "\r", "\r\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c"]


@pytest.mark.parametrize("terminator", TERMINATORS)
def test_one_line_removes_every_line_terminator(terminator: str) -> None:
    made = one_line(f"Pets{terminator}globalThis.pwned = 1;")
    assert made == "Pets globalThis.pwned = 1;" and made.splitlines() == [made]


def test_printable_escapes_what_would_break_a_line_and_keeps_the_rest() -> None:
    assert printable("plain `name` ü") == "plain `name` ü"
    assert printable("na\nme\u2028x\x1b") == "na\\nme\\u2028x\\u001b"


def test_a_diagnostic_about_a_name_with_a_newline_stays_one_line() -> None:
    found = Diagnostic(Level.WARNING, "property `na\nme` disagrees", "/properties/na\nme", "a.yaml", 3, 5)
    assert found.render().splitlines() == [found.render()]
    assert "na\\nme" in found.render()
