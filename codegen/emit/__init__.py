"""Emitters: the IR (`codegen.ir.Api`) → files of one target language each (see `interface.py`).

`go/` (types and the generic Lambda scaffolds), `ts/` (TypeScript interfaces), `python/` (pydantic
models). Templates live beside the emitter that renders them and see only IR objects.
"""
