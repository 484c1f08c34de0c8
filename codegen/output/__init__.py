"""Writing emitted files: safe paths, atomic all-or-nothing writes, manifests, and `--check` drift."""
