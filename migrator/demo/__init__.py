"""`migrate demo`: the whole path on the bundled fleet in one command.

scan the fleet → stub every function → golden the hand-written Go ports against their Node originals →
a canary rollout on a local moto server, each stage through its package's own code, then one summary.
`run(request, console) -> ExitCode` is in `migrator.demo.run`.
"""
