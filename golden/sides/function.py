"""The deployment facts of one function that shape how golden runs it (name, memory, timeout, region)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FunctionFacts:
    """What Lambda would know about the function: the values behind its standard environment."""

    name: str = "golden-function"
    """`AWS_LAMBDA_FUNCTION_NAME`; also the name the Invoke API answers to."""
    memory_mb: int = 128
    """`AWS_LAMBDA_FUNCTION_MEMORY_SIZE`, the Node heap flags, and the RSS cap (see process.py)."""
    timeout_s: float = 3.0
    """Per-invoke timeout, from the event being handed out to the response being posted."""
    init_timeout_s: float = 10.0
    """How long a fresh runtime may take to ask for its first event (Lambda's init phase limit)."""
    region: str = "us-east-1"
    """`AWS_REGION` and `AWS_DEFAULT_REGION`, and the region part of the ARN."""
    account_id: str = "123456789012"
    """The account part of the function ARN (a fake one: nothing reaches AWS)."""
    version: str = "$LATEST"
    """`AWS_LAMBDA_FUNCTION_VERSION` and the Invoke API's `X-Amz-Executed-Version`."""

    @property
    def arn(self) -> str:
        """The unqualified function ARN handed to the runtime as `Lambda-Runtime-Invoked-Function-Arn`."""
        return f"arn:aws:lambda:{self.region}:{self.account_id}:function:{self.name}"
