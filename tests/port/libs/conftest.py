"""Session fixtures for the port libraries tests: a moto server, the real JS packages (npm, once per
session) and a Go module with jsrt + jsaws + shims + a generated aws_ops.gen.go, built once."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from golden.aws.moto import MotoServer
from migrator.port.sdk import render_operations, required_modules
from migrator.port.shims import load_shims
from tests.port.conftest import build_driver, npm_install

ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent
MODULE = "example.com/portlibs"
NPM_PACKAGES = [
    "@aws-sdk/client-dynamodb@3",
    "@aws-sdk/lib-dynamodb@3",
    "@aws-sdk/client-s3@3",
    "@aws-sdk/client-sqs@3",
    "@aws-sdk/client-sns@3",
    "@aws-sdk/client-ses@3",
    "@aws-sdk/client-eventbridge@3",
    "@middy/core@5",
    "@middy/http-error-handler@5",
    "@middy/http-json-body-parser@5",
    "middy4-core@npm:@middy/core@4",
    "middy4-http-error-handler@npm:@middy/http-error-handler@4",
    "middy4-http-json-body-parser@npm:@middy/http-json-body-parser@4",
    "zod@3",
    "aws-sdk@2",
]
CALLS = [
    ("dynamodb", "GetItem"),
    ("dynamodb", "PutItem"),
    ("dynamodb", "UpdateItem"),
    ("dynamodb", "Query"),
    ("dynamodb", "Scan"),
    ("s3", "PutObject"),
    ("s3", "GetObject"),
    ("sqs", "SendMessage"),
    ("sns", "Publish"),
    ("ses", "SendEmail"),
    ("eventbridge", "PutEvents"),
    ("dynamodb", "NoSuchOperation"),
]
CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "AKIAPORTLIBSTEST0000",
    "AWS_SECRET_ACCESS_KEY": "test",
    "AWS_REGION": "us-east-1",
}


def jsrt_dir() -> Path | None:
    """jsrt's sources: this branch's package data once port-jsrt is merged (or PORT_JSRT_DIR)."""
    given = os.environ.get("PORT_JSRT_DIR")
    folder = Path(given) if given else ROOT / "migrator/port/data/jsrt"
    return folder if folder.is_dir() else None


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    with MotoServer() as moto:
        yield moto.endpoint_url


@pytest.fixture(scope="session")
def node_modules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real npm packages, installed once per session (skips when the registry is unreachable)."""
    folder = tmp_path_factory.mktemp("npm")
    (folder / "package.json").write_text('{"private": true}', encoding="utf-8")
    npm_install(folder, NPM_PACKAGES)
    for script in HERE.glob("*.js"):
        shutil.copy(script, folder / script.name)
    return folder


def _requires() -> str:
    pins = tomllib.loads((ROOT / "migrator/stub/data/pins.toml").read_text(encoding="utf-8"))
    wanted = required_modules(CALLS) | {"github.com/aws/aws-sdk-go-v2/config"}
    versions: dict[str, str] = {}
    for unit in pins["units"].values():
        for path, version, _ in unit["require"]:
            versions.setdefault(path, version)
    return "".join(f"\t{m} {versions[m]}\n" for m in sorted(wanted))


@dataclass(frozen=True)
class GoModule:
    """The built test module: its folder and the driver binary."""

    folder: Path
    driver: Path


@pytest.fixture(scope="session")
def go_module(tmp_path_factory: pytest.TempPathFactory) -> GoModule:
    """A module with jsrt, jsaws, the shims and aws_ops.gen.go for CALLS, built and vetted once."""
    source = jsrt_dir()
    assert source is not None, "migrator/port/data/jsrt is missing (or PORT_JSRT_DIR points nowhere)"
    folder = tmp_path_factory.mktemp("gomod")
    table = load_shims()
    files: dict[str, bytes] = dict(table.runtime_files(MODULE))
    for package in sorted({s.package for s in table.shims}):
        shim = next(s for s in table.shims if s.package == package)
        files.update(table.files(shim, MODULE))
    for entry in sorted(source.iterdir()):
        if entry.suffix == ".go" and not entry.name.endswith("_test.go"):
            files[f"jsrt/{entry.name}"] = entry.read_bytes()
    files["aws_ops.gen.go"] = render_operations(MODULE, CALLS).encode()
    main = (HERE / "driver/main.go").read_text(encoding="utf-8").replace("migrate.local/port/", f"{MODULE}/")
    files["main.go"] = main.encode()
    files["go.mod"] = f"module {MODULE}\n\ngo 1.26\n\nrequire (\n{_requires()})\n".encode()
    return GoModule(folder, build_driver(folder, files, {"GOFLAGS": "-mod=mod"}, tidy=True))


def run_steps(
    argv: list[str], steps: list[dict[str, object]], endpoint: str, cwd: Path
) -> list[dict[str, object]]:
    """Run a driver (Go binary or node script) on steps against moto; its parsed JSON results."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env |= CREDENTIALS | {"AWS_ENDPOINT_URL": endpoint}
    done = subprocess.run(
        argv, input=json.dumps(steps), cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    results: list[dict[str, object]] = json.loads(done.stdout)
    return results
