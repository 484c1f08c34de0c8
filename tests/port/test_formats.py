"""The port report's formats: every registered one renders a real report, the CLI offers exactly the
registry's names, and `migrate port --format json` is what schemas/port-report.schema.json says."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from migrator.cli.main import build_app
from migrator.port.formats import PORT_FORMATS
from migrator.port.report import PortReport, Verdict
from tests.conftest import REPO
from tests.port.conftest import FIXTURES, report_validator


def test_every_registered_format_renders_a_real_report(fixtures_port: tuple[Path, PortReport]) -> None:
    _, report = fixtures_port
    spot = next(s for f in report.functions for s in f.untranslated)
    for fmt in PORT_FORMATS.formats:
        text = fmt.render(report)
        assert all(f.name in text for f in report.functions), fmt.name
        assert spot.construct in text and spot.why in text, fmt.name


def test_the_cli_offers_exactly_the_registered_formats() -> None:
    names = PORT_FORMATS.names()
    runner, wide = CliRunner(), {"COLUMNS": "200", "NO_COLOR": "1"}
    usage = runner.invoke(build_app(), ["port", "--help"], env=wide)
    assert f"<{'|'.join(names)}>" in usage.output
    refused = runner.invoke(build_app(), ["port", ".", "--out", "x", "--format", "xml"], env=wide)
    assert refused.exit_code == 2
    assert f"'xml' is not one of {', '.join(repr(n) for n in names)}." in refused.output


def test_json_output_matches_the_schema(tmp_path: Path) -> None:
    argv = [sys.executable, "-m", "migrator", "port", str(FIXTURES), "--out", str(tmp_path)]
    argv += ["--format", "json", "--no-progress"]
    done = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 1, done.stderr  # the partial fixture is not fully translated
    report = json.loads(done.stdout)
    check = report_validator()
    assert list(check.iter_errors(report)) == []
    assert report["functions"] and any(f["untranslated"] for f in report["functions"])
    renamed = json.loads(done.stdout.replace('"port_go":', '"portGo":'))
    assert not check.is_valid(renamed)
    del report["totals"]["verified"]
    assert not check.is_valid(report)


def test_a_verified_report_matches_the_schema(fixtures_port: tuple[Path, PortReport]) -> None:
    """--verify's verdicts (real ones run in test_verify.py, slow) in the shape the report gives them."""
    _, report = fixtures_port
    verdicts = [Verdict("pass", 3, 3, ""), Verdict("fail", 2, 1, 'case-2: {"path": "/body"}')]
    functions = tuple(
        dataclasses.replace(f, verify=v) for f, v in zip(report.functions, verdicts, strict=False)
    )
    data = json.loads(PORT_FORMATS.get("json").render(PortReport(functions)))
    assert list(report_validator().iter_errors(data)) == []
    data["functions"][0]["verify"]["verdict"] = "passed"
    assert not report_validator().is_valid(data)
