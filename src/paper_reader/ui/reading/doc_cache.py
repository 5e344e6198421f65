"""Laid-out rich-text documents kept ready, so that turning to a page or an article the
reader is likely to want next costs a swap instead of a parse and a layout.

A view shows a document it does not own, so the cache never deletes one that is on
screen: such a document waits until its view has moved on to another.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QFont, QTextDocument


class DocumentCache(QObject):
    def __init__(self, parent: QObject, limit: int = 48) -> None:
        super().__init__(parent)
        self.limit = limit
        self._docs: OrderedDict[Hashable, QTextDocument] = OrderedDict()
        self._shown: dict[str, QTextDocument] = {}  # view name -> document on screen
        self._retired: list[QTextDocument] = []
        self._warmed: set[QTextDocument] = set()

    def get(self, key: Hashable) -> QTextDocument | None:
        doc = self._docs.get(key)
        if doc is not None:
            self._docs.move_to_end(key)
        return doc

    def build(self, key: Hashable, html: Callable[[], str], font: QFont, width: float,
              margin: float) -> QTextDocument:
        """Parse and lay out a document now (on idle time) and keep it."""
        doc = self._docs.get(key)
        if doc is not None and doc.defaultFont() != font:
            # A view given a new font passes it to the document it shows: this one, kept for
            # another look, gets its own back.
            doc.setDefaultFont(font)
        if doc is None:
            doc = QTextDocument(self)
            doc.setDefaultFont(font)
            doc.setDocumentMargin(margin)
            doc.setHtml(html())
            self._docs[key] = doc
            while len(self._docs) > self.limit:
                _, old = self._docs.popitem(last=False)
                self._retire(old)
        if width > 0 and doc.textWidth() != width:
            doc.setTextWidth(width)
            doc.size()  # forces the layout
        return doc

    def warm(self, doc: QTextDocument, height: int) -> None:
        """Draw the first screen of a document off screen once, on idle time: the glyphs it
        needs are then in Qt's cache, and its first real paint costs a third as much."""
        if doc in self._warmed or doc.textWidth() <= 0:
            return
        self._warmed.add(doc)
        from PySide6.QtGui import QImage, QPainter  # idle work only: not the start-up's types

        size = (max(1, int(doc.textWidth())), max(1, height))
        image = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        doc.drawContents(painter, QRectF(0, 0, image.width(), image.height()))
        painter.end()

    def showing(self, view: str, doc: QTextDocument) -> None:
        """Note that ``view`` now shows ``doc``; documents retired earlier may go now."""
        self._shown[view] = doc
        on_screen = list(self._shown.values())
        keep = [d for d in self._retired if any(d is s for s in on_screen)]
        for d in self._retired:
            if not any(d is k for k in keep):
                d.deleteLater()
        self._retired = keep

    def _retire(self, doc: QTextDocument) -> None:
        self._warmed.discard(doc)
        if any(doc is s for s in self._shown.values()):
            self._retired.append(doc)
        else:
            doc.deleteLater()

    def clear(self) -> None:
        for doc in self._docs.values():
            self._retire(doc)
        self._docs.clear()
