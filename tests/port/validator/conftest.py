"""Session fixtures for the @middy/validator shim tests: the real npm packages (middy 4 and 5, once per
session) and a Go module of jsrt + the middy shims + driver/main.go, built, vetted and gofmt-checked once."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from migrator.port.shims import load_shims
from tests.conftest import require_tool
from tests.port.libs.conftest import jsrt_dir

HERE = Path(__file__).resolve().parent
MODULE = "example.com/portvalidator"
_MIDDY = ("core", "http-json-body-parser", "validator", "http-error-handler")
NPM_PACKAGES = [f"@middy/{name}@5" for name in _MIDDY] + [
    f"middy4-{name}@npm:@middy/{name}@4" for name in _MIDDY
]


@pytest.fixture(scope="session")
def validator_node(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with middy 5 (as @middy/*) and middy 4 (as middy4-*) installed, and driver.mjs."""
    require_tool(shutil.which("npm") is not None, "npm")
    folder = tmp_path_factory.mktemp("npm-validator")
    (folder / "package.json").write_text('{"private": true}', encoding="utf-8")
    done = subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--silent", *NPM_PACKAGES],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    require_tool(done.returncode == 0, f"npm install (registry unreachable?): {done.stderr[-300:]}")
    shutil.copy(HERE / "driver.mjs", folder / "driver.mjs")
    return folder


@pytest.fixture(scope="session")
def validator_go(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The driver binary: jsrt and the middy shim package (as `migrate port` copies them) + driver/main.go."""
    source = jsrt_dir()
    assert source is not None, "migrator/port/data/jsrt is missing"
    folder = tmp_path_factory.mktemp("go-validator")
    table = load_shims()
    shim = table.lookup("@middy/validator")
    assert shim is not None
    files = dict(table.files(shim, MODULE))
    for entry in sorted(source.iterdir()):
        if entry.suffix == ".go" and not entry.name.endswith("_test.go"):
            files[f"jsrt/{entry.name}"] = entry.read_bytes()
    main = (HERE / "driver" / "main.go").read_text(encoding="utf-8")
    files["main.go"] = main.replace('"migrate.local/port/', f'"{MODULE}/').encode()
    files["go.mod"] = f"module {MODULE}\n\ngo 1.26\n".encode()
    for name, content in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    env = {**os.environ, "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local"}
    for argv in (["go", "build", "-o", "driver", "."], ["go", "vet", "./..."]):
        done = subprocess.run(argv, cwd=folder, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"{' '.join(argv)}: {done.stderr}"
    unformatted = subprocess.run(["gofmt", "-l", "."], cwd=folder, capture_output=True, text=True, check=True)
    assert unformatted.stdout == "", f"not gofmt-clean: {unformatted.stdout}"
    return folder / "driver"
