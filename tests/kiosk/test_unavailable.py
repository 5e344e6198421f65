"""A kiosk whose library cannot be opened does not exit (under Restart=always that loops on
a black screen): it says so full screen, naming the file, keeps the administrator's way
out, and opens the reader by itself once the file can be read."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

from paper_reader.app import ReaderApp, build
from paper_reader.core.library import Library, LibraryError
from paper_reader.kiosk.config import KioskConfig
from paper_reader.kiosk.pin import PinGate, lockout_file
from paper_reader.kiosk.profile import kiosk_profile
from paper_reader.kiosk.unavailable import LibraryUnavailable, check_library

from .conftest import PIN


def missing(path: Path, good: Path) -> None:
    pass


def garbage(path: Path, good: Path) -> None:
    path.write_bytes(bytes(range(256)) * 64)


def truncated(path: Path, good: Path) -> None:
    path.write_bytes(good.read_bytes()[:3000])


def foreign(path: Path, good: Path) -> None:
    with sqlite3.connect(path) as db:  # another program's SQLite file
        db.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT)")


def newer(path: Path, good: Path) -> None:
    shutil.copyfile(good, path)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 999")


def uncheckpointed(path: Path, good: Path) -> None:
    """The main file copied while its data still sat in -wal: a library just made (every
    import checkpoints, so only a write that has not yet reached the file leaves this)."""
    source = path.with_name("staff.sqlite3")
    lib = Library(source)  # new: the schema is in -wal until a checkpoint
    try:
        shutil.copyfile(source, path)  # the -wal stays behind
    finally:
        lib.close()


def unreadable(path: Path, good: Path) -> None:
    path.mkdir()  # a folder where the file should be


BAD = [missing, garbage, truncated, foreign, newer, uncheckpointed, unreadable]


@pytest.fixture
def start_kiosk(qtbot, config: KioskConfig) -> Iterator[Callable[[Path], ReaderApp]]:
    made: list[ReaderApp] = []

    def factory(path: Path) -> Callable[[], ReaderApp]:
        def start() -> ReaderApp:
            parts = build(path, profile=kiosk_profile(config))
            qtbot.addWidget(parts.window, before_close_func=lambda _w: parts.kiosk.release())
            parts.kiosk.show()
            made.append(parts)
            return parts
        return start

    yield factory
    for parts in made:
        parts.kiosk.release()
        parts.library.close()


def make_screen(qtbot, path: Path, config: KioskConfig, start) -> LibraryUnavailable:  # type: ignore[no-untyped-def]
    try:
        check_library(path, config.papers)
    except LibraryError as exc:
        error = exc
    else:
        raise AssertionError(f"{path} opened")
    screen = LibraryUnavailable(path, config, error, start)
    qtbot.addWidget(screen, before_close_func=lambda s: setattr(s, "leaving", True))
    screen.show_full_screen()
    qtbot.waitExposed(screen)
    return screen


@pytest.mark.parametrize("spoil", BAD, ids=[f.__name__ for f in BAD])
def test_every_bad_library_is_a_clear_message_not_an_exit(qtbot, tmp_path: Path, kiosk_library: Path,
                                                          config: KioskConfig, start_kiosk, spoil) -> None:
    path = tmp_path / "kiosk" / "library.sqlite3"
    path.parent.mkdir()
    spoil(path, kiosk_library)
    screen = make_screen(qtbot, path, config, start_kiosk(path))  # LibraryError, nothing else
    assert screen.isVisible() and screen.isFullScreen()
    texts = [label.text() for label in screen.findChildren(QLabel)]
    shown = "".join(texts).replace("\u200b", "")
    assert str(path) in shown and "报纸暂时无法显示" in shown and "工作人员" in shown
    # Why, in the patrons' language (Chinese here), not the log's English line.
    assert screen.said != screen.error and str(path) not in screen.said and screen.said, screen.said
    assert screen.said in shown or len(screen.said) > 2000
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in screen.findChildren(QLabel))
    assert not screen.close() and screen.isVisible()  # only the PIN leaves
    assert not screen.try_again() and screen.isVisible()
    assert screen._retry.isActive() and screen._retry.interval() <= 30_000  # it keeps trying


def test_the_reader_comes_up_when_the_file_is_fixed(qtbot, tmp_path: Path, kiosk_library: Path,
                                                    config: KioskConfig, start_kiosk) -> None:
    folder = tmp_path / "synced"
    folder.mkdir()
    path = folder / "library.sqlite3"
    garbage(path, kiosk_library)
    screen = make_screen(qtbot, path, config, start_kiosk(path))
    screen._settle.setInterval(20)
    # The sync renames a good copy into place: the folder watch notices, no timer needed.
    shutil.copyfile(kiosk_library, folder / ".library.sqlite3.part")
    os.replace(folder / ".library.sqlite3.part", path)
    qtbot.waitUntil(lambda: screen.parts is not None, timeout=10_000)
    parts = screen.parts
    assert not screen.isVisible() and parts.window.isVisible()
    assert parts.reader.issue.date == "2024-03-16" and parts.reader.location.page == 1  # its start


def test_a_file_that_appears_later_is_opened(qtbot, tmp_path: Path, kiosk_library: Path,
                                             config: KioskConfig, start_kiosk) -> None:
    folder = tmp_path / "not-yet"
    folder.mkdir()
    path = folder / "library.sqlite3"
    screen = make_screen(qtbot, path, config, start_kiosk(path))
    assert "no library here" in screen.error
    shutil.copyfile(kiosk_library, path)
    assert screen.try_again() and screen.parts is not None  # the periodic try does the same


def test_markup_in_the_error_and_path_is_shown_as_text(qtbot, tmp_path: Path, kiosk_library: Path,
                                                       config: KioskConfig, start_kiosk) -> None:
    folder = tmp_path / "<b>bold" / "<img src='x'>"
    folder.mkdir(parents=True)
    path = folder / "library.sqlite3"
    garbage(path, kiosk_library)
    screen = make_screen(qtbot, path, config, start_kiosk(path))
    assert "<b>bold/<img src='x'>" in screen.file.text().replace("\u200b", "")
    assert screen.file.textFormat() == Qt.TextFormat.PlainText


def test_the_administrator_can_leave_and_wrong_pins_count_for_the_kiosk(
        qtbot, tmp_path: Path, kiosk_library: Path, config: KioskConfig, start_kiosk) -> None:
    path = tmp_path / "missing.sqlite3"
    screen = make_screen(qtbot, path, config, start_kiosk(path))
    m = Qt.KeyboardModifier
    mods = m.ControlModifier | m.AltModifier | m.ShiftModifier
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    qtbot.keyClick(screen, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert screen.isVisible()
    qtbot.keyClick(screen, Qt.Key.Key_P, mods)
    qtbot.waitUntil(lambda: screen.pin_dialog is not None and screen.pin_dialog.isVisible(), timeout=2000)
    dialog = screen.pin_dialog
    dialog.pin.setText("000000")
    dialog.submit()
    assert PinGate(config.admin_pin, state=lockout_file()).failures == 1  # the kiosk's own count
    dialog.pin.setText(PIN)
    dialog.submit()
    assert dialog.unlocked
    qtbot.mouseClick(dialog.exit_button, Qt.MouseButton.LeftButton)
    assert not screen.isVisible() and screen.leaving and screen.parts is None


def test_the_corner_press_opens_the_pin_dialog(qtbot, tmp_path: Path, config: KioskConfig,
                                               start_kiosk) -> None:
    path = tmp_path / "missing.sqlite3"
    screen = make_screen(qtbot, path, config, start_kiosk(path))
    screen.CORNER_HOLD_MS = 50
    qtbot.mousePress(screen, Qt.MouseButton.LeftButton, pos=screen.rect().topRight() + QPoint(-5, 5))
    qtbot.waitUntil(lambda: screen.pin_dialog is not None and screen.pin_dialog.isVisible(), timeout=2000)
    qtbot.mouseRelease(screen, Qt.MouseButton.LeftButton)


def test_kiosk_start_on_a_damaged_library_stays_up(tmp_path: Path, kiosk_library: Path) -> None:
    """The whole program, as the unit starts it: it does not exit with an error."""
    path = tmp_path / "library.sqlite3"
    garbage(path, kiosk_library)
    config = tmp_path / "kiosk.ini"
    config.write_text(f"[kiosk]\nlibrary = {path}\n", encoding="utf-8")
    out = tmp_path / "screen.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PAPER_READER_HOME=str(tmp_path / "home"))
    done = subprocess.run([sys.executable, "-m", "paper_reader", "--kiosk", "--config", str(config),
                           "--screenshot", str(out)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert str(path) in done.stderr
    image = QImage(str(out))
    assert not image.isNull() and len({image.pixel(x, y) for x in range(0, image.width(), 7)
                                       for y in range(0, image.height(), 7)}) > 2  # text, not black
    assert path.read_bytes() == bytes(range(256)) * 64  # never written
    log = (tmp_path / "home" / "log" / "kiosk.log").read_text(encoding="utf-8")
    assert "cannot open the library" in log
