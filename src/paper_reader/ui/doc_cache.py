"""Laid-out rich-text documents kept ready, so that turning to a page or an article the
reader is likely to want next costs a swap instead of a parse and a layout."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont, QTextDocument


class DocumentCache(QObject):
    def __init__(self, parent: QObject, limit: int = 48) -> None:
        super().__init__(parent)
        self.limit = limit
        self._docs: OrderedDict[Hashable, QTextDocument] = OrderedDict()

    def get(self, key: Hashable) -> QTextDocument | None:
        doc = self._docs.get(key)
        if doc is not None:
            self._docs.move_to_end(key)
        return doc

    def build(self, key: Hashable, html: Callable[[], str], font: QFont, width: float,
              margin: float) -> QTextDocument:
        """Parse and lay out a document now (on idle time) and keep it."""
        doc = self._docs.get(key)
        if doc is None:
            doc = QTextDocument(self)
            doc.setDefaultFont(font)
            doc.setDocumentMargin(margin)
            doc.setHtml(html())
            self._docs[key] = doc
            while len(self._docs) > self.limit:
                _, old = self._docs.popitem(last=False)
                if old.parent() is self:
                    old.deleteLater()
        if width > 0 and doc.textWidth() != width:
            doc.setTextWidth(width)
            doc.size()  # forces the layout
        return doc

    def clear(self) -> None:
        for doc in self._docs.values():
            doc.deleteLater()
        self._docs.clear()
