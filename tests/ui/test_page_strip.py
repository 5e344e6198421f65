"""The page strip marks the open page, however the page was changed.

What is checked is what the strip shows on screen: the window's backing store (what was
last painted), not the selection model alone, which was right while the old page stayed lit.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication

from paper_reader.app import ReaderApp, build
from paper_reader.core.importer import import_paths
from paper_reader.core.library import Library
from paper_reader.core.reading.history import Location

from .test_window import click_article, click_link


def lit_rows(app: ReaderApp) -> list[int]:
    """Rows of the strip painted unlike its empty background: the highlighted ones."""
    w, strip = app.window, app.window.page_strip
    image = w.screen().grabWindow(w.winId()).toImage()
    ratio = image.devicePixelRatio()

    def colour(point: QPoint) -> int:
        at = strip.viewport().mapTo(w, point)
        return image.pixel(round(at.x() * ratio), round(at.y() * ratio))

    model = strip.model()
    last = strip.visualRect(model.index(model.rowCount() - 1, 0))
    background = colour(QPoint(last.left() + 4, strip.viewport().height() - 4))
    lit = []
    for row in range(model.rowCount()):
        rect = strip.visualRect(model.index(row, 0))
        if strip.viewport().rect().contains(rect.center()) and \
                colour(QPoint(rect.left() + 4, rect.center().y())) != background:
            lit.append(row)
    return lit


def shows_page(qtbot, app: ReaderApp, number: int) -> None:
    """The reader is on ``number`` and the strip shows that page, and only it, lit."""
    assert app.reader.location.page == number
    qtbot.waitUntil(lambda: lit_rows(app) == [number - 1], timeout=3000)
    assert app.window.page_strip.currentIndex().row() == number - 1


@pytest.fixture
def app(reader_app: ReaderApp, qtbot) -> ReaderApp:
    shows_page(qtbot, reader_app, 1)
    return reader_app


def test_page_keys(qtbot, app: ReaderApp) -> None:
    w = app.window
    w.article_list.setFocus()
    qtbot.keyClick(w.article_list, Qt.Key.Key_PageDown)
    shows_page(qtbot, app, 2)
    qtbot.keyClick(w.article_list, Qt.Key.Key_PageDown)
    shows_page(qtbot, app, 3)
    qtbot.keyClick(w.article_list, Qt.Key.Key_PageUp)
    shows_page(qtbot, app, 2)
    qtbot.keyClick(w.article_list, Qt.Key.Key_PageUp)
    shows_page(qtbot, app, 1)


def test_toolbar_buttons(qtbot, app: ReaderApp) -> None:
    w = app.window
    bar = w.navigation_bar
    qtbot.mouseClick(bar.widgetForAction(w.actions.next_page), Qt.MouseButton.LeftButton)
    shows_page(qtbot, app, 2)
    qtbot.mouseClick(bar.widgetForAction(w.actions.next_page), Qt.MouseButton.LeftButton)
    shows_page(qtbot, app, 3)
    qtbot.mouseClick(bar.widgetForAction(w.actions.prev_page), Qt.MouseButton.LeftButton)
    shows_page(qtbot, app, 2)


def test_continuation_links_and_back_forward(qtbot, app: ReaderApp) -> None:
    w = app.window
    click_article(qtbot, app, 0)
    click_link(qtbot, app, "(下转第二版)")
    shows_page(qtbot, app, 2)
    qtbot.keyClick(w, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    shows_page(qtbot, app, 1)
    qtbot.keyClick(w, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    shows_page(qtbot, app, 2)
    click_link(qtbot, app, "(上接第一版)")
    shows_page(qtbot, app, 1)


def test_search_result(qtbot, app: ReaderApp) -> None:
    hit = next(h for h in app.library.search("古建筑工匠") if h.page == 2)
    app.tools.search.open_hit(hit, ["古建筑工匠"])
    shows_page(qtbot, app, 2)
    hit = next(h for h in app.library.search("图书馆") if h.page == 3)
    app.tools.search.open_hit(hit, ["图书馆"])
    shows_page(qtbot, app, 3)


def test_archive_and_the_next_issue(qtbot, app: ReaderApp, sample_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "16"
    folder.mkdir()
    for page in sample_dir.glob("*.txt"):
        (folder / page.name).write_text(page.read_text(encoding="utf-8").replace(
            "2024年3月15日", "2024年3月16日"), encoding="utf-8")
    with Library(app.library.path) as other:  # as another program would
        import_paths(other, [folder])
    app.reader.open(Location(app.reader.issue.id, 3, None))
    shows_page(qtbot, app, 3)
    dialog = app.tools.archive.show()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.issueChosen):
        dialog.calendar.setSelectedDate(QDate(2024, 3, 16))
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert app.reader.issue.date == "2024-03-16"
    shows_page(qtbot, app, 1)
    dialog.close()
    app.reader.go_page(4)
    shows_page(qtbot, app, 4)
    app.window.actions.prev_issue.trigger()
    assert app.reader.issue.date == "2024-03-15"
    shows_page(qtbot, app, 1)


def test_open_on_the_command_line(qtbot, library_path: Path, sample_dir: Path) -> None:
    with Library(library_path) as lib:
        import_paths(lib, [sample_dir])
    parts = build(library_path, open_spec="2024-03-15/3")
    qtbot.addWidget(parts.window)
    parts.window.show()
    qtbot.waitExposed(parts.window)
    try:
        shows_page(qtbot, parts, 3)
    finally:
        parts.library.close()


def test_open_asked_by_a_second_start(qtbot, app: ReaderApp) -> None:
    from paper_reader.ui.system.single_instance import Knock, answer_knock

    assert answer_knock(Knock(open="2024-03-15/4"), app.window, app.reader)
    shows_page(qtbot, app, 4)


def test_import_and_the_library_changing_under_the_window(qtbot, app: ReaderApp,
                                                           sample_dir: Path) -> None:
    from paper_reader.ui.shell.wiring import follow_library
    from paper_reader.ui.system.library_watch import LibraryWatch

    app.reader.go_page(3)
    shows_page(qtbot, app, 3)
    # The window's own import opens the first page it imported, the issue read again.
    with qtbot.waitSignal(app.importer.finished, timeout=20000):
        app.importer.start([str(sample_dir / "page2.txt")])
    shows_page(qtbot, app, 2)
    # Another program replaces a page of the open issue: read again, staying on the page.
    watch = LibraryWatch(app.library, interval_ms=50, parent=app.window)
    follower = follow_library(watch, app)
    watch.start()
    with qtbot.waitSignal(follower.refreshed, timeout=10000) as done:
        with Library(app.library.path) as other:
            text = (sample_dir / "page2.txt").read_text(encoding="utf-8")
            changed = Path(app.library.path).parent / "page2.txt"
            changed.write_text(text.replace("古建筑工匠", "老工匠"), encoding="utf-8")
            import_paths(other, [changed])
    watch.stop()
    assert done.args == ["reloaded"]
    shows_page(qtbot, app, 2)


def test_look_changes_keep_the_mark(qtbot, app: ReaderApp) -> None:
    """A new script or text size makes the strip's rows again."""
    app.reader.go_page(2)
    shows_page(qtbot, app, 2)
    app.window.actions.scripts["traditional"].trigger()
    shows_page(qtbot, app, 2)
    app.window.actions.bigger.trigger()
    shows_page(qtbot, app, 2)


def test_the_strip_scrolls_to_a_page_out_of_sight(qtbot, tmp_path: Path, sample_dir: Path) -> None:
    """An issue of more pages than the strip shows at once: the open page is brought into view."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for page in sample_dir.glob("*.txt"):
        (folder / page.name).write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    first = folder / "page1.txt"
    text = first.read_text(encoding="utf-8")
    assert "今日4版" in text
    first.write_text(text.replace("今日4版", "今日24版"), encoding="utf-8")
    db = tmp_path / "long.sqlite3"
    with Library(db) as lib:
        import_paths(lib, [folder])
    parts = build(db)
    qtbot.addWidget(parts.window)
    parts.window.resize(900, 520)
    parts.window.show()
    qtbot.waitExposed(parts.window)
    try:
        strip = parts.window.page_strip
        assert strip.model().rowCount() == 24
        for number in (20, 24, 2):
            parts.reader.open(Location(parts.reader.issue.id, number, None))
            QApplication.processEvents()
            rect = strip.visualRect(strip.model().index(number - 1, 0))
            assert 0 <= rect.top() and rect.bottom() <= strip.viewport().height(), number
            shows_page(qtbot, parts, number)
    finally:
        parts.library.close()
