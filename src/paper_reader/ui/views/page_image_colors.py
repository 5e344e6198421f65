"""The page image's colours, and the one way it fills a rectangle.

Built before the window's first paint: no Qt namespace here (see page_image).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter


class PageColors(NamedTuple):
    background: QColor
    paper: QColor
    hover: QColor
    outline: QColor
    target: QColor
    hit: QColor
    text: QColor


def page_colors(dark: bool) -> PageColors:
    if dark:
        return PageColors(QColor("#1f1f1f"), QColor("#ffffff"), QColor(138, 180, 248, 60),
                          QColor("#8ab4f8"), QColor("#f28b82"), QColor(255, 214, 0, 110), QColor("#e6e3dc"))
    return PageColors(QColor("#e4e2dd"), QColor("#ffffff"), QColor(11, 87, 208, 40),
                      QColor("#0b57d0"), QColor("#c5221f"), QColor(255, 214, 0, 120), QColor("#1d1d1f"))


_SOLID: dict[int, QImage] = {}


def fill(p: QPainter, rect: QRectF, color: QColor) -> None:
    """A rectangle filled with a colour, drawn as a stretched one-pixel image: QPainter's
    fillRect, setPen, setBrush (and QImage.fill) make PySide build the whole Qt namespace (about 10 ms) as
    they choose among their overloads, and a page image's first frame needs only fills."""
    key = color.rgba()
    image = _SOLID.get(key)
    if image is None:
        image = _SOLID[key] = QImage(1, 1, QImage.Format.Format_ARGB32)
        image.setPixel(0, 0, key)  # not fill(): its overloads build the namespace too
    p.drawImage(rect, image)
