"""The scanner never runs user code: top-level side effects in handlers must not happen."""

from __future__ import annotations

from pathlib import Path

from migrator.scan.engine import ScanOptions, scan
from tests.conftest import WriteTree


def test_top_level_code_never_runs(write_tree: WriteTree, tmp_path: Path) -> None:
    marker = tmp_path / "side-effect.txt"
    helper_marker = tmp_path / "helper-side-effect.txt"
    root = write_tree(
        {
            "svc/serverless.yml": """
                service: s
                provider: { name: aws, runtime: nodejs20.x }
                functions:
                  evil: { handler: handler.handler }
            """,
            "svc/handler.js": f"""
                const fs = require('fs');
                fs.writeFileSync({str(marker)!r}, 'ran');
                require('child_process').execSync('touch {marker}.sh');
                const helper = require('./helper');
                exports.handler = async () => helper.go();
            """,
            "svc/helper.mjs": f"""
                import {{ writeFileSync }} from 'node:fs';
                writeFileSync({str(helper_marker)!r}, 'ran');
                export const go = () => 1;
            """,
            "bare/package.json": '{"name": "bare", "main": "index.js"}',
            "bare/index.js": f"require('fs').writeFileSync({str(marker)!r}, 'x'); exports.handler = () => 1;",
        }
    )
    report = scan(root, ScanOptions(jobs=1))
    assert {f.name for f in report.functions} == {"evil", "bare"}
    assert not marker.exists()
    assert not helper_marker.exists()
    assert not Path(f"{marker}.sh").exists()
