"""Search over the whole library, beside the reader: query, filters, results with hits marked.

Queries run on a worker thread with its own read-only connection, so typing never waits
for the database; a result that arrives after a newer query was typed is dropped.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ...core.library import Library, LibraryError, SearchHit, SearchQuery
from ...core.model import page_label
from ..problem_text import problem_text

Index = QModelIndex | QPersistentModelIndex
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 10
META_ROLE = Qt.ItemDataRole.UserRole + 11
MAX_QUERY = 200  # characters of a query that are searched; the rest is ignored


class SearchResultModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []
        self.convert: Callable[[str], str] = lambda s: s

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        h = self.hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.convert(h.title or self.tr("（无题）"))
        if role == META_ROLE:
            y, m, d = (int(x) for x in h.date.split("-"))
            return self.convert(f"{h.paper}　{y}年{m}月{d}日　{page_label(h.page)}")
        if role == SNIPPET_ROLE:
            return self.convert(h.snippet)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def snippet_marks(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """The snippet as plain text, and where its hits are in it (start, length): the page's
    text is never markup, so the marks are formats laid on it, not tags around it."""
    plain: list[str] = []
    marks: list[tuple[int, int]] = []
    length, opened = 0, None
    for piece in _MARKS.split(snippet):
        if piece == SearchHit.MARK_START:
            opened = length
        elif piece == SearchHit.MARK_END:
            if opened is not None and length > opened:
                marks.append((opened, length - opened))
            opened = None
        else:
            plain.append(piece)
            length += len(piece)
    return "".join(plain), marks


_MARKS = re.compile(f"({re.escape(SearchHit.MARK_START)}|{re.escape(SearchHit.MARK_END)})")


class SearchResultDelegate(QStyledItemDelegate):
    """Title, then paper, date and page, then two lines of snippet with its hits marked.

    Every row has the same height, so the list sizes a hundred results from one row
    instead of laying out a hundred documents.
    """

    PAD = 8
    SNIPPET_LINES = 2

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view  # asked for font and width instead of option.widget (see article_list)
        self.mark_color = "#ffe58a"

    def _line(self) -> int:
        return QFontMetrics(self.view.font()).lineSpacing()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = max(160, self.view.viewport().width() - 2 * self.PAD)
        return QSize(width, (2 + self.SNIPPET_LINES) * self._line() + 2 * self.PAD + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        self.view.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, self.view)
        r: QRect = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        color = option.palette.color(role)
        line = self._line()
        font = QFont(self.view.font())
        bold = QFont(font)
        bold.setBold(True)
        fm = QFontMetrics(bold)
        painter.save()
        painter.setPen(color)
        painter.setFont(bold)
        title = (index.data(Qt.ItemDataRole.DisplayRole) or "")[:500]  # elided to one line anyway
        painter.drawText(QRect(r.left(), r.top(), r.width(), line), int(Qt.AlignmentFlag.AlignLeft),
                         fm.elidedText(title, Qt.TextElideMode.ElideRight, r.width()))
        painter.setFont(font)
        meta = index.data(META_ROLE) or ""
        painter.drawText(QRect(r.left(), r.top() + line, r.width(), line), int(Qt.AlignmentFlag.AlignLeft),
                         QFontMetrics(font).elidedText(meta, Qt.TextElideMode.ElideRight, r.width()))
        # The snippet laid out as plain text, its hits marked by formats: no document and no
        # HTML parse for each row painted.
        text, marks = snippet_marks((index.data(SNIPPET_ROLE) or "")[:2000])
        layout = QTextLayout(text, font)
        mark = QTextCharFormat()
        mark.setFontWeight(QFont.Weight.Bold)
        mark.setBackground(QColor(self.mark_color))
        ranges = []
        for start, length in marks:
            each = QTextLayout.FormatRange()
            each.start, each.length, each.format = start, length, mark
            ranges.append(each)
        layout.setFormats(ranges)
        layout.beginLayout()
        y = 0.0
        for _ in range(self.SNIPPET_LINES):
            row = layout.createLine()
            if not row.isValid():
                break
            row.setLineWidth(r.width())
            row.setPosition(QPointF(0, y))
            y += line
        layout.endLayout()
        layout.draw(painter, QPointF(r.left(), r.top() + 2 * line + 4))
        painter.restore()


class _SearchSignals(QObject):
    done = Signal(int, object)  # sequence number, list[SearchHit] or error text


class LibraryOpener:
    """The search thread's own read-only connection, kept between queries: a fresh one
    would start with a cold page cache on every keystroke. A kiosk's shows only its
    ``papers``, and is opened again once a sync has put a new file in place
    (``reopen_replaced``; see ``kiosk.profile.ScopedReadOnly``).

    Kept by the thread's id, not in a ``threading.local``: PySide gives a pool thread a new
    Python thread state for every job it runs, so a thread-local was empty each time, every
    search opened the library anew and left the old connection to the cyclic collector."""

    KEEP = 2  # connections of the threads seen last: the search pool has one thread

    def __init__(self, papers: Iterable[str] = (), reopen_replaced: bool = False) -> None:
        self._libraries: dict[int, Library] = {}
        self._lock = threading.Lock()
        self.papers = tuple(papers)
        self.reopen_replaced = reopen_replaced

    def __call__(self, path: Path) -> Library:
        thread = threading.get_ident()
        with self._lock:
            lib = self._libraries.get(thread)
        if lib is None or not self.still_good(lib, path):
            if lib is not None:
                lib.close()
            lib = self.open(path)
            with self._lock:
                self._libraries[thread] = lib
                # A pool may replace its thread: the connections of threads gone are closed
                # (with check_same_thread off, from here), a few at most being kept.
                stale = list(self._libraries)[:-self.KEEP]
                dropped = [self._libraries.pop(t) for t in stale if t != thread]
            for old in dropped:
                old.close()
        return lib

    def open(self, path: Path) -> Library:
        return Library(path, readonly=True, papers=self.papers)

    def still_good(self, lib: Library, path: Path) -> bool:
        return lib.path == Path(path) and not (self.reopen_replaced and lib.replaced())

    def forget(self) -> None:
        """Open afresh next time (this thread's connection failed)."""
        with self._lock:
            lib = self._libraries.pop(threading.get_ident(), None)
        if lib is not None:
            lib.close()


class _SearchJob(QRunnable):
    def __init__(self, seq: int, path: Path, query: SearchQuery, signals: _SearchSignals,
                 opener: LibraryOpener) -> None:
        super().__init__()
        self.seq, self.path, self.query, self.signals = seq, path, query, signals
        self.opener = opener

    def run(self) -> None:
        try:
            hits: object = self.opener(self.path).search(self.query, limit=100)
        except LibraryError as exc:
            self.opener.forget()
            hits = problem_text(exc)
        self.signals.done.emit(self.seq, hits)


class SearchPanel(QWidget):
    """Emits ``hitActivated(hit, terms)`` when the reader opens a result."""

    hitActivated = Signal(object, list)
    findInArticle = Signal(str)
    searchStarted = Signal()  # a query went to the search thread; resultsShown follows
    resultsShown = Signal(int)

    def __init__(self, library_path: Path, parent: Any = None,
                 opener: LibraryOpener | None = None) -> None:
        super().__init__(parent)
        self.library_path = library_path
        self.opener = opener or LibraryOpener()
        self.setAccessibleName(self.tr("搜索"))
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("搜索全部报纸（简繁皆可）"))
        self.query.setClearButtonEnabled(True)
        self.query.setMaxLength(10_000)
        self.query.setAccessibleName(self.tr("搜索词"))
        self.in_article = QCheckBox(self.tr("只在本文中查找"), self)
        self.paper = QComboBox(self)
        self.paper.setAccessibleName(self.tr("报纸"))
        self.limit_dates = QCheckBox(self.tr("日期"), self)
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # a library error names the file
        self.results = QListView(self)
        self.results.setAccessibleName(self.tr("搜索结果"))
        self.model = SearchResultModel(self)
        self.results.setModel(self.model)
        self.delegate = SearchResultDelegate(self.results)
        self.results.setItemDelegate(self.delegate)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.results.setUniformItemSizes(True)

        grid = QGridLayout(self)
        grid.setContentsMargins(6, 6, 6, 6)
        grid.addWidget(self.query, 0, 0, 1, 3)
        grid.addWidget(self.in_article, 1, 0, 1, 3)
        grid.addWidget(self.paper, 2, 0, 1, 3)
        grid.addWidget(self.limit_dates, 3, 0)
        grid.addWidget(self.date_from, 3, 1)
        grid.addWidget(self.date_to, 3, 2)
        grid.addWidget(self.status, 4, 0, 1, 3)
        grid.addWidget(self.results, 5, 0, 1, 3)
        grid.setRowStretch(5, 1)

        self._seq = 0
        self._signals = _SearchSignals(self)
        self._signals.done.connect(self._show)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # keep the thread, and with it its connection
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(150)
        self._typing.timeout.connect(self.run)
        self.query.textChanged.connect(lambda _t: self._typing.start())
        self.query.returnPressed.connect(self.run)
        self.in_article.toggled.connect(lambda _c: self.run())
        self.paper.currentIndexChanged.connect(lambda _i: self.run())
        self.limit_dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(lambda _d: self.run())
        self.date_to.dateChanged.connect(lambda _d: self.run())
        self.results.activated.connect(self._activate)
        self.results.clicked.connect(self._activate)

    def set_papers(self, names: list[str], first: str | None, last: str | None,
                   convert: Callable[[str], str] = lambda s: s) -> None:
        """``convert``: the names as shown (the display script); searched as stored."""
        current = self.paper.currentData()
        self.paper.blockSignals(True)
        self.paper.clear()
        self.paper.addItem(self.tr("全部报纸"), None)
        for name in names:
            self.paper.addItem(convert(name), name)
        self.paper.setCurrentIndex(max(0, self.paper.findData(current)))
        self.paper.blockSignals(False)
        if first and last and not self.limit_dates.isChecked():
            self.date_from.setDate(QDate.fromString(first, "yyyy-MM-dd"))
            self.date_to.setDate(QDate.fromString(last, "yyyy-MM-dd"))

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.run()

    def focus_query(self, in_article: bool) -> None:
        self.in_article.setChecked(in_article)
        self.query.setFocus()
        self.query.selectAll()

    def search_query(self) -> SearchQuery:
        """What the fields ask for."""
        dates = self.limit_dates.isChecked()
        return SearchQuery(self.query.text()[:MAX_QUERY].strip(), self.paper.currentData(),
                           self.date_from.date().toString("yyyy-MM-dd") if dates else None,
                           self.date_to.date().toString("yyyy-MM-dd") if dates else None,
                           self.in_article.isChecked())

    def terms(self) -> list[str]:
        return self.search_query().terms()

    def run(self) -> None:
        self._typing.stop()
        query = self.search_query()
        if query.in_article:
            self.findInArticle.emit(query.text)
            return
        self._seq += 1
        if not query.text:
            self.model.set_hits([])
            self.status.setText("")
            self.resultsShown.emit(0)  # no query: no results, and no marks
            return
        self.status.setText(self.tr("正在搜索…"))
        self.searchStarted.emit()
        self._pool.start(_SearchJob(self._seq, self.library_path, query, self._signals, self.opener))

    def _show(self, seq: int, hits: object) -> None:
        if seq != self._seq:
            return  # a newer query is on its way
        if isinstance(hits, str):
            self.status.setText(hits)
            self.model.set_hits([])
        else:
            self.model.set_hits(hits)  # type: ignore[arg-type]
            count = len(hits)  # type: ignore[arg-type]
            self.status.setText(self.tr("没有找到") if not count else
                                self.tr("找到 %n 篇", "", count) +
                                (self.tr("（只列出最新的 100 篇）") if count >= 100 else ""))
        self.resultsShown.emit(self.model.rowCount())

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.hitActivated.emit(self.model.hits[index.row()], self.terms())

    def wait(self) -> None:
        """For tests and shutdown: let a running search finish."""
        self._pool.waitForDone()
