"""A CDK app (a folder with `cdk.json`): its Lambda functions and their triggers, never run.

TypeScript and JavaScript apps are read with tree-sitter (cdk.py). Apps in Python, Java, Go or
C# are not read; their Lambda constructs are counted and reported as a notice, and templates a
`cdk synth` left in `cdk.out/` are read instead (cdkout.py).
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from pathlib import Path
from types import MappingProxyType

from migrator.scan.config.cdk import CdkFile, CdkFunction, read_cdk_source
from migrator.scan.config.cdkout import read_cdk_out
from migrator.scan.config.cdkwiring import STREAMING_DETAIL, CdkWire
from migrator.scan.config.model import ConfigResult, FunctionConfig
from migrator.scan.config.textread import read_config_text
from migrator.scan.config.yamlload import ConfigReadError
from migrator.scan.files import SOURCE_LIMIT
from migrator.scan.jsparse import Grammars, grammar_for
from migrator.scan.model import EventEvidence, ScanProblem

_JS_SUFFIXES = (".ts", ".mts", ".cts", ".js", ".mjs", ".cjs")
_SKIP = frozenset({"node_modules", "cdk.out", ".git", "test", "tests", "__tests__", "dist", "build", ".venv"})
_OTHER_LANGUAGES = MappingProxyType({".py": "Python", ".java": "Java", ".go": "Go", ".cs": "C#"})
_OTHER_CONSTRUCT = re.compile(
    r"\b(?:lambda_?|_lambda|aws_lambda|awslambda|awslambdanodejs|lambda_python|lambda_nodejs|lambda_go)"
    r"\.(?:New)?(?:Function|NodejsFunction|PythonFunction|DockerImageFunction|GoFunction)\b"
    r"|\b(?:Function|NodejsFunction|DockerImageFunction)\.Builder\.create\b"
    r"|(?<![.\w])(?:Function|PythonFunction|DockerImageFunction|NodejsFunction)\(\s*self\b"
    r"|\bnew\s+(?:Function|DockerImageFunction|NodejsFunction)\(\s*this\b"
)


def read_cdk_app(folder: Path, rel: str, grammars: Grammars, root: Path | None = None) -> ConfigResult:
    """The functions of the CDK app at `folder`; nothing outside `root` (default: `folder`) is read."""
    root = root or folder
    result = ConfigResult()
    manifest = f"{rel}/cdk.json" if rel else "cdk.json"
    sources = _sources(folder)
    js = [p for p in sources if p.suffix in _JS_SUFFIXES and not p.name.endswith(".d.ts")]
    other = [p for p in sources if p.suffix in _OTHER_LANGUAGES]
    if other and not _runs_node(folder, rel, root):
        return _other_language(folder, rel, manifest, other, result, root)
    files: list[CdkFile] = []
    lambda_imports = 0
    for path in js:
        file_rel = _rel(folder, rel, path)
        try:
            source = read_config_text(path, file_rel, root, SOURCE_LIMIT)
        except ConfigReadError as exc:
            result.problems.append(exc.problem)
            continue
        if "aws-cdk" not in source:
            continue
        lambda_imports += "aws-lambda" in source and "Function(" in source
        tree = grammars.parse(source.encode("utf-8"), grammar_for(path.suffix))
        files.append(read_cdk_source(tree.root_node, source, path, file_rel, folder))
    functions = [f for file in files for f in file.functions]
    result.problems += [p for file in files for p in file.problems]
    events = _wire(functions, [w for file in files for w in file.wires])
    for fn in functions:
        if fn.inline and fn.inline_code is None:
            message = (
                f"{fn.name}: inline code (Code.fromInline) is not a literal the scan can read; "
                "move it to a file"
            )
            result.problems.append(ScanProblem(fn.file, fn.line, None, message))
            continue
        if fn.handler is None and fn.skip is None:
            message = (
                f"{fn.name}: handler or entry is not a literal the scan can read; the function is not scanned"
            )
            result.problems.append(ScanProblem(fn.file, fn.line, None, message))
            continue
        result.functions.append(_config(fn, events.get(id(fn), [])))
    if not functions:  # nothing readable in the source: what `cdk synth` left, if anything
        synthesized = read_cdk_out(folder, rel, root)
        result.functions += synthesized.functions
        result.problems += synthesized.problems
        if lambda_imports and not synthesized.functions:
            result.problems.append(
                ScanProblem(
                    manifest,
                    None,
                    None,
                    f"CDK app: {lambda_imports} file(s) import aws-lambda and build a function, but "
                    "no Lambda construct the scan can read; run `cdk synth` and scan again to read cdk.out",
                )
            )
    return result


def _config(fn: CdkFunction, events: list[EventEvidence]) -> FunctionConfig:
    if fn.edge:
        events = [*events, EventEvidence("lambda-edge", "config", fn.file, fn.line, "new EdgeFunction")]
    streams = [e for e in events if e.kind == "function-url" and e.detail.endswith(STREAMING_DETAIL)]
    return FunctionConfig(
        name=fn.name,
        config=fn.file,
        line=fn.line,
        base_dir=fn.base_dir,
        handler=fn.handler,
        runtime=fn.runtime,
        memory_mb=fn.memory_mb,
        timeout_s=fn.timeout_s,
        architecture=fn.architecture,
        env=fn.env,
        events=tuple(events),
        entry_points=fn.entry_points,
        skip=fn.skip,
        inline_code=fn.inline_code,
        invoke_mode="RESPONSE_STREAM" if streams else None,
        invoke_mode_at=(streams[0].file or fn.file, streams[0].line) if streams else None,
    )


def _wire(functions: list[CdkFunction], wires: list[CdkWire]) -> dict[int, list[EventEvidence]]:
    """Wiring → the function it names: same file first, else the one function so called in the app."""
    exact = {(f.file, f.key): f for f in functions}
    by_name: dict[str, list[CdkFunction]] = defaultdict(list)
    for function in functions:
        by_name[function.key.rsplit(".", 1)[-1]].append(function)
    found: dict[int, list[EventEvidence]] = {}
    for wire in wires:
        fn = exact.get((wire.file, wire.target))
        if fn is None and wire.target and not wire.target.startswith("@"):
            candidates = by_name.get(wire.target.rsplit(".", 1)[-1], [])
            local = [c for c in candidates if c.file == wire.file]
            chosen = local if len(local) == 1 else candidates
            fn = chosen[0] if len(chosen) == 1 else None
        if fn is not None:
            evidence = EventEvidence(wire.kind, "config", wire.file, wire.line, wire.detail)
            found.setdefault(id(fn), []).append(evidence)
    return found


def _sources(folder: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP and not d.startswith("."))
        found += [
            Path(dirpath) / n
            for n in sorted(filenames)
            if Path(n).suffix in (*_JS_SUFFIXES, *_OTHER_LANGUAGES)
        ]
    return found


def _runs_node(folder: Path, rel: str, root: Path) -> bool:
    """Whether `cdk.json` runs the app with Node (ts-node, tsx, node, npx …)."""
    try:
        manifest_path = folder / "cdk.json"
        manifest = json.loads(read_config_text(manifest_path, _rel(folder, rel, manifest_path), root))
    except (ConfigReadError, json.JSONDecodeError):
        return False
    app = manifest.get("app") if isinstance(manifest, dict) else None
    return isinstance(app, str) and any(word in app for word in ("ts-node", "tsx", "node", ".ts", ".js"))


def _other_language(
    folder: Path, rel: str, manifest: str, other: list[Path], result: ConfigResult, root: Path
) -> ConfigResult:
    counts: dict[str, int] = defaultdict(int)
    for path in other:
        try:
            source = read_config_text(path, _rel(folder, rel, path), root, SOURCE_LIMIT)
        except ConfigReadError:
            continue
        counts[_OTHER_LANGUAGES[path.suffix]] += len(_OTHER_CONSTRUCT.findall(source))
    language = max(counts, key=lambda k: counts[k]) if counts else _OTHER_LANGUAGES[other[0].suffix]
    synthesized = read_cdk_out(folder, rel, root)
    result.functions += synthesized.functions
    result.problems += synthesized.problems
    read = (
        f"; {len(synthesized.functions)} read from cdk.out"
        if synthesized.functions
        else ("; run `cdk synth` and scan again to read the synthesized templates in cdk.out")
    )
    result.problems.append(
        ScanProblem(
            manifest,
            None,
            None,
            f"CDK app in {language}: its {counts[language]} Lambda construct(s) are not read "
            f"(the scan reads TypeScript and JavaScript CDK apps){read}",
        )
    )
    return result


def _rel(folder: Path, rel: str, path: Path) -> str:
    inner = path.relative_to(folder).as_posix()
    return f"{rel}/{inner}" if rel else inner
