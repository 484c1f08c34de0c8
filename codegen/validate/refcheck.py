"""Every `$ref` of every document, checked before anything follows them.

openapi-spec-validator stops at the first dangling reference with an exception that names neither
end; this walk reports each one at the referring `$ref` and names the missing target.
"""

from __future__ import annotations

import difflib
from urllib.parse import urlsplit

from codegen.errors import Diagnostic, Level
from codegen.spec.document import Spec
from codegen.spec.pointers import join, lookup, split
from codegen.spec.refs import find_anchor, iter_refs, target_uri


def _missing_part(content: object, pointer: str) -> str:
    """Why `pointer` is not in `content`: the first token that is missing, with a suggestion."""
    at = ""
    for token in split(pointer):
        _, node = lookup(content, at)
        found, _ = lookup(content, join(at, token))
        if not found:
            hint = ""
            if isinstance(node, dict):
                close = difflib.get_close_matches(token, [str(k) for k in node], n=1)
                if close:
                    hint = f" (did you mean `{close[0]}`?)"
            return f"`{at or '/'}` has no member `{token}`{hint}"
        at = join(at, token)
    return "it is missing"


def check_refs(spec: Spec) -> list[Diagnostic]:
    """One error per `$ref` that points nowhere, located at the `$ref` itself."""
    found: list[Diagnostic] = []
    for document in spec.documents.values():
        for pointer, ref in iter_refs(document.content):
            uri, fragment = target_uri(document.uri, ref)
            at = join(pointer, "$ref")
            scheme = urlsplit(uri).scheme
            if scheme != "file":
                message = (
                    f"`$ref: {ref}` is a remote reference; codegen does not fetch them: "
                    "download the file next to the spec and refer to it by relative path"
                )
                found.append(spec.diagnostic(Level.ERROR, message, document.uri, at))
                continue
            target = spec.documents.get(uri)
            if target is None:
                path = urlsplit(uri).path
                message = f"`$ref: {ref}` points to a file that does not exist ({path})"
                found.append(spec.diagnostic(Level.ERROR, message, document.uri, at))
                continue
            if fragment and not fragment.startswith("/"):
                if find_anchor(target.content, fragment) is None:
                    message = (
                        f"`$ref: {ref}` names the anchor `{fragment}`, "
                        f"but no schema in {target.display} declares `$anchor: {fragment}`"
                    )
                    found.append(spec.diagnostic(Level.ERROR, message, document.uri, at))
                continue
            if not lookup(target.content, fragment)[0]:
                why = _missing_part(target.content, fragment)
                message = f"`$ref: {ref}` points nowhere: {target.display}#{fragment} does not exist ({why})"
                found.append(spec.diagnostic(Level.ERROR, message, document.uri, at))
    return found
