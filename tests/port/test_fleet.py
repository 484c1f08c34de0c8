"""Every function of the bundled fleet gets a port module that builds, vets and is gofmt-clean, and a
report that adds up; untranslated parts are named with file:line and still build."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from migrator.port.report import PortReport
from tests.conftest import FLEET
from tests.port.conftest import go

pytestmark = pytest.mark.slow

#: Functions whose every statement translates (measured; grows with the subset and the shims).
COMPLETE = {
    "BillingRunFunction", "AdjustStockFunction", "GetItemFunction", "HealthFunction",
    "InventoryStreamFunction", "ListItemsFunction", "ScannerTelemetryFunction", "StockSnapshotFunction",
    "SyncPriceFunction", "AttachmentFunction", "BounceFunction", "DigestFunction", "InboundFunction",
    "LiveFeedFunction", "createOrder", "fulfillOrder", "projectOrderStats", "ledger_stream", "receipt",
    "refund", "CarrierWebhookFunction", "LabelFunction", "QuoteFunction", "track",
}  # fmt: skip


def test_every_module_compiles_and_vets(fleet_port: tuple[Path, PortReport]) -> None:
    """`go vet` compiles every package each module needs and type-checks the module itself (the
    golden tests link real binaries of the verified ones; linking all 39 here would double the time)."""
    out, report = fleet_port
    assert len(report.functions) == len(list(out.glob("*/go.mod"))) == 39
    vetted = go(["vet", "example.com/stub/..."], out)
    assert vetted.returncode == 0, vetted.stderr[-3000:]


def test_each_module_resolves_offline_from_its_own_go_sum(fleet_port: tuple[Path, PortReport]) -> None:
    """Each module alone (no go.work: a workspace merges requirements) finds every package the
    translation imports (jsrt, jsaws, shims, the SDK) from its own go.mod and go.sum, offline."""
    out, _ = fleet_port
    for go_mod in sorted(out.glob("*/go.mod")):
        done = go(["list", "-deps", "./..."], go_mod.parent, {"GOWORK": "off"})
        assert done.returncode == 0, f"{go_mod.parent.name}: {done.stderr}"


def test_gofmt_clean(fleet_port: tuple[Path, PortReport]) -> None:
    out, _ = fleet_port
    listed = subprocess.run(["gofmt", "-l", str(out)], capture_output=True, text=True, check=False)
    assert listed.returncode == 0 and listed.stdout == "", listed.stdout


def test_report_counts_add_up(fleet_port: tuple[Path, PortReport]) -> None:
    _, report = fleet_port
    complete = {f.name for f in report.functions if f.complete}
    assert complete >= COMPLETE
    for f in report.functions:
        assert 0 <= f.translated <= f.statements
        assert f.complete == (f.problem is None and not f.untranslated and f.translated == f.statements)
        for spot in f.untranslated:
            assert (FLEET / spot.file).is_file() and spot.line >= 1 and spot.construct and spot.why
    assert report.translated / report.statements > 0.95


def test_untranslated_parts_are_named(fleet_port: tuple[Path, PortReport]) -> None:
    _, report = fleet_port
    spots = {f.name: {(s.file, s.line, s.construct) for s in f.untranslated} for f in report.functions}
    assert ("image-resizer/index.mjs", 2, "import sharp") in spots["image-resizer"]
    assert (
        "orders-service/src/handlers/reconcilePayments.js",
        11,
        "generator function declaration",
    ) in spots["reconcilePayments"]
    assert ("orders-service/src/handlers/importOrders.js", 4, "import node:readline") in spots["importOrders"]
    legacy = {c for _, _, c in spots["legacy-reports"]}
    assert {"global eval", "require(expression)"} <= legacy


def test_untranslated_statement_throws_not_implemented(fleet_port: tuple[Path, PortReport]) -> None:
    out, _ = fleet_port
    text = (out / "RestockAlertFunction" / "port.gen.go").read_text(encoding="utf-8")
    why = "inventory-sam/src/handlers/restockAlert.ts:34: global fetch: not a global the runtime provides"
    assert f"jsrt.Throw(portNotImplemented(r, {why!r}))".replace("'", '"') in text


def test_port_go_delegates_and_handler_replaced(fleet_port: tuple[Path, PortReport]) -> None:
    out, report = fleet_port
    assert {f.port_go for f in report.functions if f.problem is None} == {"delegates"}
    port_go = (out / "BounceFunction" / "port.go").read_text(encoding="utf-8")
    assert "return a.port.portHandle(ctx, event)" in port_go
    assert "handleEvent" in (out / "BounceFunction" / "handler.go").read_text(encoding="utf-8")
    assert not (out / "importOrders" / "checkpoint.go").exists()
