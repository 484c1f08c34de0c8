"""`migrate canary`: shift an alias's traffic to a new version step by step, behind gates, with rollback."""
