"""The window is built from a profile: a kiosk's never makes what it would have to hide;
its library is one handle, replaced in one place and announced; the look announces its
changes once."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtWidgets import QDockWidget, QMenu, QMenuBar, QWidget

from paper_reader.app import ReaderApp, build
from paper_reader.core.library import Library
from paper_reader.kiosk.config import KioskConfig
from paper_reader.kiosk.profile import kiosk_profile
from paper_reader.ui.shell.look import PUNCTUATION, SCRIPT, SIZE, THEME
from paper_reader.ui.shell.profile import PRINT_NONE, SETTINGS_FILE, LibraryAccess, Profile
from paper_reader.ui.shell.session import MemorySettings
from paper_reader.ui.system.library_watch import LibraryWatch


def menu_texts(app: ReaderApp) -> list[str]:
    return [action.text() for menu in app.window.menuBar().findChildren(QMenu) for action in menu.actions()]


def test_the_kiosk_builds_no_menus_and_none_of_the_desktop_s_actions(kiosk: ReaderApp) -> None:
    w, a = kiosk.window, kiosk.window.actions
    assert w.findChildren(QMenuBar) == []  # never made, so never cleared
    menus = w.findChildren(QMenu)
    assert [m.parent().objectName() for m in menus] == ["kioskScripts"]  # the script button's
    for name in ("import_files", "import_folder", "quit", "about", "export_pdf", "print_article",
                 "copy_citation", "copy_plain_citation", "cite_display_script", "full_width",
                 "theme_light", "theme_dark", "theme_system", "remove_page", "remove_issue",
                 "remove_paper"):
        assert getattr(a, name) is None, name
    assert kiosk.importer is None and kiosk.remover is None and kiosk.follower is None
    assert isinstance(kiosk.settings.settings, MemorySettings)  # no settings file
    # What has no button keeps its key, on the window itself.
    keyed = set(QWidget.actions(w))
    assert {a.show_overview, a.show_article, a.whole_article, a.find_in_article, a.next_hit,
            a.prev_hit, a.normal_size, *a.scripts.values()} <= keyed


def test_print_goes_once_to_the_profile_s_target(qtbot, make_kiosk, kiosk_library: Path, tmp_path: Path,
                                                 monkeypatch) -> None:
    from paper_reader.ui.tools.print_tools import PrintTools

    went: list[str] = []
    monkeypatch.setattr(PrintTools, "print_with_dialog", lambda _self: went.append("dialog"))
    monkeypatch.setattr(PrintTools, "print_to_printer", lambda _self: went.append("printer"))
    kiosk = make_kiosk(printing=True, printer="Reading Room")
    kiosk.window.actions.print_article.trigger()
    assert went == ["printer"] and kiosk.tools.printing.printer == "Reading Room"
    copy = tmp_path / "own.sqlite3"
    shutil.copy(kiosk_library, copy)
    reader = build(copy)  # the reader's own profile
    qtbot.addWidget(reader.window)
    try:
        reader.window.actions.print_article.trigger()
        assert went == ["printer", "dialog"]
    finally:
        reader.library.close()


def test_a_profile_without_print_or_pdf_has_neither_in_its_menu(qtbot, kiosk_library: Path,
                                                               tmp_path: Path) -> None:
    copy = tmp_path / "own.sqlite3"
    shutil.copy(kiosk_library, copy)
    profile = Profile(imports=True, removal=True, menus=True, print_target=PRINT_NONE,
                      pdf_export=False, citations=True, settings=SETTINGS_FILE, library=LibraryAccess())
    parts = build(copy, profile=profile)
    qtbot.addWidget(parts.window)
    try:
        a = parts.window.actions
        assert a.print_article is None and a.export_pdf is None
        texts = menu_texts(parts)
        assert "导入文件(&F)…" in texts and "删除本期(&I)…" in texts
        assert not any("打印" in t or "PDF" in t for t in texts)
    finally:
        parts.library.close()


def test_a_replaced_library_is_swapped_in_one_place_and_announced(qtbot, make_kiosk, kiosk_library: Path,
                                                                  tmp_path: Path) -> None:
    app = make_kiosk()
    archive = app.tools.archive.show()
    watch = LibraryWatch(app.handle, parent=app.window)
    old = app.library
    newer = tmp_path / "newer.sqlite3"
    shutil.copy(kiosk_library, newer)
    with Library(newer) as lib:
        lib.remove("松河日报", "2024-03-16")
    os.replace(newer, kiosk_library)
    heard: list[object] = []
    app.handle.replaced.connect(heard.append)
    assert app.kiosk.reopen_if_replaced()
    new = app.library
    assert heard == [new] and new is not old
    assert app.reader.library is new and archive.library is new and watch.handle.library is new
    assert app.reader.issue is None  # read from the old file: read again at the next open
    assert not app.kiosk.reopen_if_replaced()  # the new file is the one open now
    app.kiosk.reset()
    assert app.reader.issue.date == "2024-03-15"
    archive.reload("松河日报")
    assert archive.dates == {"2024-03-15"}


def test_the_look_announces_each_change_once(kiosk: ReaderApp) -> None:
    look = kiosk.look
    heard: list[frozenset[str]] = []
    look.changed.connect(heard.append)
    version, version_script = look.version, look.script
    version_size, version_theme = look.text_size, look.theme
    versions = []
    look.change(script="traditional", text_size=18.0)
    versions.append(look.version)
    look.change(script="traditional", text_size=18.0)  # nothing new: nothing said
    look.set_theme("dark")
    versions.append(look.version)
    look.set_full_width(not look.full_width)
    versions.append(look.version)
    assert heard == [frozenset({SCRIPT, SIZE}), frozenset({THEME}), frozenset({PUNCTUATION})]
    # The subscribers did their part: the menu's checks and the views follow.
    assert kiosk.window.actions.scripts["traditional"].isChecked()
    assert kiosk.window.article_view.browser.font().pointSizeF() == 18.0
    # Each change names a new look; the same look again names the same (its documents kept).
    assert len({version, *versions}) == 4
    look.change(script=version_script, text_size=version_size, theme=version_theme,
                full_width=not look.full_width)
    assert look.version == version


def test_the_search_dock_is_fitted_for_fingers_however_it_is_opened(qtbot, kiosk: ReaderApp) -> None:
    panel = kiosk.tools.search.panel()  # not through the 搜索 button
    dock = kiosk.window.findChild(QDockWidget, "searchDock")
    assert dock.features() == QDockWidget.DockWidgetFeature.NoDockWidgetFeatures
    assert dock.titleBarWidget().objectName() == "kioskSearchTitle"
    assert not panel.query.isClearButtonEnabled()
    panel.wait()


def test_the_kiosk_profile_follows_its_configuration() -> None:
    off = kiosk_profile(KioskConfig())
    on = kiosk_profile(KioskConfig(printing=True, printer="Room 2", papers=("松河日报",), theme="dark"))
    assert off.print_target == PRINT_NONE and not off.imports and not off.menus and not off.remembers
    assert (on.print_target, on.printer, on.theme) == ("printer", "Room 2", "dark")
    assert not on.library.writes and on.library.papers == ("松河日报",)
