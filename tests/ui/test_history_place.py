"""Back and forward return to the place in the text, not only to the article."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from paper_reader.app import ReaderApp

from .test_window import click_article, current


def small(qtbot, app: ReaderApp) -> None:
    """A window short enough for every article of the sample to scroll."""
    app.window.resize(1000, 480)
    qtbot.waitUntil(lambda: app.window.article_view.browser.height() < 400, timeout=3000)


def click_visible_link(qtbot, app: ReaderApp, text: str) -> int:
    """Click a link where the reader scrolled to; returns the scroll position it was at."""
    browser = app.window.article_view.browser
    cursor = browser.document().find(text)
    assert not cursor.isNull(), text
    middle = QTextCursor(cursor)
    middle.setPosition(cursor.selectionStart() + 2)
    point = browser.cursorRect(middle).center()
    assert browser.viewport().rect().contains(point), "the link is not in view"
    at = browser.verticalScrollBar().value()
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    return at


def test_back_returns_to_the_link_at_the_bottom(qtbot, reader_app: ReaderApp) -> None:
    small(qtbot, reader_app)
    w = reader_app.window
    bar = w.article_view.browser.verticalScrollBar()
    click_article(qtbot, reader_app, 0)
    assert bar.maximum() > 100
    bar.setValue(bar.maximum())  # read to the end, where (下转第二版) is
    end = bar.value()
    left_at = click_visible_link(qtbot, reader_app, "(下转第二版)")
    assert current(reader_app) == (2, 0) and bar.value() == 0 and left_at == end > 0
    bar.setValue(bar.maximum() // 2)
    halfway = bar.value()
    qtbot.keyClick(w, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert current(reader_app) == (1, 0)
    assert bar.value() == left_at
    qtbot.keyClick(w, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert current(reader_app) == (2, 0) and bar.value() == halfway > 0
    # The mouse's back button and Backspace do the same.
    from paper_reader.ui.shell.wiring import MouseNavigation

    qtbot.waitUntil(lambda: w.findChild(MouseNavigation)._watching, timeout=2000)
    qtbot.mouseClick(w.article_list.viewport(), Qt.MouseButton.BackButton, pos=QPoint(5, 5))
    assert current(reader_app) == (1, 0) and bar.value() == left_at
    qtbot.keyClick(w, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    w.article_list.setFocus()
    qtbot.keyClick(w.article_list, Qt.Key.Key_Backspace)
    assert current(reader_app) == (1, 0) and bar.value() == left_at


def test_a_new_visit_starts_at_the_top(qtbot, reader_app: ReaderApp) -> None:
    small(qtbot, reader_app)
    bar = reader_app.window.article_view.browser.verticalScrollBar()
    click_article(qtbot, reader_app, 0)
    bar.setValue(bar.maximum())
    click_visible_link(qtbot, reader_app, "(下转第二版)")
    assert bar.value() == 0
    click_visible_link(qtbot, reader_app, "(上接第一版)")  # forward in time, not back
    assert current(reader_app) == (1, 0) and bar.value() == 0


def test_back_to_a_page_restores_the_overview(qtbot, reader_app: ReaderApp) -> None:
    small(qtbot, reader_app)
    w = reader_app.window
    bar = w.overview.verticalScrollBar()
    assert bar.maximum() > 100
    bar.setValue(bar.maximum() - 7)
    left_at = bar.value()
    w.article_list.setFocus()
    qtbot.keyClick(w.article_list, Qt.Key.Key_PageDown)
    assert current(reader_app) == (2, None) and bar.value() == 0
    qtbot.keyClick(w, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert current(reader_app) == (1, None) and w.tabs.currentWidget() is w.overview
    assert bar.value() == left_at


def test_the_overview_behind_an_article_is_restored_too(qtbot, reader_app: ReaderApp) -> None:
    """Scrolled down the page, an article opened from it, a link followed, back: the
    article where it was, and the 版面 tab where the page was."""
    small(qtbot, reader_app)
    w = reader_app.window
    page_bar, article_bar = w.overview.verticalScrollBar(), w.article_view.browser.verticalScrollBar()
    page_bar.setValue(page_bar.maximum())
    page_at = page_bar.value()
    cursor = w.overview.document().find("让春天的每一分耕耘都有回响")
    point = w.overview.cursorRect(cursor).center()
    assert w.overview.viewport().rect().contains(point)
    qtbot.mouseClick(w.overview.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert current(reader_app) == (1, 6)
    article_bar.setValue(article_bar.maximum())
    article_at = click_visible_link(qtbot, reader_app, "(下转第二版)")
    assert current(reader_app) == (2, 4)
    w.show_overview_tab()  # page 2's overview goes up, from its top
    assert page_bar.value() == 0 and "第二版" in w.overview.toPlainText()
    w.show_article_tab()
    qtbot.keyClick(w, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert current(reader_app) == (1, 6) and article_bar.value() == article_at > 0
    w.show_overview_tab()
    assert page_bar.value() == page_at > 0
