"""A moto server on 127.0.0.1 (random port) for the SDK calls both sides make during a golden run.

Both handlers get `AWS_ENDPOINT_URL` pointing at it (aws-sdk-js v3 and aws-sdk-go-v2 honour it)
beside golden's fake credentials, so no call reaches AWS and both sides see the same AWS API. The
server runs under golden's sandbox init (`golden.runtime.jail`, without namespaces: moto is trusted, only its
lifetime is managed) with the caller's `AWS_*` variables removed: it is killed with its process group,
and its init's lifeline pipe kills it if golden dies, even by SIGKILL.

The server's log (werkzeug, on stderr, one line per request served) is read by a thread that counts
its lines: `settle()` says how many requests the server has served so far (`golden.aws.effects` skips
resetting and snapshotting a state no request touched). werkzeug writes a request's line before it
sends the response (`send_response` logs first), so every request whose answer a client has seen is in
the pipe before a later request is even sent; `settle()` sends such a later request (a unique path,
answered 404) and waits for its line, after which the count covers all of them. Every line counts,
also tracebacks and warnings: a line that is not a request only makes golden do the full work.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import secrets
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
SETTLE_TIMEOUT_S = 10.0
SETTLE_PATH = "/moto-api/golden-settle/"
_STYLE = r"(?:\x1b\[[0-9;]*m)?"  # werkzeug colours a 404's request line
_SETTLE_LINE = re.compile(
    rf'"{_STYLE}GET /moto-api/golden-settle/([0-9a-f]{{32}}) HTTP/[0-9.]+{_STYLE}" 404 '
)


class MotoServer:
    """`with MotoServer() as moto:` then `moto.endpoint_url`."""

    def __init__(self, python: str = sys.executable) -> None:
        self._python = python
        self._process: subprocess.Popen[bytes] | None = None
        self._lifeline = -1
        self._stderr: io.TextIOWrapper | None = None
        self.endpoint_url = ""
        self._log = threading.Condition()
        self._lines = 0  # log lines read, the settle requests' lines left out
        self._resets = 0
        self._pending: set[str] = set()  # settle tokens sent, their line not read yet
        self._draining = True

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

    def settle(self) -> int | None:
        """How many requests (log lines) the server has served, every one answered before this call
        counted; None when the server does not answer in time (count on nothing then)."""
        token = secrets.token_hex(16)  # unguessable: a handler cannot fake a settle line
        with self._log:
            self._pending.add(token)
        url = f"{self.endpoint_url}{SETTLE_PATH}{token}"
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=SETTLE_TIMEOUT_S):
            pass  # a 404 is the answer expected (HTTPError, an OSError)
        with self._log:
            self._log.wait_for(lambda: token not in self._pending or not self._draining, SETTLE_TIMEOUT_S)
            if token in self._pending:
                self._pending.discard(token)
                return None
            return self._lines

    @property
    def resets(self) -> int:
        """`POST /moto-api/reset` requests logged so far (read after `settle()`)."""
        with self._log:
            return self._resets

    def _drain(self) -> None:
        try:
            if self._stderr is not None:
                with contextlib.suppress(OSError, ValueError):
                    for line in self._stderr:
                        self._count(line)
        finally:
            with self._log:
                self._draining = False
                self._log.notify_all()

    def _count(self, line: str) -> None:
        with self._log:
            settled = _SETTLE_LINE.search(line)
            if settled is not None and settled.group(1) in self._pending:
                self._pending.discard(settled.group(1))
                self._log.notify_all()
                return
            self._lines += 1
            if "POST /moto-api/reset HTTP/" in line:
                self._resets += 1

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
