"""The administrator's way out of the kiosk: a PIN dialog that never blocks (open(), not
exec()), with a keypad for touch screens, refusing guesses for a while after wrong ones.
Enter only confirms the PIN; unlocked, it offers 返回阅读 (the default: back to the kiosk)
and 退出阅读程序, saying what leaving does (under the shipped service the kiosk restarts)."""

from __future__ import annotations

import logging
import math
import os
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .pin import PinGate

translate = QCoreApplication.translate
log = logging.getLogger("paper_reader.kiosk")


class PinDialog(QDialog):
    exitRequested = Signal()

    def __init__(self, gate: PinGate, parent: Any = None) -> None:
        super().__init__(parent)
        self.gate = gate
        self.setObjectName("kioskPinDialog")
        self.setWindowTitle(translate("Kiosk", "管理员"))
        self.setModal(True)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._entry_page())
        self.pages.addWidget(self._unlocked_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.refresh_wait)
        self.start()

    # -- pages -------------------------------------------------------------------------
    def _entry_page(self) -> QWidget:
        page = QWidget(self)
        self.prompt = QLabel(translate("Kiosk", "请输入管理员密码。"), page)
        self.prompt.setWordWrap(True)
        self.pin = QLineEdit(page)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(translate("Kiosk", "管理员密码"))
        self.pin.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData
                                     | Qt.InputMethodHint.ImhNoPredictiveText
                                     | Qt.InputMethodHint.ImhHiddenText)
        # Enter is taken in keyPressEvent: through returnPressed it would also reach the
        # dialog's default button, which by then is the unlocked page's.
        self.status = QLabel(page)
        self.status.setObjectName("kioskPinStatus")
        self.status.setWordWrap(True)
        keypad = QGridLayout()
        keypad.setSpacing(8)
        self.keys: list[QPushButton] = []
        for n, text in enumerate("123456789"):
            keypad.addWidget(self._key(text, page), n // 3, n % 3)
        erase = QPushButton("⌫", page)
        erase.setAccessibleName(translate("Kiosk", "删除一位"))
        erase.clicked.connect(self.pin.backspace)
        self.keys.append(erase)
        keypad.addWidget(erase, 3, 0)
        keypad.addWidget(self._key("0", page), 3, 1)
        self.unlock_button = QPushButton(translate("Kiosk", "解锁"), page)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        keypad.addWidget(self.unlock_button, 3, 2)
        cancel = QPushButton(translate("Kiosk", "取消"), page)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(page)
        layout.addWidget(self.prompt)
        layout.addWidget(self.pin)
        layout.addWidget(self.status)
        layout.addLayout(keypad)
        layout.addWidget(cancel)
        return page

    def _key(self, text: str, parent: QWidget) -> QPushButton:
        key = QPushButton(text, parent)
        key.setAutoDefault(False)
        key.clicked.connect(lambda: self.pin.insert(text))
        self.keys.append(key)
        return key

    def _unlocked_page(self) -> QWidget:
        page = QWidget(self)
        self.unlocked_text = QLabel(leaving_text(), page)
        self.unlocked_text.setObjectName("kioskUnlockedText")
        self.unlocked_text.setTextFormat(Qt.TextFormat.PlainText)
        self.unlocked_text.setWordWrap(True)
        self.continue_button = QPushButton(translate("Kiosk", "返回阅读"), page)
        self.continue_button.setToolTip(translate("Kiosk", "关闭这个窗口，读者可以继续使用"))
        self.continue_button.clicked.connect(self.accept)
        self.exit_button = QPushButton(translate("Kiosk", "退出阅读程序"), page)
        self.exit_button.clicked.connect(self.exitRequested)
        for button in (self.continue_button, self.exit_button):
            button.installEventFilter(self)  # a held Enter (see eventFilter)
        row = QHBoxLayout()
        row.addWidget(self.continue_button)  # the default first: the choice that changes nothing
        row.addWidget(self.exit_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.unlocked_text)
        layout.addLayout(row)
        return page

    # -- use ----------------------------------------------------------------------------
    def start(self) -> None:
        """The entry page, empty: each opening starts afresh."""
        self.pin.clear()
        self.status.clear()
        self.pages.setCurrentIndex(0)
        self.continue_button.setDefault(False)
        self.unlock_button.setDefault(True)
        if not self.gate.configured:
            self.prompt.setText(translate(
                "Kiosk", "这台电脑没有设置管理员密码。请在终端运行 paper-reader kiosk set-pin 设置。"))
            self._enable(False)
            return
        self.prompt.setText(translate("Kiosk", "请输入管理员密码。"))
        self.refresh_wait()

    @property
    def unlocked(self) -> bool:
        return self.pages.currentIndex() == 1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The Enter that confirmed the PIN, held down, repeats on the button focused next.
        return (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.isAutoRepeat() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            if not self.unlocked:
                if not event.isAutoRepeat():
                    self.submit()  # Enter confirms the PIN, and does nothing more
                return
            if event.isAutoRepeat():
                return  # a held Enter must not also choose on the page it just opened
        super().keyPressEvent(event)

    def submit(self) -> None:
        if not self.gate.configured or self.unlocked:
            return
        result = self.gate.attempt(self.pin.text())
        self.pin.clear()
        if result.checked and not result.ok:
            log.warning("wrong administrator PIN (%d in a row%s)", self.gate.failures,
                        f"; next guess in {result.wait:.0f} s" if result.wait else "")
        if result.ok:
            log.info("administrator PIN accepted")
            self.status.clear()
            self.pages.setCurrentIndex(1)
            self.unlock_button.setDefault(False)
            self.continue_button.setDefault(True)  # Enter, or a tap on it: back to the kiosk
            self.continue_button.setFocus()
            return
        if result.wait > 0:
            self.refresh_wait()
        else:
            self.status.setText(translate("Kiosk", "密码不对。"))

    def refresh_wait(self) -> None:
        wait = self.gate.wait()
        if wait <= 0:
            self._tick.stop()
            if self.status.property("waiting"):
                self.status.clear()
                self.status.setProperty("waiting", False)
            self._enable(True)
            return
        self.status.setProperty("waiting", True)
        self.status.setText(translate("Kiosk", "密码错误次数过多，请在 %1 秒后再试。")
                            .replace("%1", str(math.ceil(wait))))
        self._enable(False)
        if not self._tick.isActive():
            self._tick.start()

    def _enable(self, on: bool) -> None:
        self.pin.setEnabled(on)
        self.unlock_button.setEnabled(on)
        for key in self.keys:
            key.setEnabled(on)
        if on:
            self.pin.setFocus()

    def done(self, result: int) -> None:
        self._tick.stop()
        self.pin.clear()
        super().done(result)


def under_service() -> bool:
    """Whether systemd started this process as a service (it sets INVOCATION_ID), as the
    shipped paper-reader-kiosk unit does, which starts the kiosk again when it exits."""
    return bool(os.environ.get("INVOCATION_ID"))


def leaving_text() -> str:
    """What leaving does, here: under the service the kiosk comes back by itself."""
    if under_service():
        return translate("Kiosk", "已解锁。退出阅读程序后，系统服务会在几秒后重新启动它，"
                                  "屏幕回到最新一期的头版。\n要停下来维护这台电脑，请在终端运行："
                                  "sudo systemctl stop paper-reader-kiosk")
    return translate("Kiosk", "已解锁。退出阅读程序后，这台电脑回到桌面。")
