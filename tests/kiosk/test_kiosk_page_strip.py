"""The kiosk's page strip marks the open page, after a patron's turns and after a reset."""

from __future__ import annotations

from PySide6.QtCore import Qt

from paper_reader.app import ReaderApp

from ..ui.test_page_strip import shows_page


def test_reset_marks_the_front_page(qtbot, kiosk: ReaderApp) -> None:
    w, a = kiosk.window, kiosk.window.actions
    shows_page(qtbot, kiosk, 1)
    for number in (2, 3):
        qtbot.mouseClick(w.navigation_bar.widgetForAction(a.next_page), Qt.MouseButton.LeftButton)
        shows_page(qtbot, kiosk, number)
    kiosk.kiosk.reset()
    assert kiosk.reader.issue.date == "2024-03-16"
    shows_page(qtbot, kiosk, 1)
    # An older issue's page 3, then the reset: the newest issue is loaded again.
    qtbot.mouseClick(w.navigation_bar.widgetForAction(a.prev_issue), Qt.MouseButton.LeftButton)
    kiosk.reader.go_page(3)
    shows_page(qtbot, kiosk, 3)
    kiosk.kiosk.reset()
    assert kiosk.reader.issue.date == "2024-03-16"
    shows_page(qtbot, kiosk, 1)
