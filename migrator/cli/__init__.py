"""The `migrate` command line: one thin Typer function per command that only parses; the work
is done in the packages."""
