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
    spots = [(f, s) for f in report.functions for s in f.untranslated]
    if spots:
        lines += ["## Untranslated", "", "| function | where | construct | why |", "|---|---|---|---|"]
        lines += [f"| {f.name} | `{s.file}:{s.line}` | {s.construct} | {s.why} |" for f, s in spots]
        lines.append("")
    return "\n".join(lines)
