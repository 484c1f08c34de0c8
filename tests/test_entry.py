"""The `migrate` entry point: a Ctrl-C while the command line loads ends the run in one line, 130."""

from __future__ import annotations

import sys
import types

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
