"""The kiosk's page image: read-only, fingers pan and pinch, markers a fingertip big, and an
idle reset puts the newest front page's image back at fit width."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from paper_reader.app import ReaderApp
from paper_reader.core.reading.history import Location
from paper_reader.ui.views.page_image import FIT_WIDTH

from ..ui.page_image_support import with_pdfs


def settled(qtbot, kiosk: ReaderApp) -> None:
    view = kiosk.window.page_image
    qtbot.waitUntil(lambda: kiosk.window.tabs.currentWidget() is view and view.settled(), timeout=10000)


def test_idle_reset_returns_to_the_newest_front_page_image_at_fit_width(qtbot, kiosk: ReaderApp) -> None:
    with_pdfs(kiosk)
    w, view = kiosk.window, kiosk.window.page_image
    kiosk.reader.open(Location(kiosk.reader.issue.id, 2, None))
    w.show_overview_tab()
    settled(qtbot, kiosk)
    assert view.min_target >= 44  # a marker is a fingertip big to tap
    qtbot.waitUntil(lambda: len(view.spots) == 4)
    spot = view.spots[0]
    rect = view.to_view(spot.box)
    below = QPointF(rect.center().x(), rect.bottom() + (44 - rect.height()) / 2 - 1)
    assert view.spot_at(below) == spot  # beyond the printed box, within the finger's reach
    view.zoom_in()
    view.verticalScrollBar().setValue(300)
    kiosk.kiosk.reset()
    settled(qtbot, kiosk)
    latest = kiosk.reader.library.latest_issue()
    assert kiosk.reader.location == Location(latest, 1, None)
    assert w.tabs.currentWidget() is view and view.mode == FIT_WIDTH
    assert view.verticalScrollBar().value() == 0
