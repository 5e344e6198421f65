"""The article view: the typeset article and, in place, notes about its links."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QFrame, QLabel, QTextBrowser, QVBoxLayout, QWidget

from .article_html import BREAK

if TYPE_CHECKING:  # made by Qt when a link is clicked or text copied: not at start-up
    from PySide6.QtCore import QMimeData, QUrl
from .plain import plain_label

MEASURE_EM = 38  # characters per line that still read comfortably


class ArticleBrowser(QTextBrowser):
    """Keeps the text column to a readable measure, centred in wide windows."""

    clicked_at: QPoint | None = None  # where the last link was clicked; None: by keyboard

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.fit_measure()
        super().resizeEvent(event)

    def fit_measure(self) -> None:
        """Margins for the measure at the current font: again whenever the font changes,
        or the column keeps the width worked out for the old size."""
        em = self.fontMetrics().horizontalAdvance("中")
        spare = self.width() - MEASURE_EM * em - 40
        side = max(12, spare // 2)
        self.setViewportMargins(side, 8, side, 8)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.clicked_at = event.position().toPoint()  # before anchorClicked is emitted
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.clicked_at = None
        super().keyPressEvent(event)

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copied text without the break opportunities put in for display (``breakable``)."""
        mime = super().createMimeDataFromSelection()
        if BREAK in mime.text():
            from PySide6.QtCore import QMimeData

            plain = QMimeData()
            plain.setText(mime.text().replace(BREAK, ""))
            return plain
        return mime


class LinkNotice(QLabel):
    """A note about a link, floating over the text: showing it moves no line. A click on
    it puts it away."""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.hide()


class ArticleView(QWidget):
    linkActivated = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.notice = plain_label(LinkNotice(self))  # not in the layout: over the browser
        self.notice.setObjectName("linkNotice")
        self.notice.setWordWrap(True)
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice.setContentsMargins(10, 6, 10, 6)
        self.notice.hide()
        self.browser = ArticleBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(self.tr("文章正文"))
        self.browser.anchorClicked.connect(self._anchor)
        layout.addWidget(self.browser, 1)

    def _anchor(self, url: QUrl) -> None:
        self.linkActivated.emit(url.toString())

    def show_document(self, document: QTextDocument) -> None:
        """Show a prepared document; it stays owned by whoever made it (the cache)."""
        self.notice.hide()
        # Highlights point into the old document, which the cache may delete: drop them
        # first (the reading tools mark the new document again).
        self.browser.setExtraSelections([])
        self.browser.setDocument(document)
        self.browser.verticalScrollBar().setValue(0)

    def text_width(self) -> float:
        """As PageOverview.text_width: 0 until the window was first shown."""
        return float(self.browser.viewport().width()) if self.window().isVisible() else 0.0

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.place_notice()
        self.notice.show()
        self.notice.raise_()

    def place_notice(self) -> None:
        """Along the top of the text, or along the bottom when the link clicked is in the
        upper half: the line the reader was at stays in view and in place."""
        b = self.browser
        area = b.geometry()
        width = min(area.width() - 24, 40 * max(1, b.fontMetrics().horizontalAdvance("中")))
        height = self.notice.heightForWidth(width)
        if height <= 0:
            height = self.notice.sizeHint().height()
        at = b.clicked_at if b.clicked_at is not None else b.cursorRect().center()
        top = at.y() + b.viewportMargins().top() > area.height() // 2
        y = area.top() + 12 if top else area.bottom() - 12 - height
        self.notice.setGeometry(area.left() + (area.width() - width) // 2, y, width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.notice.isVisible():
            self.place_notice()

    def set_text_font(self, family: str | None, point_size: float) -> None:
        font = QFont(self.browser.font())
        if family:
            font.setFamilies([family])
        font.setPointSizeF(point_size)
        self.browser.setFont(font)
        self.browser.document().setDefaultFont(font)
        self.browser.fit_measure()

    def em_px(self) -> int:
        return self.browser.fontMetrics().horizontalAdvance("中")

    def html(self) -> str:
        return self.browser.toHtml()

    def plain_text(self) -> str:
        return self.browser.toPlainText()
