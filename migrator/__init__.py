"""migrate: move fleets of Node.js AWS Lambda functions to Go, safely."""

__version__ = "0.1.0"
