"""The Node project's npm install: cached per lock file, linked into a copy, the source never written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migrator.demo.node_deps import cache_entry, cache_root, installed_copy, project_of
from migrator.demo.plan import DemoError


def project(tmp_path: Path) -> Path:
    root = tmp_path / "src" / "shop"
    (root / "src" / "handlers").mkdir(parents=True)
    (root / "package.json").write_text(json.dumps({"name": "shop"}))
    (root / "package-lock.json").write_text(json.dumps({"lockfileVersion": 3}))
    (root / "src" / "handlers" / "get.ts").write_text("export const handler = async () => 1;\n")
    (root / "node_modules" / "left-pad").mkdir(parents=True)  # a developer's own install: not copied
    return root


def tree(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("PATH", "")  # no npm: only a cached install can be used
    return tmp_path / "cache"


def test_without_npm_and_without_a_cached_install_it_cannot_run(tmp_path: Path, cache: Path) -> None:
    source = project(tmp_path)
    with pytest.raises(DemoError, match="`npm` is not on PATH"):
        installed_copy(source, tmp_path / "work")
    assert [p.name for p in cache_root().iterdir() if not p.name.startswith(".")] == []


def test_a_cached_install_is_linked_into_a_copy_and_the_source_is_untouched(
    tmp_path: Path, cache: Path
) -> None:
    source = project(tmp_path)
    before = tree(source)
    installed = cache_entry(source) / "node_modules"
    (installed / "zod").mkdir(parents=True)  # what `npm ci --omit=dev` left there on an earlier run
    assert cache_entry(source).is_relative_to(cache)
    copy = installed_copy(source, tmp_path / "work")
    assert copy == tmp_path / "work" / "shop"
    assert (copy / "node_modules").is_symlink() and (copy / "node_modules").resolve() == installed.resolve()
    assert (copy / "node_modules" / "zod").is_dir() and not (copy / "node_modules" / "left-pad").exists()
    assert (copy / "src" / "handlers" / "get.ts").read_text() == (
        source / "src" / "handlers" / "get.ts"
    ).read_text()
    assert tree(source) == before


def test_another_lock_file_is_another_cache_entry(tmp_path: Path, cache: Path) -> None:
    source = project(tmp_path)
    first = cache_entry(source)
    (source / "package-lock.json").write_text(json.dumps({"lockfileVersion": 3, "packages": {}}))
    assert cache_entry(source) != first and cache_entry(source).parent == first.parent


def test_the_project_is_the_nearest_folder_with_a_lock_file(tmp_path: Path) -> None:
    source = project(tmp_path)
    assert project_of(source / "src" / "handlers" / "get.ts") == source
    with pytest.raises(DemoError, match=r"no package-lock\.json above it"):
        project_of(tmp_path / "elsewhere" / "x.ts")
