"""The Go target's import path: from the go.mod at or above DIR, or a go.mod of our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from codegen.emit.go.options import GoTargetError, go_options, module_path
from codegen.output.paths import MANIFEST


def test_outside_any_module_a_module_path_is_required(tmp_path: Path) -> None:
    with pytest.raises(GoTargetError, match="pass --go-module PATH"):
        go_options(tmp_path / "api", None, "api")
    options = go_options(tmp_path / "api", "example.com/shop", "shop")
    assert (options.module, options.import_path, options.package) == (
        "example.com/shop",
        "example.com/shop",
        "shop",
    )


def test_inside_a_module_the_import_path_is_the_module_plus_the_folder(tmp_path: Path) -> None:
    (tmp_path / "go.mod").write_text('// a comment\nmodule "github.com/acme/svc" // trailing\n\ngo 1.26\n')
    options = go_options(tmp_path / "internal" / "api", None, "api")
    assert options.module is None and options.import_path == "github.com/acme/svc/internal/api"
    with pytest.raises(GoTargetError, match="drop --go-module"):
        go_options(tmp_path / "internal" / "api", "example.com/other", "api")


def test_a_users_go_mod_in_the_folder_is_used_as_is(tmp_path: Path) -> None:
    (tmp_path / "go.mod").write_text("module example.com/mine\n")
    assert go_options(tmp_path, None, "api").import_path == "example.com/mine"
    assert go_options(tmp_path, "example.com/mine", "api").module is None
    with pytest.raises(GoTargetError, match=r"declaring 'example\.com/mine'"):
        go_options(tmp_path, "example.com/else", "api")


def test_a_go_mod_an_earlier_run_wrote_keeps_being_generated(tmp_path: Path) -> None:
    (tmp_path / "go.mod").write_text("module example.com/ours\n")
    (tmp_path / MANIFEST).write_text(json.dumps({"generated": ["go.mod", "types.gen.go"]}))
    assert go_options(tmp_path, None, "api").module == "example.com/ours"
    assert go_options(tmp_path, "example.com/renamed", "api").module == "example.com/renamed"


@pytest.mark.parametrize("package", ["main", "func", "2fa", "my-api", "", "_", "Api", "café", "api\n"])
def test_package_names_must_be_usable(tmp_path: Path, package: str) -> None:
    with pytest.raises(GoTargetError, match=r"--go-package .* lower-case identifier"):
        go_options(tmp_path, "example.com/x", package)


@pytest.mark.parametrize("package", ["lambda", "handlers"])
def test_package_names_that_clash_in_the_generated_main_are_refused(tmp_path: Path, package: str) -> None:
    with pytest.raises(GoTargetError, match=rf"--go-package {package!r} clashes with .*cmd/lambda/main\.go"):
        go_options(tmp_path, "example.com/x", package)
    assert go_options(tmp_path, "example.com/x", "my_api2").package == "my_api2"


def test_a_go_mod_without_a_module_line_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "go.mod").write_text("go 1.26\n")
    with pytest.raises(GoTargetError, match="no `module` line"):
        module_path(tmp_path / "go.mod")


def test_dot_dot_in_the_folder_is_followed_to_the_real_ancestors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "moda" / "sub").mkdir(parents=True)
    (tmp_path / "moda" / "go.mod").write_text("module example.com/moda\n")
    monkeypatch.chdir(tmp_path / "moda" / "sub")
    assert go_options(Path("../api"), None, "api").import_path == "example.com/moda/api"
    with pytest.raises(GoTargetError, match=r"no go\.mod in it or above it"):
        go_options(Path("../../other/api"), None, "api")


def test_a_symlink_loop_as_the_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to("loop")
    with pytest.raises(GoTargetError, match="loop"):
        go_options(tmp_path / "loop" / "api", "example.com/x", "api")
