"""`migrate port --verify`: translated functions pass `migrate golden` against their unmodified Node
originals on real cases (tests/port/data/<function>/cases, derived from what each Node handler does),
and the constructs fixture exercises the subset (destructuring, spread, switch fallthrough, loops,
try/catch/finally with jumps, error classes, optional chaining, number formatting) the same way."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FLEET, REPO
from tests.port.conftest import DATA, FIXTURES, go, npm_install, report_validator

pytestmark = pytest.mark.slow

#: Bundled functions of other sources (notifications-sam, payments-tf, shipping-cdk) with real cases.
VERIFIED = [
    "BounceFunction",
    "refund",
    "QuoteFunction",
    "InboundFunction",
    "LabelFunction",
    "CarrierWebhookFunction",
]


def port(path: Path, out: Path, functions: list[str], cases: Path) -> dict[str, Any]:
    argv = [sys.executable, "-m", "migrator", "port", str(path), "--out", str(out), "--verify"]
    argv += ["--cases", str(cases), "--runs", "1", "--format", "json", "--no-progress"]
    for name in functions:
        argv += ["--function", name]
    done = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, timeout=1200, check=False)
    assert done.returncode in (0, 1), done.stderr[-3000:]
    report: dict[str, Any] = json.loads(done.stdout)
    assert list(report_validator().iter_errors(report)) == []
    assert done.returncode == (0 if report["totals"]["failed_verify"] == 0 else 1)
    return report


def test_fleet_functions_translate_fully_and_pass_golden(tmp_path: Path) -> None:
    halves = [VERIFIED[::2], VERIFIED[1::2]]  # two `migrate port --verify` at a time: mostly start-up
    with ThreadPoolExecutor(max_workers=2) as pool:
        reports = list(pool.map(lambda names: port(FLEET, tmp_path / names[0], names, DATA), halves))
    functions = [f for report in reports for f in report["functions"]]
    assert isinstance(functions, list) and {f["name"] for f in functions} == set(VERIFIED)
    for f in functions:
        cases = len(list((DATA / f["name"] / "cases").glob("*.json")))
        assert f["complete"], f["untranslated"]
        assert f["verify"] == {"verdict": "pass", "cases": cases, "passed": cases, "detail": ""}, f["name"]


#: Fixture functions proven by golden, with their case counts: node modules' shims (pathmod: the path
#: module on awkward and 150 random paths), `process.env` destructured with TextDecoder (envtext, whose
#: env file sets TABLE_NAME), implicit globals of sloppy scripts, `delete` through optional chains, and
#: classes (methods, statics, fields, inheritance, what Object.keys and for...in see of them), and
#: Node's module cache (requirecycle: a require cycle sees the exports so far, a module that threw
#: runs again on the next require).
SHIMMED = {
    "crypto": 3,
    "zlib": 2,
    "querystring": 1,
    "envtext": 1,
    "implicit": 2,
    "pathmod": 2,
    "classes": 2,
    "deletes": 3,
    "buffermod": 1,
    "requirecycle": 2,
}
#: TypeScript fixtures golden transpiles first (re-exports: `export … from` in three forms; enums).
TYPESCRIPT = {"reexports": 2, "enums": 3}


def test_callback_handlers_and_the_node_module_shims_match_node(tmp_path: Path) -> None:
    """callbacks: the first call of callback/done/succeed/fail wins, a returned promise settles the
    invoke, a returned plain value is ignored (null), a throw after the callback is ignored, and the
    sleep idiom in three spellings (16 cases). crypto, zlib, querystring, TextDecoder: each on awkward
    inputs and its errors (names, codes, messages) inside one answer per case."""
    report = port(FIXTURES, tmp_path, ["callbacks", *SHIMMED, *TYPESCRIPT], FIXTURES)
    by_name = {f["name"]: f for f in report["functions"]}
    for name, cases in {"callbacks": 16, **SHIMMED, **TYPESCRIPT}.items():
        assert by_name[name]["complete"], by_name[name]["untranslated"]
        assert by_name[name]["verify"] == {"verdict": "pass", "cases": cases, "passed": cases, "detail": ""}


_ANSWER = """
const { handler } = require(process.argv[1]);
const fs = require('fs');
(async () => {
  for (const file of process.argv.slice(2)) await handler(JSON.parse(fs.readFileSync(file, 'utf8')), {});
})().catch((e) => { console.error(e); process.exit(1); });
"""


@pytest.mark.parametrize("name", list(SHIMMED))
def test_the_shim_fixtures_answer_every_case_in_node(name: str) -> None:
    """So that golden's pass above cannot come from two equal crashes: Node answers every case."""
    folder = FIXTURES / name
    cases = sorted(str(p) for p in (folder / "cases").glob("*.json"))
    done = subprocess.run(
        ["node", "-e", _ANSWER, str(folder / "index.js"), *cases], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr


def test_constructs_pass_golden_and_partial_still_builds(tmp_path: Path) -> None:
    report = port(FIXTURES, tmp_path, ["constructs", "partial"], FIXTURES)
    by_name = {f["name"]: f for f in report["functions"]}
    constructs, partial = by_name["constructs"], by_name["partial"]
    assert constructs["complete"] and constructs["verify"]["verdict"] == "pass"
    assert constructs["verify"]["cases"] == constructs["verify"]["passed"] == 11
    spots = {(s["file"], s["line"], s["construct"]) for s in partial["untranslated"]}
    assert spots == {
        ("partial/index.js", 3, "import node:util"),
        ("partial/index.js", 7, "BigInt or legacy octal literal"),
        ("partial/index.js", 10, "labeled statement"),
    }
    assert partial["translated"] < partial["statements"]
    assert partial["verify"]["verdict"] == "fail" and "NotImplementedError" in partial["verify"]["detail"]
    built = go(["vet", "."], tmp_path / "partial")
    assert built.returncode == 0, built.stderr


def test_typed_bindings_keep_nodes_answers(tmp_path: Path) -> None:
    """typed (TypeScript): numbers and booleans proven by the typing rules run as Go float64/bool —
    rounding before a subtraction, -0, Infinity, NaN, `%` of negatives, compound assignments — and
    annotations that lie (`const lying: number = JSON.parse(...)` of a string) or cannot be proven
    stay jsrt.Values: golden passes every case, and Node's answers are the awkward ones."""
    report = port(FIXTURES, tmp_path, ["typed"], FIXTURES)
    (typed,) = report["functions"]
    assert typed["complete"] and typed["verify"] == {"verdict": "pass", "cases": 6, "passed": 6, "detail": ""}
    assert typed["typed"]["number"] == 22 and typed["typed"]["boolean"] == 4 and typed["typed"]["string"] == 1
    unverified = {(u["file"], u["line"], u["name"]) for u in typed["typed"]["unverified"]}
    assert unverified == {
        ("typed/index.ts", 16, "a"),  # fused(event.a ?? 0.1, ...): an argument not proven a number
        ("typed/index.ts", 16, "b"),
        ("typed/index.ts", 57, "lying"),
        ("typed/index.ts", 58, "grows"),
        ("typed/index.ts", 61, "line"),
        ("typed/index.ts", 62, "summary"),
        ("typed/money.ts", 3, "total"),  # share is exported: its callers are unknown
        ("typed/money.ts", 3, "parts"),
        ("typed/money.ts", 5, "rest"),
    }
    source = (tmp_path / "typed" / "port.gen.go").read_text()
    assert "v_total = (v_total + float64(v_i*v_RATE))" in source and "v_big = v_total > v_LIMIT" in source
    assert "v_exact = jsrt.AsBoolean(portArg(args, 1))" in source  # half(n: number, exact: boolean)
    answers = _node_answers(FIXTURES / "typed", tmp_path / "node")
    assert (
        answers[0]["lying"] == "71"
        and answers[0]["fused"] == 0
        and answers[0]["steps"] == -0.75
        and answers[0]["before"] == 0.25
    )
    assert answers[3]["negz"] is True and answers[3]["inv"] == "-Infinity" and answers[3]["ratio"] == "NaN"
    assert answers[4]["nan"] == "NaN" and answers[4]["nanSelf"] is False and answers[4]["nanLess"] is False


def _node_answers(folder: Path, out: Path) -> list[dict[str, Any]]:
    """Each case's answer from the Node handler (transpiled as golden transpiles it)."""
    from golden.runners.typescript import transpile_task_root

    out.mkdir()
    task = transpile_task_root(folder, out)
    cases = sorted(str(p) for p in (folder / "cases").glob("*.json"))
    script = _ANSWER.replace("await handler(", "console.log(JSON.stringify(await handler(").replace(
        "{});", "{})));"
    )
    done = subprocess.run(
        ["node", "-e", script, str(task / "index.js"), *cases], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_moment_shim_matches_moment(tmp_path: Path) -> None:
    """momentmod: `moment(...).format(...)` with every token of the shim's subset, brackets, escapes,
    line terminators, the extremes of the date range and invalid dates, against moment 2.30.1
    installed from npm (the test skips without the registry)."""
    source = tmp_path / "src"
    shutil.copytree(DATA / "moment", source)
    npm_install(source / "momentmod")
    report = port(source, tmp_path / "out", ["momentmod"], source)
    (function,) = report["functions"]
    assert function["complete"]
    assert function["verify"] == {"verdict": "pass", "cases": 1, "passed": 1, "detail": ""}
