"""One self-contained HTML file: inline CSS, no scripts, no external assets; every user value escaped.

Payloads, paths, case ids and error messages come from user handlers and events: the page is the
jinja template `templates/report.html.jinja`, rendered with autoescape on, so each value is escaped
(quotes too) by jinja rather than by hand. The template sees the report and the text helpers below.
"""

from __future__ import annotations

from collections.abc import Iterable

from jinja2 import Environment, PackageLoader, StrictUndefined

from golden.compare.difference import Difference
from golden.outcome import Json
from golden.report.text import cost_lines, p95, side, surrogate_safe, verdict_line
from golden.session import CaseResult, GoldenReport

TEMPLATE = "report.html.jinja"


@surrogate_safe
def render(report: GoldenReport) -> str:
    return _environment().get_template(TEMPLATE).render(report=report)


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("golden.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(anchor=_anchor, categories=_categories, p95=p95, show=_show)
    env.globals.update(side=side, verdict_line=verdict_line, cost_lines=cost_lines)
    return env


def _anchor(case: CaseResult) -> str:
    return "case-" + "".join(c if c.isalnum() else "-" for c in case.id)


def _categories(differences: Iterable[Difference]) -> str:
    return ", ".join(sorted({d.category for d in differences})) or "-"


def _show(value: Json) -> str:
    return side(value, True)
