"""The one reader of CDK, Terraform and cdk.out text: regular files only, bounded, UTF-8."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from migrator.scan.config.textread import MAX_CONFIG_BYTES, read_config_text
from migrator.scan.config.yamlload import ConfigReadError


def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "main.tf"
    os.mkfifo(fifo)
    with pytest.raises(ConfigReadError, match="not a regular file"):
        read_config_text(fifo, "main.tf")


def test_oversized_and_non_utf8_files_are_located_problems(tmp_path: Path) -> None:
    big = tmp_path / "big.ts"
    big.write_bytes(b"x" * (MAX_CONFIG_BYTES + 1))
    with pytest.raises(ConfigReadError, match="over 4 MiB"):
        read_config_text(big, "big.ts")
    latin = tmp_path / "latin.tf"
    latin.write_bytes(b'handler = "caf\xe9"\n')
    with pytest.raises(ConfigReadError, match="not UTF-8"):
        read_config_text(latin, "latin.tf")
