"""The toolbar's icons, drawn from a few shapes in the theme's own text colour.

The style's standard icons would need PySide's QStyle and its enums before the first paint
(about 5 ms of the start-up), and the Fusion style's arrows are dark grey on a dark theme.
They take the colour of the window's text, light or dark, and grey out with a disabled action.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPainterPath, QPalette, QPixmap, QPolygonF
from PySide6.QtWidgets import QApplication

Points = list[tuple[float, float]]

# Each shape is polygons in a 16 x 16 box.
_LEFT: Points = [(11, 3), (11, 13), (4, 8)]
_RIGHT: Points = [(5, 3), (5, 13), (12, 8)]
SHAPES: dict[str, list[Points]] = {
    "back": [_LEFT],
    "forward": [_RIGHT],
    "up": [[(3, 11), (13, 11), (8, 4)]],
    "down": [[(3, 5), (13, 5), (8, 12)]],
    "seek-back": [[(8, 3), (8, 13), (1.5, 8)], [(14.5, 3), (14.5, 13), (8, 8)]],
    "seek-forward": [[(1.5, 3), (1.5, 13), (8, 8)], [(8, 3), (8, 13), (14.5, 8)]],
    # a folder: its tab, then its body
    "folder": [[(1.5, 3.5), (6.5, 3.5), (8, 5), (14.5, 5), (14.5, 13), (1.5, 13)]],
}


class ShapeIconEngine(QIconEngine):
    def __init__(self, shape: str) -> None:
        super().__init__()
        self.shape = shape

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        group = QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else QPalette.ColorGroup.Active
        # The palette's own brush: making a QBrush from a colour goes through an overload
        # that builds PySide's Qt namespace, and icons are drawn in the first frame.
        brush = QApplication.palette().brush(group, QPalette.ColorRole.WindowText)
        side = min(rect.width(), rect.height())
        box = QRectF(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2, side, side)
        scale = side / 16
        path = QPainterPath()
        for polygon in SHAPES[self.shape]:
            path.addPolygon(QPolygonF([QPointF(box.x() + x * scale, box.y() + y * scale)
                                       for x, y in polygon]))
            path.closeSubpath()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillPath(path, brush)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,  # noqa: N802 (Qt's name)
                     scale: float) -> QPixmap:
        pixmap = QPixmap(QSize(round(size.width() * scale), round(size.height() * scale)))
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return ShapeIconEngine(self.shape)


def shape_icon(shape: str) -> QIcon:
    if shape not in SHAPES:
        raise ValueError(f"no icon shape {shape!r}")
    return QIcon(ShapeIconEngine(shape))
