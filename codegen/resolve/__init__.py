"""A validated spec → the IR: named types keyed by location, operations with their parameters and bodies."""
