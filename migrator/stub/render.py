"""A ModulePlan → the files of its module (`GeneratedFile`s: generated or user-owned), in memory.

Go is rendered gofmt-clean by construction (imports sorted and grouped, fields aligned): running
gofmt per file would cost more than the scan itself on a large fleet; the tests hold every
template to `gofmt -l`. A user's folder of templates overrides ours one file at a time.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import jinja2

from codegen.emit.go.checks import go_string
from codegen.emit.interface import GeneratedFile
from golden.cases.events import SOURCES as GOLDEN_SOURCES
from golden.cases.events import template_text
from migrator.stub.apibind import ROUTED, routed_sources
from migrator.stub.model import ModulePlan, Source
from migrator.stub.modfile import go_mod, go_sum
from migrator.stub.sam import sam_template
from migrator.stub.tables import SDK, Tables

LAMBDA = "github.com/aws/aws-lambda-go"
_PACKAGES = {"events.": f"{LAMBDA}/events", "cfn.": f"{LAMBDA}/cfn", "json.": "encoding/json"}
_GOARCH = {"arm64": "arm64", "x86_64": "amd64"}


def environment(overrides: Path | None = None) -> jinja2.Environment:
    """The template environment: `overrides` (a folder of same-named templates) wins over ours.

    Ours alone is built once per process: a fleet's worker compiles each template once, not once
    per chunk of modules (compiling them costs as much as rendering a hundred modules)."""
    return _ours() if overrides is None else _environment(overrides)


@functools.cache
def _ours() -> jinja2.Environment:
    return _environment(None)


def _environment(overrides: Path | None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = [jinja2.PackageLoader("migrator.stub", "templates")]
    if overrides is not None:
        loaders.insert(0, jinja2.FileSystemLoader(overrides))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        auto_reload=False,  # templates do not change during a run: no stat per render
    )
    env.globals.update(signature=signature, zero_comma=zero_comma, condition=condition, go_string=go_string)
    env.filters["go_comment"] = go_comment
    return env


def go_comment(text: str) -> str:
    """`text` inside a `//` comment: control characters but tab (a CR or NUL ends or breaks the
    comment; a scan name may hold any) are written as `\\xNN`."""
    return "".join(c if c == "\t" or unicodedata.category(c) != "Cc" else f"\\x{ord(c):02x}" for c in text)


def signature(source: Source) -> str:
    return f"({source.response}, error)" if source.response else "error"


def zero_comma(source: Source) -> str:
    """The zero response and a comma, before the error of a return."""
    if not source.response:
        return ""
    return "nil, " if source.response.startswith("json.") else f"{source.response}{{}}, "


def condition(source: Source) -> str:
    """The dispatcher's Go condition for a source's probe."""
    how, _, what = source.probe.partition(":")
    if how == "records":
        return f"hasRecords(raw, {go_string(what)})"
    return "hasKey(raw, " + ", ".join(go_string(p) for p in what.split(".")) + ")"


def _groups(std: Iterable[str], other: Iterable[str]) -> list[list[str]]:
    return [g for g in (sorted(set(std)), sorted(set(other))) if g]


def _type_imports(types: Iterable[str]) -> set[str]:
    return {path for t in types for prefix, path in _PACKAGES.items() if t.startswith(prefix)}


def _split(paths: set[str]) -> list[list[str]]:
    return _groups(
        (p for p in paths if "." not in p.split("/")[0]), (p for p in paths if "." in p.split("/")[0])
    )


def _api_import(plan: ModulePlan) -> set[str]:
    """The module's generated API package, when --spec bound operations to it."""
    return {plan.api.import_path} if plan.api is not None and plan.api.operations else set()


def _handler_imports(plan: ModulePlan) -> list[list[str]]:
    if plan.dispatch:  # responses go back as `any`: only the request types are named
        paths = {"context", "encoding/json", "fmt"} | _type_imports(s.request for s in plan.sources)
        return _split(paths | _api_import(plan))
    only = plan.sources[0]
    return _split({"context"} | _type_imports((only.request, only.response)) | _api_import(plan))


def _routes_imports(plan: ModulePlan) -> list[list[str]]:
    routed = routed_sources(plan)
    types = _type_imports(t for s in routed for t in (s.request, s.response))
    return _split(({"context"} if routed else set()) | types | _api_import(plan))


def _spec_routes(plan: ModulePlan) -> GeneratedFile:
    """`spec-routes.json`: which routes bound which operations, and what did not match."""
    assert plan.api is not None
    body = {
        "spec": plan.api.spec,
        "function": plan.function.name,
        "operations": [
            {
                "operationId": b.operation.id,
                "method": b.operation.method,
                "path": b.operation.path,
                "go": b.method,
                "routes": list(b.routes),
            }
            for b in plan.api.operations
        ],
        "unmatched": list(plan.api.unmatched),
    }
    return GeneratedFile("spec-routes.json", json.dumps(body, indent=2) + "\n")


def _port_imports(plan: ModulePlan) -> list[list[str]]:
    owned = [s for s in plan.sources if s.user_owned]
    paths = {"context"} | _type_imports(t for s in owned for t in (s.request, s.response)) | _api_import(plan)
    paths |= {c.import_path for c in plan.clients if any(call.typed for call in c.calls)}
    if any(site.values for c in plan.clients for call in c.calls if call.typed for site in call.sites):
        paths.add(f"{SDK}/aws")
    return _split(paths)


@functools.cache
def _sample(name: str) -> str:
    """A sample event's text (package data, read once per process)."""
    if name in GOLDEN_SOURCES:
        return template_text(name)
    return resources.files("migrator.stub.data.samples").joinpath(f"{name}.json").read_text("utf-8")


def _golden_files(plan: ModulePlan, tables: Tables) -> list[GeneratedFile]:
    files: list[GeneratedFile] = []
    routed = routed_sources(plan)
    cases = plan.api.cases if plan.api is not None else ()
    files += [GeneratedFile(c.path, c.text) for c in cases]
    for source in plan.sources:
        if source.user_owned or source in routed:
            for kind in source.kinds:
                if any(c.path.startswith(f"golden/cases/{kind}-") for c in cases):
                    continue  # the spec's drawn cases stand for this kind
                text = _sample(tables.event(kind).sample)
                files.append(
                    GeneratedFile(f"golden/cases/{kind}.json", text if text.endswith("\n") else text + "\n")
                )
    env = "".join(f"{s.env}=placeholder-{s.env.lower().replace('_', '-')}\n" for s in plan.settings)
    header = (
        "# Code generated by migrate. DO NOT EDIT.\n# Placeholder settings for `migrate golden --env-file`.\n"
    )
    files.append(GeneratedFile("golden/env", header + env))
    return files


#: Rendered text of our own templates, by template and the facts that template reads (see `_keys`).
RenderCache = dict[tuple[str, object], str]


def _keys(plan: ModulePlan) -> dict[str, object]:
    """Per template, everything it reads: modules with equal keys get equal text (many modules share
    runtime.go, errors.go, ...), so a fleet renders each distinct file once."""
    return {
        "main.go.jinja": plan.function.name,
        "runtime.go.jinja": (),
        "build.sh.jinja": plan.architecture,
        "errors.go.jinja": plan.error_types,
        "settings.go.jinja": plan.settings,
        "clients.go.jinja": tuple((c.service, c.field, c.import_path) for c in plan.clients),
        "handler.go.jinja": (plan.sources, plan.dispatch, bool(plan.clients), tuple(_api_import(plan))),
    }


def render_module(
    plan: ModulePlan,
    tables: Tables,
    env: jinja2.Environment,
    cache: RenderCache | None = None,
    api_files: tuple[GeneratedFile, ...] = (),
) -> tuple[GeneratedFile, ...]:
    """Every file of the module, paths relative to its folder. `cache`: shared over a fleet's
    modules; give it only when every template is ours (an override may read other facts).
    `api_files`: --spec's generated API package, added when operations are bound to it."""
    context = _context(plan)
    keys = _keys(plan) if cache is not None else {}

    def render(name: str, **extra: object) -> str:
        if cache is None or name not in keys:
            return env.get_template(name).render(**context, **extra)
        key = (name, keys[name])
        text = cache.get(key)
        if text is None:
            text = cache[key] = env.get_template(name).render(**context, **extra)
        return text

    files = [
        GeneratedFile("go.mod", go_mod(plan.module, plan.units, tables)),
        GeneratedFile("go.sum", go_sum(plan.units, tables)),
        GeneratedFile("main.go", render("main.go.jinja")),
        GeneratedFile("runtime.go", render("runtime.go.jinja")),
        GeneratedFile("errors.go", render("errors.go.jinja")),
        GeneratedFile("settings.go", render("settings.go.jinja")),
        GeneratedFile("handler.go", render("handler.go.jinja", imports=_handler_imports(plan))),
        GeneratedFile("port.go", render("port.go.jinja", imports=_port_imports(plan)), owner="user"),
        GeneratedFile("build.sh", render("build.sh.jinja")),
        GeneratedFile("README.md", render("README.md.jinja")),
        GeneratedFile("template.yaml", sam_template(plan, {k: e.sam for k, e in tables.events.items()})),
        *_golden_files(plan, tables),
    ]
    if plan.clients:
        files.append(GeneratedFile("clients.go", render("clients.go.jinja")))
    if plan.long_running:
        files.append(GeneratedFile("checkpoint.go", render("checkpoint.go.jinja")))
    if plan.api is not None:
        files.append(_spec_routes(plan))
        if plan.api.operations:
            files.append(GeneratedFile("routes.go", render("routes.go.jinja", imports=_routes_imports(plan))))
            files += api_files
    return tuple(files)


def _context(plan: ModulePlan) -> dict[str, object]:
    """What every template of the module sees."""
    settings = {s.env: s for s in plan.settings}
    fields = {c.service: c.field for c in plan.clients}
    continuation = any(s.kinds == ("continuation",) for s in plan.sources)
    return {
        "plan": plan,
        "margin_s": 2,
        "client_width": max((len(c.field) for c in plan.clients), default=0),
        "probed": [s for s in plan.sources if s.probe],
        "fallback": next((s for s in plan.sources if not s.probe), None),
        "kinds": ", ".join(k for s in plan.sources for k in s.kinds),
        "continuation": continuation,
        "bucket": settings.get("CHECKPOINT_BUCKET"),
        "queue": settings.get("CONTINUATION_QUEUE_URL"),
        "routed": routed_sources(plan),
        "serve": ROUTED,
        "s3_field": fields.get("s3", ""),
        "sqs_field": fields.get("sqs", ""),
        "goarch": _GOARCH.get(plan.architecture, "arm64"),
        "deps": [d for d in plan.function.dependencies if d.kind != "aws-sdk"],
        "pinned": {
            d.go
            for d in plan.function.dependencies
            if any(d.go.startswith(u) for u in plan.units if "." in u)
        },
    }
