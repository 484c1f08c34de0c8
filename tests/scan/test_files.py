"""The safe reader: regular files inside the scanned folder, size-capped, never blocking."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from migrator.scan.files import Reader, Unreadable, read_bytes, read_text, shown


def test_reads_a_regular_file(tmp_path: Path) -> None:
    (tmp_path / "a.js").write_bytes(b"\xef\xbb\xbfexport const x = 1\n")
    assert read_bytes(tmp_path / "a.js", tmp_path, 100).startswith(b"\xef\xbb\xbf")
    assert read_text(tmp_path / "a.js", tmp_path, 100) == "export const x = 1\n"


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "index.js")
    with pytest.raises(Unreadable) as caught:
        read_bytes(tmp_path / "index.js", tmp_path, 100)
    assert caught.value.cause == "special"
    assert "FIFO" in caught.value.reason


def test_link_to_a_device_is_refused(tmp_path: Path) -> None:
    (tmp_path / "zero.yml").symlink_to("/dev/zero")
    with pytest.raises(Unreadable) as caught:
        read_bytes(tmp_path / "zero.yml", tmp_path, 100)
    assert caught.value.cause == "outside"
    with pytest.raises(Unreadable) as caught:
        read_bytes(Path("/dev/zero"), "/", 100)
    assert caught.value.cause == "special"


def test_outside_the_root_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "fleet"
    root.mkdir()
    (tmp_path / "secret.js").write_text("x")
    (root / "link.js").symlink_to(tmp_path / "secret.js")
    for path in (root / ".." / "secret.js", tmp_path / "secret.js", root / "link.js"):
        with pytest.raises(Unreadable) as caught:
            read_bytes(path, root, 100)
        assert caught.value.cause == "outside"
    assert shown(root / ".." / "secret.js", root) == "../secret.js"


def test_size_cap_and_encoding(tmp_path: Path) -> None:
    (tmp_path / "big.json").write_bytes(b"x" * 101)
    with pytest.raises(Unreadable) as caught:
        read_bytes(tmp_path / "big.json", tmp_path, 100)
    assert caught.value.cause == "size"
    (tmp_path / "latin.yml").write_bytes(b"caf\xe9")
    with pytest.raises(Unreadable) as caught:
        read_text(tmp_path / "latin.yml", tmp_path, 100)
    assert caught.value.cause == "encoding"


def test_folders_missing_files_and_loops(tmp_path: Path) -> None:
    (tmp_path / "dir.js").mkdir()
    (tmp_path / "loop.js").symlink_to(tmp_path / "loop.js")
    causes = []
    for name in ("dir.js", "missing.js", "loop.js"):
        with pytest.raises(Unreadable) as caught:
            read_bytes(tmp_path / name, tmp_path, 100)
        causes.append(caught.value.cause)
    assert causes[:2] == ["special", "os"]
    assert causes[2] in ("os", "outside")


def test_reader_follows_links_inside_and_refuses_the_rest(tmp_path: Path) -> None:
    root = tmp_path / "fleet"
    (root / "src").mkdir(parents=True)
    (root / "src" / "a.js").write_text("a")
    (root / "src" / "link.js").symlink_to("a.js")
    (root / "src" / "out.js").symlink_to("/dev/zero")
    (root / "src" / "loop.js").symlink_to("loop.js")
    os.mkfifo(root / "src" / "fifo.js")
    reader = Reader(root)
    assert reader.read_text(root / "src" / "link.js", 10) == "a"
    assert reader.read_bytes(root / "src" / ".." / "src" / "a.js", 10) == b"a"
    causes = {}
    for name in ("out.js", "loop.js", "fifo.js"):
        with pytest.raises(Unreadable) as caught:
            reader.read_bytes(root / "src" / name, 10)
        causes[name] = caught.value.cause
    assert causes == {"out.js": "outside", "loop.js": "os", "fifo.js": "special"}


def test_reader_resolves_linked_folders_as_realpath_does(tmp_path: Path) -> None:
    """Folders are resolved from their parent's real path: links to folders, links that climb
    out of the root, `..` and loops end where `os.path.realpath` says."""
    root = tmp_path / "fleet"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "x.js").write_text("x")
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "x.js").write_text("s")
    (root / "link").symlink_to("a/b")
    (root / "a" / "up").symlink_to("../..")
    (root / "away").symlink_to(tmp_path / "secret")
    (root / "loop").symlink_to("loop")
    reader = Reader(root)
    assert reader.read_text(root / "link" / "x.js", 10) == "x"
    assert reader.read_text(root / "a" / "up" / "fleet" / "a" / "b" / "x.js", 10) == "x"
    assert reader.read_text(root / "a" / ".." / "link" / "x.js", 10) == "x"
    for path, cause in ((root / "away" / "x.js", "outside"), (root / "loop" / "x.js", "os")):
        with pytest.raises(Unreadable) as caught:
            reader.read_bytes(path, 10)
        assert caught.value.cause == cause
