"""The page image's pointer, keys, wheel, gestures and touch (mixed into PageImageView).

A press and release without a drag is a click: on a continuation marker it follows the link,
on an article it opens the article. A drag pans. Ctrl+wheel, a pinch on a touch screen or a
touchpad's zoom gesture zoom about the point under the fingers. Tab and the up and down
arrows move from article to article; Enter opens the one that has the keyboard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QPointF
from PySide6.QtGui import QKeyEvent, QMouseEvent, QNativeGestureEvent, QTouchEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip

# The view's own context: what lupdate files under this mixin would not be found at run time.
translate = QCoreApplication.translate

class PageImageInput:
    """(Its attributes and the view's are one object's: see PageImageView.)"""

    if TYPE_CHECKING:
        def __getattr__(self, name: str) -> Any: ...

    def init_input(self) -> None:
        self.viewport().setMouseTracking(True)
        self._press: QPointF | None = None
        self._press_scroll = (0, 0)
        self._dragging = False
        self._touch_zoom = 0.0
        self._touch_from = 0.0
        self._touch_last: QPointF | None = None
        self._touch_moved = False

    def grab_gestures(self) -> None:
        """Pinch on a touch screen (after the first paint: this names Qt's enums)."""
        self.viewport().setAttribute(QtCore.Qt.WidgetAttribute.WA_AcceptTouchEvents, True)

    def enable_touch(self, target: int) -> None:
        """The kiosk's: fingers pan and pinch, markers are at least ``target`` px to tap."""
        self.min_target = target
        self.grab_gestures()

    # -- the pointer -------------------------------------------------------------------
    def _hover_at(self, pos: QPointF, global_pos: QPointF | None) -> None:
        spot = self.spot_at(pos)
        row = self.article_at(pos)
        if row != self.hover:
            self.hover = row
            self.viewport().update()
        shapes = QtCore.Qt.CursorShape
        shape = shapes.PointingHandCursor if (spot or row is not None) else shapes.ArrowCursor
        self.viewport().setCursor(shape)
        if global_pos is None:
            return
        if spot is not None:
            QToolTip.showText(global_pos.toPoint(), self.spot_text(spot), self.viewport())
        elif row is not None and self.page is not None:
            QToolTip.showText(global_pos.toPoint(), self.title_text(row), self.viewport())
        else:
            QToolTip.hideText()

    def title_text(self, row: int) -> str:
        """The article's title as a tooltip: plain text, bounded (views.plain.tooltip)."""
        from .plain import tooltip

        assert self.page is not None
        article = self.page.articles[row]
        return tooltip(self.convert(article.title or translate("PageImageView", "（无题）")))

    def spot_text(self, spot: Any) -> str:
        from ...core.model import page_label
        from ...core.reading.links import parse
        from .plain import tooltip

        link = parse(spot.href)
        where = page_label(link.page) if link else ""
        text = (translate("PageImageView", "转到%1") if spot.kind == "to"
                else translate("PageImageView", "回到%1")).replace("%1", where)
        return tooltip(self.convert(text))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == QtCore.Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._press_scroll = (self.horizontalScrollBar().value(), self.verticalScrollBar().value())
            self._dragging = False
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._press is not None:
            delta = pos - self._press
            if self._dragging or delta.manhattanLength() > QApplication.startDragDistance():
                self._dragging = True
                self.viewport().setCursor(QtCore.Qt.CursorShape.ClosedHandCursor)
                self.horizontalScrollBar().setValue(self._press_scroll[0] - round(delta.x()))
                self.verticalScrollBar().setValue(self._press_scroll[1] - round(delta.y()))
                return
        self._hover_at(pos, event.globalPosition())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != QtCore.Qt.MouseButton.LeftButton or self._press is None:
            super().mouseReleaseEvent(event)
            return
        dragged, self._press = self._dragging, None
        self._dragging = False
        if not dragged:
            self.click_at(event.position())
        self._hover_at(event.position(), None)

    def click_at(self, pos: QPointF) -> None:
        spot = self.spot_at(pos)
        if spot is not None:
            self.linkActivated.emit(spot.href)
            return
        row = self.article_at(pos)
        if row is not None:
            self.focus_row = row
            self.articleActivated.emit(row)

    def leaveEvent(self, event: QEvent) -> None:
        if self.hover is not None:
            self.hover = None
            self.viewport().update()
        super().leaveEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & QtCore.Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.zoom * 1.25 ** steps, event.position())
            event.accept()
            return
        super().wheelEvent(event)

    # -- keys --------------------------------------------------------------------------
    def step_article(self, step: int) -> bool:
        """The keyboard's article moves by ``step``; False past either end (focus leaves)."""
        if self.page is None or not self.page.articles:
            return False
        count = len(self.page.articles)
        row = self.focus_row
        nxt = (0 if step > 0 else count - 1) if row is None else row + step
        if not 0 <= nxt < count:
            self.focus_row = None
            self.viewport().update()
            return False
        self.focus_row = nxt
        if self.page.articles[nxt].regions:
            self.ensure_visible(self.page.articles[nxt].regions[0])
        self.viewport().update()
        return True

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        if self.hasFocus() and self.step_article(1 if next else -1):
            return True
        return super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (QtCore.Qt.Key.Key_Down, QtCore.Qt.Key.Key_Up) and not event.modifiers():
            self.step_article(1 if key == QtCore.Qt.Key.Key_Down else -1)
            return
        if key in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter) and self.focus_row is not None:
            self.articleActivated.emit(self.focus_row)
            return
        super().keyPressEvent(event)

    # -- gestures and touch ------------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:
        t = event.type()
        if t == QEvent.Type.Leave and self.hover is not None:
            self.hover = None
            self.viewport().update()
        if t == QEvent.Type.NativeGesture and isinstance(event, QNativeGestureEvent):
            if event.gestureType() == QtCore.Qt.NativeGestureType.ZoomNativeGesture:
                self.set_zoom(self.zoom * (1.0 + event.value()), event.position())
                return True
        if t in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd) \
                and isinstance(event, QTouchEvent):
            self._touch(event)
            event.accept()
            return True
        return super().viewportEvent(event)

    def _touch(self, event: QTouchEvent) -> None:
        """One finger pans, two pinch the zoom about their middle, a tap clicks."""
        points = event.points()
        t = event.type()
        if t == QEvent.Type.TouchBegin:
            self._touch_from, self._touch_zoom, self._touch_moved = 0.0, self.zoom, False
            self._touch_last = points[0].position()
        if len(points) >= 2:
            a, b = points[0].position(), points[1].position()
            distance = max(1.0, ((a.x() - b.x()) ** 2 + (a.y() - b.y()) ** 2) ** 0.5)
            if not self._touch_from:
                self._touch_from, self._touch_zoom = distance, self.zoom
            self._touch_moved = True
            self.set_zoom(self._touch_zoom * distance / self._touch_from, (a + b) / 2)
            return
        pos = points[0].position()
        if t == QEvent.Type.TouchEnd:
            if not self._touch_moved:
                self.click_at(pos)
            self._touch_last = None
            return
        last = self._touch_last or pos
        if self._touch_moved or (pos - last).manhattanLength() > QApplication.startDragDistance():
            if not self._touch_from:  # not a pinch that lost a finger
                h, v = self.horizontalScrollBar(), self.verticalScrollBar()
                h.setValue(h.value() - round(pos.x() - last.x()))
                v.setValue(v.value() - round(pos.y() - last.y()))
            self._touch_moved = True
            self._touch_last = pos
