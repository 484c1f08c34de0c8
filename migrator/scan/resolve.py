"""From handler strings and import specifiers to source files on disk.

Lambda's Node runtime splits a handler at the first dot after the last slash:
`src/handlers/orders.create` is module `src/handlers/orders`, export `create`. The module may be
compiled output (`dist/…`) whose TypeScript source lives elsewhere (tsconfig `rootDir`/`outDir`).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from migrator.scan.files import MANIFEST_LIMIT, Reader, Unreadable, read_text
from migrator.scan.jsparse import SOURCE_EXTENSIONS

T = TypeVar("T")

#: Source extensions, TypeScript first: where both exist the .js is the compiled copy.
PROBE_ORDER: tuple[str, ...] = (".ts", ".mts", ".cts", ".tsx", ".js", ".mjs", ".cjs", ".jsx")
_COMPILED_TO_SOURCE = {".js": (".ts", ".tsx"), ".mjs": (".mts",), ".cjs": (".cts",), ".jsx": (".tsx",)}
_BUILD_DIRS = ("dist", "build", "out", ".build", "lib")
_JSONC_COMMENT = re.compile(r'("(?:\\.|[^"\\])*")|//[^\n]*|/\*.*?\*/', re.S)
_TRAILING_COMMA = re.compile(r'("(?:\\.|[^"\\])*")|,(\s*[}\]])')


def relative(path: Path, root: Path) -> str:
    """POSIX path of `path` relative to `root` (as given when outside it), without pathlib's cost."""
    text = str(path)
    prefix = str(root).rstrip("/") + "/"
    return text[len(prefix) :] if text.startswith(prefix) else path.as_posix()


def inside(path: Path | str, folder: Path | str) -> bool:
    """`path.is_relative_to(folder)` on strings: the pathlib version is slow in hot loops."""
    text, base = str(path), str(folder).rstrip("/")
    return text == base or text.startswith(base + "/")


def nearest(
    directory: Path, root: Path, cache: dict[Path, T | None], read: Callable[[Path], T | None]
) -> T | None:
    """The first `read(folder)` that is not None, from `directory` up to `root`; memoised per folder."""
    visited: list[Path] = []
    found: T | None = None
    while True:
        if directory in cache:
            found = cache[directory]
            break
        visited.append(directory)
        found = read(directory)
        if (
            found is not None
            or directory == root
            or directory.parent == directory
            or not inside(directory, root)
        ):
            break
        directory = directory.parent
    for folder in visited:
        cache[folder] = found
    return found


def split_handler(handler: str) -> tuple[str, str]:
    """(module path, export path) the way the Node runtime reads a handler string."""
    slash = handler.rfind("/")
    dot = handler.find(".", slash + 1)
    if dot == -1:
        return handler, ""
    return handler[:dot], handler[dot + 1 :]


def load_jsonc(path: Path, root: Path | str) -> dict[str, Any] | None:
    """A tsconfig-style JSON file under `root` (comments and trailing commas allowed), or None."""
    try:
        text = read_text(path, root, MANIFEST_LIMIT)
    except Unreadable:
        return None
    text = _JSONC_COMMENT.sub(lambda m: m.group(1) or "", text)
    text = _TRAILING_COMMA.sub(lambda m: m.group(1) or m.group(2), text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return None
    return data if isinstance(data, dict) else None


@dataclass(frozen=True)
class TsConfig:
    directory: Path
    root_dir: Path | None
    out_dir: Path | None
    module: str | None  #: compilerOptions.module, lower-cased


@dataclass
class Resolver:
    """File-system lookups for one scan, with the tsconfig and package.json reads cached."""

    root: Path
    reader: Reader = field(init=False)  #: every file read of the scan goes through it
    _tsconfigs: dict[Path, TsConfig | None] = field(default_factory=dict)
    _package_types: dict[Path, str | None] = field(default_factory=dict)
    _listings: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)
    _imports: dict[tuple[str, str], Path | None] = field(default_factory=dict)
    #: the same lookups by folder string: hashing a fresh Path costs more than the lookup
    _tsconfig_by_dir: dict[str, TsConfig | None] = field(default_factory=dict)
    _package_type_by_dir: dict[str, str | None] = field(default_factory=dict)
    #: one Path per file found: the lookups work on strings, and the callers' sets and dicts hash
    #: a Path once, not once per copy
    _paths: dict[str, Path] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.reader = Reader(self.root)

    @property
    def real_root(self) -> str:
        """The scanned folder with symlinks resolved: no file outside it is read."""
        return self.reader.root

    def _listing(self, directory: str) -> tuple[frozenset[str], frozenset[str]]:
        """(file names, folder names) in a folder, read once per scan."""
        cached = self._listings.get(directory)
        if cached is None:
            files: list[str] = []
            dirs: list[str] = []
            try:
                with os.scandir(directory) as entries:
                    for entry in entries:
                        (dirs if _is_dir(entry) else files).append(entry.name)
            except (OSError, ValueError):  # ValueError: a NUL in the path (from a file's text)
                pass
            cached = (frozenset(files), frozenset(dirs))
            self._listings[directory] = cached
        return cached

    def _path(self, text: str) -> Path:
        path = self._paths.get(text)
        if path is None:
            path = self._paths[text] = Path(text)
        return path

    def is_file(self, path: Path) -> bool:
        folder, name = _split(str(path))
        return name in self._listing(folder)[0]

    def is_dir(self, path: Path) -> bool:
        return self._is_dir(str(path))

    def _is_dir(self, path: str) -> bool:
        folder, name = _split(path)
        return name in self._listing(folder)[1]

    def probe(self, stem: Path) -> Path | None:
        """The source file for a module path without extension, or with a compiled one."""
        found = self._probe(str(stem))
        return None if found is None else self._path(found)

    def _probe(self, stem: str) -> str | None:
        """`probe` on a normalised path string."""
        folder, name = _split(stem)
        files = self._listing(folder)[0]
        extension = suffix(name)
        if extension in _COMPILED_TO_SOURCE:
            base = name[: -len(extension)]
            for ext in _COMPILED_TO_SOURCE[extension]:
                if base + ext in files:
                    return _child(folder, base + ext)
            if name in files:
                return stem
        elif extension in SOURCE_EXTENSIONS and name in files:
            return stem
        for ext in PROBE_ORDER:
            if name + ext in files:
                return _child(folder, name + ext)
        return None

    def handler_file(self, base_dir: Path, module: str, entry_points: tuple[str, ...] = ()) -> Path | None:
        """The source file a handler's module path denotes, mapping build output back to source."""
        stem = _join(base_dir, module)
        found = self._probe(stem)
        if found is not None and not self._is_build_output(found):
            return self._path(found)
        mapped = self._from_build_output(Path(stem))
        if mapped is not None:
            return mapped
        name = Path(module).name
        for entry in entry_points:
            entry_path = _join(base_dir, entry)
            if Path(entry_path).stem == name or len(entry_points) == 1:
                candidate = self._probe(entry_path)
                if candidate is not None:
                    return self._path(candidate)
        return None if found is None else self._path(found)

    def import_file(self, importer: Path | str, specifier: str) -> Path | None:
        """The local file a relative specifier names (`./db`, `../lib/x.js`, `./dir`)."""
        key = (os.path.dirname(importer), specifier)
        try:
            return self._imports[key]
        except KeyError:
            pass
        stem = _join(key[0], specifier)
        found = self._probe(stem)
        if found is None and self._is_dir(stem):
            found = self._probe(_child(stem, "index"))
        result = self._imports[key] = None if found is None else self._path(found)
        return result

    def tsconfig_for(self, directory: Path) -> TsConfig | None:
        """The nearest tsconfig.json in `directory` or above it, within the scan root."""
        return self._tsconfig_in(str(directory))

    def _tsconfig_in(self, directory: str) -> TsConfig | None:
        try:
            return self._tsconfig_by_dir[directory]
        except KeyError:
            pass

        def read(folder: Path) -> TsConfig | None:
            candidate = folder / "tsconfig.json"
            return _read_tsconfig(candidate, self.reader.root) if self.is_file(candidate) else None

        found = self._tsconfig_by_dir[directory] = nearest(Path(directory), self.root, self._tsconfigs, read)
        return found

    def package_type(self, path: Path) -> str | None:
        """`type` of the nearest package.json ("module" or "commonjs"), None when unset."""
        key = os.path.dirname(path)
        try:
            return self._package_type_by_dir[key]
        except KeyError:
            pass

        def read(folder: Path) -> str | None:
            manifest = folder / "package.json"
            if not self.is_file(manifest):
                return None
            try:
                data = json.loads(self.reader.read_text(manifest, MANIFEST_LIMIT))
            except (Unreadable, json.JSONDecodeError):
                return ""
            kind = data.get("type") if isinstance(data, dict) else None
            return kind if isinstance(kind, str) else ""  # "": a package.json without a type

        found = nearest(path.parent, self.root, self._package_types, read) or None
        self._package_type_by_dir[key] = found
        return found

    def _is_build_output(self, path: str) -> bool:
        config = self._tsconfig_in(_split(path)[0])
        if config is not None and config.out_dir is not None and inside(path, config.out_dir):
            return suffix(path) in (".js", ".mjs", ".cjs")
        return False

    def _from_build_output(self, stem: Path) -> Path | None:
        config = self.tsconfig_for(stem.parent)
        if config is not None and config.out_dir is not None and inside(stem, config.out_dir):
            source_root = config.root_dir or config.directory
            mapped = self.probe(source_root / stem.relative_to(config.out_dir))
            if mapped is not None:
                return mapped
        # No tsconfig saying so: try the conventional dist/ → src/ layout.
        parts = stem.parts
        for index in range(len(parts) - 1, 0, -1):
            if parts[index] in _BUILD_DIRS:
                for source_dir in ("src", "."):
                    candidate = Path(*parts[:index], source_dir, *parts[index + 1 :])
                    mapped = self.probe(candidate)
                    if mapped is not None:
                        return mapped
                break
        return None


def _read_tsconfig(path: Path, root: str, depth: int = 0) -> TsConfig | None:
    data = load_jsonc(path, root)
    if data is None:
        return TsConfig(path.parent, None, None, None)
    options = data.get("compilerOptions")
    options = options if isinstance(options, dict) else {}
    root_dir = _dir(path.parent, options.get("rootDir"))
    out_dir = _dir(path.parent, options.get("outDir"))
    module = _lower(options.get("module"))
    extends = data.get("extends")
    if isinstance(extends, str) and extends.startswith(".") and depth < 5:
        base = _read_tsconfig((path.parent / extends).resolve(), root, depth + 1)
        if base is not None:
            root_dir = root_dir or base.root_dir
            out_dir = out_dir or base.out_dir
            module = module or base.module
    return TsConfig(path.parent, root_dir, out_dir, module)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """Whether an entry is (or links to) a folder; a symlink loop is a file the reader refuses."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _join(base: Path | str, relative: str) -> str:
    """`base / relative` normalised lexically (no symlink resolution: it costs a stat a part)."""
    return os.path.normpath(os.path.join(base, relative))


# The lookups work on normalised path strings (as `_join` gives them); these do what
# pathlib's `parent`, `name`, `/` and `suffix` do, without building a Path per step.


def _split(path: str) -> tuple[str, str]:
    """(str(Path(path).parent), Path(path).name) of a normalised path."""
    if path == ".":
        return ".", ""
    folder, name = os.path.split(path)
    return folder or ".", name


def _child(folder: str, name: str) -> str:
    """str(Path(folder) / name), `folder` as `_split` gives it."""
    return name if folder == "." else os.path.join(folder, name)


def suffix(path: str) -> str:
    """`Path(path).suffix` of a path string: from the last dot of the name, unless the name starts
    or ends with it."""
    name = path[path.rfind("/") + 1 :]
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _dir(base: Path, value: Any) -> Path | None:
    return (base / value).resolve() if isinstance(value, str) and value else None


def _lower(value: Any) -> str | None:
    return value.lower() if isinstance(value, str) else None
