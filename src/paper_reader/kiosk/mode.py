"""Kiosk mode for library reading rooms: a built reader window, locked down.

Full screen and frameless; nothing that leads out of the reader (the kiosk's profile,
kiosk.profile, builds no import, file dialogs, PDF or menus; here: no links to a browser);
keys that close or leave the window do nothing. The administrator leaves through a PIN
dialog (Ctrl+Alt+Shift+P, or a 3-second press on the top-right corner). After
``idle_timeout`` seconds without input a countdown offers to continue; then the reader goes
back to the newest issue's front page in the configured look, and nothing of the last
patron remains.

``KioskMode(parts, config)`` does it to the window that ``app.build`` made from
``kiosk_profile(config)``; ``show()`` puts the window up full screen.
"""

from __future__ import annotations

import logging
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QDesktopServices,
    QKeyEvent,
    QSinglePointEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QWidget,
)

from .config import KioskConfig
from .pin import PinGate, lockout_file
from .pin_dialog import PinDialog
from .reset import close_dialogs, reopen_if_replaced, start_state
from .window import IdleOverlay, fit_archive, fit_for_touch, fit_search, lock_down

if TYPE_CHECKING:
    from ..ui.shell.parts import WindowParts
    from ..ui.tools.search_panel import SearchPanel

log = logging.getLogger("paper_reader.kiosk")
translate = QCoreApplication.translate

E, K, M = QEvent.Type, Qt.Key, Qt.KeyboardModifier
CTRL, ALT, SHIFT = M.ControlModifier, M.AltModifier, M.ShiftModifier
ADMIN = (K.Key_P, CTRL | ALT | SHIFT)
ALWAYS_BLOCKED = {K.Key_Escape, K.Key_F11, K.Key_F10, K.Key_Menu, K.Key_Close, K.Key_Exit}
BLOCKED = {(K.Key_F4, ALT), (K.Key_F4, CTRL), (K.Key_F4, ALT | SHIFT), (K.Key_Q, CTRL),
           (K.Key_Q, CTRL | SHIFT), (K.Key_W, CTRL), (K.Key_W, CTRL | SHIFT), (K.Key_Space, ALT),
           (K.Key_Tab, ALT), (K.Key_Tab, ALT | SHIFT), (K.Key_O, CTRL), (K.Key_O, CTRL | SHIFT),
           (K.Key_E, CTRL), (K.Key_S, CTRL), (K.Key_M, CTRL), (K.Key_F, CTRL | M.MetaModifier)}
INPUT = {E.KeyPress, E.MouseButtonPress, E.MouseMove, E.Wheel, E.TouchBegin, E.TouchUpdate,
         E.InputMethod}
WAKE = {E.KeyPress, E.MouseButtonPress, E.Wheel, E.TouchBegin}  # these end a countdown
DRAG = {E.DragEnter, E.DragMove, E.Drop}
RELEASE = {E.MouseButtonRelease, E.TouchEnd, E.TouchCancel}
WATCHED = INPUT | DRAG | RELEASE | {E.ShortcutOverride, E.ContextMenu, E.Close, E.WindowStateChange,
                                    E.Resize}
URL_SCHEMES = ("http", "https", "mailto", "ftp", "file", "tel", "news")


class KioskMode(QObject):
    resetDone = Signal()

    CORNER = 72  # px of the top-right corner that, held, opens the PIN dialog
    CORNER_HOLD_MS = 3000

    def __init__(self, parts: WindowParts, config: KioskConfig,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parts.window)
        self.parts = parts
        self.config = config
        self.window = parts.window
        self.clock = clock
        self.unlocked = False
        self.swallowed = 0  # keys refused, for tests
        self.dirty = False  # input since the last reset
        self.gate = PinGate(config.admin_pin, clock=clock, state=lockout_file())  # kept over restarts
        self.pin_dialog: PinDialog | None = None
        self._crashes: list[float] = []
        lock_down(self.window)
        self.touch = fit_for_touch(self.window)  # the swipes and pinches: kiosk.window.wire_kiosk
        self._splitter = self.window.splitter.saveState()
        self.overlay = IdleOverlay(self.window)
        self.overlay.keepReading.connect(self.keep_reading)
        self.last_input = clock()
        self._countdown_from = 0.0
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._idle_check)
        self._idle.start(self._ms(config.idle_timeout))
        self._countdown = QTimer(self)
        self._countdown.setInterval(250)
        self._countdown.timeout.connect(self._countdown_tick)
        self._corner = QTimer(self)
        self._corner.setSingleShot(True)
        self._corner.timeout.connect(self.open_pin_dialog)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        slot: Any = "refuse_url"  # by name: PySide takes a str here (its stub says bytes)
        for scheme in URL_SCHEMES:  # whatever asks the desktop to open an address is refused
            QDesktopServices.setUrlHandler(scheme, self, slot)
        # The first patron gets what every later one gets: the start is a reset's state, made
        # by the same function, after the kiosk's own style sheet (which resets fonts) is set.
        start_state(parts, config, self._splitter)

    @staticmethod
    def _ms(seconds: float) -> int:
        return max(1, round(seconds * 1000))

    @Slot(QUrl)
    def refuse_url(self, url: QUrl) -> None:
        log.info("not opening %s: this is a kiosk", url.toString())

    def show(self) -> None:
        self.window.showFullScreen()

    # -- events ------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        t = event.type()
        if t not in WATCHED:
            return False
        if t in INPUT:
            self.last_input = self.clock()
            self.dirty = True
            if t in WAKE and self.overlay.isVisible():
                self.keep_reading()
                event.accept()
                return True
        if t in (E.KeyPress, E.ShortcutOverride) and isinstance(event, QKeyEvent):
            if event.key() == K.Key_Escape and _in_dialog(watched):
                return False  # Esc closes a kiosk dialog (the archive, the PIN), never the window
            return self._key(event)
        if t == E.ContextMenu or t in DRAG:
            event.ignore()
            return True
        if t == E.MouseButtonPress or t == E.TouchBegin:
            self._corner_press(event)
        elif t in RELEASE:
            self._corner.stop()
        elif watched is self.window:
            if t == E.Close and not self.unlocked:
                event.ignore()
                return True
            if t == E.WindowStateChange and not self.unlocked and self.window.isVisible() \
                    and not self.window.isFullScreen():
                QTimer.singleShot(0, self._back_to_full_screen)
            if t == E.Resize:
                self.overlay.setGeometry(self.window.rect())
        return False

    def _back_to_full_screen(self) -> None:
        if not self.unlocked and not self.window.isFullScreen():
            self.window.showFullScreen()

    def _key(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers() & ~M.KeypadModifier
        if (key, mods) == ADMIN:
            if event.type() == E.KeyPress and not event.isAutoRepeat():
                QTimer.singleShot(0, self.open_pin_dialog)
        elif not (key in ALWAYS_BLOCKED or (key, mods) in BLOCKED or mods & M.MetaModifier):
            return False
        elif event.type() == E.KeyPress:
            self.swallowed += 1
        event.accept()  # a ShortcutOverride taken here keeps the key from any shortcut
        return True

    def _corner_press(self, event: QEvent) -> None:
        if isinstance(event, QTouchEvent):
            points = event.points()
            where = points[0].globalPosition() if points else None
        elif isinstance(event, QSinglePointEvent):
            where = event.globalPosition()
        else:
            return
        w = self.window
        corner = QRect(w.mapToGlobal(QPoint(w.width() - self.CORNER, 0)), QSize(self.CORNER, self.CORNER))
        if where is not None and corner.contains(where.toPoint()):
            self._corner.start(self.CORNER_HOLD_MS)

    # -- the administrator -------------------------------------------------------------
    def open_pin_dialog(self) -> PinDialog:
        if self.pin_dialog is None:
            self.pin_dialog = PinDialog(self.gate, self.window)
            self.pin_dialog.exitRequested.connect(self.exit)
        dialog = self.pin_dialog
        if not dialog.isVisible():
            dialog.start()
            dialog.open()  # window-modal, no nested event loop
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def exit(self) -> None:
        """Leave the kiosk (the PIN was right): the window closes and the app ends."""
        log.info("the administrator left the kiosk")
        self.release()
        if self.pin_dialog is not None:
            self.pin_dialog.hide()
        self.window.close()

    def release(self) -> None:
        """Undo what reaches beyond the window: the app's event filter, timers, URL handlers."""
        self.unlocked = True
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        for timer in (self._idle, self._countdown, self._corner):
            timer.stop()
        for scheme in URL_SCHEMES:
            QDesktopServices.unsetUrlHandler(scheme)

    # -- idle --------------------------------------------------------------------------
    def _idle_check(self) -> None:
        if self.overlay.isVisible() or self.unlocked:
            return
        quiet = self.clock() - self.last_input
        if not self.dirty and self.reopen_if_replaced():
            self.reset()  # a newer library while nobody reads: its newest issue, at once
            return
        if quiet < self.config.idle_timeout or not self.dirty:
            left = self.config.idle_timeout - quiet if self.dirty else self.config.idle_timeout
            self._idle.start(self._ms(max(left, 0.05)))
            return
        self.start_countdown()

    def start_countdown(self) -> None:
        close_dialogs(self.window)
        self._countdown_from = self.clock()
        self.overlay.setGeometry(self.window.rect())
        self.overlay.show()
        self.overlay.raise_()
        self.overlay.button.setFocus()
        self._countdown_tick()
        self._countdown.start()

    def _countdown_tick(self) -> None:
        left = self.config.countdown - (self.clock() - self._countdown_from)
        if left <= 0:
            self._countdown.stop()
            self.reset()
        else:
            self.overlay.show_seconds(math.ceil(left))

    def keep_reading(self) -> None:
        self._countdown.stop()
        self.overlay.hide()
        self.last_input = self.clock()
        self._idle.start(self._ms(self.config.idle_timeout))

    # -- the start state ---------------------------------------------------------------
    def reset(self) -> None:
        """Back to the newest issue's front page in the configured look; search, history,
        selections, dialogs and clipboard emptied (see kiosk.reset)."""
        self._countdown.stop()
        self.overlay.hide()
        close_dialogs(self.window)
        self.unlocked = False
        self.reopen_if_replaced()
        start_state(self.parts, self.config, self._splitter)
        self.dirty = False
        self.last_input = self.clock()
        self._idle.start(self._ms(self.config.idle_timeout))
        log.info("reset to the start state")
        self.resetDone.emit()

    def reopen_if_replaced(self) -> bool:
        """A library synced by renaming a new copy over the old file is opened afresh."""
        return reopen_if_replaced(self.parts)

    # -- errors ------------------------------------------------------------------------
    def install_excepthook(self) -> None:
        """Uncaught errors are logged and the kiosk goes back to its start state; many in a
        minute end the app (code 70) for the service to start it afresh."""
        previous = sys.excepthook

        def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
            if issubclass(kind, KeyboardInterrupt):
                previous(kind, value, tb)
                return
            log.error("uncaught exception", exc_info=(kind, value, tb))
            now = self.clock()
            self._crashes = [t for t in self._crashes if now - t < 60] + [now]
            if len(self._crashes) > 5:
                log.critical("too many errors in a minute; ending so that the kiosk restarts")
                self.release()
                QCoreApplication.exit(70)
                return
            QTimer.singleShot(0, self._reset_after_error)

        sys.excepthook = hook

    def _reset_after_error(self) -> None:
        try:
            self.reset()
        except Exception:
            log.exception("the reset after an error failed too")


def wire_kiosk(kiosk: KioskMode) -> None:
    """The kiosk's connections, beside the window's (ui.shell.wiring) and called from the
    same place (app.build): swipes turn the page, pinches size the text, search and the
    archive are fitted for fingers as they are made."""
    parts = kiosk.parts
    for nav in kiosk.touch[:2]:
        nav.swiped.connect(parts.reader.turn)
        nav.pinched.connect(parts.tools.look.step_size)
    search = parts.tools.search

    def fit_panel(panel: SearchPanel) -> None:
        assert search.dock is not None
        kiosk.touch.append(fit_search(search.dock, panel))

    search.made.connect(fit_panel)
    parts.tools.archive.made.connect(fit_archive)


def _in_dialog(watched: QObject) -> bool:
    return isinstance(watched, QWidget) and isinstance(watched.window(), QDialog)


def setup_logging() -> Path | None:
    """Kiosk log in the user log folder (rotated); None when it cannot be written."""
    from logging.handlers import RotatingFileHandler

    from ..core.paths import log_dir

    path = log_dir() / "kiosk.log"
    logger = logging.getLogger("paper_reader")
    if any(getattr(h, "baseFilename", None) == str(path) for h in logger.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError as exc:
        print(f"paper-reader: cannot write the kiosk log {path} ({exc.strerror})", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return path
