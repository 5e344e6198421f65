"""The apology for an uncaught exception (see ``crash``), loaded when there is one to make."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..problem_text import problem_text


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
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # a library error, a path
        self.message.setWordWrap(True)
        self.where = QLabel(self)
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setText(self.tr("详情已写入 %1").replace("%1", str(log)) if log else "")
        self.where.setVisible(log is not None)
        self.count = QLabel(self)
        self.count.setTextFormat(Qt.TextFormat.PlainText)
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
        from ...core.library import LibraryError, set_aside

        assert self.library_path is not None
        try:
            moved = set_aside(self.library_path)
        except LibraryError as exc:
            self.message.setText(problem_text(exc))
        else:
            self.message.setText(self.tr("已改名保存为 %1。重新启动 paper-reader 后会新建一个书库。")
                                 .replace("%1", str(moved)))
            print(f"paper-reader: the damaged library was kept as {moved}", file=sys.stderr)
        if self.set_aside_button is not None:
            self.set_aside_button.setEnabled(False)
