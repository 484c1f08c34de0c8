"""A moto server on 127.0.0.1 (random port) for the SDK calls both sides make during a golden run.

Both handlers get `AWS_ENDPOINT_URL` pointing at it (aws-sdk-js v3 and aws-sdk-go-v2 honour it)
beside golden's fake credentials, so no call reaches AWS and both sides see the same AWS API. The
server runs in its own process group and is killed with it.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from types import TracebackType
from typing import Self

from golden.errors import GoldenError

_READY = re.compile(r"Running on (http://127\.0\.0\.1:\d+)")
START_TIMEOUT_S = 30.0


class MotoServer:
    """`with MotoServer() as moto:` then `moto.endpoint_url`."""

    def __init__(self, python: str = sys.executable) -> None:
        self._python = python
        self._process: subprocess.Popen[str] | None = None
        self.endpoint_url = ""

    def __enter__(self) -> Self:
        try:
            self._process = subprocess.Popen(
                [self._python, "-m", "moto.server", "-H", "127.0.0.1", "-p", "0"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                start_new_session=True,
            )
        except OSError as exc:
            raise GoldenError(
                f"cannot start the moto server ({exc}); install migrate with its dependencies"
            ) from exc
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
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def _wait_for_address(self) -> str:
        assert self._process is not None and self._process.stderr is not None
        seen: list[str] = []
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            line = self._process.stderr.readline()
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
        process = self._process
        if process is not None and process.stderr is not None:
            for _ in process.stderr:
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
