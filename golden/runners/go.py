"""The Go side: a `bootstrap` executable built from the handler module, run unmodified."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from pathlib import Path

from golden.errors import RunnerError
from golden.runners.gobuild import build_go_handler
from golden.runners.runner import Launch, Runner
from golden.runtime.environment import FAKE_CREDENTIALS, RuntimeWiring, lambda_environment
from golden.runtime.jail import SANDBOXED, Isolation
from golden.sides.function import FunctionFacts


class GoRunner(Runner):
    """Runs a Go Lambda executable (aws-lambda-go's `lambda.Start`) against the emulator.

    The working directory and `LAMBDA_TASK_ROOT` are `task_root` (the module's folder by default), so
    files the handler reads relative to itself are found as they would be beside `bootstrap` in the zip.
    """

    def __init__(
        self,
        executable: Path,
        function: FunctionFacts | None = None,
        *,
        task_root: Path | None = None,
        handler: str = "bootstrap",
        env: Mapping[str, str] | None = None,
        memory_cap: bool = True,
        credentials: Mapping[str, str] = FAKE_CREDENTIALS,
        isolation: Isolation | None = SANDBOXED,
    ) -> None:
        super().__init__(
            function or FunctionFacts(),
            env=env,
            memory_cap=memory_cap,
            credentials=credentials,
            isolation=isolation,
        )
        self.executable = executable.resolve()
        self.task_root = (task_root or executable.parent).resolve()
        self.handler = handler
        if not self.executable.is_file():
            raise RunnerError(
                f"{self.executable} does not exist: build the Go handler first (build_go_handler)"
            )
        if not self.task_root.is_dir():
            raise RunnerError(f"the task root {self.task_root} is not a folder")

    @classmethod
    def from_source(
        cls,
        module_dir: Path,
        function: FunctionFacts | None = None,
        *,
        cache_dir: Path | None = None,
        build_env: Mapping[str, str] | None = None,
        env: Mapping[str, str] | None = None,
        memory_cap: bool = True,
        credentials: Mapping[str, str] = FAKE_CREDENTIALS,
        isolation: Isolation | None = SANDBOXED,
    ) -> GoRunner:
        """Build `module_dir` (cached by source hash) and run it with that folder as the task root."""
        executable = build_go_handler(module_dir, cache_dir, env=build_env)
        return cls(
            executable,
            function,
            task_root=module_dir,
            env=env,
            memory_cap=memory_cap,
            credentials=credentials,
            isolation=isolation,
        )

    def _prepare(self, resources: contextlib.ExitStack) -> None:
        """Nothing to do: the executable was built before the runner was made."""

    def _launch(self, runtime_api: str) -> Launch:
        wiring = RuntimeWiring(runtime_api, self.handler, self.task_root, self.executable.parent)
        env = lambda_environment(self.function, wiring, self.extra_env, credentials=self.credentials)
        return Launch((str(self.executable),), self.task_root, env)
