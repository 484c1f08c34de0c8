"""Shrink a `.tf` file to what the Terraform readers use before python-hcl2 parses it.

HCL parsing is the slow part of a Terraform scan (python-hcl2 is pure Python, about 100 KB/s),
and IAM policies, buckets, networks, variable descriptions and most attributes of a Lambda
resource are never read. Two passes, both keeping every line number:

1. top-level blocks no reader needs are blanked (`relevant_blocks`);
2. inside the kept `resource`, `data` and `variable` blocks, top-level attributes and nested
   blocks whose name no reader asks for are blanked (`prune_attributes`).

Blocks start at column 0 (`terraform fmt`); heredocs and `/* */` comments are respected. A pruned
text that does not parse is parsed again unpruned by the caller, so pruning can only cost time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_BLOCK_START = re.compile(
    r'^(resource|data|module|variable|locals|output|provider|terraform|moved|import|check)\b(?:\s+(?:"([^"]*)"|([A-Za-z_][\w-]*)))?',
    re.M,
)
_DEFAULT = re.compile(r"\bdefault\s*=")
_HEREDOC = re.compile(r"<<-?([A-Za-z_][\w-]*)$")
_ENTRY = re.compile(r'^\s*"?([A-Za-z_][\w-]*)"?\s*(=|\{|")')
_LOCAL_SOURCE = re.compile(r'^\s*source\s*=\s*"\.\.?/', re.M)
_VAR_REFERENCE = re.compile(r"\bvar\.([A-Za-z_][\w-]*)")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
#: Attributes any reader looks at, whatever the resource type (the wiring table adds its own).
READ_ATTRIBUTES = frozenset(
    {
        "handler",
        "runtime",
        "memory_size",
        "timeout",
        "architectures",
        "environment",
        "filename",
        "package_type",
        "image_uri",
        "function_name",
        "layers",
        "source_dir",
        "source_file",
        "output_path",
        "default",
        "event_source_arn",
        "amazon_managed_kafka_event_source_config",
        "document_db_event_source_config",
        "self_managed_event_source",
        "schedule_expression",
        "arn",
        "rule",
        "integration_uri",
        "api_id",
        "protocol_type",
        "principal",
        "invoke_mode",
    }
)


def relevant_blocks(
    text: str, wanted: frozenset[str] | set[str], variables: frozenset[str] | None = None
) -> str:
    """The file with the top-level blocks no reader needs blanked out (line numbers kept).

    Kept: resources whose type is in `wanted`, `archive_file`, locals, variables with a default
    (only those named in `variables`, when given: the ones some `var.x` refers to) and modules
    that mention Lambda or have a local `source`. Trailing blanks are dropped: hcl2 rejects them after a
    heredoc's closing marker.
    """
    lines = [line.rstrip() for line in text.splitlines()]
    starts = _block_starts(lines)
    ends = [start for start, _, _ in starts[1:]] + [len(lines)]
    for (start, kind, label), end in zip(starts, ends, strict=False):
        block = "\n".join(lines[start:end])
        keep = (
            kind == "locals"
            or (
                kind == "variable"
                and (variables is None or label in variables)
                and _DEFAULT.search(block) is not None
            )
            or (kind == "module" and ("lambda" in block or _LOCAL_SOURCE.search(block) is not None))
            or (kind == "resource" and label in wanted)
            or (kind == "data" and label == "archive_file")
        )
        if not keep:
            lines[start:end] = [""] * (end - start)
    head = starts[0][0] if starts else len(lines)
    lines[:head] = [""] * head  # comments before the first block
    return "\n".join(lines) + "\n"


def referenced_variables(texts: Iterable[str]) -> frozenset[str]:
    """The names `var.x` refers to anywhere in these texts."""
    return frozenset(name for text in texts for name in _VAR_REFERENCE.findall(text))


def prune_attributes(text: str, keep: Iterable[str]) -> str:
    """`text` (from `relevant_blocks`) with unread attributes of resource/data/variable blocks blanked."""
    names = frozenset(keep)
    lines = text.split("\n")
    starts = _block_starts(lines)
    ends = [start for start, _, _ in starts[1:]] + [len(lines)]
    for (start, kind, _), end in zip(starts, ends, strict=False):
        if kind in ("resource", "data", "variable") and lines[start].rstrip().endswith("{"):
            _prune_body(lines, start + 1, end, names)
    return "\n".join(lines)


def _prune_body(lines: list[str], start: int, end: int, names: frozenset[str]) -> None:
    """Blank the entries at depth 1 of the block body lines[start:end] whose name is not in `names`."""
    index = start
    while index < end:
        line = lines[index]
        match = _ENTRY.match(line)
        if match is None:
            index += 1
            continue
        last = _entry_end(lines, index, end)
        if last is None:
            return  # unbalanced: leave the rest of the block as it is
        if match.group(1) not in names:
            lines[index : last + 1] = [""] * (last + 1 - index)
        index = last + 1


def _entry_end(lines: list[str], first: int, end: int) -> int | None:
    """The index of the last line of the entry starting at `first`: brackets balanced again."""
    depth = 0
    heredoc: str | None = None
    for index in range(first, end):
        line = lines[index]
        if heredoc is not None:
            if line.strip() == heredoc:
                heredoc = None
                if depth == 0:
                    return index
            continue
        code = _STRING.sub('""', line)
        code = code.split("#", 1)[0].split("//", 1)[0]
        depth += sum(code.count(c) for c in "{[(") - sum(code.count(c) for c in "}])")
        opened = _HEREDOC.search(code.rstrip())
        if opened is not None:
            heredoc = opened.group(1)
            continue
        if depth <= 0:
            return index if depth == 0 else None
    return None


def _block_starts(lines: list[str]) -> list[tuple[int, str, str | None]]:
    """(line index, block type, first label) of every top-level block, outside heredocs and comments."""
    starts: list[tuple[int, str, str | None]] = []
    heredoc: str | None = None  # the closing marker while inside a heredoc
    comment = False  # inside /* … */
    for number, line in enumerate(lines):
        if heredoc is not None:
            heredoc = None if line.strip() == heredoc else heredoc
        elif comment:
            comment = "*/" not in line
        else:
            match = _BLOCK_START.match(line)
            if match is not None:
                starts.append((number, match.group(1), match.group(2) or match.group(3)))
            opened = _HEREDOC.search(line)
            heredoc = opened.group(1) if opened else None
            # Only a comment that opens a line: "/*" inside a string (an ARN glob) is common.
            comment = line.lstrip().startswith("/*") and "*/" not in line
    return starts
