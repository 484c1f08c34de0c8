"""One self-contained HTML file: inline CSS, no scripts, no external assets; every user value escaped.

Payloads, paths, case ids and error messages come from user handlers and events, so each one passes
through `html.escape` (quotes too) before it reaches the page.
"""

from __future__ import annotations

import html

from golden.compare.difference import Difference
from golden.report.text import cost_lines, p95, side, verdict_line
from golden.session import CaseResult, GoldenReport

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1b1f24;background:#fff}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num{text-align:right}
.pass{color:#1a7f37}.fail{color:#cf222e;font-weight:600}.error{color:#9a6700;font-weight:600}
.unknown{color:#6e7781}
pre{margin:0;white-space:pre-wrap;word-break:break-all;font:12px/1.4 ui-monospace,monospace}
.node{background:#ffebe9}.go{background:#dafbe1}.note{color:#57606a}
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def render(report: GoldenReport) -> str:
    s = report.summary
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>migrate golden report</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>migrate golden</h1>",
        f"<p>{s.total} cases · {s.passed} passed · {s.failed} failed · {s.errored} errors · "
        f"{s.latency_failed} over the latency budget</p>",
        f'<p class="{report.verdict}">{_e(verdict_line(report))}</p>',
    ]
    if report.cost is not None:
        parts.append(f"<pre>{_e(chr(10).join(cost_lines(report)))}</pre>")
    parts.append(_summary_table(report))
    for case in report.cases:
        if case.verdict != "pass" or case.noise:
            parts.append(_case(case))
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _summary_table(report: GoldenReport) -> str:
    rows = [
        "<table><thead><tr><th>case</th><th>verdict</th><th>differences</th><th>noise</th>"
        "<th>node p95 ms</th><th>go p95 ms</th><th>latency</th></tr></thead><tbody>"
    ]
    for case in report.cases:
        categories = ", ".join(sorted({d.category for d in case.differences})) or "-"
        rows.append(
            f'<tr><td><a href="#{_anchor(case)}">{_e(case.id)}</a></td>'
            f'<td class="{case.verdict}">{case.verdict}</td><td>{_e(categories)}</td>'
            f'<td class="num">{len(case.noise)}</td><td class="num">{p95(case.latency.node)}</td>'
            f'<td class="num">{p95(case.latency.go)}</td>'
            f'<td class="{case.latency.verdict}">{case.latency.verdict}</td></tr>'
        )
    rows.append("</tbody></table>")
    return "\n".join(rows)


def _anchor(case: CaseResult) -> str:
    return "case-" + "".join(c if c.isalnum() else "-" for c in case.id)


def _case(case: CaseResult) -> str:
    parts = [
        f'<h2 id="{_e(_anchor(case))}">{_e(case.id)} · '
        f'<span class="{case.verdict}">{case.verdict}</span></h2>'
    ]
    if case.error:
        parts.append(f'<pre class="error">{_e(case.error)}</pre>')
    if case.differences:
        parts.append("<table><thead><tr><th>where</th><th>node</th><th>go</th></tr></thead><tbody>")
        parts.extend(_difference(d) for d in case.differences)
        parts.append("</tbody></table>")
    if case.latency.note:
        parts.append(f'<p class="note">latency: {_e(case.latency.note)}</p>')
    if case.noise:
        parts.append("<p>Ignored as noise (the Node runs disagreed):</p><ul>")
        for noisy in case.noise:
            values = ", ".join(side(v, True) for v in noisy.values)
            parts.append(f"<li><code>{_e(noisy.path or '/')}</code>: <code>{_e(values)}</code></li>")
        parts.append("</ul>")
    return "\n".join(parts)


def _difference(difference: Difference) -> str:
    note = f'<div class="note">{_e(difference.note)}</div>' if difference.note else ""
    return (
        f"<tr><td><code>{_e(difference.path or '/')}</code><br>{_e(difference.category)}{note}</td>"
        f'<td class="node"><pre>{_e(side(difference.node, difference.node_present))}</pre></td>'
        f'<td class="go"><pre>{_e(side(difference.go, difference.go_present))}</pre></td></tr>'
    )
