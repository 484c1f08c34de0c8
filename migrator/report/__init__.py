"""Renderers for scan reports (table, JSON, SARIF, Markdown), registered in `formats.SCAN_FORMATS`."""
