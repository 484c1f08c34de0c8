from __future__ import annotations

import pytest

from codegen.spec import pointers


def test_escape_and_split_round_trip() -> None:
    pointer = pointers.join("", "paths", "/orders/{id}", "get", "a~b")
    assert pointer == "/paths/~1orders~1{id}/get/a~0b"
    assert pointers.split(pointer) == ["paths", "/orders/{id}", "get", "a~b"]
    assert pointers.parent(pointer) == "/paths/~1orders~1{id}/get"
    assert pointers.join("", "a/b~c") == "/a~1b~0c" and pointers.split("/a~1b~0c") == ["a/b~c"]
    assert pointers.join("/items", 3) == "/items/3" and pointers.split("/") == [""]
    assert pointers.join("/a", "~1", 0, "/~") == "/a/~01/0/~1~0" and pointers.join("/a") == "/a"


def test_lookup_in_dicts_and_lists() -> None:
    doc = {"a": [{"b": None}]}
    assert pointers.lookup(doc, "/a/0/b") == (True, None)
    assert pointers.lookup(doc, "/a/1") == (False, None)
    assert pointers.lookup(doc, "/a/01") == (False, None)
    assert pointers.lookup(doc, "") == (True, doc)


def test_split_refuses_a_relative_pointer() -> None:
    with pytest.raises(ValueError, match="starts with '/'"):
        pointers.split("a/b")
