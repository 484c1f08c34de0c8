"""Triggers that CloudFormation resources wire to functions, for SAM and plain Lambda functions.

A function's `Events` (SAM) are not the only way to trigger it: event source mappings, rules,
schedules, subscriptions, permissions, API integrations, OpenAPI bodies, bucket notifications,
Cognito triggers and many more resources name the function they invoke through `Ref`, `GetAtt`,
`Sub` or a literal ARN. Most are a table in `data/events.toml`; the ones that need a closer
look are read here.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from migrator.scan.config.model import as_str, referenced_ids
from migrator.scan.config.yamlload import ConfigReadError, LocatedDict, load_document
from migrator.scan.files import is_inside, real_root
from migrator.scan.model import EventEvidence, ScanProblem
from migrator.scan.vocabulary import CfnWiring, OpenApiBody, vocabulary

FUNCTION_TYPES = frozenset({"AWS::Serverless::Function", "AWS::Lambda::Function"})
_VERSION_TYPES = frozenset({"AWS::Lambda::Version", "AWS::Lambda::Alias"})
Evidence = dict[str, list[EventEvidence]]


class Triggers:
    """Finds, for every function of one template, the triggers other resources wire to it."""

    def __init__(
        self,
        path: Path,
        rel: str,
        resources: dict[str, Any],
        problems: list[ScanProblem],
        root: Path | None = None,
    ) -> None:
        self.path = path
        self.root = root or path.parent  #: the scanned folder: no OpenAPI file outside it is read
        self.rel = rel
        self.resources = resources
        self.problems = problems
        self.names = _function_names(resources)

    def find(self) -> tuple[Evidence, Evidence]:
        """Logical id of a function → the triggers wired to it, and → what permissions grant.

        A permission only says who may invoke; merge it with `with_permissions` once every other
        trigger of the function (SAM `Events` too) is known.
        """
        found: Evidence = {}
        permissions: Evidence = {}
        for rid, resource in self.resources.items():
            if not isinstance(resource, dict) or not isinstance(resource.get("Properties"), dict):
                continue
            props = resource["Properties"]
            rtype = str(resource.get("Type"))
            line = _line(self.resources, rid)

            def add(value: Any, kind: str, detail: str, at: int | None = line) -> None:
                for target in self.targets(value):
                    found.setdefault(target, []).append(EventEvidence(kind, "config", self.rel, at, detail))

            self._resource(rid, rtype, props, add)
        for rid, resource in self.resources.items():
            props = resource.get("Properties") if isinstance(resource, dict) else None
            if isinstance(props, dict) and resource.get("Type") == "AWS::Lambda::Permission":
                self._permission(rid, props, permissions)
        return found, permissions

    def targets(self, value: Any) -> set[str]:
        """Functions of this template that `value` references, through versions and aliases too."""
        out: set[str] = set()
        for reference in referenced_ids(value) | self._arn_names(value):
            rid = (
                reference if reference in self.resources else reference.split(".", 1)[0]
            )  # `!Ref Fn.Version`
            resource = self.resources.get(rid)
            rtype = resource.get("Type") if isinstance(resource, dict) else None
            if rtype in FUNCTION_TYPES:
                out.add(rid)
            elif rtype in _VERSION_TYPES:
                props = resource.get("Properties") if isinstance(resource, dict) else None
                if isinstance(props, dict):
                    out.update(r for r in referenced_ids(props.get("FunctionName")) if r in self.resources)
        return out

    def _arn_names(self, value: Any) -> set[str]:
        """Functions named by a literal `…:function:<name>` ARN (also inside `!Sub`)."""
        found: set[str] = set()
        for text in _strings(value):
            marker = text.find(":function:")
            if marker != -1:
                name = text[marker + len(":function:") :].split(":", 1)[0].split("/", 1)[0]
                if name in self.names:
                    found.add(self.names[name])
        return found

    def _resource(self, rid: str, rtype: str, props: dict[str, Any], add: _Add) -> None:
        rule = vocabulary().cfn_wiring.get(rtype)
        if rule is not None:
            for entry in _walk(props, rule.items):
                if isinstance(entry, dict) and _matches(entry, rule):
                    for path in rule.values:
                        for value in _walk(entry, path):
                            add(value, rule.kind, f"{rid} ({rtype})")
        if rtype == "AWS::Lambda::EventSourceMapping":
            kind = self._mapping_kind(props)
            add(props.get("FunctionName"), kind, f"{rid} (event source mapping)")
        elif rtype == "AWS::Events::Rule":
            schedule = props.get("ScheduleExpression")
            kind = "schedule" if schedule else "eventbridge"
            for target in props.get("Targets") or [] if isinstance(props.get("Targets"), list) else []:
                if isinstance(target, dict):
                    add(target.get("Arn"), kind, f"{rid} {schedule or 'event pattern'}")
        elif rtype == "AWS::ApiGatewayV2::Integration":
            api = self.resources.get(next(iter(referenced_ids(props.get("ApiId"))), ""))
            api_props = api.get("Properties") if isinstance(api, dict) else None
            websocket = isinstance(api_props, dict) and api_props.get("ProtocolType") == "WEBSOCKET"
            kind = "api-gateway-websocket" if websocket else "api-gateway-http"
            add(props.get("IntegrationUri"), kind, f"{rid} ({rtype})")
        elif rtype.startswith("Custom::"):
            add(props.get("ServiceToken"), "custom-resource", f"{rid} ({rtype})")
        api = vocabulary().cfn_openapi.get(rtype)
        if api is not None:
            self._openapi(rid, api, props, add)

    def _mapping_kind(self, props: dict[str, Any]) -> str:
        if props.get("SelfManagedEventSource") or props.get("AmazonManagedKafkaEventSourceConfig"):
            return "kafka"
        if props.get("DocumentDBEventSourceConfig"):
            return "documentdb"
        arn = props.get("EventSourceArn")
        for rid in referenced_ids(arn):
            resource = self.resources.get(rid)
            rtype = resource.get("Type") if isinstance(resource, dict) else None
            if isinstance(rtype, str) and rtype in vocabulary().source_resources:
                return vocabulary().source_resources[rtype]
        for text in _strings(arn):
            kind = vocabulary().arn_kind(text.replace("${AWS::Partition}", "aws"), "")
            if kind:
                return kind
        return "unknown"

    def _permission(self, rid: str, props: dict[str, Any], into: Evidence) -> None:
        principal = as_str(props.get("Principal"))
        kind = vocabulary().principals.get(principal or "")
        if kind is None:
            return
        if kind == "api-gateway-rest" and _is_websocket_source(props.get("SourceArn"), self.resources):
            kind = "api-gateway-websocket"
        for target in self.targets(props.get("FunctionName")):
            into.setdefault(target, []).append(
                EventEvidence(kind, "config", self.rel, _line(self.resources, rid), f"{rid} ({principal})")
            )

    def _openapi(self, rid: str, api: OpenApiBody, props: dict[str, Any], add: _Add) -> None:
        """`x-amazon-apigateway-integration` and authorizers in an inline or local OpenAPI body."""
        body_key, uri_key, kind = api.body, api.location, api.kind
        body = props.get(body_key)
        source = f"{rid} {body_key}"
        if isinstance(body, dict) and set(body) == {"Fn::Transform"}:
            transform = body["Fn::Transform"]
            parameters = transform.get("Parameters") if isinstance(transform, dict) else None
            body = self._load(parameters.get("Location") if isinstance(parameters, dict) else None, rid)
            source = f"{rid} AWS::Include"
        elif body is None:
            body = self._load(props.get(uri_key), rid)
            source = f"{rid} {uri_key}"
        if not isinstance(body, dict):
            return
        paths = body.get("paths")
        for route, item in paths.items() if isinstance(paths, dict) else ():
            for method, operation in item.items() if isinstance(item, dict) else ():
                if not isinstance(operation, dict):
                    continue
                integration = operation.get("x-amazon-apigateway-integration")
                if isinstance(integration, dict):
                    add(integration.get("uri"), kind, f"{source} {str(method).upper()} {route}")
        components = body.get("components")
        schemes = body.get("securityDefinitions") or (
            components.get("securitySchemes") if isinstance(components, dict) else None
        )
        for name, scheme in schemes.items() if isinstance(schemes, dict) else ():
            authorizer = scheme.get("x-amazon-apigateway-authorizer") if isinstance(scheme, dict) else None
            if isinstance(authorizer, dict):
                add(authorizer.get("authorizerUri"), "api-gateway-authorizer", f"{source} authorizer {name}")

    def _load(self, location: Any, rid: str) -> Any:
        """A local OpenAPI file under PATH (never an S3 location, never outside the scanned folder)."""
        if not isinstance(location, str) or location.startswith("s3://") or "://" in location:
            return None
        path = self.path.parent / location
        if not is_inside(os.path.realpath(path), real_root(self.root)):
            message = f"{rid}: {location} is outside the scanned folder; it is not read"
            self.problems.append(ScanProblem(self.rel, _line(self.resources, rid), None, message))
            return None
        try:
            return load_document(path, _join(self.rel, location), self.root)
        except ConfigReadError as exc:
            self.problems.append(exc.problem)
            return None


_Add = Callable[..., None]


def with_permissions(found: Evidence, permissions: Evidence) -> Evidence:
    """A permission only says who may invoke: it names a trigger when nothing else does."""
    for target, granted in permissions.items():
        present = {e.kind for e in found.get(target, [])}
        for evidence in granted:
            if not present & vocabulary().principal_covered_by.get(evidence.kind, {evidence.kind}):
                found.setdefault(target, []).append(evidence)
                present.add(evidence.kind)
    return found


def _function_names(resources: dict[str, Any]) -> dict[str, str]:
    """Literal `FunctionName` → logical id, for ARN references."""
    names: dict[str, str] = {}
    for rid, resource in resources.items():
        if isinstance(resource, dict) and resource.get("Type") in FUNCTION_TYPES:
            props = resource.get("Properties")
            name = props.get("FunctionName") if isinstance(props, dict) else None
            if isinstance(name, str):
                names[name] = rid
    return names


def _is_websocket_source(source_arn: Any, resources: dict[str, Any]) -> bool:
    for rid in referenced_ids(source_arn):
        resource = resources.get(rid)
        props = resource.get("Properties") if isinstance(resource, dict) else None
        if isinstance(props, dict) and props.get("ProtocolType") == "WEBSOCKET":
            return True
    return False


def _matches(entry: dict[str, Any], rule: CfnWiring) -> bool:
    return all(str(entry.get(key, "")).lower() == value.lower() for key, value in rule.when)


def _walk(value: Any, path: str) -> Iterator[Any]:
    """The values at a dotted path, `*` standing for every list item or mapping value."""
    if not path:
        yield value
        return
    head, _, rest = path.partition(".")
    if head == "*":
        inner = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        for item in inner:
            yield from _walk(item, rest)
    elif isinstance(value, dict) and head in value:
        yield from _walk(value[head], rest)


def _strings(value: Any) -> Iterator[str]:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _line(mapping: Any, key: str) -> int | None:
    return mapping.line_of(key) if isinstance(mapping, LocatedDict) else None


def _join(rel: str, location: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(rel), location))
