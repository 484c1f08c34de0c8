"""Golden cases: read from files, drawn from templates per event source, or drawn from an OpenAPI
operation."""
