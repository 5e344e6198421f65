"""The whole page at a glance, like the printed page: masthead or running head, then every
article as a block you can click.

It is one rich-text document, not a widget per article: building dozens of styled widgets
on every page turn cost more than a frame.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QPoint, Signal
from PySide6.QtGui import QMouseEvent, QTextDocument
from PySide6.QtWidgets import QTextBrowser

from ...core.model import Article, Issue, Page, page_label
from ...core.reading.links import article_href, parse_article
from .article_html import LIGHT, Palette, breakable, escape

if TYPE_CHECKING:  # made by Qt when a link is clicked
    from PySide6.QtCore import QUrl

COLUMNS = 3


class PageOverview(QTextBrowser):
    articleActivated = Signal(int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setAccessibleName(self.tr("版面概览"))
        self.anchorClicked.connect(self._anchor)
        self.palette_colors: Palette = LIGHT
        self.cells: list[tuple[int, int, int]] = []  # (table row, column, article)
        # A page nearly always runs past the window: with the bar always there, a page is
        # laid out once at one width, not again when a bar appears (or goes) after a turn.
        self.setProperty("verticalScrollBarPolicy", "ScrollBarAlwaysOn")  # by name: see main_window

    def _anchor(self, url: QUrl) -> None:
        index = parse_article(url.toString())
        if index is not None:
            self.articleActivated.emit(index)

    def article_at(self, pos: QPoint) -> int | None:
        """The article whose block lies under a point of the viewport."""
        cursor = self.cursorForPosition(pos)
        table = cursor.currentTable()
        if table is None:
            return None
        cell = table.cellAt(cursor)
        for row, col, article in self.cells:
            if (cell.row(), cell.column()) == (row, col):
                return article
        return None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if event.button() == QtCore.Qt.MouseButton.LeftButton and not self.anchorAt(point):
            article = self.article_at(point)
            if article is not None:
                self.articleActivated.emit(article)
                return
        super().mouseReleaseEvent(event)

    def show_document(self, document: QTextDocument, page: Page | None) -> None:
        """Show a prepared page document (see ``page_html``); the cache keeps owning it."""
        self.cells = grid_cells(page)
        self.setDocument(document)
        self.verticalScrollBar().setValue(0)

    def text_width(self) -> float:
        """The width documents are laid out at; 0 (lay out later) before the window was
        first shown: until then the viewport's width is a placeholder. (The viewport's size,
        not asked of viewport(): see ArticleDelegate._width.)"""
        return float(self.maximumViewportSize().width()) if self.window().isVisible() else 0.0

    def text_height(self) -> int:
        return self.maximumViewportSize().height()

    def page_html(self, issue: Issue | None, number: int, page: Page | None,
                  convert: Callable[[str], str] = lambda s: s) -> str:
        em = self.fontMetrics().horizontalAdvance("中")
        out = [f"<html><head><style>{_css(self.palette_colors, em)}</style></head><body>"]
        if issue is not None:
            out.append(_head(issue, number, page, convert))
        if page is None:
            text = self.tr("%1未收录。导入这一版的文本后，即可在此阅读，"
                           "指向它的“下转/上接”也会自动接上。").replace("%1", page_label(number))
            out.append(f"<p class='missing'>{escape(text)}</p>")
        else:
            out.append(_grid(page, convert))
        out.append("</body></html>")
        return "".join(out)


def grid_cells(page: Page | None) -> list[tuple[int, int, int]]:
    """(table row, column, article) of each block: the lead spans two columns."""
    cells: list[tuple[int, int, int]] = []
    row = col = 0
    for i in range(len(page.articles) if page else 0):
        span = 2 if i == 0 else 1
        if col + span > COLUMNS:
            row, col = row + 1, 0
        cells.append((row, col, i))
        col += span
    return cells


def _grid(page: Page, convert: Callable[[str], str]) -> str:
    rows: list[list[str]] = []
    for row, _col, i in grid_cells(page):
        if row == len(rows):
            rows.append([])
        span = 2 if i == 0 else 1
        rows[row].append(f"<td colspan='{span}' width='{33 * span}%' class='block'>"
                         f"{_block(i, page.articles[i], convert, lead=i == 0)}</td>")
    body = "".join(f"<tr>{''.join(cells)}</tr>" for cells in rows)
    return f"<table width='100%' cellspacing='10' cellpadding='12'>{body}</table>"


def _css(pal: Palette, em: int) -> str:
    def px(ems: float) -> str:  # Qt's rich text ignores em lengths
        return f"{round(ems * em)}px"

    return f"""
    body {{ color: {pal.text}; }}
    td.block {{ background-color: {pal.caption_bg}; border: 1px solid {pal.rule}; }}
    p.name {{ font-size: {px(2.4)}; font-weight: 700; color: {pal.accent}; text-align: center; margin: 0; }}
    p.pinyin, p.facts {{ color: {pal.muted}; text-align: center; margin: 2px 0; }}
    p.column {{ color: {pal.accent}; font-weight: 600; margin: 0 0 4px 0; }}
    p.kicker {{ color: {pal.muted}; margin: 0 0 2px 0; }}
    p.title {{ font-weight: 700; font-size: {px(1.2)}; margin: 0 0 6px 0; }}
    p.lead {{ font-weight: 700; font-size: {px(1.5)}; margin: 0 0 6px 0; }}
    p.text {{ margin: 0; }}
    p.more {{ margin: 4px 0 0 0; }}
    p.missing {{ color: {pal.muted}; text-align: center; margin-top: 40px; }}
    a {{ color: {pal.text}; text-decoration: none; }}
    a.more {{ color: {pal.link}; }}
    """


def _block(index: int, article: Article, convert: Callable[[str], str], lead: bool) -> str:
    e = lambda s: escape(breakable(convert(s)))  # noqa: E731
    out = []
    if article.column:
        out.append(f"<p class='column'>【{e(article.column)}】</p>")
    if article.kicker:
        out.append(f"<p class='kicker'>{e(article.kicker)}</p>")
    title = article.title or "（无题）"
    out.append(f"<p class='{'lead' if lead else 'title'}'><a href='{article_href(index)}'>{e(title)}</a></p>")
    if article.subtitle:
        out.append(f"<p class='kicker'>{e(article.subtitle)}</p>")
    text = "".join(article.paragraphs)[: 150 if lead else 80]
    if text:
        out.append(f"<p class='text'>{e(text)}……</p>")
    if article.continues_to:
        more = page_label(article.continues_to.page).replace("第", "下转第", 1)
        out.append(f"<p class='more'><a class='more' href='{article_href(index)}'>({e(more)})</a></p>")
    return "".join(out)


def _head(issue: Issue, number: int, page: Page | None, convert: Callable[[str], str]) -> str:
    m = issue.masthead
    y, mo, d = (int(x) for x in (issue.date or "0-0-0").split("-"))
    date = f"{y}年{mo}月{d}日 {m.get('weekday', '')}".strip()
    if number == 1:
        facts = [date, m.get("lunar_date", ""), m.get("solar_term") and f"今日{m['solar_term']}",
                 m.get("serial") and f"总第{m['serial']}期",
                 m.get("page_count") and f"今日{m['page_count']}版", m.get("cn", "")]
        out = [f"<p class='name'>{escape(convert(issue.paper or ''))}</p>"]
        if m.get("pinyin"):
            out.append(f"<p class='pinyin'>{escape(m['pinyin'])}</p>")
    else:
        label = page.label if page else page_label(number)
        section = page.section if page and page.section else ""
        facts = [issue.paper or "", date, f"{label} {section}".strip()]
        out = []
    out.append(f"<p class='facts'>{escape(convert('　'.join(str(f) for f in facts if f)))}</p><hr>")
    return "".join(out)
