"""The article list follows the text size, and its rows are laid out again at every change."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from paper_reader.core.reading.history import Location
from paper_reader.ui.views.article_list import PAD, ArticleListView


def rows(view: ArticleListView) -> list[QRect]:
    model = view.model()
    return [view.visualRect(model.index(i, 0)) for i in range(model.rowCount())]


def assert_laid_out(view: ArticleListView) -> None:
    """No row overlaps the next, and each is as tall as its text at the width it is painted."""
    rects = rows(view)
    assert len(rects) > 2
    for upper, lower in zip(rects, rects[1:], strict=False):
        assert upper.bottom() < lower.top(), (upper, lower)
    delegate = view.itemDelegate()
    for i, rect in enumerate(rects):
        _, height = delegate._layout(view.model().index(i, 0), delegate._width())
        assert rect.height() >= height + 2 * PAD, (i, rect, height)
        assert rect.width() >= delegate._width(), (i, rect)  # the text stays within the row


def test_a_row_is_laid_out_once_for_its_size_and_its_paint(reader_app, qtbot) -> None:
    """Sized at one width and painted at another (the theme's padding takes 2 px), every
    row was laid out twice before the first frame, and could wrap differently."""
    parts = reader_app
    view = parts.window.article_list
    parts.reader.open(Location(parts.reader.location.issue_id, 1, 0))
    view.repaint()
    QApplication.processEvents()
    widths = {key[3] for key in view.itemDelegate()._layouts}
    assert len(widths) == 1, widths


def title_size(view: ArticleListView) -> float:
    return view.itemDelegate()._fonts()[0].pointSizeF()


def test_rows_follow_a_text_size_change(reader_app, qtbot) -> None:
    parts = reader_app
    view = parts.window.article_list
    parts.reader.open(Location(parts.reader.location.issue_id, 1, 0))
    QApplication.processEvents()
    assert_laid_out(view)
    before, heights = title_size(view), [r.height() for r in rows(view)]
    for _ in range(3):
        parts.window.actions.bigger.trigger()
        QApplication.processEvents()
        assert_laid_out(view)
    assert title_size(view) > before
    assert sum(r.height() for r in rows(view)) > sum(heights)
    parts.window.actions.normal_size.trigger()
    QApplication.processEvents()
    assert_laid_out(view)
    assert [r.height() for r in rows(view)] == heights
