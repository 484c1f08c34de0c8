"""`--verify`: run `migrate golden` (Node original against the built port) on a function's cases."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from migrator.port.report import Verdict


def verify(
    node: Path, export: str, module: Path, cases: Path, env_file: Path | None, runs: int | None = None
) -> Verdict:
    """Golden's verdict on `cases` for the Node handler `node:export` against the Go module."""
    if not cases.exists():
        return Verdict("error", 0, 0, f"no cases at {cases}: give --cases DIR")
    command = [
        sys.executable, "-m", "migrator", "golden",
        "--node", f"{node}:{export}", "--go", str(module), "--cases", str(cases),
        "--format", "json", "--latency", "report",
    ]  # fmt: skip
    if runs is not None:
        command += ["--runs", str(runs)]
    if env_file is not None and env_file.is_file():
        command += ["--env-file", str(env_file)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        data = json.loads(done.stdout)
    except ValueError:
        last = (done.stderr.strip().splitlines() or ["golden printed no report"])[-1]
        return Verdict("error", 0, 0, last)
    cases_out: list[dict[str, object]] = list(data.get("cases", [])) if isinstance(data, dict) else []
    passed = sum(1 for c in cases_out if c.get("verdict") == "pass")
    detail = ""
    for case in cases_out:
        if case.get("verdict") != "pass":
            diffs = case.get("differences")
            first = diffs[0] if isinstance(diffs, list) and diffs else {"error": case.get("error")}
            detail = f"{case.get('id', '?')}: {json.dumps(first, ensure_ascii=False)[:300]}"
            break
    verdict = "pass" if done.returncode == 0 and passed == len(cases_out) and cases_out else "fail"
    return Verdict(verdict, len(cases_out), passed, detail)
