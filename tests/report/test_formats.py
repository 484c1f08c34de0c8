"""Every scan format is registered once, renders a real report, and is what `migrate scan` offers."""

from __future__ import annotations

import json
import pkgutil
from importlib import import_module
from pathlib import Path

import pytest
from typer.testing import CliRunner

import migrator.report
from migrator.cli.main import build_app
from migrator.report.formats import SCAN_FORMATS
from migrator.report.output import render_text
from migrator.scan.engine import ScanOptions, scan
from migrator.scan.model import ScanReport
from tests.conftest import FLEET


@pytest.fixture(scope="module")
def fleet_report() -> ScanReport:
    return scan(FLEET, ScanOptions(jobs=1))


@pytest.mark.parametrize("name", SCAN_FORMATS.names())
def test_every_registered_format_renders_the_fleet(fleet_report: ScanReport, name: str) -> None:
    text = SCAN_FORMATS.get(name).render(fleet_report)
    assert text == render_text(fleet_report, name)  # what --output writes
    shown = [fn for fn in fleet_report.functions if fn.blockers or name != "sarif"]  # SARIF: blockers
    assert len(shown) >= 5
    for fn in shown:
        assert fn.name in text, f"{name} leaves out {fn.name}"
    if name in ("json", "sarif"):
        assert json.loads(text)
    if name == "table":
        assert "39 functions · mean readiness" in text and "\x1b[" not in text  # plain text, no colour


def test_every_module_with_a_render_is_registered() -> None:
    modules = {f.module for f in SCAN_FORMATS.formats}
    for info in pkgutil.iter_modules(migrator.report.__path__, "migrator.report."):
        if hasattr(import_module(info.name), "render"):
            assert info.name in modules, f"{info.name} renders a report but SCAN_FORMATS does not offer it"
    assert len(set(SCAN_FORMATS.names())) == len(SCAN_FORMATS.formats)


def test_the_cli_offers_exactly_the_registry(tmp_path: Path) -> None:
    choices = f"<{'|'.join(SCAN_FORMATS.names())}>"
    for full in (False, True):
        app = build_app(full)
        shown = CliRunner().invoke(app, ["scan", "--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
        assert shown.exit_code == 0 and choices in shown.output and "[default: table]" in shown.output
        refused = CliRunner().invoke(app, ["scan", str(tmp_path), "--format", "yaml"])
        assert refused.exit_code == 2
        for name in SCAN_FORMATS.names():  # each is accepted (an empty folder scans in no time)
            ran = CliRunner().invoke(app, ["scan", str(tmp_path), "--format", name, "--no-progress"])
            assert ran.exit_code == 0, ran.output
