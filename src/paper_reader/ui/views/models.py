"""List models for the page strip and the article list of the current page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from ...core.model import Article, Issue, Page, page_label
from .plain import TOOLTIP_CHARS, tooltip

Index = QModelIndex | QPersistentModelIndex

# Qt's item roles (Qt::ItemDataRole) as the ints Qt passes to data(). Naming a member of
# PySide's Qt namespace builds the whole namespace, about a hundred Python enums (10 ms),
# and these models are painted in the window's first frame; tests/ui/test_models.py checks
# the numbers against Qt's.
DISPLAY_ROLE = 0
DECORATION_ROLE = 1
TOOLTIP_ROLE = 3
TEXT_ALIGNMENT_ROLE = 7
FOREGROUND_ROLE = 9
ACCESSIBLE_TEXT_ROLE = 11
USER_ROLE = 0x0100
ALIGN_CENTER = 0x0084  # Qt::AlignCenter
ARTICLE_ROLE = USER_ROLE + 1
PAGE_NUMBER_ROLE = USER_ROLE + 2
MISSING_ROLE = USER_ROLE + 3
KICKER_ROLE = USER_ROLE + 4
BYLINE_ROLE = USER_ROLE + 5


def _identity(text: str) -> str:
    return text


class PageListModel(QAbstractListModel):
    """The issue's pages in order, with pages the masthead names but the library lacks.

    (Neither model overrides flags(): QAbstractListModel's own, enabled and selectable,
    is what they need.)
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, Page | None]] = []
        self.convert: Callable[[str], str] = _identity
        # Small page images (QImage) by page number, drawn on idle time for pages with a PDF;
        # a page without one keeps its text only.
        self.thumbnails: dict[int, Any] = {}
        self.thumbnailsShown: Callable[[], None] | None = None  # told of the first thumbnail

    def set_thumbnail(self, number: int, image: Any) -> None:
        row = self.row_of(number)
        if row < 0:
            return
        first = not self.thumbnails
        self.thumbnails[number] = image
        if first and self.thumbnailsShown is not None:
            self.thumbnailsShown()
        self.dataChanged.emit(self.index(row, 0), self.index(row, 0), [DECORATION_ROLE])

    def set_issue(self, issue: Issue | None) -> None:
        self.beginResetModel()
        self.thumbnails = {}
        rows: list[tuple[int, Page | None]] = []
        if issue is not None:
            have = {p.number: p for p in issue.pages}
            rows = [(n, have.get(n)) for n in issue.page_numbers()]
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def row_of(self, number: int) -> int:
        return next((i for i, (n, _) in enumerate(self._rows) if n == number), -1)

    def page_at(self, row: int) -> tuple[int, Page | None]:
        return self._rows[row]

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        number, page = self._rows[index.row()]
        if role == DISPLAY_ROLE:
            if page is None:
                return self.convert(f"{page_label(number)}\n" + self.tr("未收录"))
            return self.convert(f"{page.label}\n{page.section or ''}".rstrip())
        if role == DECORATION_ROLE:
            return self.thumbnails.get(number)
        if role == TOOLTIP_ROLE:
            if page is None:
                return self.tr("本版未收录，导入后即可阅读")
            # self.tr with a plain variable: lupdate marks a count as plural only in that form.
            count = len(page.articles)
            return self.tr("%n 篇文章", "", count)
        if role == FOREGROUND_ROLE and page is None:
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == TEXT_ALIGNMENT_ROLE:
            return ALIGN_CENTER
        if role == PAGE_NUMBER_ROLE:
            return number
        if role == MISSING_ROLE:
            return page is None
        if role == ACCESSIBLE_TEXT_ROLE:
            label = page.label if page else page_label(number)
            return self.convert(label + ("" if page else self.tr("（未收录）")))
        return None


class ArticleListModel(QAbstractListModel):
    """The current page's articles in reading order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._articles: list[Article] = []
        self.convert: Callable[[str], str] = _identity

    def set_page(self, page: Page | None) -> None:
        self.beginResetModel()
        self._articles = list(page.articles) if page else []
        self.endResetModel()

    def refresh(self) -> None:
        if self._articles:
            self.dataChanged.emit(self.index(0), self.index(len(self._articles) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._articles)

    def article_at(self, row: int) -> Article:
        return self._articles[row]

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._articles):
            return None
        a = self._articles[index.row()]
        c = self.convert
        if role in (DISPLAY_ROLE, ACCESSIBLE_TEXT_ROLE):
            return c(a.title or QApplication.translate("ArticleList", "（无题）"))
        if role == KICKER_ROLE:
            return c(" ".join(x for x in (a.column and f"【{a.column}】", a.kicker, a.subtitle) if x))
        if role == BYLINE_ROLE:
            extra = []
            if a.continued_from:
                extra.append(QApplication.translate("ArticleList", "上接%1").replace(
                    "%1", page_label(a.continued_from.page)))
            if a.continues_to:
                extra.append(QApplication.translate("ArticleList", "下转%1").replace(
                    "%1", page_label(a.continues_to.page)))
            return c(" · ".join(x for x in (a.byline, *extra) if x))
        if role == TOOLTIP_ROLE:
            return tooltip(c(a.paragraphs[0][:TOOLTIP_CHARS + 1])) if a.paragraphs else None
        if role == ARTICLE_ROLE:
            return index.row()
        return None
