"""Renderers for scan reports: rich table, JSON, SARIF, Markdown."""
