"""The two sides' runners: the Node handler and the Go binary run locally, or a deployed function invoked."""
