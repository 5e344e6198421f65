"""An uncaught exception in the window: a short apology, a log entry, and the window goes on."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from paper_reader.core.library import DamagedLibraryError
from paper_reader.core.paths import default_library
from paper_reader.ui.system.crash import install_crash_handler, log_file
from paper_reader.ui.system.crash_dialog import CrashDialog

from .conftest import row


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from paper_reader.app import build

    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("a blocking dialog was opened")

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)
    parts = build(default_library())  # a first run: the sample issue
    qtbot.addWidget(parts.window)
    parts.window.show()
    handler = install_crash_handler(parts.window, library_path=parts.library.path)
    yield parts, handler
    handler.uninstall()
    parts.library.close()


def dialog_of(handler) -> CrashDialog | None:  # type: ignore[no-untyped-def]
    return handler.dialog


def test_exception_in_a_slot_apologises_logs_and_goes_on(qtbot, window) -> None:
    parts, handler = window
    r = row("Faults", "uncaught exceptions in the window",
            "exceptions raised in a slot, in a worker thread, and ten in a row; the apology "
            "dialog, the log file, the clipboard, and a page turn afterwards")

    def boom() -> None:
        raise ValueError("something nobody foresaw")

    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: dialog_of(handler) is not None and dialog_of(handler).isVisible())
    dialog = dialog_of(handler)
    assert dialog.isModal() or dialog.windowModality() != 0  # open(), window-modal, no exec()
    assert "很抱歉" in dialog.message.text()
    log = log_file()
    assert log.exists() and "ValueError: something nobody foresaw" in log.read_text(encoding="utf-8")
    assert str(log) in dialog.where.text()
    dialog.copy_button.click()
    assert "something nobody foresaw" in QApplication.clipboard().text()
    assert "paper-reader" in QApplication.clipboard().text()
    r.add("slot: apology shown, logged, details copied")

    # Ten more: counted in the same dialog, not ten dialogs.
    for _ in range(10):
        QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: dialog.extra == 10)
    assert "10" in dialog.count.text()
    assert len([w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog)]) == 1
    r.add("ten more: counted in one dialog", 10)

    # A worker thread's exception reaches the same dialog through the GUI thread.
    def worker() -> None:
        raise KeyError("in a thread")

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    qtbot.waitUntil(lambda: dialog.extra == 11)
    assert "in a thread" in dialog.details
    r.add("thread: shown by the GUI thread")

    dialog.reject()
    qtbot.waitUntil(lambda: handler.dialog is None)
    before = parts.reader.location.page
    parts.reader.turn(1)
    assert parts.reader.location.page == before + 1  # the window still works
    r.add("after closing: the window reads on")


def test_damaged_library_found_while_reading_offers_to_set_it_aside(qtbot, window) -> None:
    parts, handler = window
    r = row("Damaged library", "damage found while the window reads",
            "DamagedLibraryError raised in a slot of the running window; the dialog's 改名保存")

    def damaged() -> None:
        raise DamagedLibraryError(f"{parts.library.path}: the library file is damaged (test)")

    QTimer.singleShot(0, damaged)
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    dialog = handler.dialog
    assert dialog.windowTitle() == "书库文件已损坏"
    assert "the library file is damaged" in dialog.message.text()
    assert dialog.set_aside_button is not None
    dialog.set_aside_button.click()
    kept = [f for f in parts.library.path.parent.glob("library.sqlite3.damaged-*")
            if not f.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and not parts.library.path.exists()
    parts.reader.turn(1)  # the open connection reads the renamed file on
    assert "已改名保存为" in dialog.message.text()
    # A new library where the old one was; the old connection closing must not touch it.
    from paper_reader.core.importer import import_paths
    from paper_reader.core.library import Library
    from tests.conftest import SAMPLE

    with Library(parts.library.path) as new:
        assert not import_paths(new, [SAMPLE]).errors
        parts.library.close()
        assert new.integrity_check() == "ok" and len(new.issues()) == 1
    with Library(kept[0], readonly=True) as old:  # the renamed file is whole
        assert old.integrity_check() == "ok" and len(old.issues()) == 1
    r.add("said plainly; set aside (renamed) on request")


def test_log_cannot_be_written_still_apologises(qtbot, window, monkeypatch: pytest.MonkeyPatch) -> None:
    from paper_reader.ui.system import crash

    parts, handler = window
    monkeypatch.setattr(crash, "log_file", lambda: Path("/proc/version/cannot/crash.log"))

    def boom() -> None:
        raise RuntimeError("no log folder")

    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert not handler.dialog.where.isVisible()
    row("Faults", "uncaught exceptions in the window", "").add("log not writable: apology still shown")
