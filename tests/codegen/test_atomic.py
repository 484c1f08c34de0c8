"""The one atomic-write helper: whole files or none, no temporary file left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from codegen.output.atomic import write_atomic, write_new


def test_write_new_creates_and_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    write_new(target, "héllo")
    assert target.read_bytes() == "héllo".encode()
    with pytest.raises(FileExistsError):
        write_new(target, b"again")
    assert target.read_text(encoding="utf-8") == "héllo"


def test_write_atomic_replaces_and_sets_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    target.write_text("old")
    write_atomic(target, b"new", 0o640)
    assert target.read_text() == "new" and target.stat().st_mode & 0o777 == 0o640
    write_atomic(target, "newer")
    assert target.read_text() == "newer"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_write_atomic_leaves_nothing_on_failure(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(IsADirectoryError):
        write_atomic(tmp_path / "folder", "x")  # os.replace cannot put a file over a folder
    with pytest.raises(UnicodeEncodeError):
        write_atomic(tmp_path / "r.txt", "\udce9")
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "missing" / "r.txt", "x")
    assert [p.name for p in tmp_path.iterdir()] == ["folder"] and not os.listdir(tmp_path / "folder")
