"""SAM and CloudFormation templates: `AWS::Serverless::Function` and `AWS::Lambda::Function`.

SAM functions carry their triggers in `Events`. Plain CloudFormation functions are triggered by
other resources that point at them (event source mappings, rules, permissions, subscriptions,
function URLs, authorizers), so those are read too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from migrator.scan.config.cfntriggers import FUNCTION_TYPES, Triggers, with_permissions
from migrator.scan.config.model import (
    ConfigResult,
    FunctionConfig,
    as_int,
    as_str,
    env_names,
    layer_names,
)
from migrator.scan.config.yamlload import ConfigReadError, LocatedDict, load_document
from migrator.scan.model import EventEvidence, ScanProblem
from migrator.scan.vocabulary import vocabulary

SERVERLESS_FUNCTION = "AWS::Serverless::Function"
LAMBDA_FUNCTION = "AWS::Lambda::Function"


def _zip_file(code: Any) -> Any:
    return code.get("ZipFile") if isinstance(code, dict) else None


def _inline_code(code: Any) -> str | None:
    """SAM `InlineCode: …` or CloudFormation `ZipFile: …` source (also under `!Sub`)."""
    if isinstance(code, dict) and "Fn::Sub" in code:
        code = code["Fn::Sub"][0] if isinstance(code["Fn::Sub"], list) else code["Fn::Sub"]
    return code if isinstance(code, str) else None


def _invoke_mode(url: Any) -> str | None:
    return as_str(url.get("InvokeMode")) if isinstance(url, dict) else None


def looks_like_template(text: str) -> bool:
    """Cheap check before parsing: does the text declare a Lambda function resource?"""
    return any(marker in text for marker in (SERVERLESS_FUNCTION, LAMBDA_FUNCTION))


def read_template(path: Path, rel: str, root: Path | None = None) -> ConfigResult:
    result = ConfigResult()
    try:
        document = load_document(path, rel, root)
    except ConfigReadError as exc:
        result.problems.append(exc.problem)
        return result
    resources = document.get("Resources") if isinstance(document, dict) else None
    if not isinstance(resources, dict):
        return result
    template = _Template(path, rel, document, resources, result.problems, root)
    for logical_id, resource in resources.items():
        if not isinstance(resource, dict):
            continue
        kind = resource.get("Type")
        if kind in FUNCTION_TYPES:
            fn = template.function(str(logical_id), resource, sam=kind == SERVERLESS_FUNCTION)
            if fn is not None:
                result.functions.append(fn)
    return result


class _Template:
    def __init__(
        self,
        path: Path,
        rel: str,
        document: dict[str, Any],
        resources: dict[str, Any],
        problems: list[ScanProblem],
        root: Path | None,
    ) -> None:
        self.path = path
        self.rel = rel
        self.resources = resources
        self.problems = problems
        parameters = document.get("Parameters")
        self.parameters = parameters if isinstance(parameters, dict) else {}
        globals_ = document.get("Globals")
        function_globals = globals_.get("Function") if isinstance(globals_, dict) else None
        self.globals: dict[str, Any] = function_globals if isinstance(function_globals, dict) else {}
        triggers = Triggers(path, rel, resources, problems, root)
        self.triggers, self.permissions = triggers.find()
        self.url_modes = self._url_modes(triggers)

    def _url_modes(self, triggers: Triggers) -> dict[str, tuple[str, int | None]]:
        """Function → the `InvokeMode` of an `AWS::Lambda::Url` pointing at it, with that resource's line."""
        out: dict[str, tuple[str, int | None]] = {}
        for rid, resource in self.resources.items():
            props = resource.get("Properties") if isinstance(resource, dict) else None
            if not isinstance(props, dict) or resource.get("Type") != "AWS::Lambda::Url":
                continue
            mode = as_str(self.value(props.get("InvokeMode")))
            if mode is not None:
                for target in triggers.targets(props.get("TargetFunctionArn")):
                    out[target] = (mode, self._line(self.resources, rid))
        return out

    def value(self, value: Any) -> Any:
        """A literal, or the default of the parameter a `Ref` names."""
        if isinstance(value, dict) and set(value) == {"Ref"}:
            parameter = self.parameters.get(value["Ref"])
            if isinstance(parameter, dict):
                return parameter.get("Default")
        return value

    def function(self, logical_id: str, resource: dict[str, Any], sam: bool) -> FunctionConfig | None:
        props = resource.get("Properties")
        props = props if isinstance(props, dict) else {}
        line = self._line(self.resources, logical_id)
        merged = {**self.globals, **props} if sam else props
        if (sam and merged.get("PackageType") == "Image") or props.get("PackageType") == "Image":
            return FunctionConfig(
                name=logical_id,
                config=self.rel,
                line=line,
                base_dir=self.path.parent,
                handler=None,
                skip=("container-image", "PackageType Image"),
            )
        base_dir = self._code_dir(logical_id, merged.get("CodeUri") if sam else merged.get("Code"), line)
        architectures = self.value(merged.get("Architectures"))
        architecture = (
            as_str(self.value(architectures[0]))
            if isinstance(architectures, list) and architectures
            else None
        )
        env = env_names(_variables(self.globals.get("Environment") if sam else None))
        env += env_names(_variables(props.get("Environment")))
        events: list[EventEvidence] = []
        if sam:
            events.extend(self._sam_events(logical_id, props.get("Events")))
            if props.get("FunctionUrlConfig") is not None:
                url_line = self._line(props, "FunctionUrlConfig")
                events.append(
                    EventEvidence("function-url", "config", self.rel, url_line, "FunctionUrlConfig")
                )
        events.extend(self.triggers.get(logical_id, []))
        sam_mode = _invoke_mode(props.get("FunctionUrlConfig")) if sam else None
        url_mode = (sam_mode, line) if sam_mode else self.url_modes.get(logical_id)
        granted = {logical_id: self.permissions.get(logical_id, [])}
        events = with_permissions({logical_id: events}, granted).get(logical_id, events)
        return FunctionConfig(
            name=logical_id,
            config=self.rel,
            line=line,
            base_dir=base_dir,
            handler=as_str(self.value(merged.get("Handler"))),
            runtime=as_str(self.value(merged.get("Runtime"))),
            memory_mb=as_int(self.value(merged.get("MemorySize"))),
            timeout_s=as_int(self.value(merged.get("Timeout"))),
            architecture=architecture,
            env=tuple(dict.fromkeys(env)),
            events=tuple(events),
            entry_points=_entry_points(resource.get("Metadata")),
            layers=layer_names(self.value(merged.get("Layers"))),
            invoke_mode=url_mode[0] if url_mode else None,
            invoke_mode_at=(self.rel, url_mode[1]) if url_mode else None,
            inline_code=_inline_code(merged.get("InlineCode") if sam else _zip_file(merged.get("Code"))),
        )

    def _code_dir(self, logical_id: str, code: Any, line: int | None) -> Path:
        if isinstance(code, str) and not code.startswith("s3://"):
            return (self.path.parent / code).resolve() if code else self.path.parent
        return self.path.parent  # inline code (ZipFile) is scanned from the template itself

    def _sam_events(self, logical_id: str, events: Any) -> list[EventEvidence]:
        out: list[EventEvidence] = []
        if not isinstance(events, dict):
            return out
        for event_name, event in events.items():
            if not isinstance(event, dict):
                continue
            kind = vocabulary().sam_events.get(str(event.get("Type")), "unknown")
            line = self._line(events, event_name)
            out.append(EventEvidence(kind, "config", self.rel, line, _describe_sam(event_name, event)))
        return out

    @staticmethod
    def _line(mapping: Any, key: str) -> int | None:
        return mapping.line_of(key) if isinstance(mapping, LocatedDict) else None


def _variables(environment: Any) -> Any:
    return environment.get("Variables") if isinstance(environment, dict) else None


def _entry_points(metadata: Any) -> tuple[str, ...]:
    if not isinstance(metadata, dict):
        return ()
    build = metadata.get("BuildProperties")
    entries = build.get("EntryPoints") if isinstance(build, dict) else None
    return tuple(e for e in entries if isinstance(e, str)) if isinstance(entries, list) else ()


def _describe_sam(name: str, event: dict[str, Any]) -> str:
    props = event.get("Properties")
    props = props if isinstance(props, dict) else {}
    kind = event.get("Type")
    if kind in ("Api", "HttpApi") and "Path" in props:
        return f"{name}: {kind} {str(props.get('Method', 'any')).upper()} {props.get('Path')}"
    if kind in ("Schedule", "ScheduleV2"):
        return f"{name}: {kind} {props.get('Schedule') or props.get('ScheduleExpression')}"
    return f"{name}: {kind}"
