"""Validating a 3.1 spec: our `$ref` walk, openapi-spec-validator, then our keyword checks."""
