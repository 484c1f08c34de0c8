"""Load a spec from YAML or JSON, with every file its relative `$ref`s reach.

Only local files are read: a `$ref` to `http(s)://` is left for validation to report, never
fetched. Every parse problem of every file is collected before `SpecError` is raised.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from codegen.document import Document, SourceMap, Spec
from codegen.errors import Diagnostic, Level, SpecError
from codegen.jsonpos import json_positions
from codegen.refs import iter_refs, target_uri
from codegen.yamlpos import YamlValueError, read_yaml


def _parse(path: Path, display: str) -> tuple[Any, SourceMap, list[Diagnostic]]:
    """Parse one file by its extension (`.json` is JSON, anything else YAML). Raises SpecError."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError([Diagnostic(Level.ERROR, f"cannot read the file: {exc}", "", display)]) from exc
    if path.suffix.lower() == ".json":
        try:
            content = json.loads(text)
        except json.JSONDecodeError as exc:
            message = f"invalid JSON: {exc.msg}"
            raise SpecError([Diagnostic(Level.ERROR, message, "", display, exc.lineno, exc.colno)]) from exc
        except RecursionError as exc:
            raise SpecError([Diagnostic(Level.ERROR, "JSON nests too deeply", "", display)]) from exc
        return content, SourceMap(lambda: json_positions(text)), []
    try:
        document = read_yaml(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        message = "invalid YAML: " + " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise SpecError([Diagnostic(Level.ERROR, message, "", display, line, column)]) from exc
    except YamlValueError as exc:
        raise SpecError([Diagnostic(Level.ERROR, str(exc), "", display, exc.line, exc.column)]) from exc
    except yaml.YAMLError as exc:
        raise SpecError([Diagnostic(Level.ERROR, f"invalid YAML: {exc}", "", display)]) from exc
    except RecursionError as exc:
        raise SpecError([Diagnostic(Level.ERROR, "YAML nests too deeply", "", display)]) from exc
    source = SourceMap.of(document.positions)
    warnings = []
    for pointer in document.duplicate_keys:
        line, column = document.positions[pointer]
        message = "key given twice in one mapping; the last value wins: remove one of them"
        warnings.append(Diagnostic(Level.WARNING, message, pointer, display, line, column))
    return document.content, source, warnings


def _file_path(uri: str) -> Path:
    return Path(unquote(urlsplit(uri).path))


def load_spec(path: Path | str) -> Spec:
    """Read the spec at `path` and every local document it references. Raises SpecError."""
    path = Path(path)
    root_display = str(path)
    root_dir = path.resolve().parent
    root_uri = path.resolve().as_uri()
    content, source, diagnostics = _parse(path, root_display)
    documents = {root_uri: Document(root_uri, root_display, content, source)}
    errors: list[Diagnostic] = []
    queue = [documents[root_uri]]
    while queue:
        referrer = queue.pop(0)
        for _pointer, ref in iter_refs(referrer.content):
            uri, _ = target_uri(referrer.uri, ref)
            if uri in documents or urlsplit(uri).scheme != "file":
                continue
            file = _file_path(uri)
            if not file.is_file():
                continue  # a dangling reference: validation names it with both ends
            display = os.path.normpath(
                os.path.join(os.path.dirname(root_display), os.path.relpath(file, root_dir))
            )
            try:
                content, source, found = _parse(file, display)
            except SpecError as exc:
                errors.extend(exc.diagnostics)
                continue
            diagnostics.extend(found)
            documents[uri] = Document(uri, display, content, source)
            queue.append(documents[uri])
    if errors:
        raise SpecError(errors)
    return Spec(documents[root_uri], documents, tuple(diagnostics))
