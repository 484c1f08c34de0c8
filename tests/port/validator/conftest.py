"""Session fixtures for the @middy/validator shim tests: the real npm packages (middy 4 and 5, once per
session) and a Go module of jsrt + the middy shims + driver/main.go, built, vetted and gofmt-checked once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from migrator.port.shims import load_shims
from tests.port.conftest import build_driver, npm_install
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
    folder = tmp_path_factory.mktemp("npm-validator")
    (folder / "package.json").write_text('{"private": true}', encoding="utf-8")
    npm_install(folder, NPM_PACKAGES)
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
    return build_driver(folder, files, {"GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local"})
