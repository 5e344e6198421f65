"""The kiosk's start state, put back after a quiet spell or an error (see ``kiosk``):
the newest issue's front page in the configured look, and nothing left of the last reader
(search, history, selections, highlights, dialogs, clipboard)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QSignalBlocker
from PySide6.QtGui import QClipboard, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QDialog, QStatusBar, QToolTip, QWidget

from ..core.library import LibraryError
from ..core.reading.history import History, Location
from .config import KioskConfig

if TYPE_CHECKING:
    from ..ui.shell.parts import WindowParts
    from ..ui.tools.search_panel import SearchPanel

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


def empty_search(parts: WindowParts) -> SearchPanel | None:
    """The search panel as nobody used it: no query, filters or results; dock hidden.
    Returns the panel, or None when it was never opened."""
    search = parts.tools.search
    panel = search.built
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
        search.refresh_papers()
        if search.dock is not None:
            search.dock.hide()
    search.forget_terms()
    return panel


def start_state(parts: WindowParts, config: KioskConfig, splitter: QByteArray) -> None:
    """Look, place, history, selections and clipboard as at the kiosk's start."""
    w, reader, presenter = parts.window, parts.reader, parts.presenter
    empty_search(parts)
    with QSignalBlocker(w.actions.whole_article):
        w.actions.whole_article.setChecked(False)
    reader.whole_article = False
    reader.history = History()
    # The configured look: its subscribers (ui.shell.wiring.wire_look) show it everywhere.
    parts.tools.look.theme_mode = config.theme
    parts.look.change(script=config.script, text_size=config.text_size, theme=config.theme)
    latest = reader.library.latest_issue()
    if latest is not None:
        reader.open(Location(latest, 1, None))
    w.show_overview_tab()
    if w.has_page_image():  # the front page's image as at the start: whole width, from the top
        w.page_image.fit_width()
        w.page_image.horizontalScrollBar().setValue(0)
        w.page_image.verticalScrollBar().setValue(0)
    for browser in (w.article_view.browser, w.overview):
        cursor = browser.textCursor()
        cursor.clearSelection()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        browser.setTextCursor(cursor)
        browser.setExtraSelections([])
        for bar in (browser.verticalScrollBar(), browser.horizontalScrollBar()):
            bar.setValue(0)  # the cursor kept in view in a window not yet shown scrolls a little
    w.article_view.notice.hide()
    w.info_bar.hide()
    if latest is None:
        presenter.update_actions()
        w.info_bar.show_message(QCoreApplication.translate("Kiosk", "书库里还没有报纸。"))
    for status in w.findChildren(QStatusBar):  # made by a message (a print); not a strip for nobody
        status.setParent(None)  # out of the window's layout (QMainWindow.setStatusBar(None))
        status.deleteLater()
    w.splitter.restoreState(splitter)
    w.article_list.scrollToTop()
    w.page_strip.scrollToTop()
    clipboard = QGuiApplication.clipboard()
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)
    w.article_list.setFocus()


def reopen_if_replaced(parts: WindowParts) -> bool:
    """A library synced by renaming a new copy over the old file is opened afresh, in the
    window's one library handle (which announces it)."""
    access, old = parts.profile.library, parts.library
    if not access.replaced(old):
        return False
    try:
        new = access.open(old.path)
    except LibraryError as exc:
        log.warning("the library file changed but cannot be opened (%s); keeping the old one", exc)
        return False
    parts.handle.replace(new)  # the old one is closed once everyone heard
    log.info("%s was replaced: opened the new file", new.path)
    return True
