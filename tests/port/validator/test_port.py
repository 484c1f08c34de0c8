"""`migrate port` on handlers that use @middy/validator: fixture/orders (http-json-body-parser +
validator with event and response schemas + http-error-handler) is translated fully and passes
`migrate golden` against its unmodified Node original (npm dependencies installed once) on 9 cases,
with middy 4 as the fleet pins it and, as orders5, with middy 5; fixture/outside uses schema
constructs beyond the shim's subset, and each is reported at its file:line while the generated
module still builds."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, require_tool
from tests.port.conftest import go, npm_install, report_validator

pytestmark = pytest.mark.slow  # npm, node, go build

FIXTURE = Path(__file__).resolve().parent / "fixture"
CASES = FIXTURE / "orders" / "cases"
#: What the Node original answers each case with: the cases are checked to exercise what their names
#: say (a status code, or the error a 500 that middy 4's error handler does not expose fails the invoke
#: with), so golden's pass cannot come from two equal crashes.
NODE_ANSWERS = {
    "01-valid": 201,
    "02-defaults": 201,
    "03-coerced": 201,
    "04-missing-required": 400,
    "05-wrong-type": 400,
    "06-extra-property": 400,
    "07-bad-format": 400,
    "08-response-invalid": "InternalServerError: Response object failed validation",
    "09-malformed-json": 415,
}
_INVOKE = """
const { handler } = await import(process.argv[1]);
const out = {};
for (const [name, event] of JSON.parse(process.argv[2])) {
  try { out[name] = await handler(event, {}); } catch (e) { out[name] = `${e.name}: ${e.message}`; }
}
console.log(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the fixtures with orders' npm dependencies installed, and orders5: the same handler
    on middy 5 (package.json's range picks the shims' 5.x constructors)."""
    require_tool(shutil.which("npm") is not None, "npm")
    folder = tmp_path_factory.mktemp("validator") / "fixture"
    shutil.copytree(FIXTURE, folder)
    shutil.copytree(folder / "orders", folder / "orders5")
    package = json.loads((folder / "orders5" / "package.json").read_text(encoding="utf-8"))
    package["name"] = "orders5"
    package["dependencies"] = {name: "^5.5.0" for name in package["dependencies"]}
    (folder / "orders5" / "package.json").write_text(json.dumps(package, indent=2), encoding="utf-8")
    for name in ("orders", "orders5"):
        npm_install(folder / name)
    _commonjs(folder / "orders", folder / "orders-cjs")
    return folder


def _commonjs(esm: Path, cjs: Path) -> None:
    """The middy 4 handler written as CommonJS (`require`, `exports.handler`), its packages copied."""
    shutil.copytree(esm, cjs, symlinks=True)
    package = json.loads((cjs / "package.json").read_text(encoding="utf-8"))
    package["name"] = "orders-cjs"
    del package["type"]
    (cjs / "package.json").write_text(json.dumps(package, indent=2), encoding="utf-8")
    source = (cjs / "index.js").read_text(encoding="utf-8")
    source = re.sub(
        r"^import (\{ \w+ \}|\w+) from ('[^']+');$", r"const \1 = require(\2);", source, flags=re.M
    )
    source = source.replace("export const handler = ", "exports.handler = ")
    assert "import " not in source and "export " not in source
    (cjs / "index.js").write_text(source, encoding="utf-8")


def port(project: Path, out: Path, function: str, *extra: str) -> dict[str, Any]:
    argv = [sys.executable, "-m", "migrator", "port", str(project), "--out", str(out), "--function", function]
    argv += [*extra, "--format", "json", "--no-progress"]
    done = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, timeout=1200, check=False)
    assert done.returncode in (0, 1), done.stderr[-3000:]
    report: dict[str, Any] = json.loads(done.stdout)
    assert list(report_validator().iter_errors(report)) == []
    (entry,) = report["functions"]
    assert isinstance(entry, dict)
    return entry


def _builds(module: Path) -> None:
    vetted = go(["vet", "./..."], module)
    assert vetted.returncode == 0, vetted.stderr
    unformatted = subprocess.run(["gofmt", "-l", "."], cwd=module, capture_output=True, text=True, check=True)
    assert unformatted.stdout == ""


#: middy 5's error handler answers the unexposed 500 instead of failing the invoke.
NODE_ANSWERS_5 = {**NODE_ANSWERS, "08-response-invalid": 500}


@pytest.mark.parametrize(
    ("function", "expected"),
    [("orders", NODE_ANSWERS), ("orders5", NODE_ANSWERS_5), ("orders-cjs", NODE_ANSWERS)],
)
def test_the_node_original_answers_as_the_cases_say(
    project: Path, function: str, expected: dict[str, Any]
) -> None:
    events = [[p.stem, json.loads(p.read_text(encoding="utf-8"))] for p in sorted(CASES.glob("*.json"))]
    handler = project / function / "index.js"
    done = subprocess.run(
        ["node", "--input-type=module", "-e", _INVOKE, str(handler), json.dumps(events)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    answers = json.loads(done.stdout)
    got = {name: a if isinstance(a, str) else a["statusCode"] for name, a in answers.items()}
    assert got == expected
    defaults = json.loads(answers["02-defaults"]["body"])
    assert defaults["priority"] == "low" and defaults["gift"] is False  # useDefaults 'empty'
    assert json.loads(answers["03-coerced"]["body"])["quantity"] == 4  # coerceTypes


@pytest.mark.parametrize(
    ("function", "shim"),
    [
        ("orders", "middy.Validator(r)"),
        ("orders5", "middy.Validator5(r)"),
        ("orders-cjs", "middy.Validator(r)"),
    ],
)
def test_validated_function_translates_fully_and_passes_golden(
    project: Path, tmp_path: Path, function: str, shim: str
) -> None:
    entry = port(project, tmp_path, function, "--verify", "--cases", str(CASES), "--runs", "1")
    assert entry["complete"] and entry["untranslated"] == [], entry["untranslated"]
    total = len(NODE_ANSWERS)
    verdict = {"verdict": "pass", "cases": total, "passed": total, "detail": ""}
    assert entry["verify"] == verdict, entry["verify"]
    assert shim in (tmp_path / function / "port.gen.go").read_text(encoding="utf-8")
    _builds(tmp_path / function)


def test_schema_constructs_outside_the_subset_are_reported_and_the_module_builds(
    project: Path, tmp_path: Path
) -> None:
    entry = port(project, tmp_path, "outside")
    spots = {(s["file"], s["line"], s["construct"]) for s in entry["untranslated"]}
    body = "#/properties/body/properties"
    assert spots == {
        ("outside/index.js", 16, f"schema keyword oneOf at {body}/contact"),
        ("outside/index.js", 17, f"schema format 'hostname' at {body}/host/format"),
        ("outside/index.js", 18, f"schema pattern '^(?!X)[A-Z]+$' at {body}/code/pattern"),
        ("outside/index.js", 19, f"schema shared at {body}/note"),
        ("outside/index.js", 29, "ajv option removeAdditional"),
    }
    assert not entry["complete"]
    _builds(tmp_path / "outside")
