from __future__ import annotations

from collections.abc import Iterator
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
    """The user's default library (under this test's PAPER_READER_HOME) holding the sample
    issue's text pages: the window as it reads pages without an image (page overview, text
    order). A first run fills an empty default library with the sample's page PDFs instead;
    ``first_run_path`` is that one."""
    from paper_reader.core.importer import import_paths
    from paper_reader.core.library import Library
    from paper_reader.core.paths import default_library

    from ..conftest import SAMPLE

    path = default_library()
    path.parent.mkdir(parents=True, exist_ok=True)
    with Library(path) as lib:
        assert not import_paths(lib, [SAMPLE]).errors
    return path


@pytest.fixture
def first_run_path(tmp_path: Path) -> Path:
    """The user's default library, still empty: the first run imports the sample's PDFs."""
    from paper_reader.core.paths import default_library

    return default_library()


def shown_window(qtbot, path: Path) -> Iterator[ReaderApp]:  # noqa: ANN001
    """The window built on ``path`` and shown; its library closed afterwards."""
    parts = build(path)
    qtbot.addWidget(parts.window)
    parts.window.show()
    qtbot.waitExposed(parts.window)
    yield parts
    parts.library.close()


@pytest.fixture
def reader_app(qtbot, library_path: Path) -> Iterator[ReaderApp]:
    yield from shown_window(qtbot, library_path)


@pytest.fixture
def pdf_reader_app(qtbot, first_run_path: Path) -> Iterator[ReaderApp]:
    """The window as a new reader first sees it: the default library, empty, filled by the
    first run with the sample's page PDFs (read, laid out and stored as any import is), the
    window shown on the front page's image."""
    yield from shown_window(qtbot, first_run_path)
