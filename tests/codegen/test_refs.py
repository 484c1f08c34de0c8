from __future__ import annotations

from urllib.parse import unquote, urldefrag, urljoin

import pytest

from codegen.spec.load import load_spec
from codegen.spec.refs import iter_refs, resolve, target_uri

from .conftest import SPECS


def test_refs_in_data_and_extensions_are_not_references() -> None:
    doc = {
        "properties": {"$ref": {"type": "string"}, "default": {"$ref": "#/real"}},
        "default": {"$ref": "#/data"},
        "examples": [{"$ref": "#/data"}],
        "x-vendor": {"$ref": "#/data"},
        "content": {
            "a/b": {"examples": {"one": {"$ref": "#/components/examples/One", "value": {"$ref": "no"}}}}
        },
    }
    assert list(iter_refs(doc)) == [
        ("/properties/default", "#/real"),
        ("/content/a~1b/examples/one", "#/components/examples/One"),
    ]


def test_target_uri_resolves_relative_files_and_decodes_fragments() -> None:
    base = "file:///specs/api/root.yaml"
    assert target_uri(base, "../common.yaml#/a%20b") == ("file:///specs/common.yaml", "/a b")
    assert target_uri(base, "#/components") == ("file:///specs/api/root.yaml", "/components")


def test_resolve_across_files_and_anchors() -> None:
    spec = load_spec(SPECS / "split" / "root.yaml")
    target = resolve(spec, spec.root.uri, "common.yaml#/components/schemas/Owner")
    assert target is not None and target.document.display.endswith("common.yaml")
    assert target.value["properties"]["name"] == {"type": "string"}
    whole = resolve(spec, spec.root.uri, "./schemas/pet.json")
    assert whole is not None and whole.pointer == "" and whole.value["required"] == ["name"]
    assert resolve(spec, spec.root.uri, "common.yaml#/nope") is None
    assert resolve(spec, spec.root.uri, "absent.yaml") is None


SAME_DOCUMENT_REFS = ["#", "#/a/b", "#/a%20b/c~1d", "#x", "##x", "#/a#b", "#?q", "#/é", "#%", "# x"]


@pytest.mark.parametrize("ref", [*SAME_DOCUMENT_REFS, "#/a\tb", "#\n/a", "#/a\rb"])
@pytest.mark.parametrize(
    "base", ["file:///tmp/a%20b/c.json", "file:///r.json", "file:///a#b", "http://x/y.json"]
)
def test_a_same_document_ref_resolves_as_urljoin_and_urldefrag_say(base: str, ref: str) -> None:
    absolute, fragment = urldefrag(urljoin(base, ref))
    assert target_uri(base, ref) == (absolute, unquote(fragment))
