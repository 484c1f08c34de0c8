"""Every registered golden format renders a real report, the CLI offers exactly the registry's formats,
and the HTML page keeps hostile handler payloads as text."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from golden.cases.files import Case
from golden.config import GoldenSettings
from golden.outcome import Result
from golden.report import render
from golden.report.formats import GOLDEN_FORMATS
from golden.session import GoldenReport, run_golden
from migrator.cli.golden import golden_app
from tests.golden.fakes import FakeInvoker, ok
from tests.golden.test_reports import _Tags, build_report

BREAKOUT = "</script><script>alert(1)</script>"
ATTRIBUTE = '"onload=alert(2) x="'


@pytest.fixture(scope="module")
def report() -> GoldenReport:
    return build_report()


@pytest.mark.parametrize("name", GOLDEN_FORMATS.names())
def test_every_registered_format_renders_a_real_report(report: GoldenReport, name: str) -> None:
    text = GOLDEN_FORMATS.get(name).render(report)
    assert text and text == render(report, name)
    text.encode("utf-8")  # always encodable: lone surrogates are escaped by every format
    assert all(case.id in text for case in report.cases if "<" not in case.id)


def test_every_format_escapes_lone_surrogates() -> None:
    cut = "\ud83d"  # the first half of an emoji, as JavaScript's slice(0, 1) leaves it
    cases = [Case(f"cut{cut}.json", {"name": "cut"}, "cut.json", None)]

    def node(event: object, call: int) -> Result:
        return ok({"text": cut})

    def go(event: object, call: int) -> Result:
        return ok({"text": "x"})

    report = run_golden(cases, FakeInvoker(node), FakeInvoker(go), GoldenSettings(), runs=0)
    for name in GOLDEN_FORMATS.names():
        text = GOLDEN_FORMATS.get(name).render(report)
        assert "\\ud83d" in text and cut not in text, name


def test_the_cli_offers_exactly_the_registered_formats() -> None:
    result = CliRunner().invoke(golden_app, ["--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    offered = re.search(r"--format\s+-f\s+<([a-z|]+)>", result.output)
    assert offered is not None, result.output
    assert tuple(offered.group(1).split("|")) == GOLDEN_FORMATS.names()


def test_html_escapes_a_script_breakout_and_an_attribute_breakout() -> None:
    cases = [Case(f"{ATTRIBUTE}.json", {"name": "hostile"}, "hostile.json", None)]

    def node(event: object, call: int) -> Result:
        return ok({"html": BREAKOUT, "attr": ATTRIBUTE})

    def go(event: object, call: int) -> Result:
        return ok({"html": ATTRIBUTE, "attr": BREAKOUT})

    page = render(run_golden(cases, FakeInvoker(node), FakeInvoker(go), GoldenSettings(), runs=0), "html")
    assert BREAKOUT not in page and '"onload=' not in page
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&#34;onload=alert(2) x=&#34;" in page  # in the case id and, JSON-quoted, in both values
    parser = _Tags()
    parser.feed(page)
    assert "script" not in parser.tags
    assert not [name for name, _ in parser.attrs if name.startswith("on")]
