"""The kill -9 harness, short: a few dozen kills within the test suite's time.

The long run is ``python -m tests.reliability.killer --runs N`` (make reliability).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import row
from .killer import Harness

BUDGET = float(os.environ.get("PAPER_READER_KILL_SECONDS", "12"))


def test_kill9_during_imports_loses_nothing(tmp_path: Path) -> None:
    if BUDGET <= 0:
        pytest.skip("the kill -9 harness runs on its own here (make reliability)")
    harness = Harness(tmp_path, seed=int(os.environ.get("PAPER_READER_KILL_SEED", "20240315")))
    rows = harness.run(runs=10_000, budget=BUDGET)
    for key, r in rows.items():
        mine = row(r.area, r.fault, r.how)
        for outcome, n in r.outcomes.items():
            mine.add(outcome, n)
        mine.failures += r.failures
        if key == "write":  # the kills that land in the commit itself must have happened
            assert r.tries >= 5
    assert not harness.log, "\n".join(harness.log[:10])
