"""The Go target: `GoEmitter` (files) and `GoTypes` (names and type expressions, for templates).

See `gotypes.py` for the type-expression contract and `emitter.py` for the files.
"""

from codegen.emit.go.emitter import GoEmitter
from codegen.emit.go.gotypes import RUNTIME_NAMES, GoField, GoTypes

__all__ = ["RUNTIME_NAMES", "GoEmitter", "GoField", "GoTypes"]
