"""The one reader of user-named files: regular files only, never blocking, size-capped."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from codegen.spec.regular import ReadRefused, kind, read_regular


def test_reads_a_regular_file_and_follows_links(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"\xff bytes")
    (tmp_path / "link").symlink_to("a")
    assert read_regular(tmp_path / "a", 8) == b"\xff bytes"
    assert read_regular(tmp_path / "link", 8) == b"\xff bytes"


def test_a_link_is_refused_at_open_with_nofollow(tmp_path: Path) -> None:
    (tmp_path / "a").write_text("x")
    (tmp_path / "link").symlink_to("a")
    with pytest.raises(ReadRefused) as refused:
        read_regular(tmp_path / "link", 8, flags=os.O_NOFOLLOW)
    assert refused.value.cause == "open" and refused.value.error is not None
    assert refused.value.error.errno == errno.ELOOP


def test_fifo_device_and_folder_are_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")  # opening it to read without O_NONBLOCK would wait for a writer
    found = {}
    for path in (tmp_path / "fifo", Path("/dev/zero"), tmp_path):
        with pytest.raises(ReadRefused) as refused:
            read_regular(path, 1024)
        assert refused.value.cause == "special"
        found[path.name] = kind(refused.value.mode)
    assert found == {"fifo": "a FIFO", "zero": "a device", tmp_path.name: "a folder"}
    assert kind(0o100644, "a special file") == "a special file"


def test_size_is_bounded(tmp_path: Path) -> None:
    (tmp_path / "big").write_bytes(b"x" * 11)
    assert read_regular(tmp_path / "big", 11) == b"x" * 11
    with pytest.raises(ReadRefused) as refused:
        read_regular(tmp_path / "big", 10)
    assert (refused.value.cause, refused.value.size) == ("size", 11)


def test_a_missing_file_is_an_open_refusal(tmp_path: Path) -> None:
    with pytest.raises(ReadRefused) as refused:
        read_regular(tmp_path / "missing", 10)
    assert refused.value.cause == "open" and isinstance(refused.value.error, FileNotFoundError)
