"""A scan `Function` with every fact defaulted, for tests that set only what they are about."""

from __future__ import annotations

from typing import Any

from migrator.scan.model import Function


def function(**facts: Any) -> Function:
    base: dict[str, Any] = {
        "name": "fn",
        "file": "src/index.js",
        "export": "handler",
        "language": "javascript",
        "module_system": "commonjs",
        "handler_style": "async",
        "runtime": "nodejs20.x",
        "memory_mb": 256,
        "timeout_s": 10,
        "architecture": "arm64",
        "config": "serverless.yml",
        "events": ("direct",),
        "event_evidence": (),
        "env": (),
        "dependencies": (),
        "aws_sdk": (),
        "blockers": (),
        "error_types": (),
        "source_files": ("src/index.js",),
        "readiness": 80,
    }
    return Function(**{**base, **facts})
