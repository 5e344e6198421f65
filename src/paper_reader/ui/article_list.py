"""The article list: title prominent, kicker/subtitle smaller above it, byline below."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from .models import BYLINE_ROLE, KICKER_ROLE

PAD = 10


class ArticleDelegate(QStyledItemDelegate):
    """Lays out kicker, title and byline once, the same way for sizing and painting.

    It asks its own view for font and width: reading ``option.widget`` when it is None
    drops a reference to None in PySide6 6.12, which crashes the interpreter after a while.
    """

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view
        # Sizing and painting ask for the same layout many times per frame: keep it.
        self._layouts: dict[tuple[str, str, str, int, str], tuple[list[tuple[QRect, QFont, str, bool]], int]]
        self._layouts = {}
        self._font_key = ""
        self._font_pair: tuple[QFont, QFont] | None = None

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        key = self.view.font().key()
        if self._font_pair is not None and key == self._font_key:
            return self._font_pair
        base = QFont(self.view.font())
        title = QFont(base)
        title.setBold(True)
        title.setPointSizeF(base.pointSizeF() * 1.12)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.88)
        self._font_key, self._font_pair = key, (title, small)
        self._layouts.clear()
        return title, small

    def _layout(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex,
                left: int, top: int, width: int) -> tuple[list[tuple[QRect, QFont, str, bool]], int]:
        title_f, small_f = self._fonts(option)
        kicker = index.data(KICKER_ROLE) or ""
        title = index.data(Qt.ItemDataRole.DisplayRole) or ""
        byline = index.data(BYLINE_ROLE) or ""
        key = (kicker, title, byline, width, self._font_key)
        cached = self._layouts.get(key)
        if cached is None:
            if len(self._layouts) > 2000:
                self._layouts.clear()
            cached = self._layouts[key] = self._measure(kicker, title, byline, width, title_f, small_f)
        parts, height = cached
        return [(rect.translated(left, top), font, text, muted) for rect, font, text, muted in parts], height

    def _measure(self, kicker: str, title: str, byline: str, width: int, title_f: QFont,
                 small_f: QFont) -> tuple[list[tuple[QRect, QFont, str, bool]], int]:
        left = top = 0
        wrap = int(Qt.TextFlag.TextWordWrap)
        parts: list[tuple[QRect, QFont, str, bool]] = []
        y = top
        for text, font, muted, flags in ((kicker, small_f, True, wrap), (title, title_f, False, wrap),
                                         (byline, small_f, True, int(Qt.TextFlag.TextSingleLine))):
            if not text:
                continue
            fm = QFontMetrics(font)
            if flags == wrap:
                box = fm.boundingRect(QRect(0, 0, width, 10_000), flags, text)
                height = box.height()
            else:
                text = fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
                height = fm.height()
            parts.append((QRect(left, y, width, height), font, text, muted))
            y += height + 3
        return parts, y - top

    def _width(self, option: QStyleOptionViewItem) -> int:
        return max(120, self.view.viewport().width() or 280) - 2 * PAD

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = self._width(option)
        _, height = self._layout(option, index, 0, 0, width)
        return QSize(width + 2 * PAD, height + 2 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        self.view.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, self.view)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        text_color = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = text_color if selected else pal.color(QPalette.ColorRole.PlaceholderText)
        r = option.rect
        parts, _ = self._layout(option, index, r.left() + PAD, r.top() + PAD, r.width() - 2 * PAD)
        painter.save()
        for rect, font, text, is_muted in parts:
            painter.setFont(font)
            painter.setPen(muted if is_muted else text_color)
            painter.drawText(rect, int(Qt.TextFlag.TextWordWrap), text)
        painter.restore()


class ArticleListView(QListView):
    """Clicking or pressing Enter opens an article."""

    articleActivated = Signal(int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(ArticleDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setSpacing(1)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.clicked.connect(lambda index: self.articleActivated.emit(index.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
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
