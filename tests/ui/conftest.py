from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from paper_reader.app import ReaderApp, build


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog in a test would hang the run: make any attempt fail loudly."""
    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("a modal dialog was opened during a test")

    monkeypatch.setattr(QMessageBox, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "critical", refuse)
    monkeypatch.setattr(QMessageBox, "warning", refuse)


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    """The user's default library (under this test's PAPER_READER_HOME): the only one a
    first run fills with the sample issue."""
    from paper_reader.core.paths import default_library

    return default_library()


@pytest.fixture
def reader_app(qtbot, library_path: Path) -> ReaderApp:
    parts = build(library_path)
    qtbot.addWidget(parts.window)
    parts.window.show()
    qtbot.waitExposed(parts.window)
    yield parts
    parts.library.close()
