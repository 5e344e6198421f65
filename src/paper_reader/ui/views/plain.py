"""Text from a page, a library file, a file path or an error message, shown as it is.

Qt guesses whether a string is rich text (Qt::mightBeRichText) in labels, message boxes and
tooltips, and a guess on such text interprets its markup: an ``<img src>`` in a page made
the window read a local file (a FIFO hung it). Labels and message boxes that may show such
text are set to plain text; a tooltip has no such setting, so its text is escaped instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .article_html import escape

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

TOOLTIP_CHARS = 120  # a tooltip is a glance at the text, not the text


def plain_label(label: QLabel) -> QLabel:
    """``label`` shows its text literally, whatever it holds."""
    # By name: naming Qt.TextFormat builds PySide's Qt namespace (see models.py), and the
    # window's labels are made before its first paint.
    label.setProperty("textFormat", "PlainText")
    return label


def tooltip(text: str, limit: int = TOOLTIP_CHARS) -> str:
    """A tooltip that shows ``text`` literally: escaped, inside a paragraph so that Qt takes
    the whole as rich text whatever it holds, and cut to ``limit`` characters."""
    if len(text) > limit:
        text = text[:limit] + "…"
    return "<p>" + escape(text).replace("\n", "<br>") + "</p>"


def message_box(icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None = None,
                informative: str = "") -> QMessageBox:
    """A message box whose text and informative text are shown literally."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QMessageBox

    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if informative:
        box.setInformativeText(informative)
    for label in box.findChildren(QLabel):  # the informative label keeps Qt's guess otherwise
        if label.objectName() in ("qt_msgbox_label", "qt_msgbox_informativelabel"):
            plain_label(label).setWordWrap(True)  # a long path wraps
    return box


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """QMessageBox.critical, with ``text`` shown literally."""
    from PySide6.QtWidgets import QMessageBox

    box = message_box(QMessageBox.Icon.Critical, title, text, parent)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
