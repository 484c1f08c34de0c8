"""`delete` → IR: `delete obj.prop` / `delete obj[key]`, and through optional chains
(`delete event?.detail?.flag`): a nullish link ends the chain and the answer is `true`, as in
JavaScript (the delete itself never answers a nullish value, so `?? true` tells the two apart)."""

from __future__ import annotations

from dataclasses import replace

from migrator.port import ir


def delete(operand: ir.Expr) -> ir.Expr | None:
    """The IR of `delete operand`, or None when the operand is no property reference."""
    if isinstance(operand, ir.Member):
        return ir.Unary("delete", operand)
    inner = _through(operand)
    return ir.Logical("??", inner, ir.Lit("bool", True)) if inner is not None else None


def _through(chain: ir.Expr) -> ir.Expr | None:
    if isinstance(chain, ir.Member):
        return ir.Unary("delete", chain)
    if isinstance(chain, ir.OptChain):
        rest = _through(chain.rest)
        return replace(chain, rest=rest) if rest is not None else None
    return None
