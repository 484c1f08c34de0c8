"""Load a spec from YAML or JSON, with every file its relative `$ref`s reach.

Only local files are read: a `$ref` to `http(s)://` is left for validation to report, never
fetched. Only regular files under the root spec's folder are opened (a `$ref` that leaves it is
refused unless `allow_outside`), each up to MAX_BYTES, and no message quotes a file's content.
Every problem of every file is collected before `SpecError` is raised.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from codegen.errors import Diagnostic, Level, SpecError
from codegen.spec.document import Document, SourceMap, Spec
from codegen.spec.jsonpos import positions_of
from codegen.spec.normalize import Site, normalize, site
from codegen.spec.pointers import join
from codegen.spec.refs import iter_ref_sites, target_uri
from codegen.spec.regular import ReadRefused, kind, read_regular
from codegen.spec.yamlpos import YamlValueError, read_yaml

MAX_BYTES = 256 * 1024 * 1024
"""Largest file read (GitHub's whole REST description is 13 MB); `/dev/zero` stops here."""


def read_text(path: Path, display: str, limit: int = MAX_BYTES) -> str:
    """The UTF-8 text of a regular file of at most `limit` bytes. Raises SpecError (one line, no
    content): a FIFO would block, a device never ends, a huge file would exhaust memory."""

    def refuse(why: str) -> SpecError:
        return SpecError([Diagnostic(Level.ERROR, f"cannot read the file: {why}", "", display)])

    try:
        data = read_regular(path, limit)
    except ReadRefused as refused:
        if refused.cause == "special":
            raise refuse(f"it is {kind(refused.mode)}; a spec is a regular YAML or JSON file") from None
        if refused.cause in ("size", "grew"):
            raise refuse(f"it is larger than {limit // (1024 * 1024)} MiB") from None
        error = refused.error
        raise refuse((error.strerror if error else None) or type(error).__name__) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise refuse(f"it is not UTF-8 text (byte {exc.start})") from None


def _parse(path: Path, display: str) -> tuple[Any, SourceMap, list[Diagnostic]]:
    """Parse one file by its extension (`.json` is JSON, anything else YAML). Raises SpecError."""
    text = read_text(path, display)
    if path.suffix.lower() == ".json":
        try:
            content = json.loads(text)
        except json.JSONDecodeError as exc:
            message = f"invalid JSON: {exc.msg}"
            raise SpecError([Diagnostic(Level.ERROR, message, "", display, exc.lineno, exc.colno)]) from exc
        except RecursionError as exc:
            raise SpecError([Diagnostic(Level.ERROR, "JSON nests too deeply", "", display)]) from exc
        source_map = SourceMap(lambda: positions_of(text, content))
        return _checked(content, source_map, display), source_map, []
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
    _checked(document.content, source, display)
    warnings = []
    for pointer in document.duplicate_keys:
        line, column = document.positions[pointer]
        message = "key given twice in one mapping; the last value wins: remove one of them"
        warnings.append(Diagnostic(Level.WARNING, message, pointer, display, line, column))
    return document.content, source, warnings


MAX_DEPTH = 1000
"""Deepest nesting of mappings and lists accepted (~500 nested schemas; real specs stay under 50).
The stages after loading recurse once per level; `pipeline` gives them the stack for this depth."""


_CONTAINERS = (dict, list)  # a tuple: `isinstance` tests it faster than `dict | list`


def _deeper_than(content: Any, limit: int) -> bool:
    """Whether some node nests deeper than `limit`, found a level at a time: each level's children
    are gathered by `extend` (in C), so the Python work is one type test per value (GitHub's
    description: 0.085 s with a stack of (node, depth) pairs, 0.035 s so). `_too_deep` then
    finds where, on the rare document that is too deep."""
    level = [content] if isinstance(content, _CONTAINERS) else []
    depth = 0
    while level:
        if depth > limit:
            return True
        values: list[Any] = []
        for node in level:
            values.extend(node.values() if isinstance(node, dict) else node)
        level = [value for value in values if isinstance(value, _CONTAINERS)]
        depth += 1
    return False


def _too_deep(content: Any) -> str | None:
    """Pointer of the first node nested deeper than MAX_DEPTH, found without recursion."""
    if not _deeper_than(content, MAX_DEPTH):
        return None
    stack: list[tuple[Any, str, int]] = [(content, "", 0)]
    while stack:
        node, at, depth = stack.pop()
        if depth > MAX_DEPTH:
            return at
        if isinstance(node, dict):
            stack.extend((v, join(at, k), depth + 1) for k, v in node.items() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend(
                (v, join(at, i), depth + 1) for i, v in enumerate(node) if isinstance(v, dict | list)
            )
    return None


def _checked(content: Any, source: SourceMap, display: str) -> Any:
    """`content`, unless it nests deeper than MAX_DEPTH (then SpecError, located)."""
    deep = _too_deep(content)
    if deep is None:
        return content
    line, column = source.position(deep) or (None, None)
    message = f"the document nests deeper than {MAX_DEPTH} levels here; codegen reads up to {MAX_DEPTH}"
    raise SpecError([Diagnostic(Level.ERROR, message, deep, display, line, column)])


def _file_path(uri: str) -> Path:
    return Path(unquote(urlsplit(uri).path))


def _inside(file: Path, folder: Path) -> bool:
    return file == folder or folder in file.parents


def _outside(referrer: Document, pointer: str, ref: str, root_dir: Path) -> Diagnostic:
    """The error at a `$ref` that leads outside the spec's folder."""
    message = (
        f"`$ref: {ref}` leads outside the spec's folder ({root_dir}); refused: "
        "move the file under that folder, or pass --allow-ref-outside if you trust the spec"
    )
    at = join(pointer, "$ref")
    line, column = referrer.source.position(at) or (None, None)
    return Diagnostic(Level.ERROR, message, at, referrer.display, line, column)


def _display(file: Path, root_display: str, root_dir: Path) -> str:
    """How messages name a referenced file: beside the root spec as the user named it, or
    absolutely when it lies outside the spec's folder (--allow-ref-outside)."""
    if not _inside(file.resolve(), root_dir):
        return str(file)
    return os.path.normpath(os.path.join(os.path.dirname(root_display), os.path.relpath(file, root_dir)))


def load_spec(path: Path | str, *, allow_outside: bool = False) -> Spec:
    """Read the spec at `path` and every local document it references. Raises SpecError.

    What real publishers ship beyond OpenAPI (operations given by `$ref`, ...) comes back resolved,
    with warnings among the spec's diagnostics (see `normalize.py`).

    A `$ref` to a file outside the spec's folder (symbolic links followed) is an error at the
    `$ref` unless `allow_outside`: a spec must not be able to read `/etc/passwd` or `../.env`.
    """
    path = Path(path)
    root_display = str(path)
    root_dir = path.resolve().parent
    root_uri = path.resolve().as_uri()
    content, source, diagnostics = _parse(path, root_display)
    documents = {root_uri: Document(root_uri, root_display, content, source)}
    errors: list[Diagnostic] = []
    queue = [documents[root_uri]]
    refused: set[str] = set()
    candidates: list[Site] = []
    while queue:
        referrer = queue.pop(0)
        for pointer, ref, in_name_map in iter_ref_sites(referrer.content):
            candidate = site(referrer.uri, pointer, in_name_map)
            if candidate is not None:
                candidates.append(candidate)
            uri, _ = target_uri(referrer.uri, ref)
            if uri in documents or uri in refused or urlsplit(uri).scheme != "file":
                continue
            file = _file_path(uri)
            if not allow_outside and not _inside(file.resolve(), root_dir):
                refused.add(uri)
                errors.append(_outside(referrer, pointer, ref, root_dir))
                continue
            if not file.exists():
                continue  # a dangling reference: validation names it with both ends
            display = _display(file, root_display, root_dir)
            try:
                content, source, found = _parse(file, display)
            except SpecError as exc:
                errors.extend(exc.diagnostics)
                continue
            if not isinstance(content, dict | list):  # text: never quoted back by a message
                message = "a `$ref` target file must hold a YAML or JSON mapping or list, not one value"
                errors.append(Diagnostic(Level.ERROR, message, "", display, 1, 1))
                continue
            diagnostics.extend(found)
            documents[uri] = Document(uri, display, content, source)
            queue.append(documents[uri])
    if errors:
        raise SpecError(errors)
    return normalize(Spec(documents[root_uri], documents, tuple(diagnostics)), candidates)
