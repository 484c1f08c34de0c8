"""The port report as Markdown: a row per function, the total, a row per untranslated construct."""

from __future__ import annotations

from migrator.port.report import PortReport, coverage, verdict_text


def render(report: PortReport) -> str:
    lines = [
        "# migrate port",
        "",
        "| function | handler | translated | coverage | verdict | port.go |",
        "|---|---|---|---|---|---|",
    ]
    for f in report.functions:
        cov = coverage(f.translated, f.statements)
        done = f"{f.translated}/{f.statements}"
        lines.append(f"| {f.name} | `{f.file}` | {done} | {cov} | {verdict_text(f)} | {f.port_go} |")
    lines += [
        "",
        f"**Total**: {report.translated}/{report.statements} statements ({report.percent})",
        "",
    ]
    lines += _typed(report)
    spots = [(f, s) for f in report.functions for s in f.untranslated]
    if spots:
        lines += ["## Untranslated", "", "| function | where | construct | why |", "|---|---|---|---|"]
        lines += [f"| {f.name} | `{s.file}:{s.line}` | {s.construct} | {s.why} |" for f, s in spots]
        lines.append("")
    return "\n".join(lines)


def _typed(report: PortReport) -> list[str]:
    """A row per function with typed bindings or unverified annotations, then the unverified ones."""
    rows = [f for f in report.functions if f.typed.go or f.typed.string or f.typed.unverified]
    if not rows:
        return []
    lines = ["## Types", "", "| function | typed |", "|---|---|"]
    lines += [f"| {f.name} | {f.typed.summary()} |" for f in rows]
    unverified = [(f, u) for f in rows for u in f.typed.unverified]
    if unverified:
        lines += ["", "| function | where | binding | annotation | why |", "|---|---|---|---|---|"]
        lines += [
            f"| {f.name} | `{u.file}:{u.line}` | {u.name} | `{_cell(u.annotation)}` | {_cell(u.why)} |"
            for f, u in unverified
        ]
    return [*lines, ""]


def _cell(text: str) -> str:
    """Text in a Markdown table cell (a TypeScript union's `|` would end the cell)."""
    return text.replace("|", "\\|").replace("\n", " ")
