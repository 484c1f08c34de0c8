"""Side effects compared: Node's first snapshot against Go's, with the same semantic differ as outputs.

Paths start with `/effects` (`/effects/dynamodb/orders/42/status`). Categories: `side-effect-missing`
(Node wrote it, Go did not), `side-effect-extra` (Go wrote it, Node did not), `side-effect-value`
(both did, differently; the note names the differ's own category). Noise is learned from the Node
runs, as for outputs: a value that differs between them is ignored, and when the runs disagree on
which keys a collection holds (an S3 key or a table key made from a UUID), that collection's keys
are noise and only its size is compared.
"""

from __future__ import annotations

from collections.abc import Sequence

from codegen.spec.pointers import split
from golden.compare.difference import Category, Difference
from golden.compare.jsondiff import JsonOptions, diff_json
from golden.compare.judge import CompareConfig
from golden.compare.noise import NoisyPath
from golden.compare.pointer import literal_glob
from golden.outcome import Json

ROOT = "/effects"
_CATEGORY: dict[str, Category] = {"missing": "side-effect-missing", "extra": "side-effect-extra"}


def effect_differences(
    node_runs: Sequence[Json], go: Json, config: CompareConfig
) -> tuple[list[Difference], list[NoisyPath]]:
    """Differences between Node's first snapshot and Go's, and the noisy paths the Node runs showed."""
    base = node_runs[0]
    noise: dict[str, list[Json]] = {}
    keyed: set[str] = set()  # collections whose keys the Node runs disagreed on
    for other in node_runs[1:]:
        for difference in diff_json(base, other, JsonOptions(), ROOT):
            if difference.category in ("missing", "extra"):
                keyed.add(difference.path.rsplit("/", 1)[0])
            else:
                values = noise.setdefault(difference.path, [difference.node])
                if difference.go not in values:
                    values.append(difference.go)
    globs = tuple(literal_glob(p) for p in noise) + tuple(literal_glob(p) + "/*" for p in keyed)
    options = JsonOptions(config.ignore_paths + globs, config.ignore_order_paths, config.float_tolerance)
    out = [_categorised(d) for d in diff_json(base, go, options, ROOT)]
    for parent in sorted(keyed):
        node_size, go_size = _size(base, parent), _size(go, parent)
        if node_size != go_size:
            note = (
                f"Node wrote {node_size} entries here, Go {go_size} (keys differ run to run, so only counted)"
            )
            out.append(Difference(parent, "side-effect-value", node_size, go_size, note=note))
    noisy = [NoisyPath(p, tuple(v)) for p, v in noise.items()]
    noisy += [NoisyPath(p + "/*", ()) for p in sorted(keyed)]
    return out, noisy


def _categorised(difference: Difference) -> Difference:
    category = _CATEGORY.get(difference.category, "side-effect-value")
    note = (
        difference.note
        if category != "side-effect-value"
        else f"{difference.category}; {difference.note}".strip("; ")
    )
    return Difference(
        difference.path,
        category,
        difference.node,
        difference.go,
        difference.node_present,
        difference.go_present,
        note,
    )


def _size(snapshot: Json, path: str) -> int | None:
    value = snapshot
    for part in split(path)[1:]:  # below /effects
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return len(value) if isinstance(value, dict | list) else None
