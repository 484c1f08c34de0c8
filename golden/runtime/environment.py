"""Lambda's standard environment for a runtime process, built from scratch (nothing of the caller's)."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from golden.errors import RunnerError
from golden.sides.function import FunctionFacts

# Fake credentials: SDK clients in the handler sign requests without ever holding the caller's real ones.
FAKE_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "AKIAGOLDENFAKEKEY000",
    "AWS_SECRET_ACCESS_KEY": "golden/fake/secret/access/key/0000000000",
    "AWS_SESSION_TOKEN": "golden-fake-session-token",
}

# Variables the runner owns; an env file that sets them would break the runtime's wiring.
PLUMBING = frozenset({"AWS_LAMBDA_RUNTIME_API", "_HANDLER", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR"})

# Lambda's PATH minus /var/lang/bin, which the runner replaces with the directory of its own node.
LAMBDA_PATH = "/usr/local/bin:/usr/bin:/bin:/opt/bin"


@dataclass(frozen=True)
class RuntimeWiring:
    """Where a runtime process lives: what only the runner knows."""

    runtime_api: str
    """host:port of the emulator (`AWS_LAMBDA_RUNTIME_API`)."""
    handler: str
    """`_HANDLER`: `file.export` for Node, the executable name for Go."""
    task_root: Path
    """`LAMBDA_TASK_ROOT`, also the process's working directory."""
    runtime_dir: Path
    """`LAMBDA_RUNTIME_DIR`: where the runtime's own files are."""
    execution_env: str | None = None
    """`AWS_EXECUTION_ENV` (`AWS_Lambda_nodejs20.x`); Lambda leaves it unset for OS-only runtimes."""
    path_prefix: str | None = None
    """Directories put before Lambda's PATH (the one holding `node`)."""


def lambda_environment(
    function: FunctionFacts,
    wiring: RuntimeWiring,
    extra: Mapping[str, str] | None = None,
    *,
    credentials: Mapping[str, str] = FAKE_CREDENTIALS,
) -> dict[str, str]:
    """The environment Lambda gives a runtime, then the caller's extra variables on top.

    `credentials` are golden's fake ones unless the user asked for real AWS (`golden.aws.reach`), in which
    case they are empty and the caller's own variables come in through `extra`. `extra` (an env file,
    `AWS_ENDPOINT_URL` for a local AWS emulator, the caller's AWS variables) may override anything but
    the plumbing in `PLUMBING`.
    """
    today = datetime.datetime.now(datetime.UTC).strftime("%Y/%m/%d")
    path = LAMBDA_PATH if wiring.path_prefix is None else f"{wiring.path_prefix}:{LAMBDA_PATH}"
    env = {
        "AWS_LAMBDA_RUNTIME_API": wiring.runtime_api,
        "_HANDLER": wiring.handler,
        "LAMBDA_TASK_ROOT": str(wiring.task_root),
        "LAMBDA_RUNTIME_DIR": str(wiring.runtime_dir),
        "AWS_LAMBDA_FUNCTION_NAME": function.name,
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(function.memory_mb),
        "AWS_LAMBDA_FUNCTION_VERSION": function.version,
        "AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand",
        "AWS_LAMBDA_LOG_GROUP_NAME": f"/aws/lambda/{function.name}",
        "AWS_LAMBDA_LOG_STREAM_NAME": f"{today}/[{function.version}]{uuid.uuid4().hex}",
        "AWS_REGION": function.region,
        "AWS_DEFAULT_REGION": function.region,
        "TZ": "UTC",
        "LANG": "en_US.UTF-8",
        "PATH": path,
        **credentials,
    }
    if wiring.execution_env is not None:
        env["AWS_EXECUTION_ENV"] = wiring.execution_env
    for key, value in (extra or {}).items():
        if key in PLUMBING:
            raise RunnerError(
                f"the extra environment sets {key}, which the runner sets itself to wire the runtime to "
                "the emulator; remove it from the env file"
            )
        env[key] = value
    return env
