"""Globs over JSON pointers, as golden's ignore paths use them."""

from __future__ import annotations

from codegen.spec.pointers import join
from golden.compare.pointer import covered, covers, literal_glob, matches


def test_difference_pointer_globs() -> None:
    assert matches("/items/*/id", "/items/3/id") and not matches("/items/*", "/items/3/id")
    assert covers("/items/*", "/items/3/id") and not covers("/items/*/id", "/items/3")
    assert matches("/**/requestId", "/requestId") and matches("/**/requestId", "/a/b/requestId")
    assert matches("/headers/x-*", "/headers/x-amzn-trace-id")
    assert covers("", "/anything") and matches("", "")
    assert matches(literal_glob("/a*/[b]"), "/a*/[b]") and not matches(literal_glob("/a*"), "/ab")


def test_globs_match_escaped_segments() -> None:
    path = join("/headers", "a/b~c")
    assert matches("/headers/a~1b~0c", path) and matches("/headers/a~1b*", path)
    assert matches(literal_glob(path), path) and covered(["/x", "/headers"], path)
