"""The terminal report (rich): a summary table, then each divergence as a diff, then harness errors."""

from __future__ import annotations

import io
from types import MappingProxyType

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from golden.compare.difference import Difference
from golden.report.text import cost_lines, p95, side, surrogate_safe, verdict_line, where
from golden.session import CaseResult, GoldenReport

_VERDICT_STYLE = MappingProxyType(
    {"pass": "green", "fail": "bold red", "error": "bold yellow", "unknown": "dim"}
)


@surrogate_safe
def render(report: GoldenReport, *, width: int = 100, color: bool = False) -> str:
    """The report as terminal text; `color=False` and a fixed `width` make it deterministic."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system="truecolor" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
    )
    console.print(_table(report))
    console.print(_summary_line(report))
    console.print(Text(verdict_line(report), _VERDICT_STYLE[report.verdict]))
    for line in cost_lines(report):
        console.print(Text(line))
    for case in report.cases:
        if case.verdict == "fail":
            console.print(_divergence(case))
        elif case.verdict == "error":
            console.print(Text.assemble(("error ", "bold yellow"), case.id, ": ", case.error or ""))
    return buffer.getvalue()


def _table(report: GoldenReport) -> Table:
    table = Table(title="migrate golden", title_justify="left")
    for column in ("case", "verdict", "differences", "noise"):
        table.add_column(column)
    for column in ("node p95 ms", "go p95 ms"):
        table.add_column(column, justify="right")
    table.add_column("latency")
    for case in report.cases:
        table.add_row(
            Text(case.id),
            Text(case.verdict, _VERDICT_STYLE[case.verdict]),
            Text(", ".join(sorted({d.category for d in case.differences})) or "-"),
            Text(str(len(case.noise))),
            p95(case.latency.node),
            p95(case.latency.go),
            Text(case.latency.verdict, _VERDICT_STYLE[case.latency.verdict]),
        )
    return table


def _summary_line(report: GoldenReport) -> Text:
    s = report.summary
    return Text(
        f"{s.total} cases · {s.passed} passed · {s.failed} failed · {s.errored} errors · "
        f"{s.latency_failed} over the latency budget"
    )


def _divergence(case: CaseResult) -> Panel:
    parts: list[RenderableType] = [_diff(d) for d in case.differences]
    if case.noise:
        parts.append(Text("ignored as noise: " + ", ".join(n.path or "/" for n in case.noise), "dim"))
    return Panel(Group(*parts), title=Text(case.id), title_align="left", border_style="red")


def _diff(difference: Difference) -> Text:
    text = Text(where(difference) + "\n", "bold")
    text.append(f"- node: {side(difference.node, difference.node_present)}\n", "red")
    text.append(f"+ go:   {side(difference.go, difference.go_present)}", "green")
    if difference.note:
        text.append(f"\n  {difference.note}", "dim")
    return text
