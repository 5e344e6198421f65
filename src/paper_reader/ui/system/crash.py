"""An uncaught exception in the window: logged, a short apology shown, and the window goes on.

PySide6 hands every exception that escapes a slot, an event handler or a QRunnable to
``sys.excepthook``; the hook installed here writes it to ``crash.log`` in the user's log
folder (``core.paths.log_dir()``), and shows one small dialog with a "copy details" button.
The dialog is opened with ``open()``, never ``exec()``: no nested event loop, so the
window keeps working behind it. More exceptions while it is up are counted in it rather
than stacking dialogs. Exceptions in other threads are shown by the GUI thread.

A damaged library found while reading (DamagedLibraryError) says so plainly instead, and
offers to set the file aside (renamed beside itself, never deleted); the next start then
begins a new library.

    install_crash_handler(window)   # once, after the main window exists
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections import deque
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from .crash_dialog import CrashDialog

LOG_NAME = "crash.log"
# Posted to the handler to show what the hooks caught, in the GUI thread. An event, not a
# queued signal: naming Qt.QueuedConnection would build PySide's Qt namespace (10 ms) at
# start-up, where the handler is installed; the dialog's module loads on the first report.
REPORT = QEvent.Type(QEvent.registerEventType())
LOG_LIMIT = 1_000_000  # bytes; the log is rotated once to crash.log.1 beyond this


def describe(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """The report: when, which versions, and the traceback."""
    try:
        from ... import version_string

        version = version_string()
    except Exception:  # the report must not fail for want of a version
        version = "paper-reader"
    try:
        from PySide6 import __version__ as pyside
        from PySide6.QtCore import qVersion

        qt = f"Qt {qVersion()}, PySide6 {pyside}"
    except Exception:
        qt = "Qt ?"
    head = (f"{time.strftime('%Y-%m-%d %H:%M:%S')}  {version}  ({qt}, Python "
            f"{sys.version.split()[0]}, {sys.platform}, thread {threading.current_thread().name})")
    body = "".join(traceback.format_exception(exc_type, exc, tb))
    return f"{head}\n{body}"


def log_file() -> Path:
    from ...core.paths import log_dir

    return log_dir() / LOG_NAME


def write_log(details: str) -> Path | None:
    """Append the report to the crash log; None when it cannot be written."""
    try:
        path = log_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > LOG_LIMIT:
            path.replace(path.with_name(LOG_NAME + ".1"))
        with path.open("a", encoding="utf-8", errors="replace") as fh:
            fh.write("=" * 78 + "\n" + details + "\n")
        return path
    except Exception:  # no log folder, a full disk: the dialog and stderr still tell
        return None


class CrashHandler(QObject):
    """The hooks, and the one dialog; lives in the GUI thread."""

    def __init__(self, window: QWidget, library_path: Path | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.library_path = library_path
        self.dialog: CrashDialog | None = None
        self.count = 0
        self._inside = threading.local()
        self._previous = (sys.excepthook, threading.excepthook)
        self._reports: deque[tuple[str, str, str]] = deque()  # details, log path, damaged

    def event(self, event: QEvent) -> bool:
        if event.type() == REPORT:
            while self._reports:
                self._show(*self._reports.popleft())
            return True
        return super().event(event)

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous[0]
        if threading.excepthook == self.thread_excepthook:
            threading.excepthook = self._previous[1]

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        self.excepthook(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    def excepthook(self, exc_type: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):  # Ctrl+C in the terminal: quit as asked
            QCoreApplication.quit()
            return
        if getattr(self._inside, "active", False):  # the handler itself failed: only stderr
            sys.__excepthook__(exc_type, exc, tb)
            return
        self._inside.active = True
        try:
            self.count += 1
            details = describe(exc_type, exc, tb)
            log = write_log(details)
            sys.stderr.write(details)
            damaged = ""
            from ...core.library import DamagedLibraryError

            if isinstance(exc, DamagedLibraryError):
                from ..problem_text import problem_text

                damaged = problem_text(exc)
            self._reports.append((details, str(log) if log else "", damaged))
            QCoreApplication.postEvent(self, QEvent(REPORT))  # from any thread
        except Exception:
            sys.__excepthook__(exc_type, exc, tb)
        finally:
            self._inside.active = False

    def _show(self, details: str, log: str, damaged: str) -> None:
        try:
            if self.dialog is not None:
                self.dialog.again(details)
                return
            from .crash_dialog import CrashDialog

            dialog = CrashDialog(self.window, details, Path(log) if log else None,
                                 damaged or None, self.library_path)
            dialog.destroyed.connect(self._forget)
            self.dialog = dialog
            dialog.open()
        except Exception:  # never a crash loop out of the crash dialog
            traceback.print_exc()

    def _forget(self, *_a: Any) -> None:
        self.dialog = None


def install_crash_handler(window: QWidget, library_path: Path | None = None) -> CrashHandler:
    """Send uncaught exceptions to the log and an apology over ``window``.

    ``library_path`` lets the dialog offer to set a damaged library aside; without it the
    path is taken from the window's reader when there is one.
    """
    if library_path is None:
        reader = getattr(window, "reader", None)
        library = getattr(reader, "library", None)
        library_path = getattr(library, "path", None)
    handler = CrashHandler(window, library_path)
    handler.install()
    window._crash_handler = handler  # type: ignore[attr-defined]  # lives as long as the window
    previous = handler._previous

    def restore(*_a: Any) -> None:  # the window is gone: Python's own hooks again
        if getattr(sys.excepthook, "__self__", None) is handler:
            sys.excepthook = previous[0]
        if getattr(threading.excepthook, "__self__", None) is handler:
            threading.excepthook = previous[1]

    window.destroyed.connect(restore)
    return handler
