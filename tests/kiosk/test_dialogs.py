"""Every dialog, panel and popup the kiosk can show: a big close button, closed by a choice
and by Esc, and by the idle reset; the search box's clear button within the screen; menus
without keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QDate, QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMenu,
    QPushButton,
    QStyleOptionMenuItem,
    QToolButton,
    QWidget,
)

from paper_reader.app import ReaderApp

from .conftest import PIN

TARGET = 48


def on_screen(widget: QWidget, window: QWidget) -> QRect:
    """The widget's rectangle in the window's coordinates."""
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def big(button: QWidget) -> bool:
    return button.isVisible() and button.height() >= TARGET and button.width() >= TARGET


def open_archive(qtbot, app: ReaderApp):  # type: ignore[no-untyped-def]
    bar, a = app.window.navigation_bar, app.window.actions
    qtbot.mouseClick(bar.widgetForAction(a.archive), Qt.MouseButton.LeftButton)
    archive = app.tools.archive.dialog
    qtbot.waitUntil(archive.isVisible, timeout=2000)
    return archive


def close_button(dialog: QWidget) -> QWidget:
    return next(b for b in dialog.findChildren(QWidget, "kioskClose") if b.isVisible())


def test_the_archive_closes_by_its_button_by_esc_and_by_a_choice(qtbot, kiosk: ReaderApp) -> None:
    k = kiosk.kiosk
    archive = open_archive(qtbot, kiosk)
    button = close_button(archive)
    assert big(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not archive.isVisible()
    archive = open_archive(qtbot, kiosk)
    swallowed = k.swallowed
    qtbot.keyClick(archive.calendar, Qt.Key.Key_Escape)  # Esc in a kiosk dialog closes it
    assert not archive.isVisible() and k.swallowed == swallowed
    qtbot.keyClick(kiosk.window.article_list, Qt.Key.Key_Escape)  # but never the window
    assert k.swallowed == swallowed + 1 and kiosk.window.isVisible() and kiosk.window.isFullScreen()
    archive = open_archive(qtbot, kiosk)
    archive.calendar.setSelectedDate(QDate(2024, 3, 15))
    qtbot.keyClick(archive.calendar, Qt.Key.Key_Return)  # an issue chosen: opened, and it goes
    qtbot.waitUntil(lambda: not archive.isVisible(), timeout=2000)
    assert kiosk.reader.issue.date == "2024-03-15" and kiosk.reader.location.page == 1


def test_the_pin_dialog_and_the_search_panel_close_by_big_buttons(qtbot, kiosk: ReaderApp) -> None:
    dialog = kiosk.kiosk.open_pin_dialog()
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "取消")
    assert big(cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    dialog = kiosk.kiosk.open_pin_dialog()
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and kiosk.window.isVisible()
    dialog = kiosk.kiosk.open_pin_dialog()
    dialog.pin.setText(PIN)
    dialog.submit()
    assert big(dialog.continue_button) and big(dialog.exit_button)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)  # a choice closes it
    assert not dialog.isVisible()
    kiosk.window.actions.find.trigger()
    dock = kiosk.window.findChild(QWidget, "searchDock")
    assert dock.isVisible()
    button = close_button(dock)
    assert big(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not dock.isVisible()


def test_a_reset_closes_every_dialog_panel_and_popup(qtbot, kiosk: ReaderApp) -> None:
    w = kiosk.window
    archive = open_archive(qtbot, kiosk)
    pin = kiosk.kiosk.open_pin_dialog()
    pin.reject()
    w.actions.find.trigger()
    panel = kiosk.tools.search.panel()
    panel.limit_dates.setChecked(True)
    calendar = panel.date_from.calendarWidget()
    qtbot.keyClick(panel.date_from, Qt.Key.Key_F4)  # the date's calendar popup
    menu = w.findChild(QToolButton, "kioskScripts").menu()
    menu.popup(w.mapToGlobal(QPoint(600, 80)))
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    pin = kiosk.kiosk.open_pin_dialog()
    assert archive.isVisible() and pin.isVisible()
    kiosk.kiosk.reset()
    assert not archive.isVisible() and not pin.isVisible() and not menu.isVisible()
    assert not calendar.isVisible() and not w.findChild(QWidget, "searchDock").isVisible()
    assert QApplication.activePopupWidget() is None
    assert [x for x in QApplication.topLevelWidgets() if x.isVisible() and x is not w] == []


def test_the_search_box_and_its_clear_button_fit_the_screen(qtbot, kiosk: ReaderApp) -> None:
    w = kiosk.window
    w.actions.find.trigger()
    panel = kiosk.tools.search.panel()
    panel.query.setText("图书馆")
    qtbot.wait(50)
    clear = panel.findChild(QToolButton, "kioskClearQuery")
    assert big(clear) and clear.isEnabled()
    screen = w.rect()
    assert screen.contains(on_screen(clear, w)) and screen.contains(on_screen(panel.query, w))
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert panel.query.text() == "" and not clear.isEnabled()
    # The class: no line edit's own buttons (clear, actions) stick out of its box.
    boxes = [e for e in w.findChildren(QLineEdit) if e.isVisible()] + [panel.date_from.lineEdit()]
    for edit in boxes:
        for inner in edit.findChildren(QToolButton):
            if inner.isVisible():
                assert edit.rect().contains(inner.geometry()), (edit.objectName(), inner.geometry())


def test_a_line_edit_clear_button_stays_in_its_box_under_the_kiosk_style(qtbot, kiosk: ReaderApp) -> None:
    edit = QLineEdit(kiosk.window.article_list.parentWidget())
    edit.setClearButtonEnabled(True)
    edit.setText("x")
    edit.resize(200, 48)
    edit.show()
    qtbot.wait(20)
    buttons = [b for b in edit.findChildren(QToolButton) if b.isVisible()]
    assert buttons and all(edit.rect().contains(b.geometry()) for b in buttons)
    edit.deleteLater()


def shown_text(menu: QMenu, action) -> str:  # type: ignore[no-untyped-def]
    option = QStyleOptionMenuItem()
    menu.initStyleOption(option, action)
    return option.text


def test_kiosk_menus_show_no_keyboard_shortcuts(qtbot, make_kiosk) -> None:
    from paper_reader.ui.shell.actions import without_mnemonic

    app = make_kiosk()
    menu = app.window.findChild(QToolButton, "kioskScripts").menu()
    texts = [shown_text(menu, action) for action in menu.actions()]
    assert texts == ["按原样", "简体", "繁體", "繁體（台灣）", "繁體（香港）"]
    assert all("\t" not in t and "Ctrl" not in t and "&" not in t for t in texts)
    assert app.window.actions.scripts["simplified"].shortcut().toString() == "Ctrl+Shift+1"  # still works
    assert without_mnemonic("&Simplified") == "Simplified" and without_mnemonic("A && B(&C)") == "A && B"
    assert without_mnemonic("繁體（台灣）(&T)") == "繁體（台灣）"
    for action in app.window.findChildren(type(app.window.actions.find)):
        if action.shortcuts():
            assert not action.isShortcutVisibleInContextMenu(), action.text()
