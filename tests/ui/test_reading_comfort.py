"""The article stays put: a new search replaces the old marks, the 未收录 note floats over
the text, and the text column has the same measure in both themes and at every size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from paper_reader.app import ReaderApp, build
from paper_reader.core.reading.history import Location
from tests.ui.test_window import click_article, click_link


def search(qtbot, app: ReaderApp, text: str) -> None:
    panel = app.tools.search.panel()
    with qtbot.waitSignal(panel.resultsShown, timeout=10000):
        panel.query.setText(text)
        panel.run()


def marked(app: ReaderApp) -> set[str]:
    return {s.cursor.selectedText() for s in app.window.article_view.browser.extraSelections()}


def test_a_new_search_replaces_the_marks_in_the_open_article(qtbot, reader_app: ReaderApp) -> None:
    search(qtbot, reader_app, "图书馆")
    panel = reader_app.tools.search.panel()
    panel.hitActivated.emit(panel.model.hits[0], panel.terms())
    assert marked(reader_app) == {"图书馆"}
    search(qtbot, reader_app, "新馆")
    assert marked(reader_app) == {"新馆"}
    search(qtbot, reader_app, "白鹭")  # not in this article: nothing marked, nothing stale
    assert marked(reader_app) == set()
    search(qtbot, reader_app, "新馆")
    search(qtbot, reader_app, "")
    assert marked(reader_app) == set()


def test_the_missing_page_note_moves_no_line(qtbot, tmp_path: Path, sample_dir: Path) -> None:
    from paper_reader.core.importer import import_paths
    from paper_reader.core.library import Library

    db = tmp_path / "one-page.sqlite3"
    with Library(db) as lib:
        import_paths(lib, [sample_dir / "page1.txt"])
    app = build(db)
    qtbot.addWidget(app.window)
    app.window.show()
    qtbot.waitExposed(app.window)
    try:
        click_article(qtbot, app, 0)
        view = app.window.article_view
        browser = view.browser
        geometry = browser.geometry()
        click_link(qtbot, app, "(下转第二版)")  # scrolls it into view, then clicks
        scroll = browser.verticalScrollBar().value()
        QApplication.processEvents()
        assert view.notice.isVisible() and "第二版未收录" in view.notice.text()
        assert browser.geometry() == geometry and browser.verticalScrollBar().value() == scroll
        link = QTextCursor(browser.document())
        link.setPosition(browser.document().find("(下转第二版)").selectionStart() + 2)
        line = browser.cursorRect(link)
        on_screen = QRect(browser.viewport().mapTo(view, line.topLeft()), line.size())
        assert view.rect().contains(on_screen)
        assert not view.notice.geometry().intersects(on_screen)
        view.notice.mousePressEvent(None)  # a click puts it away
        assert not view.notice.isVisible()
    finally:
        app.library.close()


def column_width(app: ReaderApp) -> int:
    QApplication.processEvents()
    browser = app.window.article_view.browser
    return browser.viewport().width()


def test_the_text_column_is_the_same_in_both_themes(qtbot, library_path: Path) -> None:
    widths = {}
    for theme in ("light", "dark"):
        app = build(library_path, theme=theme)
        qtbot.addWidget(app.window)
        app.window.resize(1280, 800)
        app.window.show()
        qtbot.waitExposed(app.window)
        app.reader.open(Location(app.reader.location.issue_id, 1, 1))
        widths[theme] = column_width(app)
        app.tools.look.set_theme_mode("light" if theme == "dark" else "dark")
        widths[theme + " switched"] = column_width(app)
        app.window.close()
        app.library.close()
    assert len(set(widths.values())) == 1, widths


def test_the_measure_follows_the_text_size(qtbot, reader_app: ReaderApp) -> None:
    reader_app.window.resize(1400, 800)
    reader_app.reader.open(Location(reader_app.reader.location.issue_id, 1, 1))
    before = column_width(reader_app)
    for _ in range(2):
        reader_app.window.actions.bigger.trigger()
    browser = reader_app.window.article_view.browser
    em = browser.fontMetrics().horizontalAdvance("中")
    side = max(12, (browser.width() - 38 * em - 40) // 2)  # the measure at the new size
    assert browser.viewportMargins().left() == side
    assert column_width(reader_app) > before
