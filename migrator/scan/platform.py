"""Rules about what a function takes from the Lambda platform beyond its own code.

Response streaming (`awslambda.streamifyResponse`, a function URL with InvokeMode
RESPONSE_STREAM), layers (config `Layers`, code importing `/opt/…`), packages that drive a bundled
program (the `binaries.toml` table: `gm`, headless Chromium, ffmpeg…), and inline template code.
"""

from __future__ import annotations

from collections.abc import Iterator

from migrator.scan.ruleset import Check, Hit, Registry, Rule, Subject

RESPONSE_STREAMING = Rule("response-streaming", "StreamsResponse", "warning", "streams its response")
LAYER = Rule("layer", "UsesLambdaLayer", "warning", "depends on a Lambda layer")
BINARY_DEPENDENCY = Rule(
    "binary-dependency",
    "DrivesBundledBinary",
    "warning",
    "depends on a package that drives a bundled program",
)
INLINE_CODE = Rule("inline-code", "InlineTemplateCode", "info", "keeps its code inline in the template")

_STREAMING_GLOBALS = frozenset({"streamifyResponse", "HttpResponseStream"})
STREAMING_MODE = "RESPONSE_STREAM"
_STREAMING_ADVICE = (
    "the Go port must stream too: serve the function URL (InvokeMode RESPONSE_STREAM) with "
    "aws-lambda-go's lambdaurl package and compare the streamed bodies, not only the final result"
)


def response_streaming(subject: Subject) -> Iterator[Hit]:
    """The first streaming call in the code, else a function URL configured to stream."""
    cfg = subject.cfg
    streaming = [
        (f.path, g.line) for f in subject.files for g in f.lambda_globals if g.value in _STREAMING_GLOBALS
    ]
    if streaming:
        file, line = streaming[0]
        yield Hit(f"awslambda.streamifyResponse: {_STREAMING_ADVICE}", file, line)
    elif cfg.invoke_mode == STREAMING_MODE:
        yield Hit(
            f"InvokeMode {STREAMING_MODE}: {_STREAMING_ADVICE}",
            *(cfg.invoke_mode_at or (cfg.config, cfg.line)),
        )


def config_layers(subject: Subject) -> Iterator[Hit]:
    cfg = subject.cfg
    for layer in cfg.layers:
        yield Hit(
            f"uses layer {layer}: port the code it provides to Go, or ship its binaries in a layer "
            "for provided.al2023 (a Node layer's modules are of no use to a Go binary)",
            cfg.config,
            cfg.line,
        )


def layer_imports(subject: Subject) -> Iterator[Hit]:
    for facts in subject.files:
        for ref in facts.imports:
            if ref.specifier.startswith("/opt/"):
                yield Hit(
                    f"imports {ref.specifier} from a layer: find which layer provides it and port "
                    "that code too",
                    facts.path,
                    ref.line,
                )


def binary_dependency(subject: Subject) -> Iterator[Hit]:
    for site in subject.dependencies:
        note = subject.tables.binaries.get(site.dependency.npm)
        if note is not None:
            yield Hit(f"{site.dependency.npm} {note}", site.file, site.line)


def inline_code(subject: Subject) -> Iterator[Hit]:
    cfg = subject.cfg
    if cfg.inline_code is not None:
        yield Hit(
            "the handler's code is inline in the template (ZipFile/InlineCode): move it to a file "
            "so the Go port and the golden runs have a source to work from",
            cfg.config,
            cfg.line,
        )


#: Function-wide checks all, so that their blockers keep the order they were always reported in.
PLATFORM_RULES = Registry(
    function=(
        Check(RESPONSE_STREAMING, response_streaming),
        Check(LAYER, config_layers),
        Check(LAYER, layer_imports),
        Check(BINARY_DEPENDENCY, binary_dependency),
        Check(INLINE_CODE, inline_code),
    )
)
