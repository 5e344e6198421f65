"""Touch for the kiosk: a finger drags to scroll, a quick sideways swipe turns the page, two
fingers pinch the text size, and a tap is a click. Plus the sizes that make every target
at least a fingertip (44 px) big.

The views take touch events themselves (``WA_AcceptTouchEvents`` on their viewports) rather
than through QScroller: its gesture recogniser consumes the touch once a scroll starts, so
a swipe could not be told from a scroll.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QStyleOptionViewItem

from ..ui.views.article_list import ArticleDelegate

TARGET = 48  # px: a little above the 44 px minimum for a fingertip

KIOSK_QSS = f"""
QToolBar#navigation {{ spacing: 4px; padding: 2px; }}
QToolBar#navigation QToolButton {{ min-height: {TARGET}px; min-width: {TARGET + 4}px; padding: 2px 6px;
                                   font-size: 11pt; }}
QLabel#issueLabel {{ font-size: 12pt; }}
QListView#articleList {{ font-size: 13pt; }}
QListView#pageStrip {{ font-size: 12pt; }}
QTabBar::tab {{ min-height: {TARGET}px; min-width: 120px; padding: 0 18px; font-size: 12pt; }}
QLineEdit, QComboBox, QDateEdit {{ min-height: {TARGET}px; font-size: 12pt; }}
QCheckBox {{ min-height: {TARGET}px; font-size: 12pt; }}
QCheckBox::indicator {{ width: 28px; height: 28px; }}
QPushButton {{ min-height: {TARGET + 8}px; min-width: 112px; padding: 4px 18px; font-size: 13pt; }}
QToolButton {{ min-height: 44px; min-width: 44px; }}
QLineEdit QToolButton {{ min-height: 0px; min-width: 0px; padding: 0px; }}
QToolButton#kioskClose, QToolButton#kioskClearQuery {{ min-height: {TARGET}px; min-width: 72px;
                                                       padding: 0 12px; }}
QScrollBar:vertical {{ width: 28px; }}
QScrollBar:horizontal {{ height: 28px; }}
QMenu::item {{ padding: 14px 36px; font-size: 12pt; }}
QCalendarWidget QAbstractItemView {{ font-size: 14pt; }}
QCalendarWidget QToolButton {{ min-height: 44px; font-size: 12pt; }}
QDialog QLabel {{ font-size: 12pt; }}
QPushButton#kioskKeepReading {{ min-width: 320px; min-height: 96px; font-size: 22pt; }}
QWidget#kioskSearchTitle QLabel, QWidget#kioskSearchTitle QToolButton {{ font-size: 12pt; }}
"""


class TouchArticleDelegate(ArticleDelegate):
    """The article list's rows, never lower than a fingertip."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), TARGET))


class TouchNavigator(QObject):
    """Touch on one scroll area. Emits ``swiped(step)`` (+1: the finger moved left, the next
    page; -1: the previous) and ``pinched(step)`` (+1 bigger, -1 smaller)."""

    swiped = Signal(int)
    pinched = Signal(int)

    SLOP = 14  # px a finger may wander and still tap
    SWIPE = 90  # px sideways for a swipe
    SWIPE_RATIO = 1.5  # sideways at least this many times the vertical movement
    SWIPE_SECONDS = 1.0
    PINCH = 1.25  # finger distance ratio for one size step

    def __init__(self, area: QAbstractScrollArea, swipe: bool = True, parent: Any = None) -> None:
        super().__init__(parent or area)
        self.area = area
        self.swipe = swipe
        self.viewport = area.viewport()
        self.viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.viewport.installEventFilter(self)
        self._reset()

    def _reset(self) -> None:
        self.start: QPointF | None = None
        self.last: QPointF | None = None
        self.started_at = 0.0
        self.mode: str | None = None  # None (maybe a tap), "drag", "pinch"
        self.pinch_from = 0.0
        self.pinch_ratio = 1.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        t = event.type()
        if t == QEvent.Type.TouchBegin and isinstance(event, QTouchEvent):
            self._reset()
            self.start = self.last = event.points()[0].position()
            self.started_at = time.monotonic()
            self._update(event)  # two fingers at once: a pinch from here
            event.accept()
            return True
        if t == QEvent.Type.TouchUpdate and isinstance(event, QTouchEvent):
            self._update(event)
            event.accept()
            return True
        if t == QEvent.Type.TouchEnd and isinstance(event, QTouchEvent):
            self._end(event)
            self._reset()
            event.accept()
            return True
        if t == QEvent.Type.TouchCancel:
            self._reset()
            return True
        return False

    def _update(self, event: QTouchEvent) -> None:
        points = event.points()
        if len(points) >= 2:
            a, b = points[0].position(), points[1].position()
            distance = max(1.0, ((a.x() - b.x()) ** 2 + (a.y() - b.y()) ** 2) ** 0.5)
            if self.mode != "pinch":
                self.mode, self.pinch_from = "pinch", distance
            self.pinch_ratio = distance / self.pinch_from
            return
        if self.mode == "pinch" or self.start is None or self.last is None:
            return
        pos = points[0].position()
        if self.mode is None and (pos - self.start).manhattanLength() > self.SLOP:
            self.mode = "drag"
        if self.mode == "drag":
            bar = self.area.verticalScrollBar()
            bar.setValue(bar.value() - round(pos.y() - self.last.y()))
        self.last = pos

    def _end(self, event: QTouchEvent) -> None:
        if self.mode == "pinch":
            if self.pinch_ratio >= self.PINCH:
                self.pinched.emit(1)
            elif self.pinch_ratio <= 1 / self.PINCH:
                self.pinched.emit(-1)
            return
        if self.start is None:
            return
        point = event.points()[0]
        pos = point.position()
        dx, dy = pos.x() - self.start.x(), pos.y() - self.start.y()
        quick = time.monotonic() - self.started_at <= self.SWIPE_SECONDS
        if self.swipe and quick and abs(dx) >= self.SWIPE and abs(dx) >= self.SWIPE_RATIO * abs(dy):
            self.swiped.emit(1 if dx < 0 else -1)
        elif self.mode is None:
            self._click(pos, point.globalPosition())

    def _click(self, pos: QPointF, global_pos: QPointF) -> None:
        """A tap: the press and release a mouse would make, so links, rows and blocks work."""
        left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
        for kind, buttons in ((QEvent.Type.MouseButtonPress, left), (QEvent.Type.MouseButtonRelease, none)):
            QApplication.sendEvent(self.viewport, QMouseEvent(kind, pos, global_pos, left, buttons,
                                                              Qt.KeyboardModifier.NoModifier))
