"""Folder names cannot leave the output folder; collisions resolve deterministically."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from migrator.stub.naming import exported, folder_name, unique_folders


@given(st.text())
def test_folder_name_is_one_safe_segment(name: str) -> None:
    folder = folder_name(name)
    assert folder and "/" not in folder and "\\" not in folder
    assert folder not in (".", "..") and not folder.startswith((".", "-"))
    assert all(c.isascii() and (c.isalnum() or c in "._-") for c in folder)


def test_hostile_names() -> None:
    assert folder_name("../../etc/passwd") == "etc-passwd"
    assert folder_name("CON") == "fn-CON"
    assert folder_name("") == "function"


def test_collisions_are_case_insensitive_and_stable() -> None:
    assert unique_folders(["Orders", "orders", "a/b", "a-b", "Orders"]) == [
        "Orders",
        "orders-2",
        "a-b",
        "a-b-2",
        "Orders-3",
    ]


def test_exported_identifiers() -> None:
    assert exported("ORDERS_TABLE") == "OrdersTable"
    assert exported("2FA_KEY") == "X2faKey"
    assert exported("dynamodb") == "Dynamodb"
    assert exported("---") == "Value"
