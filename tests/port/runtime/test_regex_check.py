"""The translator's static check of regular expression literals (`migrator.port.regex_check`) refuses
exactly what jsrt's `TranslateRegExp` refuses, asked through the Go driver; node accepts every one."""

from __future__ import annotations

import pytest

from migrator.port.regex_check import refusal

from .harness import Case, Pair

PATTERNS = [
    ("\\d+", "g"), ("[a-z]+", "gi"), ("^a.c$", ""), ("a.c", "m"), ("^a$", "m"), ("a$", "gm"),
    ("[$^]", "m"), ("\\^x\\$", "m"), ("(?<year>\\d{4})-(?:\\d\\d)", "u"), ("(a)\\1", ""),
    ("(?<n>a)\\k<n>", ""), ("a(?=b)", ""), ("a(?!b)", ""), ("(?<=a)b", ""), ("(?<!a)b", ""),
    ("\\01", ""), ("\\0", ""), ("[\\S]", ""), ("\\S+", ""), ("\\uD83D\\uDE00", ""), ("\\uD83D", ""),
    ("\\uDE00", ""), ("\\p{L}+", "u"), ("\\p{Script=Greek}", "u"), ("\\p{L}", ""), ("\\q", ""),
    ("\\/", "u"), ("[^]", ""), ("[]", ""), ("[^^]$", "m"), ("a", "d"),
    ("\\x41\\u0042\\cJ", "u"), ("\\s*$", ""), ("[\\]^]", "m"),
]  # fmt: skip


@pytest.mark.parametrize(("source", "flags"), PATTERNS)
def test_the_static_check_refuses_what_jsrt_refuses(pair: Pair, source: str, flags: str) -> None:
    case = Case("regexp", (source, flags, "match", "abc"))
    go, node = pair.go.run([case.wire()])[0], pair.node.run([case.wire()])[0]
    assert "throw" not in node or flags == "d"  # d (indices) is JavaScript's, refused by the flag rule
    refused_by_go = "throw" in go and go["throw"]["name"] == "Unsupported"
    assert (refusal(source, flags) is not None) == refused_by_go, (refusal(source, flags), go)
