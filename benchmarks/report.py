"""The report: rows of results against their floors, as a Markdown table."""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field


@dataclass
class Row:
    section: str
    name: str
    result: str
    floor: str = "—"
    status: str = "info"
    notes: str = ""


@dataclass
class Report:
    facts: list[tuple[str, str]]
    settings: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    details: list[tuple[str, str]] = field(default_factory=list)  # (heading, Markdown body)

    def add(self, row: Row) -> None:
        self.rows.append(row)
        log(f"  {row.name}: {row.result}" + (f"  [{row.status}]" if row.status != "info" else ""))

    def summary(self) -> str:
        judged = [r for r in self.rows if r.status in ("PASS", "FAIL")]
        failed = [r for r in judged if r.status == "FAIL"]
        skipped = [r for r in self.rows if r.status == "SKIP"]
        text = f"SUMMARY: {len(judged) - len(failed)} of {len(judged)} floors met"
        if failed:
            text += "; FAIL: " + "; ".join(f"{r.name} ({r.result}, floor {r.floor})" for r in failed)
        if skipped:
            text += f"; {len(skipped)} skipped"
        return text

    def markdown(self) -> str:
        out = ["# paper-reader benchmarks", ""]
        out += [f"- {k}: {v}" for k, v in self.facts]
        out += [f"- {s}" for s in self.settings]
        out += ["", "| Measurement | Result | Floor | Status | Notes |", "|---|---|---|---|---|"]
        for r in self.rows:
            out.append(f"| {r.section}: {r.name} | {r.result} | {r.floor} | {r.status} | {r.notes} |")
        out += ["", self.summary()]
        for heading, body in self.details:
            out += ["", f"## {heading}", "", body]
        return "\n".join(out) + "\n"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100), interpolating between the nearest ranks."""
    data = sorted(values)
    if not data:
        return math.nan
    k = (len(data) - 1) * q / 100
    lo, hi = math.floor(k), math.ceil(k)
    return data[lo] + (data[hi] - data[lo]) * (k - lo)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"
