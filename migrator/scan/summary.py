"""Fleet-level numbers shared by the terminal and Markdown reports."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from migrator.scan.model import ScanReport


@dataclass(frozen=True)
class Summary:
    functions: int
    mean_readiness: int
    blockers: int
    by_rule: tuple[tuple[str, int], ...]  #: (rule, count), most frequent first
    by_event: tuple[tuple[str, int], ...]
    languages: tuple[tuple[str, int], ...]


def summarize(report: ScanReport) -> Summary:
    fns = report.functions
    rules = Counter(b.rule for fn in fns for b in fn.blockers)
    events = Counter(kind for fn in fns for kind in fn.events)
    languages = Counter(fn.language or "unresolved" for fn in fns)
    mean = round(sum(fn.readiness for fn in fns) / len(fns)) if fns else 0
    return Summary(
        functions=len(fns),
        mean_readiness=mean,
        blockers=sum(rules.values()),
        by_rule=tuple(sorted(rules.items(), key=lambda kv: (-kv[1], kv[0]))),
        by_event=tuple(sorted(events.items(), key=lambda kv: (-kv[1], kv[0]))),
        languages=tuple(sorted(languages.items())),
    )


def skipped_line(report: ScanReport) -> str:
    """One line for the functions that are no candidates: `12 · runtime python3.12 7, …`."""
    details = Counter(s.detail for s in report.skipped)
    ordered = sorted(details.items(), key=lambda kv: (-kv[1], kv[0]))
    return f"{len(report.skipped)} · " + ", ".join(f"{detail} {n}" for detail, n in ordered)
