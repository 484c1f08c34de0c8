"""CDK, Terraform and cdk.out text goes through the scan's one reader (migrator.scan.files)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from migrator.scan.config.textread import read_config_text
from migrator.scan.config.yamlload import ConfigReadError
from migrator.scan.engine import ScanOptions, scan
from migrator.scan.files import CONFIG_LIMIT


def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "main.tf"
    os.mkfifo(fifo)
    with pytest.raises(ConfigReadError, match=r"not a regular file \(a FIFO\)"):
        read_config_text(fifo, "main.tf")


def test_oversized_and_non_utf8_files_are_located_problems(tmp_path: Path) -> None:
    big = tmp_path / "big.ts"
    big.write_bytes(b"x" * (CONFIG_LIMIT + 1))
    with pytest.raises(ConfigReadError, match="files over 5 MiB are not read") as raised:
        read_config_text(big, "app/big.ts")
    assert raised.value.problem.file == "app/big.ts"
    latin = tmp_path / "latin.tf"
    latin.write_bytes(b'handler = "caf\xe9"\n')
    with pytest.raises(ConfigReadError, match="not UTF-8"):
        read_config_text(latin, "latin.tf")


def test_a_file_outside_the_root_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.tf"
    outside.write_text('resource "aws_lambda_function" "x" {}\n')
    root = tmp_path / "fleet"
    root.mkdir()
    (root / "main.tf").symlink_to(outside)
    with pytest.raises(ConfigReadError, match="outside the scanned folder"):
        read_config_text(root / "main.tf", "main.tf", root)


def test_terraform_and_cdk_files_linked_out_of_path_are_errors_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere"
    secret.mkdir()
    (secret / "lambda.tf").write_text(
        'resource "aws_lambda_function" "leak" {\n  handler = "index.handler"\n  runtime = "nodejs20.x"\n}\n'
    )
    (secret / "stack.ts").write_text(
        "import * as lambda from 'aws-cdk-lib/aws-lambda';\n"
        "new lambda.Function(this, 'Leak', { runtime: lambda.Runtime.NODEJS_20_X, "
        "handler: 'index.handler', code: lambda.Code.fromAsset('src') });\n"
    )
    root = tmp_path / "fleet"
    (root / "infra").mkdir(parents=True)
    (root / "infra" / "main.tf").symlink_to(secret / "lambda.tf")
    (root / "app").mkdir()
    (root / "app" / "cdk.json").write_text('{"app": "npx ts-node stack.ts"}')
    (root / "app" / "stack.ts").symlink_to(secret / "stack.ts")
    report = scan(root, ScanOptions(jobs=1))
    assert report.functions == ()
    outside = {(e.file, e.message) for e in report.errors if "outside the scanned folder" in e.message}
    assert {file for file, _ in outside} == {"infra/main.tf", "app/stack.ts"}
