"""The scrubbed environment of golden's re-exec, and the probe that decides it."""

from __future__ import annotations

from golden.runtime.jail import caller_isolation
from golden.runtime.scrub import SCRUBBED_VARIABLE, sandbox_mode, scrubbed


def test_the_scrub_keeps_what_golden_and_its_tools_need_and_nothing_else() -> None:
    caller = {
        "PATH": "/usr/bin",
        "HOME": "/home/me",
        "LC_ALL": "C.UTF-8",
        "PYTHONPATH": "/src",
        "GOFLAGS": "-mod=mod",
        "AWS_REGION": "eu-west-1",
        "AWS_SECRET_ACCESS_KEY": "s3cr3t",
        "AWS_SESSION_TOKEN": "t0ken",
        "GITHUB_TOKEN": "ghp_x",
        "DATABASE_URL": "postgres://u:p@h/db",
    }
    assert scrubbed(caller) == {
        "PATH": "/usr/bin",
        "HOME": "/home/me",
        "LC_ALL": "C.UTF-8",
        "PYTHONPATH": "/src",
        "GOFLAGS": "-mod=mod",
        "AWS_REGION": "eu-west-1",
        SCRUBBED_VARIABLE: "1",
    }


def test_the_probe_names_a_mode_and_the_variable_forces_the_fallback() -> None:
    assert sandbox_mode({}) in {"user+pid+mount", "pid+mount", "none"}
    assert sandbox_mode({"MIGRATE_GOLDEN_NAMESPACES": "off"}) == "none"
    assert not caller_isolation({"MIGRATE_GOLDEN_NAMESPACES": "off"}).namespaces
    assert caller_isolation({}).namespaces
