"""Golden cases from folders of event files and from JSONL."""

from __future__ import annotations

from pathlib import Path

import pytest

from golden.cases.files import load_cases
from golden.errors import GoldenError


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


def test_folder_of_events_with_a_broken_one(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "b.json": '{"n": 2}',
            "a.json": '{"n": 1}',
            "nested/c.json": "[1, 2]",
            "bad.json": '{"n": }',
            "x.txt": "no",
        },
    )
    loaded = load_cases(root)
    assert [(c.id, c.event) for c in loaded.cases] == [
        ("a.json", {"n": 1}),
        ("b.json", {"n": 2}),
        ("nested/c.json", [1, 2]),
    ]
    (problem,) = loaded.problems
    assert problem.file.endswith("bad.json") and (problem.line, problem.column) == (1, 7)


def test_jsonl_one_case_per_line(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text('{"a": 1}\n\n{"a": 2}\nnot json\n')
    loaded = load_cases(path)
    assert [(c.id, c.event, c.line) for c in loaded.cases] == [
        ("events.jsonl:1", {"a": 1}, 1),
        ("events.jsonl:3", {"a": 2}, 3),
    ]
    assert [(p.line, p.message[:12]) for p in loaded.problems] == [(4, "invalid JSON")]


def test_single_event_file(tmp_path: Path) -> None:
    path = write(tmp_path, {"event.json": '{"detail-type": "Scheduled Event"}'}) / "event.json"
    assert [c.id for c in load_cases(path).cases] == ["event.json"]


@pytest.mark.parametrize("name", ["missing", "empty-folder"])
def test_nothing_to_read_is_an_error_that_says_what_to_pass(tmp_path: Path, name: str) -> None:
    if name == "empty-folder":
        (tmp_path / name).mkdir()
    with pytest.raises(GoldenError, match="event"):
        load_cases(tmp_path / name)
