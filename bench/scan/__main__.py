"""Benchmark: `migrate scan` on a generated fleet of 2,000 functions, against a bare parse.

    python bench/scan [--functions 2000] [--jobs N]

Prints scan time divided by the time tree-sitter alone takes to read and parse the same files,
both measured in this run on this machine. Target: a ratio of at most 2.

The fleet is 100 services of 20 functions. Every handler is its own file (a service's handlers
differ from another's by a header line), and each service holds its own copy of the same two
helper modules: 9 % of the files are copies, as in real repositories (8.5 % in
serverless-patterns, 12 % in serverless/examples), which the scan reads once (see
migrator/scan/samefiles.py).

Each timed scan runs in a fresh process, as `migrate scan` does: it imports the scan's modules (as
the bare parse has tree-sitter imported), then times `scan()` from discovery to the report (tables
loaded, queries compiled, workers forked and joined), and keeps the report until the clock stops.
The same two-job scan in this long-lived process (how a library caller runs it, after the
warm-up scan and each other) is printed too; it came out 0-5 % slower than in a fresh process.

On a shared, loaded machine wall times swing by 2-3x between runs; the CPU-time ratios (also
printed) are the steadier measures: of the one-job scan, and with N jobs of the scanning process
and of a worker, the busier of which sets the wall time when the cores are idle. The load
average before and after the run is printed with the results, so runs can be compared honestly.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from migrator.scan.engine import ScanOptions, scan
from migrator.scan.jsparse import Grammars, grammar_for

SERVICE_SIZE = 20

HANDLER_JS = """\
'use strict';
const {{ DynamoDBClient }} = require('@aws-sdk/client-dynamodb');
const {{ DynamoDBDocumentClient, PutCommand, GetCommand }} = require('@aws-sdk/lib-dynamodb');
const {{ v4: uuid }} = require('uuid');
const {{ validate{n} }} = require('../lib/validate');
const {{ log }} = require('../lib/log');

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({{}}));
const TABLE = process.env.TABLE_NAME;

class NotFound{n}Error extends Error {{
  constructor(message) {{
    super(message);
    this.name = 'NotFound{n}Error';
  }}
}}

exports.handler = async (event, context) => {{
  const method = event.requestContext?.http?.method ?? 'GET';
  log('request', {{ method, path: event.rawPath, id: context.awsRequestId }});
  if (method === 'POST') {{
    const body = validate{n}(JSON.parse(event.body || '{{}}'));
    const item = {{ id: uuid(), createdAt: new Date().toISOString(), ...body }};
    await doc.send(new PutCommand({{ TableName: TABLE, Item: item }}));
    return {{
      statusCode: 201,
      headers: {{ 'content-type': 'application/json' }},
      body: JSON.stringify(item),
    }};
  }}
  const id = event.pathParameters?.id;
  const found = await doc.send(new GetCommand({{ TableName: TABLE, Key: {{ id }} }}));
  if (!found.Item) {{
    throw new NotFound{n}Error(`item ${{id}} not found`);
  }}
  return {{ statusCode: 200, body: JSON.stringify(found.Item) }};
}};
"""

HANDLER_TS = """\
import type {{ SQSEvent, SQSBatchResponse }} from 'aws-lambda';
import {{ SQSClient, SendMessageCommand }} from '@aws-sdk/client-sqs';
import {{ z }} from 'zod';
import {{ log }} from '../lib/log';

const sqs = new SQSClient({{}});
const Order{n} = z.object({{ id: z.string(), total: z.number().nonnegative() }});
type Order{n} = z.infer<typeof Order{n}>;

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {{
  const failures: {{ itemIdentifier: string }}[] = [];
  for (const record of event.Records) {{
    try {{
      const order: Order{n} = Order{n}.parse(JSON.parse(record.body));
      log('order', {{ id: order.id, receipt: record.receiptHandle }});
      const message = {{ QueueUrl: process.env.NEXT_QUEUE!, MessageBody: JSON.stringify(order) }};
      await sqs.send(new SendMessageCommand(message));
    }} catch (err) {{
      failures.push({{ itemIdentifier: record.messageId }});
    }}
  }}
  return {{ batchItemFailures: failures }};
}};
"""

LIB_LOG = """\
const level = process.env.LOG_LEVEL || 'info';
function log(message, fields) {
  console.log(JSON.stringify({ level, message, ...fields, ts: Date.now() }));
}
module.exports = { log };
"""

LIB_VALIDATE = (
    "".join(
        f"function validate{n}(body) {{ if (!body.name) {{ const e = new Error('name required'); "
        f"e.name = 'ValidationError'; throw e; }} return body; }}\n"
        for n in range(SERVICE_SIZE)
    )
    + "module.exports = {"
    + ", ".join(f"validate{n}" for n in range(SERVICE_SIZE))
    + "};\n"
)


def generate(root: Path, functions: int) -> None:
    for service in range((functions + SERVICE_SIZE - 1) // SERVICE_SIZE):
        base = root / f"service-{service:03d}"
        (base / "src" / "handlers").mkdir(parents=True)
        (base / "src" / "lib").mkdir()
        (base / "src" / "lib" / "log.js").write_text(LIB_LOG)
        (base / "src" / "lib" / "validate.js").write_text(LIB_VALIDATE)
        lines = [
            f"service: service-{service:03d}",
            "provider:",
            "  name: aws",
            "  runtime: nodejs20.x",
            "functions:",
        ]
        for n in range(min(SERVICE_SIZE, functions - service * SERVICE_SIZE)):
            ts = n % 3 == 0
            name = f"fn{n:02d}"
            ext = "ts" if ts else "js"
            template = HANDLER_TS if ts else HANDLER_JS
            # Each service's handlers differ (a copied fleet's do): only the copied libs repeat.
            header = f"// {base.name}/{name}: generated by bench/scan\n"
            (base / "src" / "handlers" / f"{name}.{ext}").write_text(header + template.format(n=n))
            event = "      - sqs: { arn: !GetAtt Queue.Arn }" if ts else f"      - httpApi: 'POST /{name}'"
            lines += [f"  {name}:", f"    handler: src/handlers/{name}.handler", "    events:", event]
        (base / "serverless.yml").write_text("\n".join(lines) + "\n")
        (base / "package.json").write_text('{"dependencies": {"uuid": "^9.0.0", "zod": "^3.23.0"}}\n')


def bare_parse(files: list[Path], clock: Callable[[], float] = time.perf_counter) -> float:
    grammars = Grammars()
    for grammar in ("javascript", "typescript"):
        grammars.parse(b"", grammar)  # build both parsers outside the timed loop
    start = clock()
    for path in files:
        grammars.parse(path.read_bytes(), grammar_for(path.suffix))
    return clock() - start


#: Run in a fresh process per timed scan: prints wall seconds, then the CPU seconds of that process
#: and of its (joined) worker processes.
_TIMED_SCAN = """
import resource, sys, time
from pathlib import Path
import migrator.scan.project, migrator.scan.tables  # what scan() imports on first use
from migrator.scan.engine import ScanOptions, scan
def cpu(who):
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime
own, children = cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN)
start = time.perf_counter()
report = scan(Path(sys.argv[1]), ScanOptions(jobs=int(sys.argv[2])))
wall = time.perf_counter() - start
print(wall, cpu(resource.RUSAGE_SELF) - own, cpu(resource.RUSAGE_CHILDREN) - children)
"""


@dataclass(frozen=True)
class Run:
    wall: float
    own_cpu: float  #: the scanning process (which also takes projects from the queue)
    workers_cpu: float  #: all worker processes together


def timed_scan(work: Path, jobs: int) -> Run:
    """One scan with `jobs` jobs in a fresh process, as `migrate scan` runs."""
    repo = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (repo, os.environ.get("PYTHONPATH"))))}
    done = subprocess.run(
        [sys.executable, "-c", _TIMED_SCAN, str(work), str(jobs)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"bench/scan: the timed scan failed (exit {done.returncode}):\n{done.stderr}")
    wall, own, workers = (float(field) for field in done.stdout.split())
    return Run(wall, own, workers)


def in_process_wall(work: Path, jobs: int, repeat: int) -> float:
    """Median wall time of `repeat` scans in this process, after the earlier scans it ran."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        report = scan(work, ScanOptions(jobs=jobs))
        runs.append(time.perf_counter() - start)
        del report
    return statistics.median(runs)


def _load() -> str:
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:  # not available on this platform
        return "?"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--functions", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="migrate-bench-"))
    load_before = _load()
    try:
        generate(work, args.functions)
        report = scan(work, ScanOptions(jobs=1))  # warm the file cache, learn the file set
        files = sorted({work / f for fn in report.functions for f in fn.source_files})
        size = sum(p.stat().st_size for p in files)
        functions = len(report.functions)
        # Not kept: a 2,000-function report held here left more memory for the forked workers of the
        # in-process scans below to copy on write (2-job scans 2-6 % slower).
        del report
        baseline = statistics.median(bare_parse(files) for _ in range(args.repeat))
        parse_cpu = statistics.median(bare_parse(files, time.process_time) for _ in range(args.repeat))
        runs = {jobs: [timed_scan(work, jobs) for _ in range(args.repeat)] for jobs in sorted({1, args.jobs})}
        print(f"fleet: {functions} functions, {len(files)} source files, {size / 1e6:.1f} MB")
        print(
            f"bare tree-sitter parse (1 core): {baseline * 1000:.0f} ms  ({size / 1e6 / baseline:.1f} MB/s)"
        )
        for jobs, timed in runs.items():
            seconds = statistics.median(run.wall for run in timed)
            print(f"migrate scan, {jobs} job(s): {seconds * 1000:.0f} ms  ratio {seconds / baseline:.2f}")
        wall = statistics.median(run.wall for run in runs[args.jobs])
        print(f"ratio (scan with {args.jobs} jobs / bare parse): {wall / baseline:.2f}  (target <= 2)")
        one_job = statistics.median(run.own_cpu for run in runs[1])
        print(f"CPU-time ratio, 1 job / bare parse: {one_job / parse_cpu:.2f}")
        if args.jobs > 1:
            own = statistics.median(run.own_cpu for run in runs[args.jobs])
            worker = statistics.median(run.workers_cpu for run in runs[args.jobs]) / (args.jobs - 1)
            print(
                f"CPU-time ratio, {args.jobs} jobs: the scanning process {own / parse_cpu:.2f}, a worker "
                f"{worker / parse_cpu:.2f} (the larger estimates the {args.jobs}-job ratio on idle cores)"
            )
        kept = in_process_wall(work, args.jobs, args.repeat)
        print(
            f"the same {args.jobs}-job scan in this long-lived process (as a library): "
            f"{kept * 1000:.0f} ms  ratio {kept / baseline:.2f}"
        )
        print(f"load average (1 min) before / after: {load_before} / {_load()} on {os.cpu_count()} cores")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
