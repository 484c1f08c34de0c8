"""A moto server on 127.0.0.1 (random port) for the SDK calls both sides make during a golden run.

Both handlers get `AWS_ENDPOINT_URL` pointing at it (aws-sdk-js v3 and aws-sdk-go-v2 honour it)
beside golden's fake credentials, so no call reaches AWS and both sides see the same AWS API. The
server runs under golden's sandbox init (`golden.runtime.jail`, without namespaces: moto is trusted, only its
lifetime is managed) with the caller's `AWS_*` variables removed: it is killed with its process group,
and its init's lifeline pipe kills it if golden dies, even by SIGKILL.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import IO, Self

from golden.errors import GoldenError, RunnerError
from golden.runtime.jail import Isolation, start_jailed

_READY = re.compile(r"Running on (http://127\.0\.0\.1:\d+)")
START_TIMEOUT_S = 30.0


class MotoServer:
    """`with MotoServer() as moto:` then `moto.endpoint_url`."""

    def __init__(self, python: str = sys.executable) -> None:
        self._python = python
        self._process: subprocess.Popen[bytes] | None = None
        self._lifeline = -1
        self._stderr: io.TextIOWrapper | None = None
        self.endpoint_url = ""

    def __enter__(self) -> Self:
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        argv = [self._python, "-m", "moto.server", "-H", "127.0.0.1", "-p", "0"]
        try:
            jailed = start_jailed(
                argv, env=env, cwd=Path.cwd(), isolation=Isolation(namespaces=False), cgroup_procs=None
            )
        except RunnerError as exc:
            raise GoldenError(
                f"cannot start the moto server ({exc}); install migrate with its dependencies"
            ) from exc
        self._process, self._lifeline = jailed.popen, jailed.lifeline
        assert jailed.popen.stderr is not None and jailed.popen.stdout is not None
        self._stderr = io.TextIOWrapper(jailed.popen.stderr, encoding="utf-8", errors="replace")
        threading.Thread(target=_drain, args=(jailed.popen.stdout,), daemon=True).start()
        self.endpoint_url = self._wait_for_address()
        threading.Thread(target=self._drain, daemon=True).start()
        self._wait_until_answering()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def env(self) -> dict[str, str]:
        """What to add to both sides' environment."""
        return {"AWS_ENDPOINT_URL": self.endpoint_url}

    def close(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        os.close(self._lifeline)  # the init kills moto and everything below it
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def _wait_for_address(self) -> str:
        assert self._stderr is not None
        seen: list[str] = []
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            line = self._stderr.readline()
            if not line:
                break
            seen.append(line.rstrip())
            match = _READY.search(line)
            if match:
                return match.group(1)
        self.close()
        tail = "; ".join(seen[-3:]) or "no output"
        raise GoldenError(f"the moto server did not start ({tail}); check that moto[server] is installed")

    def _drain(self) -> None:
        if self._stderr is not None:
            with contextlib.suppress(OSError, ValueError):
                for _ in self._stderr:
                    pass

    def _wait_until_answering(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.endpoint_url}/moto-api/", timeout=2):
                    return
            except OSError:
                time.sleep(0.05)
        self.close()
        raise GoldenError(f"the moto server at {self.endpoint_url} does not answer")


def _drain(pipe: IO[bytes]) -> None:
    with contextlib.suppress(OSError, ValueError), pipe:
        while pipe.read(65536):
            pass
