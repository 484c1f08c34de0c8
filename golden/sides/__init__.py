"""What is compared: the two sides the user named (a local handler or a deployed function) and how they
are wired."""
