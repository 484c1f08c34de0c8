"""Serverless Framework (v3 syntax) `serverless.yml`: provider defaults, functions, events."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from migrator.scan.config.model import (
    ConfigResult,
    FunctionConfig,
    Skip,
    as_int,
    as_str,
    env_names,
    layer_names,
    referenced_ids,
)
from migrator.scan.config.yamlload import ConfigReadError, LocatedDict, load_document
from migrator.scan.model import EventEvidence, ScanProblem
from migrator.scan.vocabulary import vocabulary

_FILE_INCLUDE = re.compile(r"\$\{file\(([^)]+)\)(?::([\w.\-]+))?\}")
_VARIABLE = re.compile(r"\$\{([^${}]+)\}")
_MAX_VARIABLE_DEPTH = 10
_UNKNOWN = "\x00unknown\x00"
#: provider settings a function inherits unless it sets its own
_PROVIDER_DEFAULTS = ("runtime", "memorySize", "timeout", "architecture", "layers")


class _Variables:
    """Resolves the `${self:…}`, `${opt:…, default}` and `${env:…, default}` a setting uses.

    Innermost references resolve first; one that cannot be known before deploy (`${sls:stage}`,
    `${ssm:…}`) makes the reference around it fall back to its default, if it has one.
    """

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document

    def resolve(self, value: Any) -> Any:
        if not isinstance(value, str) or "${" not in value:
            return value
        text = value.strip()
        for _ in range(_MAX_VARIABLE_DEPTH):
            match = _VARIABLE.search(text)
            if match is None:
                break
            found = self._lookup(match.group(1))
            if match.span() == (0, len(text)):
                if isinstance(found, str) and "${" in found:
                    text = found
                    continue
                return found
            replacement = _UNKNOWN if found is None or isinstance(found, dict | list) else str(found)
            text = text[: match.start()] + replacement + text[match.end() :]
        return None if "${" in text or _UNKNOWN in text else text

    def _lookup(self, expression: str) -> Any:
        reference, _, fallback = expression.partition(",")
        fallback_value = _literal(fallback.strip()) if fallback else None
        source, _, address = reference.strip().partition(":")
        if source == "self" and _UNKNOWN not in address:
            node: Any = self.document
            for part in address.split("."):
                if not isinstance(node, dict) or part not in node:
                    return fallback_value
                node = node[part]
            return node
        return fallback_value  # opt:, env:, sls:, ssm:… are only known at deploy time


def _literal(text: str) -> Any:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    number = as_int(text)
    return number if number is not None else (text or None)


@dataclass(frozen=True)
class _Document:
    """What every function of one serverless.yml reads from the document around it."""

    base_dir: Path  #: the config's folder: one Path for all its functions (hashed once by the scan)
    rel: str
    #: the provider's settings a function may override, resolved once for all its functions
    defaults: dict[str, Any]
    provider_env: tuple[str, ...]  #: the provider's environment variable names
    provider_skip: Skip | None  #: a provider other than AWS skips every function
    resources: dict[str, Any]
    authorizers: dict[str, tuple[int | None, str]]  #: function name → (line, detail)
    variables: _Variables


def read_serverless(path: Path, rel: str, root: Path | None = None) -> ConfigResult:
    """Functions declared in one serverless.yml (or .yaml/.json); reads nothing outside `root`."""
    result = ConfigResult()
    try:
        document = load_document(path, rel, root)
    except ConfigReadError as exc:
        result.problems.append(exc.problem)
        return result
    if not isinstance(document, dict):
        result.problems.append(ScanProblem(rel, 1, 1, "not a serverless config: expected a mapping"))
        return result
    includes = _Includes(path.parent, rel, result.problems, root or path.parent)
    for section in ("provider", "custom", "resources"):
        if section in document:
            document[section] = includes.value(document[section], _line(document, section, None))[0]
    variables = _Variables(document)
    provider = document.get("provider")
    provider = provider if isinstance(provider, dict) else {}
    provider_name = as_str(variables.resolve(provider.get("name"))) or "aws"
    if document.get("functions") is None:
        return result
    functions = includes.functions(document["functions"], _line(document, "functions", None))
    authorizers = _authorizer_functions(
        {name: settings for name, (settings, _, _) in functions.items()}, provider, variables
    )
    doc = _Document(
        path.parent,
        rel,
        {key: variables.resolve(provider.get(key)) for key in _PROVIDER_DEFAULTS},
        env_names(provider.get("environment")),
        ("provider", f"provider {provider_name}") if provider_name != "aws" else None,
        _resources(document),
        authorizers,
        variables,
    )
    for name, (settings, source, line) in functions.items():
        if not isinstance(settings, dict):
            result.problems.append(
                ScanProblem(source, line, None, f"function {name!r}: settings must be a mapping")
            )
            continue
        result.functions.append(_function(doc, name, settings, source, line, result.problems))
        if settings.get("handler") is None and settings.get("image") is None and provider_name == "aws":
            result.problems.append(
                ScanProblem(source, line, None, f"function {name!r} has no `handler`; add one")
            )
    return result


def _function(
    doc: _Document,
    name: str,
    settings: dict[str, Any],
    source: str,
    line: int | None,
    problems: list[ScanProblem],
) -> FunctionConfig:
    """One function's config: its settings over the provider's defaults, and its events."""
    variables = doc.variables
    events = list(_events(name, settings, source, doc.resources, variables, problems))
    if name in doc.authorizers:
        auth_line, detail = doc.authorizers[name]
        events.insert(0, EventEvidence("api-gateway-authorizer", "config", doc.rel, auth_line, detail))
    if settings.get("url"):
        events.append(EventEvidence("function-url", "config", source, _line(settings, "url", line), "url"))
    env = doc.provider_env + env_names(settings.get("environment"))

    def setting(key: str) -> Any:
        return variables.resolve(settings[key]) if key in settings else doc.defaults[key]

    return FunctionConfig(
        name=str(name),
        config=source,
        line=line,
        base_dir=doc.base_dir,
        handler=as_str(variables.resolve(settings.get("handler"))),
        runtime=as_str(setting("runtime")),
        memory_mb=as_int(setting("memorySize")),
        timeout_s=as_int(setting("timeout")),
        architecture=as_str(setting("architecture")),
        env=tuple(dict.fromkeys(env)),
        events=tuple(events),
        skip=doc.provider_skip or _image_skip(settings),
        layers=layer_names(setting("layers")),
        invoke_mode=_invoke_mode(settings.get("url")),
    )


def _image_skip(settings: dict[str, Any]) -> Skip | None:
    """A function built from a container image is no Node.js candidate."""
    if settings.get("image") is not None and settings.get("handler") is None:
        return ("container-image", "image")
    return None


def _invoke_mode(url: Any) -> str | None:
    """`url: {invokeMode: RESPONSE_STREAM}`."""
    return as_str(url.get("invokeMode")) if isinstance(url, dict) else None


class _Includes:
    """`${file(x.yml)}` and `${file(x.yml):key}` includes of YAML/JSON data (never code)."""

    def __init__(self, base_dir: Path, rel: str, problems: list[ScanProblem], root: Path) -> None:
        self.base_dir = base_dir
        self.root = root
        self.rel = rel
        self.problems = problems

    def value(self, value: Any, line: int | None) -> tuple[Any, str]:
        """The included data (or `value` itself) and the file it comes from."""
        match = _FILE_INCLUDE.fullmatch(value.strip()) if isinstance(value, str) else None
        if match is None:
            return value, self.rel
        target, key = match.group(1).strip().strip("'\""), match.group(2)
        included_rel = posixpath.normpath(posixpath.join(posixpath.dirname(self.rel), target))
        if not target.endswith((".yml", ".yaml", ".json")):
            self.problems.append(
                ScanProblem(
                    self.rel, line, None, f"{value} is not read: scan never runs code; use YAML or JSON"
                )
            )
            return None, self.rel
        if included_rel.startswith("../") or posixpath.isabs(target):
            self.problems.append(
                ScanProblem(self.rel, line, None, f"{value} is outside the scanned folder; it is not read")
            )
            return None, self.rel
        try:
            data = load_document(self.base_dir / target, included_rel, self.root)
        except ConfigReadError as exc:
            self.problems.append(exc.problem)
            return None, self.rel
        for part in key.split(".") if key else ():
            data = data.get(part) if isinstance(data, dict) else None
        return data, included_rel

    def functions(self, value: Any, line: int | None) -> dict[str, tuple[Any, str, int | None]]:
        """name → (settings, declaring file, line), from a mapping, a list of them, or includes."""
        out: dict[str, tuple[Any, str, int | None]] = {}
        data, source = self.value(value, line)
        parts = data if isinstance(data, list) else [data]
        for part in parts:
            mapping, part_source = self.value(part, line)
            if part_source == self.rel:
                part_source = source
            if not isinstance(mapping, dict):
                if mapping is not None:
                    self.problems.append(
                        ScanProblem(
                            part_source, line, None, "`functions` must be a mapping of name to settings"
                        )
                    )
                continue
            for name, settings in mapping.items():
                out[str(name)] = (settings, part_source, _line(mapping, name, line))
        return out


def _line(mapping: Any, key: str, default: int | None) -> int | None:
    if isinstance(mapping, LocatedDict):
        return mapping.line_of(key)
    return default


def _resources(document: dict[str, Any]) -> dict[str, Any]:
    resources = document.get("resources")
    inner = resources.get("Resources") if isinstance(resources, dict) else None
    return inner if isinstance(inner, dict) else {}


def _authorizer_functions(
    functions: dict[str, Any], provider: dict[str, Any], variables: _Variables
) -> dict[str, tuple[int | None, str]]:
    """Function names used as API Gateway authorizers, with where and how."""
    found: dict[str, tuple[int | None, str]] = {}
    http_api = provider.get("httpApi")
    configured = http_api.get("authorizers") if isinstance(http_api, dict) else None
    if isinstance(configured, dict):
        for auth_name, auth in configured.items():
            target = as_str(variables.resolve(auth.get("functionName"))) if isinstance(auth, dict) else None
            if target:
                line = _line(auth, "functionName", None)
                found.setdefault(target, (line, f"provider.httpApi.authorizers.{auth_name}"))
    for fn_name, settings in functions.items():
        events = settings.get("events") if isinstance(settings, dict) else None
        for event in events if isinstance(events, list) else []:
            http = event.get("http") if isinstance(event, dict) else None
            auth = http.get("authorizer") if isinstance(http, dict) else None
            target = None
            if isinstance(auth, str):
                target = auth
            elif isinstance(auth, dict) and not auth.get("arn"):
                target = as_str(auth.get("name"))
            if target and target in functions:
                found.setdefault(target, (_line(http, "authorizer", None), f"http authorizer of {fn_name}"))
    return found


def _events(
    name: str,
    settings: dict[str, Any],
    rel: str,
    resources: dict[str, Any],
    variables: _Variables,
    problems: list[ScanProblem],
) -> list[EventEvidence]:
    raw = settings.get("events")
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.append(
            ScanProblem(
                rel, _line(settings, "events", None), None, f"function {name!r}: `events` must be a list"
            )
        )
        return []
    out: list[EventEvidence] = []
    for event in raw:
        if not isinstance(event, dict) or len(event) != 1:
            continue
        ((key, spec),) = event.items()
        line = _line(event, key, None)
        kind = _event_kind(key, spec, resources) or "unknown"
        out.append(EventEvidence(kind, "config", rel, line, _describe(key, spec, variables)))
    return out


def _event_kind(key: str, spec: Any, resources: dict[str, Any]) -> str | None:
    known = vocabulary().serverless_events
    if key in known:
        return known[key]
    if key == "eventBridge":
        return "schedule" if isinstance(spec, dict) and spec.get("schedule") else "eventbridge"
    if key == "stream":
        if isinstance(spec, dict):
            kind = spec.get("type")
            if kind == "dynamodb":
                return "dynamodb-stream"
            if kind == "kinesis":
                return "kinesis"
            spec = spec.get("arn")
        if isinstance(spec, str):
            return "kinesis" if ":kinesis:" in spec else "dynamodb-stream"
        for logical_id in referenced_ids(spec):
            resource = resources.get(logical_id)
            rtype = resource.get("Type") if isinstance(resource, dict) else None
            if isinstance(rtype, str) and rtype in vocabulary().serverless_streams:
                return vocabulary().serverless_streams[rtype]
        return "dynamodb-stream"
    return None


def _describe(key: str, spec: Any, variables: _Variables) -> str:
    if key in ("http", "httpApi"):
        if isinstance(spec, str):
            return f"{key} {spec}"
        if isinstance(spec, dict):
            method = str(variables.resolve(spec.get("method", "*"))).upper()
            return f"{key} {method} {variables.resolve(spec.get('path', '/'))}"
    if key == "schedule":
        rate = spec.get("rate") if isinstance(spec, dict) else spec
        if isinstance(rate, list):
            rate = ", ".join(str(r) for r in rate)
        return f"schedule {rate}"
    if isinstance(spec, str):
        return f"{key} {variables.resolve(spec)}"
    return key
