"""Triggers Terraform resources wire to a function (`aws_lambda_function.<name>` or `module.<name>`).

Most are a table in `data/events.toml` ([[tf_wiring]]); event source mappings, EventBridge
targets, API Gateway v2 integrations and permissions need a closer look and are read here.
"""

from __future__ import annotations

import json
import re
from typing import Any

from migrator.scan.config.cfntriggers import Evidence, with_permissions
from migrator.scan.config.tfload import TfBlock, TfModule
from migrator.scan.model import EventEvidence
from migrator.scan.vocabulary import vocabulary

_FUNCTION_REF = re.compile(r"\b(aws_lambda_function|module)\.([A-Za-z_][\w-]*)")
_ALIAS_REF = re.compile(r"\baws_lambda_alias\.([A-Za-z_][\w-]*)")
_RESOURCE_REF = re.compile(r"\b(aws_[a-z0-9_]+)\.([A-Za-z_][\w-]*)")


def find_triggers(module: TfModule) -> Evidence:
    """`aws_lambda_function.<name>` / `module.<name>` → the triggers wired to it."""
    found: Evidence = {}
    permissions: Evidence = {}
    for (rtype, name), block in sorted(module.resources.items()):
        detail = f"{rtype}.{name}"

        def add(
            value: Any, kind: str, into: Evidence = found, block: TfBlock = block, detail: str = detail
        ) -> None:
            for target in _targets(module, value):
                into.setdefault(target, []).append(
                    EventEvidence(kind, "config", block.file, block.line, detail)
                )

        body = block.body
        rule = vocabulary().tf_wiring.get(rtype)
        if rule is not None and all(str(module.value(body.get(k))).lower() == v for k, v in rule.when):
            for path in rule.values:
                add(body.get(path), rule.kind)
        if rtype == "aws_lambda_event_source_mapping":
            add(body.get("function_name"), _mapping_kind(module, body))
        elif rtype == "aws_cloudwatch_event_target":
            add(body.get("arn"), _rule_kind(module, body.get("rule")))
        elif rtype == "aws_apigatewayv2_integration":
            add(body.get("integration_uri"), _api_kind(module, body.get("api_id")))
        elif rtype == "aws_lambda_permission":
            principal = module.value(body.get("principal"))
            kind = vocabulary().principals.get(principal) if isinstance(principal, str) else None
            if kind is not None:
                add(body.get("function_name"), kind, permissions, detail=f"{detail} ({principal})")
    return with_permissions(found, permissions)


def url_modes(module: TfModule) -> dict[str, tuple[str, tuple[str, int | None]]]:
    """`aws_lambda_function.<name>` → the `invoke_mode` of a function URL on it, and that URL's line."""
    out: dict[str, tuple[str, tuple[str, int | None]]] = {}
    for (rtype, _), block in sorted(module.resources.items()):
        if rtype == "aws_lambda_function_url":
            mode = module.value(block.body.get("invoke_mode"))
            if isinstance(mode, str):
                for target in _targets(module, block.body.get("function_name")):
                    out[target] = (mode, (block.file, block.line))
    return out


def _targets(module: TfModule, value: Any) -> set[str]:
    """Functions of this module that `value` references, through aliases too."""
    text = json.dumps(value) if value is not None else ""
    out = {f"{kind}.{name}" for kind, name in _FUNCTION_REF.findall(text)}
    for alias in _ALIAS_REF.findall(text):
        block = module.resources.get(("aws_lambda_alias", alias))
        if block is not None:
            out |= _targets(module, block.body.get("function_name"))
    literal = module.value(value)
    if isinstance(literal, str):  # a function name or ARN spelled out
        name = literal.rsplit(":function:", 1)[-1].split(":", 1)[0]
        for (rtype, rname), block in module.resources.items():
            if rtype == "aws_lambda_function" and module.value(block.body.get("function_name")) == name:
                out.add(f"{rtype}.{rname}")
    return out


def _mapping_kind(module: TfModule, body: dict[str, Any]) -> str:
    if "self_managed_event_source" in body or "amazon_managed_kafka_event_source_config" in body:
        return "kafka"
    if "document_db_event_source_config" in body:
        return "documentdb"
    arn = body.get("event_source_arn")
    for rtype, _ in _RESOURCE_REF.findall(json.dumps(arn) if arn is not None else ""):
        if rtype in vocabulary().tf_sources:
            return vocabulary().tf_sources[rtype]
    return vocabulary().arn_kind(module.value(arn))


def _rule_kind(module: TfModule, rule: Any) -> str:
    for rtype, name in _RESOURCE_REF.findall(json.dumps(rule) if rule is not None else ""):
        block = module.resources.get((rtype, name))
        if rtype == "aws_cloudwatch_event_rule" and block is not None:
            return "schedule" if block.body.get("schedule_expression") is not None else "eventbridge"
    return "eventbridge"


def _api_kind(module: TfModule, api_id: Any) -> str:
    for rtype, name in _RESOURCE_REF.findall(json.dumps(api_id) if api_id is not None else ""):
        block = module.resources.get((rtype, name))
        if rtype == "aws_apigatewayv2_api" and block is not None:
            protocol = module.value(block.body.get("protocol_type"))
            return "api-gateway-websocket" if protocol == "WEBSOCKET" else "api-gateway-http"
    return "api-gateway-http"
