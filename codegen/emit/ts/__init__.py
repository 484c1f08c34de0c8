"""The TypeScript target: IR → `api.gen.ts` (types shaped like openapi-typescript's)."""

from codegen.emit.ts.emitter import OUTPUT, TsEmitter

__all__ = ["OUTPUT", "TsEmitter"]
