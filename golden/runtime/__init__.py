"""The local Lambda runtime: the Runtime API emulator, and each runtime process sandboxed, capped and
watched."""
