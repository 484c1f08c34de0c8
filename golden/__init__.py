"""Run the old Node handler and the new Go handler the way Lambda runs them (issue 5).

Runners (`golden.runners.node.NodeRunner`, `golden.runners.go.GoRunner`) start a runtime,
unmodified, against a local Runtime API emulator (`golden.runtime.emulator.Emulator`) and turn each
invoke into an `golden.outcome.Outcome`; `golden.runners.remote.RemoteInvoker` does the same for a
deployed function through Lambda's Invoke API.
"""
