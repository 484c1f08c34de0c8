"""`--format markdown`: a summary to paste into a pull request or a migration plan."""

from __future__ import annotations

from migrator.scan.model import Function, ScanReport
from migrator.scan.summary import skipped_line, summarize


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _function_section(fn: Function) -> list[str]:
    lines = [f"### {fn.name}", ""]
    lines.append(f"- file: `{fn.file or 'unresolved'}` export `{fn.export}`")
    settings = [
        fn.runtime,
        f"{fn.memory_mb} MB" if fn.memory_mb is not None else None,
        f"{fn.timeout_s} s" if fn.timeout_s is not None else None,
        fn.architecture,
    ]
    configured = ", ".join(s for s in settings if s) or "no runtime settings configured"
    lines.append(
        f"- {fn.language or '?'} / {fn.module_system or '?'} / {fn.handler_style or '?'}; {configured}"
    )
    lines.append(f"- events: {', '.join(fn.events)}")
    if fn.env:
        lines.append(f"- env: {', '.join(f'`{e}`' for e in fn.env)}")
    if fn.aws_sdk:
        services = "; ".join(f"{s.service} ({', '.join(s.operations) or 'client only'})" for s in fn.aws_sdk)
        lines.append(f"- AWS: {services}")
    if fn.error_types:
        lines.append(f"- error types: {', '.join(f'`{e}`' for e in fn.error_types)}")
    if fn.dependencies:
        lines += ["", "| npm | version | Go | kind |", "|---|---|---|---|"]
        for dep in fn.dependencies:
            lines.append(f"| `{dep.npm}` | {dep.version or ''} | `{dep.go or '-'}` | {dep.kind} |")
    if fn.blockers:
        lines += ["", "| rule | severity | where | message |", "|---|---|---|---|"]
        for b in fn.blockers:
            where = f"{b.file}:{b.line}" if b.file and b.line else (b.file or "")
            lines.append(f"| {b.rule} | {b.severity} | `{where}` | {_cell(b.message)} |")
    lines.append("")
    return lines


def render(report: ScanReport) -> str:
    summary = summarize(report)
    lines = [
        "# Lambda migration scan",
        "",
        f"{summary.functions} functions, mean readiness {summary.mean_readiness}, "
        f"{summary.blockers} blockers, {len(report.errors)} unreadable files or configs"
        + (f", {len(report.skipped)} skipped (not Node.js Lambda)." if report.skipped else "."),
        "",
        "| function | file | events | readiness | blockers |",
        "|---|---|---|---:|---|",
    ]
    for fn in report.functions:
        rules = ", ".join(sorted({b.rule for b in fn.blockers})) or "-"
        lines.append(
            f"| {_cell(fn.name)} | `{fn.file or 'unresolved'}` | {', '.join(fn.events)} "
            f"| {fn.readiness} | {rules} |"
        )
    lines += ["", "## Functions", ""]
    for fn in report.functions:
        lines += _function_section(fn)
    if report.skipped:
        lines += ["## Skipped (not Node.js Lambda functions)", "", f"{skipped_line(report)}", ""]
        lines += ["| function | config | reason |", "|---|---|---|"]
        for skipped in report.skipped:
            where = f"{skipped.config}:{skipped.line}" if skipped.config and skipped.line else skipped.config
            lines.append(f"| {_cell(skipped.name)} | `{where or '-'}` | {_cell(skipped.detail)} |")
        lines.append("")
    if report.errors:
        lines += ["## Unreadable files", ""]
        for problem in report.errors:
            where = ":".join(str(p) for p in (problem.file, problem.line, problem.column) if p)
            lines.append(f"- `{where}`: {_cell(problem.message)}")
        lines.append("")
    return "\n".join(lines)
