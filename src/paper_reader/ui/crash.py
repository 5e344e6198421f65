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
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

LOG_NAME = "crash.log"
LOG_LIMIT = 1_000_000  # bytes; the log is rotated once to crash.log.1 beyond this


def describe(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """The report: when, which versions, and the traceback."""
    try:
        from .. import version_string

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
    from ..core.paths import log_dir

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


class CrashDialog(QDialog):
    """The apology: what happened in one sentence, where the details are, a copy button."""

    def __init__(self, parent: QWidget | None, details: str, log: Path | None,
                 damaged: str | None = None, library_path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.details = details
        self.library_path = library_path
        self.extra = 0
        self.setWindowTitle(self.tr("书库文件已损坏") if damaged else self.tr("出错了"))
        if damaged:
            text = damaged + "\n\n" + self.tr(
                "可以把它改名保存在原处（不会删除），下次启动时新建一个空书库；在此之前仍可阅读能读出的内容。")
        else:
            text = self.tr(
                "很抱歉，出了一个意外的错误。窗口仍可继续使用；如果再次出现，请把详情发给开发者。")
        self.message = QLabel(text, self)
        self.message.setWordWrap(True)
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setText(self.tr("详情已写入 %1").replace("%1", str(log)) if log else "")
        self.where.setVisible(log is not None)
        self.count = QLabel(self)
        self.count.hide()
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("复制详情"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.set_aside_button: QPushButton | None = None
        if damaged and library_path is not None:
            self.set_aside_button = QPushButton(self.tr("改名保存"), self)
            buttons.addButton(self.set_aside_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.set_aside_button.clicked.connect(self.set_aside)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        close.clicked.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        layout = QVBoxLayout(self)
        for widget in (self.message, self.where, self.count, buttons):
            layout.addWidget(widget)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def copy(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("已复制"))

    def again(self, details: str) -> None:
        """Another exception while the dialog is up: counted here, not a new dialog."""
        self.extra += 1
        self.details += "\n" + "=" * 78 + "\n" + details
        self.count.setText(self.tr("此后又出错 %1 次。").replace("%1", str(self.extra)))
        self.count.show()

    def set_aside(self) -> None:
        from ..core.library import LibraryError, set_aside

        assert self.library_path is not None
        try:
            moved = set_aside(self.library_path)
        except LibraryError as exc:
            self.message.setText(str(exc))
        else:
            self.message.setText(self.tr("已改名保存为 %1。重新启动 paper-reader 后会新建一个书库。")
                                 .replace("%1", str(moved)))
            print(f"paper-reader: the damaged library was kept as {moved}", file=sys.stderr)
        if self.set_aside_button is not None:
            self.set_aside_button.setEnabled(False)


class CrashHandler(QObject):
    """The hooks, and the one dialog; lives in the GUI thread."""

    _report = Signal(str, str, str)  # details, log path ("" when none), damaged message

    def __init__(self, window: QWidget, library_path: Path | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.library_path = library_path
        self.dialog: CrashDialog | None = None
        self.count = 0
        self._inside = threading.local()
        self._previous = (sys.excepthook, threading.excepthook)
        self._report.connect(self._show, Qt.ConnectionType.QueuedConnection)

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
            from ..core.library import DamagedLibraryError

            if isinstance(exc, DamagedLibraryError):
                damaged = str(exc)
            self._report.emit(details, str(log) if log else "", damaged)
        except Exception:
            sys.__excepthook__(exc_type, exc, tb)
        finally:
            self._inside.active = False

    def _show(self, details: str, log: str, damaged: str) -> None:
        try:
            if self.dialog is not None:
                self.dialog.again(details)
                return
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
