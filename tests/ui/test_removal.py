"""编辑 → 删除此版/删除本期/删除此报: a window-modal confirmation (no nested event loop), one
transaction, and the window shows what is left: pages, articles, archive, search, history."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from paper_reader.app import ReaderApp
from paper_reader.core.importer import import_paths
from paper_reader.core.reading.history import Location


def confirm(qtbot, app: ReaderApp, action_name: str, answer: str = "删除") -> str:
    """Trigger the menu action and answer its confirmation; returns the question asked."""
    getattr(app.window.actions, action_name).trigger()
    boxes = [b for b in app.window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and boxes[0].isModal()
    box = boxes[0]
    question = box.text()
    next(b for b in box.buttons() if b.text() == answer).click()
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=2000)
    return question


@pytest.fixture
def two_days(reader_app: ReaderApp, sample_dir: Path, tmp_path: Path) -> ReaderApp:
    folder = tmp_path / "songhe-2024-03-16"
    folder.mkdir()
    for page in sample_dir.glob("page*.txt"):
        text = page.read_text(encoding="utf-8").replace("2024年3月15日", "2024年3月16日")
        (folder / page.name).write_text(text, encoding="utf-8")
    assert not import_paths(reader_app.library, [folder]).errors
    return reader_app


def issue_of(app: ReaderApp, date: str) -> int | None:
    return app.library.find_issue("松河日报", date)


def test_remove_this_page(qtbot, reader_app: ReaderApp) -> None:
    w, reader = reader_app.window, reader_app.reader
    reader.go_page(2)
    question = confirm(qtbot, reader_app, "remove_page")
    assert "松河日报 2024-03-15 的第二版" in question
    info = reader_app.library.issue_info(reader.location.issue_id)
    assert info is not None and info.pages == [1, 3, 4]
    assert reader.location.page == 2 and reader.page() is None  # 未收录 now
    assert "未收录" in w.page_model.index(1).data() and w.article_model.rowCount() == 0
    assert not w.actions.remove_page.isEnabled() and w.actions.remove_issue.isEnabled()
    assert "已删除" in w.info_bar.label.text()
    # Page 1's 下转第二版 now says its page is not in the library.
    reader.go_page(1)
    reader.select_article(0)
    assert reader.follow("page:2/0") is False and reader.location.page == 1


def test_cancel_removes_nothing(qtbot, reader_app: ReaderApp) -> None:
    before = [i.to_dict() for i in reader_app.library.export()]
    confirm(qtbot, reader_app, "remove_paper", answer="取消")
    assert [i.to_dict() for i in reader_app.library.export()] == before
    assert reader_app.reader.issue is not None


def test_remove_this_issue_goes_to_its_neighbour(qtbot, two_days: ReaderApp) -> None:
    app, reader = two_days, two_days.reader
    reader.open(Location(issue_of(app, "2024-03-16"), 3, 0))
    reader.open(Location(issue_of(app, "2024-03-15"), 1, 0))
    reader.open(Location(issue_of(app, "2024-03-16"), 2, None))
    archive = app.tools.archive.show()
    assert archive.dates == {"2024-03-15", "2024-03-16"}
    search_hits = app.tools.search.panel()
    with qtbot.waitSignal(search_hits.resultsShown, timeout=10000):
        search_hits.query.setText("图书馆")
        search_hits.run()
    assert {h.date for h in search_hits.model.hits} == {"2024-03-15", "2024-03-16"}
    question = confirm(qtbot, app, "remove_issue")
    assert "松河日报 2024-03-16 这一期（4 版" in question
    assert issue_of(app, "2024-03-16") is None
    assert reader.issue.date == "2024-03-15" and reader.location.page == 1
    assert app.window.page_model.rowCount() == 4
    assert archive.dates == {"2024-03-15"}  # the archive follows
    assert {h.date for h in search_hits.model.hits} == {"2024-03-15"}  # so do the results
    while reader.history.can_go_back():  # and back never leads into the removed issue
        reader.back()
        assert reader.issue.date == "2024-03-15"
    search_hits.wait()
    archive.close()


def test_remove_the_paper_leaves_an_empty_window(qtbot, reader_app: ReaderApp) -> None:
    w = reader_app.window
    question = confirm(qtbot, reader_app, "remove_paper")
    assert "松河日报 的全部 1 期（4 版" in question
    assert reader_app.library.is_empty() and reader_app.reader.issue is None
    assert reader_app.reader.location is None and not reader_app.reader.history.can_go_back()
    assert w.page_model.rowCount() == 0 and w.article_model.rowCount() == 0
    assert w.overview.toPlainText() == "" and w.article_view.plain_text() == ""
    assert w.windowTitle() == "报纸阅读器"
    a = w.actions
    assert not any(x.isEnabled() for x in (a.remove_page, a.remove_issue, a.remove_paper))
    assert not a.next_page.isEnabled() and not a.prev_issue.isEnabled()


def test_the_menu_holds_them_and_no_key_removes(reader_app: ReaderApp) -> None:
    a = reader_app.window.actions
    edit = next(m for m in reader_app.window.menuBar().actions() if m.text() == "编辑(&E)").menu()
    assert {a.remove_page, a.remove_issue, a.remove_paper} <= set(edit.actions())
    for action in (a.remove_page, a.remove_issue, a.remove_paper):
        assert action.shortcut().isEmpty() and action.text().endswith("…")


def test_a_removal_by_the_command_line_is_followed(qtbot, two_days: ReaderApp) -> None:
    app, reader = two_days, two_days.reader
    follower = app.follower  # the window's own
    assert follower is not None
    reader.open(Location(issue_of(app, "2024-03-16"), 2, 0))
    done = subprocess.run([sys.executable, "-m", "paper_reader", "remove", "--paper", "松河日报",
                           "--date", "2024-03-16", "--yes", "--db", str(app.library.path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert follower.refresh() == "opened" and reader.issue.date == "2024-03-15"
    subprocess.run([sys.executable, "-m", "paper_reader", "remove", "--paper", "松河日报", "--yes",
                    "--db", str(app.library.path)], check=True, capture_output=True, timeout=60)
    assert follower.refresh() == "emptied" and reader.issue is None
    assert app.window.article_model.rowCount() == 0


def test_the_kiosk_offers_no_removal(make_kiosk_like) -> None:
    a = make_kiosk_like.window.actions
    for action in (a.remove_page, a.remove_issue, a.remove_paper):
        assert action is None  # never made
    assert make_kiosk_like.remover is None


@pytest.fixture
def make_kiosk_like(qtbot, tmp_path: Path, sample_dir: Path):
    """A window built as the kiosk is (read-only library, no importer)."""
    from paper_reader.app import build
    from paper_reader.core.library import Library
    from paper_reader.kiosk.config import KioskConfig
    from paper_reader.kiosk.profile import kiosk_profile

    path = tmp_path / "kiosk.sqlite3"
    with Library(path) as lib:
        import_paths(lib, [sample_dir])
    parts = build(path, profile=kiosk_profile(KioskConfig(idle_timeout=600, countdown=20)))
    qtbot.addWidget(parts.window, before_close_func=lambda _w: parts.kiosk.release())
    yield parts
    parts.kiosk.release()
    parts.library.close()


def test_what_the_library_no_longer_holds_is_said_in_chinese(qtbot, reader_app: ReaderApp) -> None:
    """Removed meanwhile by another copy: the window says what is missing in its language."""
    remover = reader_app.remover
    assert remover is not None
    assert remover.remove("松河日报", "2024-03-16", None) is None
    text = reader_app.window.info_bar.label.text()
    assert "未能删除，书库保持原样" in text and "书库里没有松河日报 2024-03-16 这一期" in text
    assert remover.remove("人民日报", None, None) is None
    assert "书库里没有名为“人民日报”的报纸" in reader_app.window.info_bar.label.text()
    assert remover.remove("松河日报", "2024-03-15", 9) is None
    assert "书库里没有松河日报 2024-03-15 的第 9 版" in reader_app.window.info_bar.label.text()
    assert reader_app.library.issue_info(reader_app.reader.location.issue_id).pages == [1, 2, 3, 4]
