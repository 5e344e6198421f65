"""The reader window, driven as a reader would: clicks, keys, links, drops."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from paper_reader.app import ReaderApp, build


def current(app: ReaderApp) -> tuple[int, int | None]:
    loc = app.reader.location
    return loc.page, loc.article


def click_article(qtbot, app: ReaderApp, row: int) -> None:
    view = app.window.article_list
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_link(qtbot, app: ReaderApp, text: str) -> None:
    """Click the visible link whose text is ``text`` in the article view."""
    browser = app.window.article_view.browser
    cursor = browser.document().find(text)
    assert not cursor.isNull(), f"{text} is not in the article"
    middle = QTextCursor(cursor)
    middle.setPosition(cursor.selectionStart() + 2)
    browser.ensureCursorVisible()
    browser.setTextCursor(middle)
    browser.ensureCursorVisible()
    point = browser.cursorRect(middle).center()
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_opens_the_sample_issue_front_page(reader_app: ReaderApp) -> None:
    w = reader_app.window
    assert reader_app.reader.issue.paper == "松河日报"
    assert current(reader_app) == (1, None)
    assert w.page_strip.currentIndex().row() == 0
    assert w.page_model.rowCount() == 4
    assert w.article_model.rowCount() == 7
    assert w.tabs.currentWidget() is w.overview and len(w.overview.cells) == 7
    assert "松河日报" in w.issue_label.text()
    names = {w.page_strip.accessibleName(), w.article_list.accessibleName(),
             w.article_view.browser.accessibleName(), w.overview.accessibleName()}
    assert len(names) == 4 and all(names)


def test_click_an_article_and_read_it(qtbot, reader_app: ReaderApp) -> None:
    click_article(qtbot, reader_app, 1)
    w = reader_app.window
    assert current(reader_app) == (1, 1)
    assert w.tabs.currentWidget() is w.article_view
    text = w.article_view.plain_text()
    # Shown with full-width punctuation among Chinese (the default display option)
    assert "市图书馆新馆今日起向市民开放" in text and "本报讯（记者 许嘉宁 通讯员 郑文涛）" in text


def test_overview_block_click_opens_article(qtbot, reader_app: ReaderApp) -> None:
    overview = reader_app.window.overview
    # a click on the block's text, not its title link, opens it too
    cursor = overview.document().find("3月13日清晨")
    point = overview.cursorRect(cursor).center()
    assert overview.article_at(point) == 2
    qtbot.mouseClick(overview.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert current(reader_app) == (1, 2)
    assert "河水清了" in reader_app.window.article_view.plain_text()


def test_follow_continuation_then_go_back(qtbot, reader_app: ReaderApp) -> None:
    click_article(qtbot, reader_app, 0)
    click_link(qtbot, reader_app, "(下转第二版)")
    w = reader_app.window
    assert current(reader_app) == (2, 0)
    assert w.page_strip.currentIndex().row() == 1
    assert w.article_list.currentIndex().row() == 0
    assert "(上接第一版)" in w.article_view.plain_text()
    qtbot.keyClick(w, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert current(reader_app) == (1, 0)
    assert "下转第二版" in w.article_view.plain_text()
    qtbot.keyClick(w, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert current(reader_app) == (2, 0)
    click_link(qtbot, reader_app, "(上接第一版)")
    assert current(reader_app) == (1, 0)


def test_mouse_back_button(qtbot, reader_app: ReaderApp) -> None:
    from paper_reader.ui.shell.wiring import MouseNavigation

    buttons = reader_app.window.findChild(MouseNavigation)
    qtbot.waitUntil(lambda: buttons._watching, timeout=2000)  # set up just after the first paint
    click_article(qtbot, reader_app, 0)
    click_link(qtbot, reader_app, "(下转第二版)")
    qtbot.mouseClick(reader_app.window.article_list.viewport(), Qt.MouseButton.BackButton,
                     pos=QPoint(5, 5))
    assert current(reader_app) == (1, 0)


def test_link_to_a_missing_page_says_so_in_place(qtbot, tmp_path: Path, sample_dir: Path) -> None:
    from paper_reader.core.importer import import_paths
    from paper_reader.core.library import Library

    db = tmp_path / "one-page.sqlite3"
    with Library(db) as lib:
        import_paths(lib, [sample_dir / "page1.txt"])
    app = build(db)
    qtbot.addWidget(app.window)
    app.window.show()
    assert "未收录" in app.window.page_model.index(1).data()
    click_article(qtbot, app, 0)
    click_link(qtbot, app, "(下转第二版)")
    notice = app.window.article_view.notice
    assert current(app) == (1, 0)
    assert notice.isVisible() and "第二版未收录" in notice.text() and "导入" in notice.text()
    app.library.close()


def test_keyboard_page_turns_and_enter(qtbot, reader_app: ReaderApp) -> None:
    w = reader_app.window
    w.article_list.setFocus()
    qtbot.keyClick(w.article_list, Qt.Key.Key_PageDown)
    assert current(reader_app)[0] == 2
    qtbot.keyClick(w.article_list, Qt.Key.Key_Right)
    assert current(reader_app)[0] == 3
    qtbot.keyClick(w.article_list, Qt.Key.Key_PageUp)
    assert current(reader_app)[0] == 2
    w.article_list.setFocus()
    qtbot.keyClick(w.article_list, Qt.Key.Key_Down)
    qtbot.keyClick(w.article_list, Qt.Key.Key_Down)
    qtbot.keyClick(w.article_list, Qt.Key.Key_Return)
    assert current(reader_app) == (2, 1)
    qtbot.keyClick(w.article_list, Qt.Key.Key_Backspace)  # back to where the reader came from
    assert current(reader_app) == (3, None) and w.tabs.currentWidget() is w.overview


def test_every_menu_action_shows_a_shortcut(reader_app: ReaderApp) -> None:
    a = reader_app.window.actions
    for action in (a.import_files, a.import_folder, a.quit, a.back, a.forward, a.prev_page,
                   a.next_page, a.prev_issue, a.next_issue, a.show_overview, a.show_article,
                   a.whole_article):
        assert not action.shortcut().isEmpty(), action.text()


def test_whole_article_reads_all_parts(qtbot, reader_app: ReaderApp) -> None:
    click_article(qtbot, reader_app, 0)
    reader_app.window.actions.whole_article.trigger()
    text = reader_app.window.article_view.plain_text()
    # The part stops mid-sentence (8.5万亩,): the join is marked inside the paragraph.
    assert "〔下接第二版〕" in text and "—— 第二版 ——" not in text and "下转第二版" not in text


def _drop(window, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)


def test_drop_a_good_and_a_bad_file(qtbot, reader_app: ReaderApp, sample_dir: Path,
                                    tmp_path: Path) -> None:
    good = tmp_path / "2024-03-16-p1.txt"
    good.write_text((sample_dir / "page1.txt").read_text().replace("2024年3月15日", "2024年3月16日"))
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with qtbot.waitSignal(reader_app.importer.finished, timeout=20000):
        _drop(reader_app.window, [good, bad])
    w = reader_app.window
    assert reader_app.reader.issue.date == "2024-03-16"
    assert w.info_bar.isVisible()
    message = w.info_bar.label.text()
    assert "新增 1 版" in message and "scan.txt" in message
    assert w.actions.prev_issue.isEnabled()
    w.actions.prev_issue.trigger()
    assert reader_app.reader.issue.date == "2024-03-15"


def test_reopens_where_the_reader_left_off(qtbot, reader_app: ReaderApp, library_path: Path) -> None:
    click_article(qtbot, reader_app, 0)
    click_link(qtbot, reader_app, "(下转第二版)")
    reader_app.window.close()
    reader_app.library.close()
    again = build(library_path)
    qtbot.addWidget(again.window)
    assert current(again) == (2, 0)
    again.library.close()


def test_page_turn_to_a_missing_page_says_so(qtbot, tmp_path: Path, sample_dir: Path) -> None:
    from paper_reader.core.importer import import_paths
    from paper_reader.core.library import Library

    db = tmp_path / "two.sqlite3"
    with Library(db) as lib:
        import_paths(lib, [sample_dir / "page1.txt", sample_dir / "page3.txt"])
    app = build(db)
    qtbot.addWidget(app.window)
    app.window.show()
    app.window.actions.next_page.trigger()
    assert current(app) == (2, None)
    assert "第二版未收录" in app.window.overview.toPlainText()
    assert app.window.article_model.rowCount() == 0
    app.window.actions.next_page.trigger()
    assert current(app)[0] == 3 and app.window.article_model.rowCount() == 6
    app.library.close()


def test_no_chinese_font_is_said_once(qtbot, monkeypatch, library_path: Path) -> None:
    from paper_reader.ui.shell import startup
    from paper_reader.ui.shell.fonts import FontChoice

    monkeypatch.setattr(startup, "choose_fonts", lambda: FontChoice(None, None, None))
    first = build(library_path)
    qtbot.addWidget(first.window)
    assert "没有找到中文字体" in first.window.info_bar.label.text()
    first.library.close()
    second = build(library_path)
    qtbot.addWidget(second.window)
    assert "没有找到中文字体" not in second.window.info_bar.label.text()
    second.library.close()


def test_cancelled_import_keeps_the_library(qtbot, reader_app: ReaderApp, sample_dir: Path,
                                             tmp_path: Path) -> None:
    before = [i.to_dict() for i in reader_app.library.export()]
    folders = []
    for day in range(10, 14):
        d = tmp_path / f"2024-04-{day}"
        d.mkdir()
        for f in sample_dir.glob("*.txt"):
            (d / f.name).write_text(f.read_text().replace("2024年3月15日", f"2024年4月{day}日"))
        folders.append(str(d))
    importer = reader_app.importer
    importer.thread = None
    with qtbot.waitSignal(importer.finished, timeout=20000) as done:
        importer.start(folders)
        importer.cancel()
    assert done.args[1] is True
    assert "导入已取消" in reader_app.window.info_bar.label.text()
    assert [i.to_dict() for i in reader_app.library.export()] == before


def test_about_names_versions_and_library(qtbot, reader_app: ReaderApp) -> None:
    from paper_reader.ui.shell.wiring import show_about

    box = show_about(reader_app.window, reader_app.library.path)
    assert "PySide6" in box.text() and "OpenCC" in box.text() and str(reader_app.library.path) in box.text()
    box.close()


def test_screenshot_command_writes_a_picture(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PAPER_READER_HOME=str(tmp_path / "home"))
    done = subprocess.run([sys.executable, "-m", "paper_reader", "--screenshot", str(out),
                           "--open", "2024-03-15/2/1", "--size", "900x600"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 600)


def test_first_page_is_laid_out_once_at_the_shown_size(qtbot, library_path: Path) -> None:
    """As `paper-reader` starts: the library opened by the start-up check is the window's,
    the front page goes up when the window is shown (at its real size, not the placeholder
    width of a view never shown), and idle work waits for the window too."""
    from paper_reader.ui.shell.startup import open_library

    library = open_library(library_path, interactive=False)
    assert library is not None
    app = build(library_path, open_when_shown=True, library=library)
    qtbot.addWidget(app.window)
    w = app.window
    assert app.library is library
    assert app.reader.location is None and w.article_model.rowCount() == 0
    assert not app.presenter._timer.isActive()
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    assert current(app) == (1, None) and w.article_model.rowCount() == 7
    assert w.overview.document().textWidth() == w.overview.viewport().width() > 500
    qtbot.waitUntil(lambda: not app.presenter._idle, timeout=5000)  # idle work ran after showing
    app.library.close()


STARTUP_PROBE = """
import os, sys
from paper_reader.__main__ import main
import paper_reader.ui.shell.startup as startup

def first_paint(app, window, *_):
    import PySide6.QtCore, PySide6.QtWidgets
    def done():
        print("Qt" in PySide6.QtCore.__dict__, "QStyle" in PySide6.QtWidgets.__dict__, flush=True)
        os._exit(0)
    watcher = startup._FirstPaint()
    watcher._complete = done
    window.installEventFilter(watcher)
    kept.append(watcher)  # the reader's start runs its event loop after this returns
    if sys.argv[1] == "--screenshot":
        app.exec()

kept = []

startup.take_screenshot = first_paint  # --screenshot
startup.report_first_paint = first_paint  # a reader's start (PAPER_READER_REPORT_PAINT=quit)
main(sys.argv[1:])
"""


def test_first_paint_builds_neither_the_qt_namespace_nor_qstyle(tmp_path: Path) -> None:
    """PySide makes a class's Python enums when the class is first named: about a hundred for
    the Qt namespace (10 ms), a dozen for QStyle (5 ms). The window's first frame needs
    neither, and the start-up benchmark's ratio depends on it staying that way: checked for
    a reader's start (single-instance lock, crash handler, library watch) and --screenshot."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PAPER_READER_HOME=str(tmp_path / "home"),
               PAPER_READER_REPORT_PAINT="quit", XDG_RUNTIME_DIR=str(tmp_path))
    db = ["--db", str(tmp_path / "home" / "data" / "library.sqlite3")]  # the default: the sample
    for args in (["--screenshot", str(tmp_path / "x.png"), *db], [*db, "--size", "1280x800"]):
        command = [sys.executable, "-c", STARTUP_PROBE, *args]
        subprocess.run(command, env=env, capture_output=True, timeout=120)  # first run: theme cache
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        assert done.stdout.split() == ["False", "False"], (args, done.stdout, done.stderr[-2000:])


def test_collector_is_back_on_once_the_window_is_up(qtbot) -> None:
    """`paper-reader` starts with the cyclic collector off (__main__); it must come back."""
    import gc

    from paper_reader.app import SETTLE_MS, collect_after_start

    gc.disable()
    try:
        collect_after_start()
        assert not gc.isenabled()
        qtbot.waitUntil(gc.isenabled, timeout=SETTLE_MS + 2000)
    finally:
        gc.enable()
