"""The `migrate` entry point: a Ctrl-C while the command line loads ends the run in one line, 130."""

from __future__ import annotations

import gc
import subprocess
import sys
import types
from collections.abc import Iterator

import pytest

from migrator import entry


class _Loading(types.ModuleType):
    """A `migrator.cli.main` whose loading the user interrupts."""

    def __getattr__(self, name: str) -> object:
        raise KeyboardInterrupt


def test_ctrl_c_while_loading_is_one_line_and_exit_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "migrator.cli.main", _Loading("migrator.cli.main"))
    with pytest.raises(SystemExit) as exited:
        entry.main()
    assert exited.value.code == 130
    assert capsys.readouterr().err == "migrate: interrupted\n"


def test_the_entry_point_runs_the_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["migrate", "--help"])
    with pytest.raises(SystemExit) as exited:
        entry.main()
    assert exited.value.code == 0
    assert "Move fleets of Node.js AWS Lambda functions to Go" in capsys.readouterr().out


@pytest.fixture(autouse=True)
def _thawed() -> Iterator[None]:
    """`entry.main` freezes the heap for the process's exit; this process goes on."""
    yield
    gc.unfreeze()


_CYCLE_AT_EXIT = """
import sys
from migrator import entry

class Cycle:
    def __del__(self) -> None:
        print("collected", file=sys.stderr)

cycle = Cycle()  # garbage once the interpreter clears this module, at exit
cycle.me = cycle
sys.argv = ["migrate", "--help"]
entry.main()
"""


@pytest.mark.parametrize("spare", [True, False])
def test_the_exit_skips_the_last_collection(spare: bool) -> None:
    """Garbage in cycles at exit is left to the OS (a full collection after codegen costs 0.2 s);
    the same program with the freeze switched off shows that the interpreter would collect it."""
    source = _CYCLE_AT_EXIT
    if not spare:
        source = source.replace(
            "entry.main()", "entry._leave_the_heap_to_the_os = lambda: None\nentry.main()"
        )
    done = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert ("collected" in done.stderr) is not spare
