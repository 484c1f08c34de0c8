"""Helpers of the Go tests: generate a spec's Go into a module, build a round-trip program, and
turn a spec's schemas into standalone JSON Schemas that hypothesis-jsonschema can draw from."""
