"""A module plan + `--spec` → the plan whose API sources go through codegen's router, bound to one
typed port.go method per matched operation; and one `unmatched:` line per route that binds none.

A function with several routes serves every operation any of them binds (one method each, the
router picks by method and path). A Go event type (REST's `APIGatewayProxyRequest`, HTTP API's and
function URL's `APIGatewayV2HTTPRequest`) goes through the router when any of its kinds binds an
operation; one that binds none keeps the stub's untyped handler. Pure: reads no files.
"""

from __future__ import annotations

from dataclasses import replace

from migrator.stub.model import ApiPlan, BoundOperation, ModulePlan, Source
from migrator.stub.routes import API_KINDS, bind, routes_of
from migrator.stub.spec import API_FOLDER, SpecApi

#: The Go event types codegen's router serves, and the Router method that answers each.
ROUTED = {"events.APIGatewayProxyRequest": "ServeV1", "events.APIGatewayV2HTTPRequest": "ServeV2"}


def bind_spec(plan: ModulePlan, spec: SpecApi) -> tuple[ModulePlan, list[str]]:
    """`plan` with its `api` set (only when the function has API events) and the unmatched lines."""
    function = plan.function
    if not any(kind in API_KINDS for kind in function.events):
        return plan, []
    routes, gaps = routes_of(function)
    bounds = bind(routes, [(op.method, op.path) for op in spec.operations])
    unmatched = [
        f"{b.route.label()} matches no operation of {spec.label}" for b in bounds if not b.operations
    ]
    unmatched += [f"{gap.reason}, so no operation of {spec.label} is bound" for gap in gaps]
    seen = {kind for kind in function.events if kind in API_KINDS} - {r.kind for r in routes}
    seen -= {g.kind for g in gaps}
    unmatched += [f"{kind}: the scan found no declaration with a method and path" for kind in sorted(seen)]
    served: dict[int, list[str]] = {}
    kinds: dict[int, list[str]] = {}
    for b in bounds:
        for i in b.operations:
            served.setdefault(i, []).append(b.route.label())
            kinds.setdefault(i, []).append(b.route.kind)
    operations = tuple(
        BoundOperation(
            spec.operations[i],
            f"op{spec.operations[i].go_name}",
            tuple(served[i]),
            tuple(dict.fromkeys(kinds[i])),
        )
        for i in sorted(served)
    )
    bound_kinds = {b.route.kind for b in bounds if b.operations}
    # `route…`, not the stub's `handle…`: a port.go kept from a run without --spec still defines that.
    sources = tuple(
        replace(s, user_owned=False, method="route" + s.method.removeprefix("handle"))
        if s.request in ROUTED and bound_kinds & set(s.kinds)
        else s
        for s in plan.sources
    )
    api = ApiPlan(spec.label, f"{plan.module}/{API_FOLDER}", operations, tuple(unmatched))
    lines = [f"unmatched: {function.name}: {line}" for line in unmatched]
    return replace(plan, sources=sources, api=api), lines


def routed_sources(plan: ModulePlan) -> tuple[Source, ...]:
    """The API sources answered by codegen's router (generated methods in routes.go)."""
    if plan.api is None or not plan.api.operations:
        return ()
    return tuple(s for s in plan.sources if not s.user_owned and s.request in ROUTED)
