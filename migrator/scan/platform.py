"""Rules about what a function takes from the Lambda platform beyond its own code.

Response streaming (`awslambda.streamifyResponse`, a function URL with InvokeMode
RESPONSE_STREAM), layers (config `Layers`, code importing `/opt/…`), packages that drive a bundled
program (the `binaries.toml` table: `gm`, headless Chromium, ffmpeg…), and inline template code.
"""

from __future__ import annotations

from collections.abc import Sequence

from migrator.scan.blockers import DependencySite, Site, blocker
from migrator.scan.config.model import FunctionConfig
from migrator.scan.filefacts import FileFacts
from migrator.scan.model import Blocker
from migrator.scan.tables import Tables

_STREAMING_GLOBALS = frozenset({"streamifyResponse", "HttpResponseStream"})
STREAMING_MODE = "RESPONSE_STREAM"
_STREAMING_ADVICE = (
    "the Go port must stream too: serve the function URL (InvokeMode RESPONSE_STREAM) with "
    "aws-lambda-go's lambdaurl package and compare the streamed bodies, not only the final result"
)


def platform_blockers(
    files: Sequence[FileFacts],
    sites: Sequence[DependencySite],
    cfg: FunctionConfig,
    where: Site,
    tables: Tables,
) -> list[Blocker]:
    out: list[Blocker] = []
    streaming = [(f.path, g.line) for f in files for g in f.lambda_globals if g.value in _STREAMING_GLOBALS]
    if streaming:
        file, line = streaming[0]
        out.append(
            blocker("response-streaming", f"awslambda.streamifyResponse: {_STREAMING_ADVICE}", file, line)
        )
    elif cfg.invoke_mode == STREAMING_MODE:
        out.append(
            blocker(
                "response-streaming",
                f"InvokeMode {STREAMING_MODE}: {_STREAMING_ADVICE}",
                *(cfg.invoke_mode_at or (cfg.config, cfg.line)),
            )
        )
    for layer in cfg.layers:
        out.append(
            blocker(
                "layer",
                f"uses layer {layer}: port the code it provides to Go, or ship its binaries in a layer "
                "for provided.al2023 (a Node layer's modules are of no use to a Go binary)",
                cfg.config,
                cfg.line,
            )
        )
    for facts in files:
        for ref in facts.imports:
            if ref.specifier.startswith("/opt/"):
                out.append(
                    blocker(
                        "layer",
                        f"imports {ref.specifier} from a layer: find which layer provides it and port "
                        "that code too",
                        facts.path,
                        ref.line,
                    )
                )
    for site in sites:
        note = tables.binaries.get(site.dependency.npm)
        if note is not None:
            out.append(blocker("binary-dependency", f"{site.dependency.npm} {note}", site.file, site.line))
    if cfg.inline_code is not None:
        out.append(
            blocker(
                "inline-code",
                "the handler's code is inline in the template (ZipFile/InlineCode): move it to a file "
                "so the Go port and the golden runs have a source to work from",
                cfg.config,
                cfg.line,
            )
        )
    return out
