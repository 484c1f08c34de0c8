"""A Cognito trigger's name, from the evidence, the config block or the Node code, picks its Go type."""

from __future__ import annotations

from pathlib import Path

from migrator.scan.model import EventEvidence
from migrator.stub.cognito import cognito_type
from tests.stub.facts import function

SERVERLESS = """\
functions:
  pre:
    handler: handler.pre
    events:
      - cognitoUserPool:
          pool: users
          trigger: PreSignUp
  other:
    handler: handler.other
    events:
      - cognitoUserPool:
          pool: users
          trigger: CustomMessage
"""


def _evidence(detail: str, file: str | None = None, line: int | None = None) -> EventEvidence:
    return EventEvidence("cognito", "config", file, line, detail)


def test_the_config_block_the_evidence_points_at_names_the_trigger(tmp_path: Path) -> None:
    (tmp_path / "serverless.yml").write_text(SERVERLESS)
    first, second = (
        function(events=("cognito",), event_evidence=(_evidence("cognitoUserPool", "serverless.yml", line),))
        for line in (5, 11)
    )
    assert cognito_type(tmp_path, first) == "events.CognitoEventUserPoolsPreSignup"
    assert cognito_type(tmp_path, second) == "events.CognitoEventUserPoolsCustomMessage"


def test_cdk_evidence_names_the_trigger(tmp_path: Path) -> None:
    details = ("UserPool lambdaTriggers.postConfirmation", "addTrigger(UserPoolOperation.POST_CONFIRMATION)")
    for detail in details:
        fn = function(events=("cognito",), event_evidence=(_evidence(detail),))
        assert cognito_type(tmp_path, fn) == "events.CognitoEventUserPoolsPostConfirmation"


def test_the_node_code_names_it_and_two_triggers_name_none(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src/index.js").write_text("if (event.triggerSource === 'TokenGeneration_HostedAuth') {}\n")
    fn = function(events=("cognito",))
    assert cognito_type(tmp_path, fn) == "events.CognitoEventUserPoolsPreTokenGen"
    (tmp_path / "src/index.js").write_text("const a = ['PreSignUp_SignUp', 'CustomMessage_SignUp'];\n")
    assert cognito_type(tmp_path, fn) == ""
    assert cognito_type(tmp_path, function(events=("sqs",))) == ""
