"""Splitting a big spec's types into several Go packages the compiler builds one at a time.

One package of GitHub's ~7,400 types needs several GiB to compile: the compiler holds a whole
package at once. `partition` orders the named schemas so that each refers only to itself, to the
members of its own cycle, or to schemas before it (strongly connected components of the reference
graph, by level: a component's level is one more than the highest level it refers to), then cuts
that order, between components, into groups of about `limit` weight. Every reference then points
into the same group or an earlier one, so the groups form an acyclic chain of packages.
"""

from __future__ import annotations

from codegen.emit.go.graph import strongly_connected
from codegen.ir import Api, EnumDef, ObjectDef, UnionDef, named_in, refs_of

SPLIT_WEIGHT = 12_000
"""The weight (see `weight`) of one package of types; a spec weighing less stays one package."""


def weight(definition: object) -> int:
    """About how much Go a schema turns into: its properties, alternatives or values, plus two."""
    if isinstance(definition, ObjectDef):
        return 2 + len(definition.fields) + len(definition.patterns)
    if isinstance(definition, UnionDef):
        return 2 + 3 * len(definition.variants)
    if isinstance(definition, EnumDef):
        return 2 + len(definition.members)
    return 2


def _levels(edges: dict[str, list[str]], component: dict[str, int]) -> dict[int, int]:
    """Each component's level: 0 when it refers to no other component, else one more than the
    highest level it refers to (iteratively, in Tarjan's order, which lists sinks first)."""
    members: dict[int, list[str]] = {}
    for name, c in component.items():
        members.setdefault(c, []).append(name)
    level: dict[int, int] = {}
    pending = list(members)
    while pending:
        later = []
        for c in pending:
            targets = {component[t] for name in members[c] for t in edges[name]} - {c}
            if all(t in level for t in targets):
                level[c] = 1 + max((level[t] for t in targets), default=-1)
            else:
                later.append(c)
        pending = later
    return level


def partition(api: Api, limit: int = SPLIT_WEIGHT) -> tuple[tuple[str, ...], ...]:
    """The schemas' names in groups, each referring only to its own and earlier groups; one group
    (in `Api.schemas` order) when the whole spec weighs at most `limit`."""
    names = [schema.name for schema in api.schemas]
    weights = {schema.name: weight(schema.definition) for schema in api.schemas}
    if sum(weights.values()) <= limit:
        return (tuple(names),)
    edges = {
        schema.name: sorted({t for ref in refs_of(schema.definition) for t in named_in(ref)})
        for schema in api.schemas
    }
    component = strongly_connected(edges)
    level = _levels(edges, component)
    position = {name: i for i, name in enumerate(names)}
    ordered = sorted(names, key=lambda n: (level[component[n]], component[n], position[n]))
    groups: list[list[str]] = [[]]
    total = 0
    for i, name in enumerate(ordered):
        starts_component = i == 0 or component[ordered[i - 1]] != component[name]
        if total >= limit and starts_component:
            groups.append([])
            total = 0
        groups[-1].append(name)
        total += weights[name]
    return tuple(tuple(group) for group in groups)
