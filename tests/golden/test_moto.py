"""The moto server golden starts: reachable through boto3, gone afterwards."""

from __future__ import annotations

import os
import urllib.request

import boto3  # type: ignore[import-untyped]
import pytest

from golden.aws.moto import MotoServer
from tests.golden.conftest import group_gone

pytestmark = pytest.mark.slow


def test_moto_serves_aws_apis_and_leaves_nothing_behind() -> None:
    with MotoServer() as moto:
        assert moto.env() == {"AWS_ENDPOINT_URL": moto.endpoint_url}
        assert moto.endpoint_url.startswith("http://127.0.0.1:")
        dynamodb = boto3.client(
            "dynamodb",
            endpoint_url=moto.endpoint_url,
            region_name="us-east-1",
            aws_access_key_id="AKIAGOLDENFAKEKEY000",
            aws_secret_access_key="fake",
        )
        dynamodb.create_table(
            TableName="orders",
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        assert dynamodb.list_tables()["TableNames"] == ["orders"]
        process = moto._process
        assert process is not None
        pgid = os.getpgid(process.pid)
    assert group_gone(pgid)


def test_settle_counts_every_request_answered_before_it() -> None:
    with MotoServer() as moto:
        start = moto.settle()
        assert start is not None and moto.settle() == start  # its own requests are not counted
        sqs = boto3.client(
            "sqs",
            endpoint_url=moto.endpoint_url,
            region_name="us-east-1",
            aws_access_key_id="AKIAGOLDENFAKEKEY000",
            aws_secret_access_key="fake",
        )
        for _ in range(5):
            sqs.list_queues()  # a read counts like a write
        assert moto.settle() == start + 5
        reset = urllib.request.Request(f"{moto.endpoint_url}/moto-api/reset", method="POST")
        with urllib.request.urlopen(reset):
            pass
        assert moto.settle() == start + 6 and moto.resets == 1
    assert moto.settle() is None  # a server gone answers nothing
