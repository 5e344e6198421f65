"""The whole page at a glance, like the printed page: masthead or running head, then every
article as a block you can click."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ..core.model import Article, Issue, Page, page_label

COLUMNS = 3


def _label(text: str, object_name: str, parent: QWidget, wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(object_name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class ArticleBlock(QFrame):
    """One article on the page; a click or Enter opens it."""

    activated = Signal(int)

    def __init__(self, row: int, article: Article, convert: Callable[[str], str],
                 lead: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.row = row
        self.setObjectName("articleBlock")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(convert(article.title))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(4)
        if article.column:
            layout.addWidget(_label(convert(f"【{article.column}】"), "blockColumn", self))
        if article.kicker:
            layout.addWidget(_label(convert(article.kicker), "blockKicker", self))
        title = _label(convert(article.title or self.tr("（无题）")), "blockTitle", self)
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * (1.5 if lead else 1.2))
        title.setFont(font)
        layout.addWidget(title)
        if article.subtitle:
            layout.addWidget(_label(convert(article.subtitle), "blockKicker", self))
        text = "".join(article.paragraphs)[: 150 if lead else 80]
        if text:
            body = _label(convert(text) + "……", "blockText", self)
            layout.addWidget(body)
        if article.continues_to:
            more = page_label(article.continues_to.page).replace("第", "下转第", 1)
            layout.addWidget(_label(convert(f"({more})"), "blockMore", self))
        layout.addStretch(1)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.row)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.row)
            return
        super().keyPressEvent(event)


class PageOverview(QScrollArea):
    articleActivated = Signal(int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("版面概览"))
        self.blocks: list[ArticleBlock] = []
        self._set_content(QWidget())

    def _set_content(self, content: QWidget) -> None:
        content.setObjectName("pageSheet")
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self.setWidget(content)

    def show_page(self, issue: Issue | None, number: int, page: Page | None,
                  convert: Callable[[str], str] = lambda s: s) -> None:
        sheet = QWidget()
        outer = QVBoxLayout(sheet)
        outer.setContentsMargins(24, 18, 24, 24)
        outer.setSpacing(12)
        self.blocks = []
        if issue is not None:
            outer.addWidget(self._head(issue, number, page, convert, sheet))
        if page is None:
            missing = _label(self.tr("%1未收录。导入这一版的文本后，即可在此阅读，"
                                     "指向它的“下转/上接”也会自动接上。").replace("%1", page_label(number)),
                             "missingPage", sheet)
            missing.setAlignment(Qt.AlignmentFlag.AlignCenter)
            outer.addWidget(missing)
        else:
            grid = QGridLayout()
            grid.setSpacing(10)
            row = col = 0
            for i, article in enumerate(page.articles):
                lead = i == 0
                block = ArticleBlock(i, article, convert, lead, sheet)
                block.activated.connect(self.articleActivated)
                span = 2 if lead else 1
                if col + span > COLUMNS:
                    row, col = row + 1, 0
                grid.addWidget(block, row, col, 1, span)
                col += span
                self.blocks.append(block)
            for c in range(COLUMNS):
                grid.setColumnStretch(c, 1)
            outer.addLayout(grid)
        outer.addStretch(1)
        self._set_content(sheet)

    def _head(self, issue: Issue, number: int, page: Page | None, convert: Callable[[str], str],
              parent: QWidget) -> QWidget:
        head = QFrame(parent)
        head.setObjectName("masthead" if number == 1 else "runningHead")
        layout = QVBoxLayout(head)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.setSpacing(2)
        m = issue.masthead
        y, mo, d = (int(x) for x in (issue.date or "0-0-0").split("-"))
        date = f"{y}年{mo}月{d}日 {m.get('weekday', '')}".strip()
        if number == 1:
            name = _label(convert(issue.paper or ""), "mastheadName", head)
            name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            font = QFont(name.font())
            font.setPointSizeF(font.pointSizeF() * 2.6)
            font.setBold(True)
            name.setFont(font)
            layout.addWidget(name)
            if m.get("pinyin"):
                pinyin = _label(m["pinyin"], "mastheadPinyin", head)
                pinyin.setAlignment(Qt.AlignmentFlag.AlignCenter)
                layout.addWidget(pinyin)
            facts = [date, m.get("lunar_date", ""), m.get("solar_term") and f"今日{m['solar_term']}",
                     m.get("serial") and f"总第{m['serial']}期",
                     m.get("page_count") and f"今日{m['page_count']}版", m.get("cn", "")]
        else:
            label = page.label if page else page_label(number)
            section = page.section if page and page.section else ""
            facts = [issue.paper or "", date, f"{label} {section}".strip()]
        line = _label(convert("　".join(str(f) for f in facts if f)), "mastheadFacts", head)
        line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(line)
        rule = QFrame(head)
        rule.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(rule)
        return head
