"""The reliability harnesses' shared parts: the ledger of what was tried, example counts.

Every harness test adds its tries to a Row of the session's ledger; the terminal summary
prints the rows, and with PAPER_READER_RELIABILITY_OUT=DIR set they are also written to
DIR/pytest-<run>.json for tests/reliability/report.py (make reliability, make fuzz).

Example counts scale with the run: ``examples(share)`` is share x the hypothesis profile's
max_examples (150 in make test, 20,000 with HYPOTHESIS_PROFILE=long), or x
PAPER_READER_FUZZ_EXAMPLES when that is set (make reliability sets it for CI).
"""

from __future__ import annotations

import os
import time

import pytest
from hypothesis import settings

from .record import Row, write

LEDGER: dict[tuple[str, str], Row] = {}
STARTED = time.monotonic()


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog would hang the run: any attempt fails loudly (tests that answer one
    patch exec themselves)."""
    from PySide6.QtWidgets import QDialog, QMessageBox

    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("a blocking dialog was opened during a test")

    for name in ("exec", "critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    monkeypatch.setattr(QDialog, "exec", refuse)


def examples(share: float = 1.0, least: int = 5) -> int:
    base = int(os.environ.get("PAPER_READER_FUZZ_EXAMPLES") or settings.default.max_examples)
    return max(least, int(base * share))


def row(area: str, fault: str, how: str) -> Row:
    """The ledger's row for this fault, made on first use."""
    key = (area, fault)
    if key not in LEDGER:
        LEDGER[key] = Row(area, fault, how)
    return LEDGER[key]


def run_name() -> str:
    if os.environ.get("PAPER_READER_RELIABILITY_RUN"):
        return os.environ["PAPER_READER_RELIABILITY_RUN"]
    return "long" if os.environ.get("HYPOTHESIS_PROFILE") == "long" else "test"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not LEDGER:
        return
    terminalreporter.section("reliability harnesses: what was tried")
    for r in LEDGER.values():
        terminalreporter.write_line(r.summary())
        for what in r.failures[:3]:
            terminalreporter.write_line(f"    {what}")
    write(f"pytest-{run_name()}", list(LEDGER.values()), run_name(), time.monotonic() - STARTED,
          {"examples_base": examples(1.0, 1)}, echo=False)
