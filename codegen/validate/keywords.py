"""Schema keywords codegen knows, and a warning for every other one.

JSON Schema ignores unknown keywords, so a typo such as `types` or `nulable` silently loosens a
schema; we warn (fatal under `strict`) and suggest the keyword that was probably meant.
"""

from __future__ import annotations

import difflib

from codegen.errors import Diagnostic, Level
from codegen.spec.document import Spec
from codegen.spec.pointers import join
from codegen.spec.walk import iter_schemas

# JSON Schema 2020-12 vocabularies (core, applicator, unevaluated, validation, meta-data, format,
# content) and the OpenAPI 3.1 base vocabulary.
SCHEMA_KEYWORDS = frozenset(
    {
        "$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment",
        "$defs",
        "prefixItems", "items", "contains", "additionalProperties", "properties", "patternProperties",
        "dependentSchemas", "propertyNames", "if", "then", "else", "allOf", "anyOf", "oneOf", "not",
        "unevaluatedItems", "unevaluatedProperties",
        "type", "const", "enum", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains",
        "minContains", "maxProperties", "minProperties", "required", "dependentRequired",
        "title", "description", "default", "deprecated", "readOnly", "writeOnly", "examples",
        "format",
        "contentEncoding", "contentMediaType", "contentSchema",
        "discriminator", "xml", "externalDocs", "example",
    }
)  # fmt: skip

# Keywords of other dialects that a typo-distance would not explain.
_HINTS = {
    "nullable": 'is OpenAPI 3.0; in 3.1 add "null" to `type` (e.g. `type: [string, "null"]`)',
    "definitions": "is from older JSON Schema drafts; 2020-12 uses `$defs`",
    "dependencies": "is from older JSON Schema drafts; use `dependentRequired` or `dependentSchemas`",
    "additionalItems": "is from older JSON Schema drafts; with `prefixItems`, use `items`",
    "x-nullable": 'is a Swagger 2 extension; in 3.1 add "null" to `type`',
}


def suggest(keyword: str) -> str:
    """What to say about an unknown keyword: a hint, a close known keyword, or nothing."""
    if keyword in _HINTS:
        return f"`{keyword}` {_HINTS[keyword]}"
    candidates = sorted(SCHEMA_KEYWORDS | _HINTS.keys())
    close = difflib.get_close_matches(keyword, candidates, n=1, cutoff=0.6)
    if not close:
        close = [k for k in candidates if k.lower() == keyword.lower()]
    hint = ""
    if close:
        hint = f"did you mean `{close[0]}`? " + (
            f"(`{close[0]}` {_HINTS[close[0]]}) " if close[0] in _HINTS else ""
        )
    return (
        f"unknown schema keyword `{keyword}`: {hint}JSON Schema ignores it (prefix `x-` to mark an extension)"
    )


def check_keywords(spec: Spec) -> list[Diagnostic]:
    """A warning for every key of a Schema Object that is neither a known keyword nor `x-*`."""
    found = []
    for site in iter_schemas(spec):
        for key in site.value:
            if key not in SCHEMA_KEYWORDS and not key.startswith("x-"):
                pointer = join(site.pointer, key)
                found.append(spec.diagnostic(Level.WARNING, suggest(key), site.document.uri, pointer))
    return found
