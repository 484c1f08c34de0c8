"""`migrate stub`: one buildable Go Lambda module per scanned Node function (docs/stub.md)."""
