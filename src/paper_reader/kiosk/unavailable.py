"""What a kiosk shows while its library cannot be opened (missing, unreadable, damaged,
foreign, newer, or copied with its data still in a -wal file): a full-screen message naming
the file, saying why (the LibraryError's words, as plain text) and what the librarian
should do; it tries again every few seconds and whenever the file or its folder changes,
and opens the reader by itself once the library can be read. The administrator can still
leave (Ctrl+Alt+Shift+P or a 3-second press on the top-right corner, then the PIN).

A kiosk that exited instead looped on a black screen under the unit's Restart=always.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..core.library import LibraryError
from ..ui.problem_text import problem_text
from .config import KioskConfig
from .pin import PinGate, lockout_file
from .pin_dialog import PinDialog
from .profile import ScopedReadOnly

if TYPE_CHECKING:
    from ..ui.shell.parts import WindowParts

log = logging.getLogger("paper_reader.kiosk")
translate = QCoreApplication.translate

MESSAGE_LIMIT = 2000  # characters of the error shown: it may quote text from the file
ADMIN_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                   | Qt.KeyboardModifier.ShiftModifier)


def check_library(path: Path, papers: tuple[str, ...]) -> None:
    """Open the library as the kiosk will and read what its start reads; LibraryError when it
    cannot be used. Closed again: building the reader on a library that fails half-way
    would leave a window and a connection behind at every try."""
    from ..ui.shell.startup import probe

    library = ScopedReadOnly(papers).open(path)
    try:
        probe(library)
    finally:
        library.close()


def shown_text(text: str) -> str:
    """The error for a label: bounded, and a long path allowed to wrap at its slashes."""
    text = " ".join(text.split())
    if len(text) > MESSAGE_LIMIT:
        text = text[:MESSAGE_LIMIT] + "…"
    return text.replace("/", "/\u200b").replace("\\", "\\\u200b")


class LibraryUnavailable(QWidget):
    """Emits ``opened(parts)`` when the reader is up on the library at last."""

    opened = Signal(object)

    RETRY_MS = 10_000  # a library is opened in milliseconds: trying often costs nothing
    SETTLE_MS = 1_500  # after the file changed: a copy may still be landing
    CORNER = 72
    CORNER_HOLD_MS = 3000

    def __init__(self, path: Path, config: KioskConfig, error: LibraryError,
                 start: Callable[[], WindowParts]) -> None:
        super().__init__()
        self.path = Path(path)
        self.config = config
        self.start = start
        self.parts: WindowParts | None = None
        self.leaving = False
        self.tries = 0
        self.setObjectName("kioskUnavailable")
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setWindowTitle(translate("Kiosk", "报纸暂时无法显示"))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.gate = PinGate(config.admin_pin, state=lockout_file())  # the kiosk's own count
        self.pin_dialog: PinDialog | None = None
        self._build()
        self.show_error(error)
        self._retry = QTimer(self)
        self._retry.setInterval(self.RETRY_MS)
        self._retry.timeout.connect(self.try_again)
        self._retry.start()
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(self.SETTLE_MS)
        self._settle.timeout.connect(self.try_again)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(lambda _p: self._settle.start())
        self.watcher.directoryChanged.connect(lambda _p: self._settle.start())
        self._watch()
        self._corner = QTimer(self)
        self._corner.setSingleShot(True)
        self._corner.timeout.connect(self.open_pin_dialog)

    def _build(self) -> None:
        panel = QFrame(self)
        panel.setObjectName("kioskUnavailablePanel")
        panel.setMaximumWidth(1100)
        self.title = QLabel(translate("Kiosk", "报纸暂时无法显示"), panel)
        self.patrons = QLabel(translate("Kiosk", "请告诉图书馆工作人员。"), panel)
        self.file = QLabel(panel)
        self.file.setObjectName("kioskUnavailableFile")
        self.detail = QLabel(panel)
        self.detail.setObjectName("kioskUnavailableDetail")
        self.librarian = QLabel(translate(
            "Kiosk", "给工作人员：请在工作站上检查这个书库文件，关闭写它的程序后，再把它复制到这台电脑"
                     "（见阅览室电脑指南第 4 节）。文件可以读了，这里会在几秒内自动打开报纸，不用重新启动。\n"
                     "管理员要退出：按 Ctrl+Alt+Shift+P，或按住屏幕右上角三秒，再输入密码。"), panel)
        for label, scale, bold in ((self.title, 2.4, True), (self.patrons, 1.6, False),
                                   (self.file, 1.1, True), (self.detail, 1.1, False),
                                   (self.librarian, 1.0, False)):
            label.setTextFormat(Qt.TextFormat.PlainText)  # the file's name and error are data
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            font = QFont(label.font())
            font.setPointSizeF(max(font.pointSizeF(), 11.0) * scale)
            font.setBold(bold)
            label.setFont(font)
        inner = QVBoxLayout(panel)
        inner.setSpacing(18)
        for label in (self.title, self.patrons):
            inner.addWidget(label)
        inner.addSpacing(24)
        for label in (self.file, self.detail, self.librarian):
            inner.addWidget(label)
        row = QHBoxLayout()  # centred, and as wide as it may be: wrapped labels get their height
        row.addStretch(1)
        row.addWidget(panel, 20)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(64, 48, 64, 48)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def show_full_screen(self) -> None:
        screen = self.screen() or QApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(screen.geometry())  # where no window manager makes it full screen
        self.showFullScreen()
        self.setFocus()

    # -- the library -----------------------------------------------------------------
    def show_error(self, error: LibraryError) -> None:
        self.error = str(error)
        self.file.setText(translate("Kiosk", "书库文件：%1").replace("%1", shown_text(str(self.path))))
        # Why, in the patrons' language, without the file named just above; ``error`` is the log's.
        self.said = problem_text(error, file_named=False)
        self.detail.setText(shown_text(self.said))

    def _watch(self) -> None:
        """The file (replaced, written) and its folder (the file made, renamed into place)."""
        stale = self.watcher.files() + self.watcher.directories()
        if stale:
            self.watcher.removePaths(stale)
        for where in (self.path, self.path.parent):
            if where.exists():
                self.watcher.addPath(str(where))

    def try_again(self) -> bool:
        """Open the library and put the reader up; True when it is up."""
        if self.parts is not None or self.leaving:
            return self.parts is not None
        self.tries += 1
        self._watch()  # a file made or renamed since is watched from now on
        try:
            check_library(self.path, self.config.papers)
            parts = self.start()
        except LibraryError as exc:
            if str(exc) != self.error:
                log.error("the library still cannot be opened: %s", exc)
                self.show_error(exc)
            return False
        log.info("%s can be read now: the reader is up", self.path)
        self.parts = parts
        for timer in (self._retry, self._settle, self._corner):
            timer.stop()
        if self.pin_dialog is not None:
            self.pin_dialog.reject()
        self.hide()  # the reader is shown already: the app does not end with this window
        self.opened.emit(parts)
        return True

    # -- the administrator ------------------------------------------------------------
    def open_pin_dialog(self) -> PinDialog:
        if self.pin_dialog is None:
            self.pin_dialog = PinDialog(self.gate, self)
            self.pin_dialog.exitRequested.connect(self.leave)
        if not self.pin_dialog.isVisible():
            self.pin_dialog.start()
            self.pin_dialog.open()
        self.pin_dialog.raise_()
        self.pin_dialog.activateWindow()
        return self.pin_dialog

    def leave(self) -> None:
        log.info("the administrator left the kiosk (its library could not be opened)")
        self.leaving = True
        for timer in (self._retry, self._settle, self._corner):
            timer.stop()
        if self.pin_dialog is not None:
            self.pin_dialog.hide()
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == Qt.Key.Key_P and mods == ADMIN_MODIFIERS and not event.isAutoRepeat():
            QTimer.singleShot(0, self.open_pin_dialog)
        event.accept()  # nothing else here answers a key (Esc, Alt+F4 …)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        corner = QRect(QPoint(self.width() - self.CORNER, 0), QSize(self.CORNER, self.CORNER))
        if corner.contains(event.position().toPoint()):
            self._corner.start(self.CORNER_HOLD_MS)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._corner.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.leaving or self.parts is not None:
            event.accept()
        else:
            event.ignore()  # only the PIN leaves a kiosk


def apply_look(app: QApplication, config: KioskConfig) -> None:
    """The screen in the kiosk's colours and a Chinese face (the reader's window, which
    otherwise sets them, is not built)."""
    from ..ui.shell import theme
    from ..ui.shell.fonts import choose_fonts, ui_font
    from ..ui.shell.startup import SHEET_QSS

    choice = choose_fonts()
    if choice.has_chinese:
        app.setFont(ui_font(choice, app.font().pointSizeF() or 10.5))
    name = config.theme if config.theme in SHEET_QSS else "light"
    theme.apply(app, name, SHEET_QSS[name])
