"""Which AWS the handlers' SDK calls reach: a local moto server (default), real AWS, or nothing set.

- `moto`: golden's fake credentials and `AWS_ENDPOINT_URL` pointing at a moto server it starts.
- `real`: no moto, no fake credentials: the caller's own `AWS_*` variables (credentials, profile,
  region, config file locations) and `HOME` (where the SDKs find `~/.aws`) pass through unchanged,
  with a loud warning that SDK calls hit real AWS.
- `none`: golden's fake credentials and no endpoint (calls fail to sign against real AWS).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from golden.aws.moto import MotoServer
from golden.errors import GoldenError
from golden.runtime.environment import FAKE_CREDENTIALS, PLUMBING

REAL_AWS_WARNING = (
    "WARNING: --aws real: both handlers run with YOUR AWS credentials and region. Every SDK call they "
    "make (writes, deletes, messages sent) hits real AWS, twice or more per case (Node runs twice for "
    "noise, plus --runs warm runs per side)."
)


class AwsMode(StrEnum):
    moto = "moto"
    real = "real"
    none = "none"


class AwsEndpoint(Protocol):
    """What golden needs of a started local AWS emulator (MotoServer)."""

    def env(self) -> dict[str, str]: ...


@dataclass(frozen=True)
class AwsSetup:
    """What the runners get for one mode."""

    mode: AwsMode
    env: Mapping[str, str] = field(default_factory=dict)
    """Variables for both sides, under the user's env file (which may override them)."""
    credentials: Mapping[str, str] = field(default_factory=lambda: dict(FAKE_CREDENTIALS))
    """Credentials the runners put in Lambda's standard environment (none in `real` mode)."""


_REGION = frozenset({"AWS_REGION", "AWS_DEFAULT_REGION"})


def caller_aws_variables(environ: Mapping[str, str]) -> dict[str, str]:
    """The caller's AWS configuration as the SDKs read it: every `AWS_*` variable (but the ones that
    describe a Lambda sandbox) and `HOME`, for the shared config and credentials files."""
    passed = {
        key: value
        for key, value in environ.items()
        if key.startswith("AWS_")
        and not key.startswith("AWS_LAMBDA_")
        and key not in PLUMBING
        and key not in _REGION  # the function's region (`--region`, else the caller's) sets these
    }
    if "HOME" in environ:
        passed["HOME"] = environ["HOME"]
    return passed


@contextlib.contextmanager
def aws_setup(
    mode: AwsMode,
    *,
    environ: Mapping[str, str],
    start_moto: Callable[[], contextlib.AbstractContextManager[AwsEndpoint]] = MotoServer,
    warn: Callable[[str], None],
) -> Iterator[AwsSetup]:
    """The runners' AWS environment for `mode`; a moto server lives as long as the `with` block."""
    if mode is AwsMode.moto:
        with start_moto() as moto:
            yield AwsSetup(mode, moto.env())
    elif mode is AwsMode.real:
        warn(REAL_AWS_WARNING)
        yield AwsSetup(mode, caller_aws_variables(environ), {})
    else:
        yield AwsSetup(mode)


def caller_region(environ: Mapping[str, str]) -> str | None:
    """The caller's region: `AWS_REGION`, `AWS_DEFAULT_REGION`, else the profile's (no credential lookup)."""
    for key in ("AWS_REGION", "AWS_DEFAULT_REGION"):
        if environ.get(key):
            return environ[key]
    import boto3  # type: ignore[import-untyped]
    import botocore.exceptions  # type: ignore[import-untyped]

    try:
        region = boto3.session.Session().region_name
    except botocore.exceptions.BotoCoreError as exc:  # e.g. AWS_PROFILE names no profile
        raise GoldenError(f"cannot read your AWS configuration: {exc}") from exc
    return region if isinstance(region, str) and region else None
