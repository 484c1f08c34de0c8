"""The live view and the final table, rendered at a fixed width without colour."""

from __future__ import annotations

import io

from rich.console import Console
from rich.live import Live

from migrator.canary.gates import GateReading
from migrator.canary.outcome import Check, Result
from migrator.canary.result_table import print_table
from migrator.canary.view import LineWatcher, LiveWatcher

READINGS = (
    GateReading("alarms", "pass", "2 not in ALARM"),
    GateReading("error-rate", "no-data", "not enough data: 3 invocations on the new version"),
)


def terminal() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, width=100, force_terminal=True, color_system=None), out


def test_the_live_view_shows_step_weight_readings_and_time_to_the_next_check() -> None:
    console, _ = terminal()
    with Live(console=console, auto_refresh=False) as live:
        watcher = LiveWatcher(live, "7")
        watcher.step(1, 4, 25.0)
        watcher.check(Check(1, 25.0, READINGS))
        watcher.countdown(42.4)
        watcher.note("not enough data at 25%; waiting another interval")
        capture = Console(width=100, color_system=None, record=True, file=io.StringIO())
        capture.print(live.renderable)
    lines = [line.rstrip() for line in capture.export_text().splitlines()]
    assert lines[0] == "step 2/4 · 25% on version 7 · next check in 42s"
    assert lines[1].split() == ["alarms", "pass", "2", "not", "in", "ALARM"]
    assert lines[2] == "error-rate  no-data  not enough data: 3 invocations on the new version"
    assert lines[3] == "not enough data at 25%; waiting another interval"


def test_plain_lines_when_not_a_terminal() -> None:
    out = io.StringIO()
    watcher = LineWatcher(Console(file=out, width=200), "7")
    watcher.step(0, 2, 10.0)
    watcher.countdown(5.0)
    watcher.check(Check(0, 10.0, READINGS[:1]))
    assert out.getvalue().splitlines() == [
        "step 1/2: 10% of traffic on version 7",
        "gates: alarms pass (2 not in ALARM)",
    ]


def test_the_final_table_lists_every_check() -> None:
    out = io.StringIO()
    result = Result(
        "fn",
        "live",
        "1",
        "7",
        "rolled-back",
        "gate failed at 25%: alarms: in ALARM: x",
        1,
        (10.0, 25.0, 100.0),
        (Check(0, 10.0, READINGS[:1]), Check(1, 25.0, READINGS)),
    )
    print_table(result, Console(file=out, width=120, color_system=None))
    text = out.getvalue()
    assert text.splitlines()[:2] == ["fn:live 1 → 7: rolled-back", "gate failed at 25%: alarms: in ALARM: x"]
    assert text.count("│ alarms") == 2 and "│ no-data" in text
