"""What `migrate canary emit` writes: one registry, whose names are its `--format` choices."""

from __future__ import annotations

from codegen.report_formats import FormatRegistry, ReportFormat
from migrator.canary.emit.model import EmitOptions

EMIT_FORMATS: FormatRegistry[EmitOptions] = FormatRegistry(
    "canary emit",
    (
        ReportFormat(
            "sam",
            "migrator.canary.emit.sam",
            "an AWS::Serverless::Function with AutoPublishAlias and a DeploymentPreference",
        ),
        ReportFormat(
            "cloudformation",
            "migrator.canary.emit.cloudformation",
            "function, version, alias with a CodeDeploy update policy, deployment group and alarm",
        ),
        ReportFormat(
            "terraform",
            "migrator.canary.emit.terraform",
            "an aws_lambda_alias stepped by var.canary_step, and an Errors alarm on the new version",
        ),
    ),
)
