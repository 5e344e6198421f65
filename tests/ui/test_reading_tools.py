"""Script, size and theme; search with highlights; citations; PDF; the archive."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication

from paper_reader.app import ReaderApp, build
from paper_reader.core.reading.history import Location
from paper_reader.ui.shell.look import DEFAULT_SIZE
from paper_reader.ui.views.article_html import DARK


def open_article(app: ReaderApp, page: int, row: int) -> None:
    app.reader.open(Location(app.reader.issue.id, page, row))


def search(qtbot, app: ReaderApp, text: str) -> list:
    panel = app.tools.search.panel()
    with qtbot.waitSignal(panel.resultsShown, timeout=10000):
        panel.query.setText(text)
        panel.run()
    return list(panel.model.hits)


def test_switch_script_converts_what_the_reader_sees(qtbot, reader_app: ReaderApp) -> None:
    open_article(reader_app, 1, 1)
    w = reader_app.window
    reader_app.window.actions.scripts["traditional"].trigger()
    assert w.article_model.index(1).data() == "市圖書館新館今日起向市民開放"
    assert "市圖書館新館今日起向市民開放" in w.article_view.plain_text()
    assert "第二版" in w.page_model.index(1).data() or "第二版" in w.page_model.index(1).data()
    assert "TC" in w.article_view.browser.font().family() or "HK" in w.article_view.browser.font().family()
    reader_app.window.actions.scripts["original"].trigger()
    assert "市图书馆新馆今日起向市民开放" in w.article_view.plain_text()
    assert "SC" in w.article_view.browser.font().family()


def test_search_finds_the_same_article_in_either_script(qtbot, reader_app: ReaderApp) -> None:
    simplified = search(qtbot, reader_app, "图书馆")
    traditional = search(qtbot, reader_app, "圖書館")
    assert simplified and [h.article_id for h in simplified] == [h.article_id for h in traditional]
    QAbstractItemModelTester(reader_app.tools.search.panel().model,
                             QAbstractItemModelTester.FailureReportingMode.Fatal)


def test_one_character_query_and_filters(qtbot, reader_app: ReaderApp) -> None:
    assert search(qtbot, reader_app, "鹭")
    panel = reader_app.tools.search.panel()
    panel.limit_dates.setChecked(True)
    panel.date_from.setDate(QDate(2030, 1, 1))
    panel.date_to.setDate(QDate(2030, 12, 31))
    assert search(qtbot, reader_app, "鹭") == []


@pytest.mark.parametrize("query", ['"', "AND", "NEAR(a b)", "a' OR 1=1 --", "\x01\x02", "图" * 10000, "*"])
def test_any_text_in_the_search_box(qtbot, reader_app: ReaderApp, query: str) -> None:
    search(qtbot, reader_app, query)


def test_open_a_hit_and_step_through_highlights(qtbot, reader_app: ReaderApp) -> None:
    hits = search(qtbot, reader_app, "图书馆")
    panel = reader_app.tools.search.panel()
    index = panel.model.index(0)
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.results.visualRect(index).center())
    loc = reader_app.reader.location
    assert (loc.page, loc.article) == (hits[0].page, hits[0].position)
    browser = reader_app.window.article_view.browser
    marks = browser.extraSelections()
    assert len(marks) >= 2 and all(m.cursor.selectedText() == "图书馆" for m in marks)
    reader_app.window.actions.next_hit.trigger()
    first = browser.textCursor().selectionStart()
    reader_app.window.actions.next_hit.trigger()
    assert browser.textCursor().selectionStart() > first


def test_find_in_article_in_the_other_script(qtbot, reader_app: ReaderApp) -> None:
    open_article(reader_app, 1, 1)
    reader_app.window.actions.find_in_article.trigger()
    panel = reader_app.tools.search.panel()
    assert panel.in_article.isChecked()
    panel.query.setText("圖書館")
    panel.run()
    assert len(reader_app.window.article_view.browser.extraSelections()) >= 2


def test_theme_toggle_changes_the_article_view(qtbot, reader_app: ReaderApp) -> None:
    open_article(reader_app, 1, 0)
    reader_app.window.actions.theme_dark.trigger()
    palette = QApplication.palette()
    assert palette.window().color().lightness() < 100
    assert DARK.text in reader_app.window.article_view.html()
    reader_app.window.actions.theme_light.trigger()
    assert QApplication.palette().window().color().lightness() > 150


def test_follow_system_theme(qtbot, reader_app: ReaderApp) -> None:
    reader_app.window.actions.theme_system.trigger()
    expected = "dark" if QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark else "light"
    assert reader_app.tools.look.effective_theme() == expected
    assert reader_app.window.actions.theme_system.isChecked()


def test_text_size_keys(qtbot, reader_app: ReaderApp) -> None:
    open_article(reader_app, 1, 0)
    w = reader_app.window
    qtbot.keyClick(w, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    bigger = reader_app.presenter.look.text_size
    assert bigger > DEFAULT_SIZE and w.article_view.browser.font().pointSizeF() == bigger
    qtbot.keyClick(w, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(w, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert reader_app.presenter.look.text_size < DEFAULT_SIZE
    qtbot.keyClick(w, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert reader_app.presenter.look.text_size == DEFAULT_SIZE


def test_restart_lands_on_the_same_article_script_and_size(qtbot, reader_app: ReaderApp,
                                                            library_path: Path) -> None:
    open_article(reader_app, 3, 2)
    reader_app.window.actions.scripts["taiwan"].trigger()
    reader_app.window.actions.bigger.trigger()
    reader_app.window.actions.theme_dark.trigger()
    size = reader_app.presenter.look.text_size
    reader_app.window.close()
    reader_app.library.close()
    again = build(library_path)
    qtbot.addWidget(again.window)
    loc = again.reader.location
    assert (loc.page, loc.article) == (3, 2)
    assert again.presenter.look.script == "taiwan" and again.presenter.look.text_size == size
    assert again.window.actions.theme_dark.isChecked()
    again.tools.look.set_theme_mode("light")
    again.library.close()


def test_citations(qtbot, reader_app: ReaderApp) -> None:
    open_article(reader_app, 1, 3)
    text = reader_app.tools.citations.copy()
    assert text == "周向阳. 我市3个村入选省级美丽乡村示范村[N]. 松河日报, 2024-03-15(1)."
    assert QApplication.clipboard().text() == text
    plain = reader_app.tools.citations.copy(plain=True)
    assert plain == "松河日报 2024年3月15日 第一版：我市3个村入选省级美丽乡村示范村"
    open_article(reader_app, 2, 0)  # a continuation is cited by its opening part
    assert reader_app.tools.citations.copy().endswith("(1).")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_export_pdf_from_the_window(qtbot, reader_app: ReaderApp, tmp_path: Path) -> None:
    open_article(reader_app, 1, 1)
    out = reader_app.tools.printing.export_pdf(str(tmp_path / "article.pdf"))
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    flat = "".join(text.split())
    assert "市图书馆新馆今日起向市民开放" in flat and "[N].松河日报,2024-03-15(1)." in flat


def test_export_pdf_to_a_missing_folder_says_so(qtbot, reader_app: ReaderApp, tmp_path: Path) -> None:
    open_article(reader_app, 1, 1)
    assert reader_app.tools.printing.export_pdf(str(tmp_path / "nope" / "a.pdf")) is None
    assert "nope" in reader_app.window.info_bar.label.text()


def test_archive_calendar(qtbot, reader_app: ReaderApp) -> None:
    dialog = reader_app.tools.archive.show()
    qtbot.addWidget(dialog)
    assert dialog.has_issue(QDate(2024, 3, 15)) and not dialog.has_issue(QDate(2024, 3, 14))
    reader_app.reader.open(Location(reader_app.reader.issue.id, 3, None))
    with qtbot.waitSignal(dialog.issueChosen):
        dialog.calendar.setSelectedDate(QDate(2024, 3, 15))
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert reader_app.reader.location.page == 1
    dialog.close()


def test_converted_text_is_kept_for_the_next_start(qtbot, reader_app: ReaderApp, library_path: Path) -> None:
    open_article(reader_app, 1, 0)
    reader_app.window.actions.scripts["traditional"].trigger()
    reader_app.window.close()
    reader_app.library.close()
    again = build(library_path)
    qtbot.addWidget(again.window)
    cached = again.presenter.look.converter._cache
    assert any(out == "夯實全年糧食豐收基礎" or "夯實全年糧食豐收基礎" in out for out in cached.values())
    again.library.close()


def test_search_the_real_page_in_either_script(qtbot, tmp_path: Path, real_page: Path) -> None:
    from paper_reader.core.importer import import_paths
    from paper_reader.core.library import Library

    db = tmp_path / "real.sqlite3"
    with Library(db) as lib:
        assert not import_paths(lib, [real_page]).errors
    app = build(db)
    qtbot.addWidget(app.window)
    simplified = search(qtbot, app, "巡视")
    traditional = search(qtbot, app, "巡視")
    assert simplified and [h.article_id for h in simplified] == [h.article_id for h in traditional]
    app.library.close()


def test_highlights_survive_a_refresh_and_page_turns(qtbot, reader_app: ReaderApp) -> None:
    """Highlights once pointed into a document the cache later deleted: a crash."""
    search(qtbot, reader_app, "图书馆")
    panel = reader_app.tools.search.panel()
    reader_app.tools.search.open_hit(panel.model.hits[0], ["图书馆"])
    reader_app.window.actions.whole_article.trigger()
    reader_app.window.actions.bigger.trigger()
    for _ in range(3):
        reader_app.window.actions.next_page.trigger()
        qtbot.wait(60)
        reader_app.window.actions.prev_page.trigger()
        qtbot.wait(60)
    reader_app.window.article_view.browser.viewport().grab()
