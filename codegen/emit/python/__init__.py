"""The Python target: the spec → pydantic v2 models (`models.py`) by datamodel-code-generator."""

from codegen.emit.python.emitter import OUTPUT, PythonEmitter

__all__ = ["OUTPUT", "PythonEmitter"]
