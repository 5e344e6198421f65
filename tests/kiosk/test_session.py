"""A patron's session and what is left of it: the idle countdown and reset, web addresses,
printing, errors, and the library file and settings, untouched."""

from __future__ import annotations

import dataclasses
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from paper_reader.app import ReaderApp, build, run_gui
from paper_reader.core.library import Library, LibraryError
from paper_reader.kiosk.profile import kiosk_profile
from paper_reader.ui.shell.session import settings_file
from paper_reader.ui.views.article_html import LIGHT

from .conftest import PIN, WEB, make_library


def place(app: ReaderApp) -> tuple[str, int, int | None]:
    loc = app.reader.location
    return app.reader.issue.date, loc.page, loc.article


def click_row(qtbot, app: ReaderApp, row: int) -> None:
    view = app.window.article_list
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def search(qtbot, app: ReaderApp, text: str) -> list:
    qtbot.mouseClick(app.window.navigation_bar.widgetForAction(app.window.actions.find),
                     Qt.MouseButton.LeftButton)
    panel = app.tools.search.panel()
    typed = QInputMethodEvent()  # as an on-screen keyboard or an input method types Chinese
    typed.setCommitString(text)
    with qtbot.waitSignal(panel.resultsShown, timeout=10000):
        QApplication.sendEvent(panel.query, typed)
        qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert panel.query.text() == text
    return list(panel.model.hits)


def fingerprint(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def be_idle(app: ReaderApp, idle: float = 0.3, countdown: float = 0.8) -> None:
    """From now on, ``idle`` seconds without input start a ``countdown``-second countdown."""
    k = app.kiosk
    k.config = dataclasses.replace(k.config, idle_timeout=idle, countdown=countdown)
    k.keep_reading()


def test_idle_reset_restores_the_start_state(qtbot, kiosk: ReaderApp) -> None:
    w, k, reader, tools = kiosk.window, kiosk.kiosk, kiosk.reader, kiosk.tools
    a = w.actions
    assert place(kiosk) == ("2024-03-16", 1, None)  # the newest issue's front page
    # A patron: an older issue, another page, an article, another script, bigger text,
    # a search with its highlights, the whole article, a selection, the archive, the clipboard.
    qtbot.mouseClick(w.navigation_bar.widgetForAction(a.prev_issue), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(w.navigation_bar.widgetForAction(a.next_page), Qt.MouseButton.LeftButton)
    click_row(qtbot, kiosk, 0)
    assert place(kiosk) == ("2024-03-15", 2, 0)
    a.scripts["traditional"].trigger()
    for _ in range(2):
        qtbot.mouseClick(w.navigation_bar.widgetForAction(a.bigger), Qt.MouseButton.LeftButton)
    hits = search(qtbot, kiosk, "图书馆")
    assert hits
    panel = tools.search.panel()
    results = panel.results
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton,
                     pos=results.visualRect(panel.model.index(0)).center())
    browser = w.article_view.browser
    assert browser.extraSelections()
    a.whole_article.trigger()
    browser.selectAll()
    archive = tools.archive.show()
    QGuiApplication.clipboard().setText("a patron's note")
    assert reader.history.can_go_back() and kiosk.presenter.look.script == "traditional"

    be_idle(kiosk)
    qtbot.waitUntil(k.overlay.isVisible, timeout=5000)
    assert "秒后回到最新一期的头版" in k.overlay.seconds.text() and k.overlay.button.text() == "继续阅读"
    assert not archive.isVisible()  # left-open dialogs close when the countdown starts
    with qtbot.waitSignal(k.resetDone, timeout=5000):
        pass

    assert not k.overlay.isVisible()
    assert place(kiosk) == ("2024-03-16", 1, None) and w.tabs.currentWidget() is w.overview
    assert not reader.history.can_go_back() and not reader.history.can_go_forward()
    assert not a.back.isEnabled() and not a.forward.isEnabled()
    look = kiosk.presenter.look
    assert (look.script, look.text_size, look.palette) == ("original", 14.0, LIGHT)
    assert a.scripts["original"].isChecked() and not a.whole_article.isChecked()
    assert "市图书馆新馆今日起向市民开放" in w.overview.toPlainText()
    assert panel.query.text() == "" and not panel.query.isUndoAvailable()
    assert panel.model.rowCount() == 0 and panel.status.text() == ""
    assert not tools.search.panel().parentWidget().isVisible()  # the search dock
    assert tools.search.terms == [] and browser.extraSelections() == []
    assert not browser.textCursor().hasSelection() and not w.overview.textCursor().hasSelection()
    assert not archive.isVisible()
    assert QGuiApplication.clipboard().text() == ""


def test_continue_reading_keeps_the_place(qtbot, kiosk: ReaderApp) -> None:
    k = kiosk.kiosk
    click_row(qtbot, kiosk, 1)
    be_idle(kiosk, countdown=30)
    qtbot.waitUntil(k.overlay.isVisible, timeout=5000)
    k.config = dataclasses.replace(k.config, idle_timeout=600)
    qtbot.mouseClick(k.overlay.button, Qt.MouseButton.LeftButton)
    assert not k.overlay.isVisible() and place(kiosk) == ("2024-03-16", 1, 1)


def test_nobody_there_no_countdown(qtbot, kiosk: ReaderApp) -> None:
    """An untouched kiosk is in its start state already: no countdown flashing at nobody."""
    k = kiosk.kiosk
    k.dirty = False
    be_idle(kiosk, idle=0.2)
    qtbot.wait(600)
    assert not k.overlay.isVisible()


def test_dialogs_left_open_are_closed_by_the_reset(qtbot, kiosk: ReaderApp) -> None:
    dialog = kiosk.kiosk.open_pin_dialog()
    dialog.pin.setText(PIN)
    dialog.submit()
    assert dialog.unlocked
    kiosk.kiosk.reset()
    assert not dialog.isVisible() and not kiosk.kiosk.unlocked and not kiosk.window.close()


class UrlRecorder(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def record(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def test_web_and_mail_addresses_are_plain_text(qtbot, kiosk: ReaderApp, monkeypatch) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: pytest.fail(f"QDesktopServices.openUrl({url}) was called"))
    recorder = UrlRecorder()  # and what Qt itself might hand the desktop
    for scheme in ("http", "https", "mailto"):
        QDesktopServices.setUrlHandler(scheme, recorder, "record")
    w = kiosk.window
    browser = w.article_view.browser
    for page, text in ((1, WEB), (4, "shqzwy@example.cn")):
        kiosk.reader.go_page(page)
        row = next(r for r, art in enumerate(kiosk.reader.page().articles)
                   if text in "".join(art.paragraphs))
        click_row(qtbot, kiosk, row)
        before = place(kiosk)
        found = browser.document().find(text)
        assert not found.isNull(), text
        middle = QTextCursor(found)
        middle.setPosition(found.selectionStart() + len(text) // 2)
        browser.setTextCursor(middle)
        browser.ensureCursorVisible()
        point = browser.cursorRect(middle).center()
        assert browser.anchorAt(point) == ""  # not a link
        assert 'href="http' not in browser.toHtml() and "mailto:" not in browser.toHtml()
        qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
        qtbot.mouseDClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
        assert place(kiosk) == before
    QApplication.processEvents()
    assert recorder.urls == [] and QApplication.activePopupWidget() is None
    assert w.isVisible()


def test_a_kiosk_session_leaves_the_library_and_settings_untouched(qtbot, make_kiosk, kiosk_library: Path,
                                                                    isolated_home: Path) -> None:
    os.chmod(kiosk_library, 0o444)
    before = fingerprint(kiosk_library)
    app = make_kiosk()
    w = app.window
    w.actions.next_page.trigger()
    click_row(qtbot, app, 0)
    w.actions.prev_issue.trigger()
    w.actions.scripts["hongkong"].trigger()
    assert search(qtbot, app, "圖書館")
    app.kiosk.reset()
    dialog = app.kiosk.open_pin_dialog()
    dialog.pin.setText(PIN)
    dialog.submit()
    dialog.exit_button.click()
    assert not w.isVisible()
    app.tools.search.panel().wait()
    assert fingerprint(kiosk_library) == before
    assert not settings_file().exists()  # nothing remembered: not the place, not the look
    assert not (isolated_home / "cache" / "converted.json").exists()
    assert not (isolated_home / "config").exists()


def test_only_the_configured_papers(qtbot, make_kiosk, tmp_path: Path, sample_dir: Path) -> None:
    path = make_library(tmp_path / "two.sqlite3", sample_dir, tmp_path / "more", ("松河日报", "松河晚报"))
    app = make_kiosk(path, papers=("松河晚报",))
    assert app.reader.issue.paper == "松河晚报"
    hits = search(qtbot, app, "图书馆")
    assert hits and {h.paper for h in hits} == {"松河晚报"}
    panel = app.tools.search.panel()
    assert [panel.paper.itemText(i) for i in range(panel.paper.count())] == ["全部报纸", "松河晚报"]
    archive = app.tools.archive.show()
    assert [archive.paper.itemText(i) for i in range(archive.paper.count())] == ["松河晚报"]
    archive.reject()


def test_the_configured_look_is_the_start(qtbot, make_kiosk) -> None:
    app = make_kiosk(theme="dark", script="traditional", text_size=18.0)
    look = app.presenter.look
    assert (look.script, look.text_size) == ("traditional", 18.0) and look.palette is not LIGHT
    assert "市圖書館新館今日起向市民開放" in app.window.overview.toPlainText()
    app.window.actions.scripts["simplified"].trigger()
    app.kiosk.reset()
    assert (look.script, look.text_size) == ("traditional", 18.0) and look.palette is not LIGHT


def test_an_empty_library_is_never_filled(qtbot, make_kiosk, tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    Library(path).close()
    app = make_kiosk(path)
    assert app.library.is_empty() and app.reader.location is None
    assert app.window.info_bar.label.text() == "书库里还没有报纸。"
    with pytest.raises(LibraryError, match="no library here"):
        build(tmp_path / "missing.sqlite3", profile=kiosk_profile(app.kiosk.config))
    assert not (tmp_path / "missing.sqlite3").exists()


def test_a_library_synced_over_the_old_file_is_read_afresh(qtbot, make_kiosk, kiosk_library: Path,
                                                           tmp_path: Path, sample_dir: Path) -> None:
    """rsync and the like write a new copy and rename it over the old file; the kiosk's open
    connection would go on reading the old one. The next reset opens the new file."""
    app = make_kiosk()
    assert search(qtbot, app, "图书馆")
    app.kiosk.reset()
    newer = tmp_path / "staff" / "library.sqlite3"
    newer.parent.mkdir()
    shutil.copy(kiosk_library, newer)
    day = tmp_path / "2024-03-17"
    day.mkdir()
    for page in sample_dir.glob("*.txt"):
        text = page.read_text(encoding="utf-8").replace("2024年3月15日", "2024年3月17日")
        (day / page.name).write_text(text.replace("市图书馆新馆", "市图书馆新馆（周日）"), encoding="utf-8")
    from paper_reader.core.importer import import_paths

    with Library(newer) as lib:
        import_paths(lib, [day])
    os.replace(newer, kiosk_library)
    assert place(app) == ("2024-03-16", 1, None)
    app.kiosk.reset()
    assert place(app) == ("2024-03-17", 1, None)
    assert app.library is app.reader.library and "2024-03-17" in {h.date for h in search(qtbot, app, "周日")}


# -- printing -------------------------------------------------------------------------------------
def test_printing_is_off_unless_allowed(qtbot, kiosk: ReaderApp, monkeypatch) -> None:
    from paper_reader.ui.tools import printing

    monkeypatch.setattr(printing, "print_dialog", lambda *a, **k: pytest.fail("a print dialog"))
    monkeypatch.setattr(printing, "print_article", lambda *a, **k: pytest.fail("printed"))
    click_row(qtbot, kiosk, 0)
    a = kiosk.window.actions
    assert a.print_article is None  # never made
    assert "打印" not in {action.iconText() for action in kiosk.window.navigation_bar.actions()}
    qtbot.keyClick(kiosk.window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)


class FakePrinter:
    """What the kiosk hands ui/printing: a system printer by name, no file."""

    def __init__(self, name: str) -> None:
        self.name, self.doc = name, ""

    def printerName(self) -> str:  # noqa: N802
        return self.name

    def outputFileName(self) -> str:  # noqa: N802
        return ""

    def setDocName(self, name: str) -> None:  # noqa: N802
        self.doc = name


def test_allowed_printing_goes_straight_to_the_printer(qtbot, make_kiosk, monkeypatch) -> None:
    from paper_reader.ui.tools import print_tools as kiosk_module
    from paper_reader.ui.tools import printing

    printed: list[tuple[str, str, str, str]] = []
    monkeypatch.setattr(printing, "print_dialog", lambda *a, **k: pytest.fail("a print dialog"))
    monkeypatch.setattr(printing, "export_pdf", lambda *a, **k: pytest.fail("a PDF"))
    monkeypatch.setattr(printing, "print_article", lambda printer, issue, page, art, html, citation, convert:
                        printed.append((printer.printerName(), printer.outputFileName(), printer.doc,
                                        citation)))
    asked: list[str] = []
    monkeypatch.setattr(kiosk_module, "native_printer", lambda name: asked.append(name) or FakePrinter(name))
    app = make_kiosk(printing=True, printer="Reading Room")
    click_row(qtbot, app, 1)
    button = app.window.navigation_bar.widgetForAction(app.window.actions.print_article)
    assert button is not None and button.isVisible() and button.height() >= 44
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == ["Reading Room"]
    assert [p[:3] for p in printed] == [("Reading Room", "", "市图书馆新馆今日起向市民开放")]
    assert "松河日报" in printed[0][3]  # the citation in the footer
    assert app.window.statusBar().currentMessage() == "已送往打印机。"
    monkeypatch.setattr(kiosk_module, "native_printer", lambda name: None)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(printed) == 1 and "打印机现在不可用" in app.window.info_bar.label.text()


def test_an_unknown_printer_is_none_not_a_pdf(qapp) -> None:
    from paper_reader.ui.tools.print_tools import native_printer

    assert native_printer("no such printer, surely") is None


# -- errors ---------------------------------------------------------------------------------------
@pytest.mark.qt_no_exception_capture
def test_uncaught_errors_are_logged_and_the_kiosk_starts_afresh(qtbot, kiosk: ReaderApp, monkeypatch,
                                                               isolated_home: Path) -> None:
    from paper_reader.kiosk.mode import setup_logging

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back afterwards
    log_file = setup_logging()
    try:
        kiosk.kiosk.install_excepthook()
        kiosk.window.actions.next_page.trigger()
        assert place(kiosk)[1] == 2

        def broken() -> None:
            raise RuntimeError("a bug in a slot")

        from PySide6.QtCore import QTimer

        with qtbot.waitSignal(kiosk.kiosk.resetDone, timeout=5000):
            QTimer.singleShot(0, broken)
        assert place(kiosk) == ("2024-03-16", 1, None) and kiosk.window.isVisible()
        text = log_file.read_text(encoding="utf-8")
        assert log_file.parent == isolated_home / "log"
        assert "uncaught exception" in text and "RuntimeError: a bug in a slot" in text
    finally:
        logger = logging.getLogger("paper_reader")
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
            handler.close()


# -- starting it ----------------------------------------------------------------------------------
def test_kiosk_screenshot_from_the_command_line(tmp_path: Path, kiosk_library: Path) -> None:
    config = tmp_path / "kiosk.ini"
    config.write_text(f"[kiosk]\nlibrary = {kiosk_library}\ntext_size = 16\n", encoding="utf-8")
    out = tmp_path / "kiosk.png"
    home = tmp_path / "home"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PAPER_READER_HOME=str(home))
    done = subprocess.run([sys.executable, "-m", "paper_reader", "--kiosk", "--config", str(config),
                           "--screenshot", str(out)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    from PySide6.QtGui import QImage

    assert not QImage(str(out)).isNull()
    assert not (home / "config").exists()
    assert "kiosk started on" in (home / "log" / "kiosk.log").read_text(encoding="utf-8")


def test_bad_configuration_stops_a_missing_library_is_a_message(capsys, qapp, tmp_path: Path,
                                                                monkeypatch) -> None:
    from paper_reader.ui.shell import startup

    monkeypatch.setattr(startup, "install_translations", lambda *a, **k: [])  # keep this app Chinese
    config = tmp_path / "kiosk.ini"
    config.write_text("[kiosk]\nidle_timeout = later\n", encoding="utf-8")
    assert run_gui(["--config", str(config)]) == 1
    assert "idle_timeout" in capsys.readouterr().err
    config.write_text(f"[kiosk]\nlibrary = {tmp_path / 'none.sqlite3'}\n", encoding="utf-8")
    try:  # no exit in a loop: the kiosk shows why (see test_unavailable) and waits for the file
        assert run_gui(["--kiosk", "--config", str(config), "--screenshot", str(tmp_path / "s.png")]) == 0
    finally:
        logger = logging.getLogger("paper_reader")
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
            handler.close()
    assert "no library here" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite3").exists()
