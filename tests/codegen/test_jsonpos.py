from __future__ import annotations

import json

from codegen.spec.jsonpos import json_positions

TEXT = """{
  "openapi": "3.1.0",
  "paths": {"/a\\"b": {"get": [1, {"x": null}]}},
  "empty": {},
  "list": []
}"""


def test_every_node_has_its_line_and_column() -> None:
    json.loads(TEXT)  # the scan assumes valid JSON
    positions = json_positions(TEXT)
    assert positions[""] == (1, 1)
    assert positions["/openapi"] == (2, 3)
    assert positions['/paths/~1a"b'] == (3, 13)
    assert positions['/paths/~1a"b/get/1/x'] == (3, 35)
    assert positions["/empty"] == (4, 3)
    assert positions["/list"] == (5, 3)
    assert len(positions) == 10


def test_invalid_text_gives_fewer_positions_not_wrong_ones() -> None:
    positions = json_positions('{"a": 1} }')
    assert dict(positions) == {"": (1, 1), "/a": (1, 2)}
