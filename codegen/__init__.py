"""`migrate codegen`: one OpenAPI spec → IR → Go, TypeScript and Python (issue 4).

The pipeline, one module each, data flowing one way:
`load` (files and positions) → `upgrade` (3.0 → 3.1 in memory) → `validate` (our `$ref` walk,
openapi-spec-validator, keyword checks) → `resolve` (the IR of `ir.py`) → emitters (to come).
Problems travel as `errors.Diagnostic` values; `errors.SpecError` is raised at the boundary.
"""
