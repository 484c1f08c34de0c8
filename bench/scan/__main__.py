"""Benchmark: `migrate scan` on a generated fleet of 2,000 functions, against a bare parse.

    python bench/scan [--functions 2000] [--jobs N]

Prints scan time divided by the time tree-sitter alone takes to read and parse the same files,
both measured in this run on this machine. Target: a ratio of at most 2.

The fleet is 100 services of 20 functions. Every handler is its own file (a service's handlers
differ from another's by a header line), and each service holds its own copy of the same two
helper modules: 9 % of the files are copies, as in real repositories (8.5 % in
serverless-patterns, 12 % in serverless/examples), which the scan reads once (see
migrator/scan/samefiles.py).

On a shared, loaded machine wall times swing by 2-3x between runs; the CPU-time ratios (also
printed) are the steadier measures: of the one-job scan, and with N jobs of this process and of a
worker, the busier of which sets the wall time when the cores are idle. The load
average before and after the run is printed with the results, so runs can be compared honestly.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
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


def cpu_ratio(work: Path, parse: float, repeat: int) -> float:
    """Median CPU time of a one-job scan over `parse`, the bare parse's CPU time."""
    runs = []
    for _ in range(repeat):
        start = time.process_time()
        scan(work, ScanOptions(jobs=1))
        runs.append(time.process_time() - start)
    return statistics.median(runs) / parse


def parallel_cpu_ratio(work: Path, parse: float, jobs: int, repeat: int) -> tuple[float, float]:
    """CPU time of this process and of one worker (on average) in a scan with `jobs` jobs, each over
    `parse`, the bare parse's CPU time: on idle cores the wall time follows the busier of the two,
    so the larger figure estimates the `jobs` ratio where the load makes wall times meaningless."""
    own, workers = [], []
    for _ in range(repeat):
        before_self = resource.getrusage(resource.RUSAGE_SELF)
        before_children = resource.getrusage(resource.RUSAGE_CHILDREN)
        scan(work, ScanOptions(jobs=jobs))  # the workers have exited (and are counted) when it returns
        own.append(_cpu(resource.RUSAGE_SELF) - _seconds(before_self))
        workers.append((_cpu(resource.RUSAGE_CHILDREN) - _seconds(before_children)) / (jobs - 1))
    return statistics.median(own) / parse, statistics.median(workers) / parse


def _cpu(who: int) -> float:
    return _seconds(resource.getrusage(who))


def _seconds(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


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
        # Not kept: `migrate scan` runs in a process of its own. A 2,000-function report held here
        # left more memory for every forked worker to copy on write (2-job scans 2-6 % slower).
        del report
        baseline = statistics.median(bare_parse(files) for _ in range(args.repeat))
        timings = {}
        for jobs in sorted({1, args.jobs}):
            runs = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                scan(work, ScanOptions(jobs=jobs))
                runs.append(time.perf_counter() - start)
            timings[jobs] = statistics.median(runs)
        print(f"fleet: {functions} functions, {len(files)} source files, {size / 1e6:.1f} MB")
        print(
            f"bare tree-sitter parse (1 core): {baseline * 1000:.0f} ms  ({size / 1e6 / baseline:.1f} MB/s)"
        )
        for jobs, seconds in timings.items():
            print(f"migrate scan, {jobs} job(s): {seconds * 1000:.0f} ms  ratio {seconds / baseline:.2f}")
        print(
            f"ratio (scan with {args.jobs} jobs / bare parse): "
            f"{timings[args.jobs] / baseline:.2f}  (target <= 2)"
        )
        parse_cpu = statistics.median(bare_parse(files, time.process_time) for _ in range(args.repeat))
        print(f"CPU-time ratio, 1 job / bare parse: {cpu_ratio(work, parse_cpu, args.repeat):.2f}")
        if args.jobs > 1:
            own, worker = parallel_cpu_ratio(work, parse_cpu, args.jobs, args.repeat)
            print(
                f"CPU-time ratio, {args.jobs} jobs: this process {own:.2f}, a worker {worker:.2f} "
                f"(the larger estimates the {args.jobs}-job ratio on idle cores)"
            )
        print(f"load average (1 min) before / after: {load_before} / {_load()} on {os.cpu_count()} cores")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
