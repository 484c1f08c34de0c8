"""The Node side: the handler run by golden's bootstrap (package data), as Lambda's Node runtime runs it."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from importlib.resources import as_file, files
from pathlib import Path

from golden.errors import RunnerError
from golden.runners.runner import Launch, Runner
from golden.runners.typescript import DEFAULT_ESBUILD, transpile_task_root, typescript_entry
from golden.runtime.environment import FAKE_CREDENTIALS, RuntimeWiring, lambda_environment
from golden.runtime.jail import SANDBOXED, Isolation
from golden.sides.function import FunctionFacts


class NodeRunner(Runner):
    """Runs `handler` (`path/file.export`, as in Lambda's handler setting) from `task_root` with node.

    Node gets the heap flags the Lambda Node runtime's start script derives from the memory size
    (new space a tenth of it, semi-space half of that, old space the rest) and `--expose-gc`.
    A handler whose file exists only as TypeScript is transpiled first (see typescript.py).
    """

    def __init__(
        self,
        task_root: Path,
        handler: str,
        function: FunctionFacts | None = None,
        *,
        env: Mapping[str, str] | None = None,
        runtime: str = "nodejs20.x",
        node: str = "node",
        esbuild: Sequence[str] = DEFAULT_ESBUILD,
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
        self.source_root = task_root.resolve()
        self.handler = handler
        self.runtime = runtime
        self._node_name = node
        self._esbuild = tuple(esbuild)
        self._node = ""
        self._bootstrap = Path()
        self._task_root = self.source_root
        if not self.source_root.is_dir():
            raise RunnerError(f"the task root {self.source_root} is not a folder")

    @property
    def task_root(self) -> Path:
        """Where the handler runs from: the source folder, or its transpiled copy for TypeScript."""
        return self._task_root

    def _prepare(self, resources: contextlib.ExitStack) -> None:
        node = shutil.which(self._node_name)
        if node is None:
            raise RunnerError(f"`{self._node_name}` is not on PATH: install Node.js 20 to run Node handlers")
        self._node = node
        data = resources.enter_context(as_file(files("golden") / "data"))
        self._bootstrap = data / "bootstrap.js"  # with runtime_api.js, errors.js and loader.js beside it
        if typescript_entry(self.source_root, self.handler) is not None:
            scratch = Path(resources.enter_context(tempfile.TemporaryDirectory(prefix="golden-ts-")))
            self._task_root = transpile_task_root(self.source_root, scratch, esbuild=self._esbuild)

    def _launch(self, runtime_api: str) -> Launch:
        memory = self.function.memory_mb
        new_space = memory // 10
        argv = (
            self._node,
            "--expose-gc",
            "--max-http-header-size=81920",
            f"--max-semi-space-size={max(new_space // 2, 1)}",
            f"--max-old-space-size={memory - new_space}",
            str(self._bootstrap),
        )
        wiring = RuntimeWiring(
            runtime_api,
            self.handler,
            self._task_root,
            self._bootstrap.parent,
            execution_env=f"AWS_Lambda_{self.runtime}",
            path_prefix=str(Path(self._node).parent),
        )
        env = lambda_environment(
            self.function,
            wiring,
            {"NODE_PATH": str(self._task_root), **self.extra_env},
            credentials=self.credentials,
        )
        return Launch(argv, self._task_root, env)
