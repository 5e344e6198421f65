"""The article list: title prominent, kicker/subtitle smaller above it, byline below."""

from __future__ import annotations

import math
from typing import Any

from PySide6 import QtCore
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QSize, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyledItemDelegate, QStyleOptionViewItem

from .article_html import breakable
from .models import BYLINE_ROLE, KICKER_ROLE

# The list is painted in the window's first frame, so nothing here names PySide's Qt
# namespace or QStyle before that (either costs the start-up 5-10 ms of Python enums): the
# text is set with QTextLayout and coloured when drawn (QPainter.setPen's overloads build the
# Qt namespace), eliding is done here, the item background is drawn by the base class.
ELLIPSIS = "…"
GAP = 3  # px between kicker, title and byline

PAD = 10
ROW_CHARS = 300  # of each line of a row: a list row is a glance, and its layout stays cheap

# A laid-out line of text: the layout, its top within the row, whether it is muted.
Part = tuple[QTextLayout, float, bool]


class ArticleDelegate(QStyledItemDelegate):
    """Lays out kicker, title and byline once, the same way for sizing and painting.

    It asks its own view for font and width: reading ``option.widget`` when it is None
    drops a reference to None in PySide6 6.12, which crashes the interpreter after a while.
    """

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view
        # Sizing and painting ask for the same layout many times per frame: keep it.
        self._layouts: dict[tuple[str, str, str, int, str], tuple[list[Part], int]] = {}
        self._font_key = ""
        self._font_pair: tuple[QFont, QFont] | None = None
        self._wrap = QTextOption()
        self._wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)

    def _fonts(self) -> tuple[QFont, QFont]:
        scale = getattr(self.view, "text_scale", 1.0)
        key = f"{self.view.font().key()}@{scale}"
        if self._font_pair is not None and key == self._font_key:
            return self._font_pair
        base = QFont(self.view.font())
        if base.pointSizeF() > 0:
            base.setPointSizeF(base.pointSizeF() * scale)
        else:  # a size in pixels (a style sheet's px)
            base.setPixelSize(max(1, round(base.pixelSize() * scale)))
        title = QFont(base)
        title.setBold(True)
        title.setPointSizeF(base.pointSizeF() * 1.12)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.88)
        self._font_key, self._font_pair = key, (title, small)
        self._layouts.clear()
        return title, small

    def _layout(self, index: QModelIndex | QPersistentModelIndex, width: int) -> tuple[list[Part], int]:
        title_f, small_f = self._fonts()
        kicker = index.data(KICKER_ROLE) or ""
        title = index.data() or ""
        byline = index.data(BYLINE_ROLE) or ""
        key = (kicker, title, byline, width, self._font_key)
        cached = self._layouts.get(key)
        if cached is None:
            if len(self._layouts) > 500:
                self._layouts.clear()
            cached = self._layouts[key] = self._measure(kicker, title, byline, width, title_f, small_f)
        return cached

    def _measure(self, kicker: str, title: str, byline: str, width: int, title_f: QFont,
                 small_f: QFont) -> tuple[list[Part], int]:
        parts: list[Part] = []
        y = 0.0
        for text, font, muted, wrap in ((kicker, small_f, True, True), (title, title_f, False, True),
                                        (byline, small_f, True, False)):
            if not text:
                continue
            if len(text) > ROW_CHARS:
                text = text[:ROW_CHARS] + ELLIPSIS
            if not wrap:
                text = elided(QFontMetrics(font), text, width)
            text = breakable(text)
            layout = QTextLayout(text, font)
            layout.setTextOption(self._wrap)
            layout.beginLayout()
            height = 0.0
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                line.setPosition(QPointF(0, height))
                height += line.height()
            layout.endLayout()
            parts.append((layout, y, muted))
            y += math.ceil(height) + GAP
        return parts, max(0, math.ceil(y) - GAP)

    def _width(self) -> int:
        """The viewport's width. Not asked of viewport(): PySide's first wrapping of a
        viewport (a QWidget made by Qt) resolves some sixty widget classes, 5 ms of the
        start-up, and the list is sized before the first paint."""
        bar = self.view.verticalScrollBar()
        width = self.view.maximumViewportSize().width() - (bar.width() if bar.isVisible() else 0)
        return max(120, width or 280) - 2 * PAD

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = self._width()
        _, height = self._layout(index, width)
        return QSize(width + 2 * PAD, height + 2 * PAD)

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.text = ""  # the base class draws the item's background; the text is ours

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        selection = self.view.selectionModel()
        selected = selection is not None and selection.isSelected(index)
        pal = option.palette
        role = QPalette.ColorRole
        text = pal.brush(role.HighlightedText if selected else role.Text)
        muted = text if selected else pal.brush(role.PlaceholderText)
        r = option.rect
        # The layout the row was sized by: one laid out to the rect's own width (2 px less
        # under the theme's padding) could wrap once more than the row is high.
        parts, _ = self._layout(index, self._width())
        for layout, y, is_muted in parts:
            colour = QTextCharFormat()
            colour.setForeground(muted if is_muted else text)
            span = QTextLayout.FormatRange()
            span.start, span.length, span.format = 0, len(layout.text()), colour
            layout.draw(painter, QPointF(r.left() + PAD, r.top() + PAD + y), [span])


def elided(fm: QFontMetrics, text: str, width: int) -> str:
    """``text`` cut to fit ``width`` with an ellipsis, as QFontMetrics.elidedText would."""
    if fm.horizontalAdvance(text) <= width:
        return text
    low, high = 0, len(text)  # the longest prefix that fits with the ellipsis
    while low < high:
        mid = (low + high + 1) // 2
        if fm.horizontalAdvance(text[:mid] + ELLIPSIS) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low] + ELLIPSIS


class ArticleListView(QListView):
    """Clicking or pressing Enter opens an article."""

    articleActivated = Signal(int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text_scale = 1.0  # follows the reader's text size (see set_text_scale)
        self.setItemDelegate(ArticleDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setSpacing(1)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")  # see TEXT_WORD_WRAP
        self.clicked.connect(lambda index: self.articleActivated.emit(index.row()))

    def set_text_scale(self, scale: float) -> None:
        """Titles grow and shrink with the text size. The rows' sizes are Qt's cache of the
        delegate's size hints, so they are laid out again here: a font change through a
        style sheet or setFont reaches Qt, a scale of the delegate's own does not."""
        if scale == self.text_scale:
            return
        self.text_scale = scale
        self.doItemsLayout()  # repaints too

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = QtCore.Qt.Key
        if event.key() in (keys.Key_Return, keys.Key_Enter) and self.currentIndex().isValid():
            self.articleActivated.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def select_row(self, row: int | None) -> None:
        model = self.model()
        if row is None or model is None or not 0 <= row < model.rowCount():
            self.clearSelection()
            return
        index = model.index(row, 0)
        self.setCurrentIndex(index)
        self.scrollTo(index)
