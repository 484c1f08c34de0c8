from __future__ import annotations

from codegen.spec.document import SourceMap


def test_source_map_computes_once_and_falls_back_to_ancestors() -> None:
    calls = []

    def compute() -> dict[str, tuple[int, int]]:
        calls.append(1)
        return {"": (1, 1), "/a": (2, 3)}

    source = SourceMap(compute)
    assert calls == []  # nothing is computed until a position is needed
    assert source.position("/a/b/c") == (2, 3)
    assert source.position("/z") == (1, 1)
    assert calls == [1]
    assert SourceMap.of({}).position("/a") is None
