"""`--node PATH[:EXPORT]` to a task root and handler string."""

from __future__ import annotations

from pathlib import Path

import pytest

from golden.errors import GoldenError
from golden.sides.local import node_target
from tests.conftest import FLEET


def test_handler_file_inside_a_package() -> None:
    target = node_target(str(FLEET / "orders-service/src/handlers/createOrder.js"))
    assert target.task_root == FLEET / "orders-service"
    assert target.handler == "src/handlers/createOrder.handler"


def test_explicit_export_and_typescript() -> None:
    target = node_target(f"{FLEET / 'inventory-sam/src/handlers/listItems.ts'}:main")
    assert (target.task_root, target.handler) == (FLEET / "inventory-sam", "src/handlers/listItems.main")


def test_function_folder_uses_main() -> None:
    target = node_target(str(FLEET / "image-resizer"))
    assert (target.task_root, target.handler) == (FLEET / "image-resizer", "index.handler")


def test_file_outside_any_package(tmp_path: Path) -> None:
    (tmp_path / "app.mjs").write_text("export const handler = async () => 1;")
    assert node_target(str(tmp_path / "app.mjs")).handler == "app.handler"


@pytest.mark.parametrize("spec", ["no/such/file.js", "README.md"])
def test_bad_targets_say_what_is_expected(spec: str) -> None:
    with pytest.raises(GoldenError):
        node_target(spec)
