"""Where the reliability harnesses put their numbers, and the shape of a result.

A harness makes rows (one fault or bad input each: what was tried, how it was produced, how
many times, and what came of it) and hands them to ``write``. With
``PAPER_READER_RELIABILITY_OUT=DIR`` set (``make reliability`` and ``make fuzz`` set it) the
rows go to ``DIR/<name>.json``, from which ``report.py`` writes docs/reliability.md; without
it (``make test``) nothing is written. Either way a one-line summary per row is printed.
"""

from __future__ import annotations

import json
import os
import platform
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ENV = "PAPER_READER_RELIABILITY_OUT"


@dataclass
class Row:
    area: str  # Faults, Bad input, Concurrency, Damaged library ...
    fault: str  # what was tried
    how: str  # how it was produced
    tries: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)  # outcome -> count
    failures: list[str] = field(default_factory=list)  # what went wrong, first few kept

    def add(self, outcome: str, n: int = 1) -> None:
        self.tries += n
        self.outcomes[outcome] += n

    def fail(self, what: str) -> None:
        self.tries += 1
        self.outcomes["FAILED"] += 1
        if len(self.failures) < 20:
            self.failures.append(what)

    @property
    def ok(self) -> bool:
        return not self.outcomes.get("FAILED")

    def summary(self) -> str:
        parts = ", ".join(f"{k} {v}" for k, v in self.outcomes.most_common())
        return f"{'PASS' if self.ok else 'FAIL'}  {self.fault}: {self.tries} tries ({parts})"

    def to_dict(self) -> dict[str, object]:
        return {"area": self.area, "fault": self.fault, "how": self.how, "tries": self.tries,
                "outcomes": dict(self.outcomes.most_common()), "failures": self.failures}


def out_dir() -> Path | None:
    value = os.environ.get(ENV)
    return Path(value) if value else None


def write(name: str, rows: list[Row], run: str, seconds: float, extra: dict[str, object] | None = None,
          echo: bool = True) -> Path | None:
    """Print the rows' summaries; with the environment variable set, also save them."""
    if echo:
        for row in rows:
            print(f"[{name}] {row.summary()}", flush=True)
            for what in row.failures[:5]:
                print(f"[{name}]     {what}", flush=True)
    folder = out_dir()
    if folder is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    data = {
        "harness": name, "run": run, "finished": time.strftime("%Y-%m-%d %H:%M:%S"),
        "seconds": round(seconds, 1), "machine": f"{platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}",
        "rows": [r.to_dict() for r in rows], **(extra or {}),
    }
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
