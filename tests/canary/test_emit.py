"""`migrate canary emit`: SAM and CloudFormation are cfn-lint clean; Terraform parses with python-hcl2."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import hcl2
import pytest
import yaml
from cfnlint.api import lint_all  # type: ignore[import-untyped]

from migrator.canary.emit import EmitOptions, emit_rollout
from migrator.canary.errors import CanaryError
from tests.conftest import REPO

CASES = {
    "predefined": EmitOptions(
        "orders-api",
        config="Canary10Percent5Minutes",
        alarms=("orders-5xx",),
        pre_traffic_hook="orders-pre",
        post_traffic_hook="orders-post",
    ),
    "linear": EmitOptions("orders_api", config="Linear10PercentEvery3Minutes"),
    "custom-canary": EmitOptions("9lives", steps="20", interval_s=120, alarms=("a", "b")),
    "custom-linear": EmitOptions("fn", alias="prod", steps="25,50,75,100", interval_s=600),
    "all-at-once": EmitOptions("fn", config="AllAtOnce"),
}


class CfnLoader(yaml.SafeLoader):
    """Reads CloudFormation's short tags (!Ref, !Sub, !GetAtt) as plain values for the assertions."""


CfnLoader.add_multi_constructor("!", lambda loader, suffix, node: {suffix: loader.construct_scalar(node)})


def errors_and_warnings(text: str) -> list[str]:
    return [str(m) for m in lint_all(text) if m.rule.id[0] in "EW"]


@pytest.mark.slow
@pytest.mark.parametrize("case", ["predefined", "custom-canary", "custom-linear"])
@pytest.mark.parametrize("format", ["sam", "cloudformation"])
def test_sam_and_cloudformation_are_cfn_lint_clean(case: str, format: str) -> None:
    assert errors_and_warnings(emit_rollout(CASES[case], format)) == []


def test_cfn_lint_would_catch_a_broken_template() -> None:
    broken = emit_rollout(CASES["predefined"], "cloudformation").replace(
        "MetricName: Errors", "Metric: Errors"
    )
    assert errors_and_warnings(broken)


def test_sam_carries_the_deployment_preference() -> None:
    template = yaml.load(io.StringIO(emit_rollout(CASES["predefined"], "sam")), CfnLoader)
    function = template["Resources"]["OrdersApi"]["Properties"]
    assert function["AutoPublishAlias"] == "live"
    assert function["DeploymentPreference"] == {
        "Type": "Canary10Percent5Minutes",
        "Alarms": [{"Ref": "OrdersApiAliasErrors"}, "orders-5xx"],
        "Hooks": {"PreTraffic": "orders-pre", "PostTraffic": "orders-post"},
    }


def test_custom_steps_become_a_custom_codedeploy_config() -> None:
    template = yaml.load(io.StringIO(emit_rollout(CASES["custom-linear"], "cloudformation")), CfnLoader)
    resources = template["Resources"]
    assert resources["FnDeploymentConfig"]["Properties"]["TrafficRoutingConfig"] == {
        "Type": "TimeBasedLinear",
        "TimeBasedLinear": {"LinearPercentage": 25, "LinearInterval": 10},
    }
    group = resources["FnDeploymentGroup"]["Properties"]
    assert group["DeploymentConfigName"] == {"Ref": "FnDeploymentConfig"}
    assert group["AutoRollbackConfiguration"]["Events"][1] == "DEPLOYMENT_STOP_ON_ALARM"
    assert resources["FnAlias"]["UpdatePolicy"]["CodeDeployLambdaAliasUpdate"]["DeploymentGroupName"] == {
        "Ref": "FnDeploymentGroup"
    }
    predefined = yaml.load(io.StringIO(emit_rollout(CASES["linear"], "cloudformation")), CfnLoader)
    assert predefined["Resources"]["OrdersApiDeploymentGroup"]["Properties"]["DeploymentConfigName"] == (
        "CodeDeployDefault.LambdaLinear10PercentEvery3Minutes"
    )


def test_steps_codedeploy_cannot_express_are_refused_except_for_terraform() -> None:
    options = EmitOptions("fn", steps="10,25,50,100")
    with pytest.raises(CanaryError, match="CodeDeploy cannot step 10,25,50,100"):
        emit_rollout(options, "sam")
    assert hcl2.loads(emit_rollout(options, "terraform"))["locals"][0]["canary_weights"] == [
        0.1,
        0.25,
        0.5,
        1.0,
    ]


@pytest.mark.parametrize("case", sorted(CASES))
def test_terraform_parses_with_the_alias_routing_and_alarms(case: str) -> None:
    options = CASES[case]
    parsed: dict[str, Any] = hcl2.loads(emit_rollout(options, "terraform"))
    by_type = {
        kind.strip('"'): list(named.values()) for block in parsed["resource"] for kind, named in block.items()
    }
    [alias] = by_type["aws_lambda_alias"]
    assert alias["name"] == f'"{options.alias}"'
    assert (
        alias["function_version"] == "${local.canary_weight >= 1 ? var.canary_version : var.stable_version}"
    )
    [routing] = alias["dynamic"]
    assert routing['"routing_config"']["content"][0]["additional_version_weights"] == {
        "${(var.canary_version)}": "${routing_config.value}"
    }
    [alarm] = by_type["aws_cloudwatch_metric_alarm"]
    assert set(alarm["dimensions"]) == {"FunctionName", "Resource", "ExecutedVersion"}
    [local] = parsed["locals"]
    weights = local["canary_weights"]
    assert weights[-1] == 1.0 and all(0 < w < 1 for w in weights[:-1])
    assert (
        local["gate_alarms"][: len(options.alarms)] == [f'"{a}"' for a in options.alarms]
        or not options.alarms
    )


def test_emit_cli_writes_a_file(tmp_path: Path) -> None:
    out = tmp_path / "template.yaml"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "migrator",
            "canary",
            "emit",
            "orders",
            "--format",
            "sam",
            "--config",
            "Linear10PercentEvery1Minute",
            "--alarm",
            "x",
            "-o",
            str(out),
        ],
        cwd=REPO,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Type: Linear10PercentEvery1Minute" in out.read_text()


@pytest.mark.parametrize("format", ["sam", "cloudformation", "terraform"])
@pytest.mark.parametrize(
    ("options", "message"),
    [
        (EmitOptions('fn\nResources: {Evil: {Type: "AWS::IAM::User"}}\n#'), "function name 'fn\\nResources"),
        (EmitOptions("f" * 65), "Lambda names are 1-64 letters, digits, '-' or '_'"),
        (EmitOptions("fn", alias="live\nEvil: 1\n#"), "--alias 'live\\nEvil: 1\\n#': Lambda alias names"),
        (EmitOptions("fn", alias="7"), "not all digits"),
        (EmitOptions(" "), "function name ' '"),
    ],
)
def test_a_name_lambda_would_refuse_is_refused_not_written_into_the_template(
    format: str, options: EmitOptions, message: str
) -> None:
    # Names land in the header comments unquoted: a newline there wrote a resource of its own.
    with pytest.raises(CanaryError, match=re.escape(message)):
        emit_rollout(options, format)
