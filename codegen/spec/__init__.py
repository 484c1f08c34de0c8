"""Reading a spec: YAML/JSON with positions, every file its `$ref`s reach, upgraded to 3.1 and normalized."""
