"""Touch, through real Qt touch events: swipes turn pages, a drag scrolls, a tap opens,
two fingers change the text size."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from paper_reader.app import ReaderApp
from paper_reader.ui.shell.look import TEXT_SIZES


def gesture(widget: QWidget, *frames: list[QPoint]) -> None:
    """Fingers down at the first frame's points, moved through the frames between, lifted at
    the last one's; each frame a list with one point per finger."""
    device = QTest.createTouchDevice()
    first, *middle, last = frames
    seq = QTest.touchEvent(widget, device, False)
    for n, point in enumerate(first):
        seq.press(n, point, widget)
    seq.commit()
    for frame in [*middle, last]:
        seq = QTest.touchEvent(widget, device, False)
        for n, point in enumerate(frame):
            seq.move(n, point, widget)
        seq.commit()
    seq = QTest.touchEvent(widget, device, False)
    for n, point in enumerate(last):
        seq.release(n, point, widget)
    seq.commit()


def swipe(widget: QWidget, dx: int, dy: int = 0) -> None:
    start = QPoint(widget.width() // 2, widget.height() // 2)
    gesture(widget, *[[start + QPoint(dx * k // 4, dy * k // 4)] for k in range(5)])


def place(app: ReaderApp) -> tuple[int, int | None]:
    return app.reader.location.page, app.reader.location.article


def test_swipes_on_the_page_overview_turn_pages(kiosk: ReaderApp) -> None:
    viewport = kiosk.window.overview.viewport()
    assert place(kiosk) == (1, None)
    swipe(viewport, -240)  # finger to the left: the next page
    assert place(kiosk) == (2, None)
    swipe(viewport, -240)
    assert place(kiosk) == (3, None)
    swipe(viewport, 240)  # to the right: back a page
    assert place(kiosk) == (2, None)
    swipe(viewport, -40)  # too short to be a swipe
    swipe(viewport, -200, 180)  # more down than across
    assert place(kiosk) == (2, None)


def test_swipes_on_the_article_turn_pages(qtbot, kiosk: ReaderApp) -> None:
    w = kiosk.window
    kiosk.reader.select_article(0)
    assert w.tabs.currentWidget() is w.article_view
    swipe(w.article_view.browser.viewport(), -240)
    assert place(kiosk) == (2, None) and w.tabs.currentWidget() is w.overview


def test_a_drag_scrolls_and_does_not_turn(qtbot, kiosk: ReaderApp) -> None:
    overview = kiosk.window.overview
    bar = overview.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    swipe(overview.viewport(), 0, -300)  # finger up: the page moves up
    assert bar.value() > 200 and place(kiosk) == (1, None)


def test_a_tap_opens_what_it_touches(qtbot, kiosk: ReaderApp) -> None:
    w = kiosk.window
    overview = w.overview
    cursor = overview.document().find("3月13日清晨")
    overview.setTextCursor(cursor)
    overview.ensureCursorVisible()
    point = overview.cursorRect(cursor).center()
    assert overview.viewport().rect().contains(point)
    gesture(overview.viewport(), [point], [point])
    assert place(kiosk) == (1, 2) and "河水清了" in w.article_view.plain_text()
    rows = w.article_list
    centre = rows.visualRect(rows.model().index(1, 0)).center()
    gesture(rows.viewport(), [centre], [centre])
    assert place(kiosk) == (1, 1)


def test_pinch_changes_the_text_size(qtbot, kiosk: ReaderApp) -> None:
    look = kiosk.presenter.look
    size = look.text_size
    viewport = kiosk.window.overview.viewport()
    c = QPoint(viewport.width() // 2, viewport.height() // 2)
    step = viewport.width() // 10  # fingers from a fifth of the width apart to four fifths
    apart = [[c - QPoint(step * (1 + k), 0), c + QPoint(step * (1 + k), 0)] for k in range(4)]
    gesture(viewport, *apart)
    bigger = look.text_size
    assert bigger == min(s for s in TEXT_SIZES if s > size)
    gesture(viewport, *reversed(apart))
    assert look.text_size == size and place(kiosk) == (1, None)


def test_the_text_size_buttons(qtbot, kiosk: ReaderApp) -> None:
    from PySide6.QtCore import Qt

    bar = kiosk.window.navigation_bar
    a = kiosk.window.actions
    size = kiosk.presenter.look.text_size
    qtbot.mouseClick(bar.widgetForAction(a.bigger), Qt.MouseButton.LeftButton)
    assert kiosk.presenter.look.text_size > size
    qtbot.mouseClick(bar.widgetForAction(a.smaller), Qt.MouseButton.LeftButton)
    assert kiosk.presenter.look.text_size == size


def test_no_hover_needed(kiosk: ReaderApp) -> None:
    """Everything a patron uses is on screen without a mouse over it."""
    w = kiosk.window
    assert w.navigation_bar.isVisible() and w.tabs.tabBar().isVisible()
    assert not QTextCursor(w.overview.document()).isNull()
