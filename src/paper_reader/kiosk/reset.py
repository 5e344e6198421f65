"""The kiosk's start state, put back after a quiet spell or an error (see ``kiosk``):
the newest issue's front page in the configured look, and nothing left of the last reader
(search, history, selections, highlights, dialogs, clipboard)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QSignalBlocker
from PySide6.QtGui import QClipboard, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QDialog, QDockWidget, QStatusBar, QToolTip, QWidget

from ..core.library import LibraryError
from ..core.reading.history import History, Location
from ..ui.shell.startup import apply_theme
from .config import KioskConfig
from .library import KioskLibrary

if TYPE_CHECKING:
    from ..app import ReaderApp

log = logging.getLogger("paper_reader.kiosk")


def close_dialogs(window: QWidget) -> None:
    """Every popup, tooltip and window but the reader's own."""
    for _ in range(10):
        popup = QApplication.activePopupWidget()
        if popup is None:
            break
        popup.close()
    QToolTip.hideText()
    for widget in QApplication.topLevelWidgets():
        if widget is window or not widget.isVisible():
            continue
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()


def empty_search(parts: ReaderApp):  # type: ignore[no-untyped-def]
    """The search panel as nobody used it: no query, filters or results; dock hidden.
    Returns the panel, or None when it was never opened."""
    w, tools = parts.window, parts.tools
    dock = w.findChild(QDockWidget, "searchDock")  # type: ignore[attr-defined]
    panel = dock.widget() if dock is not None else None
    if panel is not None:
        for box in (panel.in_article, panel.limit_dates):
            with QSignalBlocker(box):
                box.setChecked(False)
        for edit in (panel.date_from, panel.date_to):
            edit.setEnabled(False)
        with QSignalBlocker(panel.paper):
            panel.paper.setCurrentIndex(0)
        panel.query.setText("")  # forgets the undo history too
        panel.run()  # an empty query: no results, and a late answer is dropped
        panel.results.scrollToTop()
        tools.refresh_papers()  # type: ignore[attr-defined]
        dock.hide()
    tools.terms, tools.hit_index = [], -1  # type: ignore[attr-defined]
    return panel


def start_state(parts: ReaderApp, config: KioskConfig, splitter: QByteArray) -> None:
    """Look, place, history, selections and clipboard as at the kiosk's start."""
    w, tools, reader, presenter = parts.window, parts.tools, parts.reader, parts.presenter
    panel = empty_search(parts)
    a = w.actions  # type: ignore[attr-defined]
    with QSignalBlocker(a.whole_article):
        a.whole_article.setChecked(False)
    reader.whole_article = False  # type: ignore[attr-defined]
    reader.history = History()  # type: ignore[attr-defined]
    look = presenter.look  # type: ignore[attr-defined]
    look.set_script(config.script)
    look.text_size = config.text_size
    tools.theme_mode = config.theme  # type: ignore[attr-defined]
    apply_theme(w, presenter, parts.settings, config.theme, remember=False)  # type: ignore[arg-type]
    if panel is not None:
        panel.model.convert = look.convert
        panel.delegate.mark_color = look.palette.highlight
    tools.sync_checks()  # type: ignore[attr-defined]
    latest = reader.library.latest_issue()  # type: ignore[attr-defined]
    if latest is not None:
        reader.open(Location(latest, 1, None))  # type: ignore[attr-defined]
    w.show_overview_tab()  # type: ignore[attr-defined]
    for browser in (w.article_view.browser, w.overview):  # type: ignore[attr-defined]
        cursor = browser.textCursor()
        cursor.clearSelection()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        browser.setTextCursor(cursor)
        browser.setExtraSelections([])
        for bar in (browser.verticalScrollBar(), browser.horizontalScrollBar()):
            bar.setValue(0)  # the cursor kept in view in a window not yet shown scrolls a little
    w.article_view.notice.hide()  # type: ignore[attr-defined]
    w.info_bar.hide()  # type: ignore[attr-defined]
    if latest is None:
        presenter.update_actions()
        w.info_bar.show_message(QCoreApplication.translate("Kiosk", "书库里还没有报纸。"))  # type: ignore[attr-defined]
    if w.findChild(QStatusBar) is not None:  # made by a message (a print); not a strip for nobody
        w.setStatusBar(None)  # type: ignore[attr-defined]
    w.splitter.restoreState(splitter)  # type: ignore[attr-defined]
    w.article_list.scrollToTop()  # type: ignore[attr-defined]
    w.page_strip.scrollToTop()  # type: ignore[attr-defined]
    clipboard = QGuiApplication.clipboard()
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)
    w.article_list.setFocus()  # type: ignore[attr-defined]


def reopen_if_replaced(parts: ReaderApp, papers: tuple[str, ...]) -> bool:
    """A library synced by renaming a new copy over the old file is opened afresh."""
    old = parts.library
    if not old.replaced():  # type: ignore[attr-defined]
        return False
    try:
        new = KioskLibrary(old.path, papers)  # type: ignore[attr-defined]
    except LibraryError as exc:
        log.warning("the library file changed but cannot be opened (%s); keeping the old one", exc)
        return False
    parts.library = parts.reader.library = new  # type: ignore[attr-defined]
    parts.reader.issue = None  # type: ignore[attr-defined]  # read it again, from the new file
    archive = parts.tools.archive  # type: ignore[attr-defined]
    if archive is not None:
        archive.library = new
    old.close()  # type: ignore[attr-defined]
    log.info("%s was replaced: opened the new file", new.path)
    return True
