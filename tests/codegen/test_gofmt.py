"""gofmt through temporary files, many files at a time: same text as gofmt on stdin, errors named."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest

from codegen.emit.go.gofmt import Formatter, find_gofmt, gofmt_environment
from codegen.emit.interface import EmitError


def gofmt_all(texts: dict[str, str]) -> dict[str, str]:
    with Formatter() as formatter:
        formatter.submit(texts.items())
        return formatter.results()


UNFORMATTED = (
    'package p\nimport (\n"strings"\n"fmt"\n)\n'
    'type T struct{\nA int `json:"a"`\nLonger string\n}\n'
    'func F() { fmt.Println(strings.ToUpper("ü")) }\n'
)


def test_formats_as_gofmt_on_stdin_does() -> None:
    expected = subprocess.run([find_gofmt()], input=UNFORMATTED, capture_output=True, text=True, check=True)
    assert expected.stdout != UNFORMATTED
    assert gofmt_all({"a.go": UNFORMATTED}) == {"a.go": expected.stdout}


def test_results_come_in_submission_order() -> None:
    names = [f"f{n}.go" for n in range(7, 0, -1)]
    with Formatter() as formatter:
        formatter.submit((name, f"package p\nconst {name[:-3].upper()}=1\n") for name in names)
        formatted = formatter.results()
    assert list(formatted) == names
    assert formatted["f3.go"] == "package p\n\nconst F3 = 1\n"


def test_invalid_go_names_the_file() -> None:
    with pytest.raises(EmitError, match=r"generated internal/x\.go is not valid Go") as raised:
        gofmt_all({"ok.go": "package p\n", "internal/x.go": "package p\nfunc {\n"})
    assert "internal/x.go:2" in str(raised.value)


def test_gofmt_collects_garbage_only_near_its_memory_limit_unless_told_otherwise() -> None:
    assert gofmt_environment({"PATH": "/bin"}) == {"PATH": "/bin", "GOGC": "off", "GOMEMLIMIT": "512MiB"}
    assert gofmt_environment({"GOGC": "50"}) == {"GOGC": "50"}
    assert gofmt_environment({"GOMEMLIMIT": "1GiB"}) == {"GOMEMLIMIT": "1GiB"}


def test_a_temporary_folder_that_cannot_be_written_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    with pytest.raises(EmitError, match=r"could not run gofmt on a\.go .*set TMPDIR to another folder"):
        gofmt_all({"a.go": "package p\n"})
