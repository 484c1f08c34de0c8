"""Handler files parsed and queried in runs before their facts are read: the same facts as one at a time."""

from __future__ import annotations

from pathlib import Path

from migrator.scan.collect import analyze_file
from migrator.scan.files import Reader
from migrator.scan.jsparse import Grammars, grammar_for
from migrator.scan.prefetch import MAX_DEPTH, RUN, Prefetch
from migrator.scan.samefiles import SameFiles, content_key

HANDLER = """\
const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
const s3 = new S3Client({});
class Missing extends Error { constructor(m) { super(m); this.name = 'Missing'; } }
exports.handler = async (event) => {
  const key = event.Records[0].s3.object.key; // clé: non-ASCII text before the nodes read
  await s3.send(new GetObjectCommand({ Bucket: process.env.BUCKET, Key: key }));
  if (!key) throw new Missing('no key');
  return { statusCode: 200, body: '✓' };
};
"""

TYPED = """\
import type { SQSEvent } from 'aws-lambda';
import { log } from './log';
export const handler = async (event: SQSEvent): Promise<void> => {
  for (const record of event.Records) log(record.body);
};
"""


def _files(tmp_path: Path) -> list[Path]:
    files = {
        "a.js": HANDLER,
        "b.ts": TYPED,
        "bad.js": "exports.handler = async (event) => { return {",
        "awslambda.js": "exports.handler = awslambda.streamifyResponse(async (e, s) => s.end());",
        "deep.js": "x = " + "[" * (MAX_DEPTH + 10) + "]" * (MAX_DEPTH + 10) + ";",
        "latin1.js": "exports.handler = async () => '\xe9';",
    }
    paths = []
    for name, text in files.items():
        path = tmp_path / name
        path.write_bytes(text.encode("latin-1") if name == "latin1.js" else text.encode())
        paths.append(path)
    return paths


def test_prefetched_files_have_the_facts_of_a_file_read_alone(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    grammars = Grammars()
    prefetch = Prefetch(grammars, Reader(tmp_path), SameFiles())
    for path in paths:
        prefetch.plan(path, grammar_for(path.suffix), events=True)
    for path in paths:
        parsed = prefetch.take(path, events=True)
        assert parsed is not None
        source = path.read_bytes()
        alone = analyze_file(path.name, source, grammar_for(path.suffix), Grammars(), True, True)
        ahead = analyze_file(path.name, source, grammar_for(path.suffix), grammars, True, True, parsed)
        assert ahead == alone
    assert not prefetch.ready


def test_a_file_asked_for_with_other_queries_is_not_taken_from_the_run(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    prefetch = Prefetch(Grammars(), Reader(tmp_path), SameFiles())
    prefetch.plan(paths[0], "javascript", events=False)
    assert prefetch.take(paths[0], events=True) is None  # the event shape was not queried
    assert prefetch.take(paths[1], events=True) is None  # never planned
    prefetch.plan(tmp_path / "gone.js", "javascript", events=True)
    assert prefetch.take(tmp_path / "gone.js", events=True) is None  # unreadable: read (and reported) again


def test_files_are_parsed_a_run_at_a_time_in_the_planned_order(tmp_path: Path) -> None:
    paths = []
    for n in range(RUN + 3):
        paths.append(tmp_path / f"h{n}.js")
        paths[-1].write_text(f"exports.handler = async () => {n};\n")
    prefetch = Prefetch(Grammars(), Reader(tmp_path), SameFiles())
    for path in paths:
        prefetch.plan(path, "javascript", events=True)
    assert prefetch.take(paths[1], events=True) is not None
    assert set(prefetch.ready) == set(paths[2 : RUN + 1])  # from the one asked for on
    for path in paths[2:]:
        assert prefetch.take(path, events=True) is not None
    assert prefetch.take(paths[0], events=True) is not None  # planned earlier, read on demand


def test_nothing_outside_the_scanned_folder_is_read_ahead(tmp_path: Path) -> None:
    inside, outside = tmp_path / "fleet", tmp_path / "elsewhere"
    inside.mkdir()
    outside.mkdir()
    (outside / "secret.js").write_text("exports.handler = async () => 1;\n")
    (inside / "link.js").symlink_to(outside / "secret.js")
    prefetch = Prefetch(Grammars(), Reader(inside), SameFiles())
    for path in (outside / "secret.js", inside / "link.js"):
        prefetch.plan(path, "javascript", events=True)
        assert prefetch.take(path, events=True) is None  # refused: read (and reported) by the scan


class _CountingReader(Reader):
    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.reads: list[Path | str] = []

    def read_bytes(self, path: Path | str, limit: int) -> bytes:
        self.reads.append(path)
        return super().read_bytes(path, limit)


def test_copies_and_unreadable_files_are_read_ahead_once(tmp_path: Path) -> None:
    source = b"exports.handler = async () => 1;\n"
    same = SameFiles()
    same.add(
        content_key(source, "javascript", True, True), analyze_file("a.js", source, "javascript", Grammars())
    )
    copies = [tmp_path / f"copy{n}.js" for n in range(5)]
    for path in copies:
        path.write_bytes(source)
    planned = [tmp_path / "gone.js", *copies]
    reader = _CountingReader(tmp_path)
    prefetch = Prefetch(Grammars(), reader, same)
    for path in planned:
        prefetch.plan(path, "javascript", events=True)
    for path in planned:
        assert prefetch.take(path, events=True) is None  # the scan reads them itself
    assert sorted(map(str, reader.reads)) == sorted(map(str, planned))  # each once: no run started again
