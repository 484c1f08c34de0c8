from __future__ import annotations

from codegen.validate.keywords import SCHEMA_KEYWORDS, suggest


def test_typos_get_the_nearest_keyword() -> None:
    assert suggest("types").startswith("unknown schema keyword `types`: did you mean `type`?")
    assert "did you mean `required`?" in suggest("require")
    assert "did you mean `readOnly`?" in suggest("readonly")
    assert "did you mean `additionalProperties`?" in suggest("additionalproperties")


def test_keywords_of_other_dialects_get_a_hint() -> None:
    assert suggest("nullable").startswith('`nullable` is OpenAPI 3.0; in 3.1 add "null" to `type`')
    assert "did you mean `nullable`? (`nullable` is OpenAPI 3.0" in suggest("nulable")
    assert "`$defs`" in suggest("definitions")


def test_nothing_close_means_no_guess() -> None:
    assert "did you mean" not in suggest("frobnicate")
    assert {"$ref", "prefixItems", "discriminator", "unevaluatedProperties"} <= SCHEMA_KEYWORDS
