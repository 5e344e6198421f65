"""The page image (版面图) in the window: hotspots, links on the image, back to the same place
and zoom, zoom and fit, keys, search marks, thumbnails, dark theme, a damaged PDF."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QToolTip

from paper_reader.app import ReaderApp
from paper_reader.core.reading.history import Location
from paper_reader.ui.views.models import DECORATION_ROLE
from paper_reader.ui.views.page_image import FIT_PAGE, FIT_WIDTH, MARGIN, ZOOM_STEP

from .page_image_support import layout, mark, with_pdfs


def settled(qtbot, app: ReaderApp) -> None:
    view = app.window.page_image
    qtbot.waitUntil(lambda: app.window.tabs.currentWidget() is view and view.settled(), timeout=10000)


@pytest.fixture
def app(reader_app: ReaderApp, qtbot) -> ReaderApp:
    with_pdfs(reader_app)
    reader_app.window.show_overview_tab()
    settled(qtbot, reader_app)
    return reader_app


def centre(app: ReaderApp, box: list[float] | tuple[float, ...]) -> QPoint:
    return app.window.page_image.to_view(tuple(box)).center().toPoint()


def region(number: int, row: int, k: int = 0) -> list[float]:
    return layout()[number]["articles"][row]["regions"][k]


def test_a_page_with_a_pdf_shows_its_image_and_a_page_from_text_its_overview(qtbot, reader_app) -> None:
    w = reader_app.window
    assert w.tabs.currentWidget() is w.overview  # from text: the overview, as before
    with_pdfs(reader_app)
    w.show_overview_tab()
    settled(qtbot, reader_app)
    view = w.page_image
    assert w.tabs.currentWidget() is view and w.tabs.count() == 2
    image = view.viewport().grab().toImage()
    # Drawn from the PDF: the masthead's red ink stands where the page has it.
    x, y = centre(reader_app, (60, 60, 120, 110)).toTuple()
    red = image.pixelColor(x, y)
    assert red.red() > 150 and red.green() < 110, red.name()


def test_hover_lights_an_article_and_shows_its_title(qtbot, app: ReaderApp) -> None:
    view = app.window.page_image
    point = centre(app, region(1, 1))
    QTest.mouseMove(view.viewport(), point)
    qtbot.waitUntil(lambda: view.hover == 1)
    assert "市图书馆新馆今日起向市民开放" in QToolTip.text()
    QTest.mouseMove(view.viewport(), QPoint(2, 2))  # the background between page and frame
    qtbot.waitUntil(lambda: view.hover is None)


def test_a_click_opens_the_article(qtbot, app: ReaderApp) -> None:
    w = app.window
    QTest.mouseClick(w.page_image.viewport(), Qt.MouseButton.LeftButton, pos=centre(app, region(1, 2, 1)))
    assert app.reader.location.article == 2 and w.tabs.currentWidget() is w.article_view
    w.show_overview_tab()  # the open article is outlined on the page
    assert 2 in w.page_image.outlined


def test_a_drag_pans_and_does_not_open(qtbot, app: ReaderApp) -> None:
    view = app.window.page_image
    bar = view.verticalScrollBar()
    start = centre(app, region(1, 0, 1))
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(view.viewport(), start - QPoint(0, 120))
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start - QPoint(0, 120))
    assert bar.value() > 100 and app.reader.location.article is None


def test_the_continuation_marker_jumps_and_back_restores_place_and_zoom(qtbot, app: ReaderApp) -> None:
    w, view = app.window, app.window.page_image
    qtbot.waitUntil(lambda: len(view.spots) == 4)
    view.set_zoom(view.zoom * 1.6)
    view.ensure_visible(tuple(mark(1, 0)["rect"]))
    settled(qtbot, app)
    left = view.state()
    assert left[1] is None and left[3] > 0
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre(app, mark(1, 0)["rect"]))
    assert (app.reader.location.page, app.reader.location.article) == (2, 0)
    assert w.tabs.currentWidget() is view and view.target == 0  # the part reached, outlined
    qtbot.waitUntil(lambda: len(view.spots) == 4)  # page 2's markers: 上接 leads back
    w.actions.back.trigger()
    assert app.reader.location.page == 1 and w.tabs.currentWidget() is view
    back = view.state()
    assert back[0] == pytest.approx(left[0], abs=1e-3) and back[1:] == left[1:]


def test_zoom_in_out_and_fit(qtbot, app: ReaderApp) -> None:
    w, view = app.window, app.window.page_image
    a = w.actions
    fit = view.zoom
    assert view.mode == FIT_WIDTH
    assert abs(view.page_size()[0] * fit + 2 * MARGIN
               - (view.viewport().width())) < 3  # the page's width fills the view
    size = app.look.text_size
    QTest.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(fit * ZOOM_STEP) and view.mode is None
    assert app.look.text_size == size  # the key zoomed the image, not the text
    a.zoom_out.trigger()
    assert view.zoom == pytest.approx(fit)
    a.zoom_out.trigger()
    assert view.zoom < fit
    a.fit_page.trigger()
    w_, h_ = view.page_size()
    assert view.mode == FIT_PAGE and h_ * view.zoom <= view.viewport().height()
    a.fit_width.trigger()
    assert view.zoom == pytest.approx(fit)
    settled(qtbot, app)  # sharp again at the new zoom
    app.reader.select_article(0)  # on the article, the same key sizes the text
    assert w.tabs.currentWidget() is w.article_view and not a.zoom_in.isEnabled()
    QTest.keyClick(w.article_view.browser, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert app.look.text_size > size


def test_ctrl_wheel_zooms_about_the_pointer(qtbot, app: ReaderApp) -> None:
    from PySide6.QtCore import QPoint as P
    from PySide6.QtGui import QWheelEvent

    view = app.window.page_image
    at = QPointF(centre(app, region(1, 1)))
    before, zoom = view.to_page(at), view.zoom
    event = QWheelEvent(at, QPointF(view.viewport().mapToGlobal(at.toPoint())), P(0, 0), P(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    view.wheelEvent(event)
    assert view.zoom == pytest.approx(zoom * ZOOM_STEP)
    after = view.to_page(at)
    assert abs(after[0] - before[0]) < 2 and abs(after[1] - before[1]) < 2


def test_keys_move_between_articles_and_enter_opens(qtbot, app: ReaderApp) -> None:
    view = app.window.page_image
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert view.focus_row == 0 and view.hasFocus()
    QTest.keyClick(view, Qt.Key.Key_Tab)
    QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Up)
    assert view.focus_row == 1
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert app.reader.location.article == 1


@pytest.mark.parametrize("query", ["图书馆", "圖書館"])
def test_search_hits_are_marked_at_their_characters(qtbot, app: ReaderApp, query: str) -> None:
    view, search = app.window.page_image, app.tools.search
    search.highlight([query])
    app.reader.locationChanged.emit(app.reader.location)  # as a search result opened
    qtbot.waitUntil(lambda: len(view.hits) >= 3)
    title = region(1, 1, 0)  # 市图书馆新馆今日起向市民开放: 图书馆 in its headline
    first = view.hits[0]
    inside = (title[0] - 2, title[1] - 2, title[2] + 2, title[3] + 2)  # loose glyph boxes
    assert inside[0] <= first[0] < first[2] <= inside[2] and inside[1] <= first[1] < first[3] <= inside[3]
    assert 50 < first[2] - first[0] < 80  # three headline characters wide
    search.highlight([])
    app.reader.locationChanged.emit(app.reader.location)
    qtbot.waitUntil(lambda: not view.hits)


def test_the_page_strip_shows_thumbnails_and_follows(qtbot, app: ReaderApp) -> None:
    w = app.window
    model = w.page_model
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    qtbot.waitUntil(lambda: len(model.thumbnails) == 4, timeout=10000)
    thumb = model.index(1, 0).data(DECORATION_ROLE)
    assert isinstance(thumb, QImage) and not thumb.isNull() and thumb.height() > thumb.width()
    assert w.page_strip.visualRect(model.index(0, 0)).height() > thumb.height()
    app.reader.open(Location(app.reader.issue.id, 3, None))
    assert w.page_strip.currentIndex().row() == 2
    settled(qtbot, app)


def test_dark_theme_keeps_paper_colours_unless_dimmed(qtbot, app: ReaderApp) -> None:
    w, view = app.window, app.window.page_image
    app.tools.look.set_theme_mode("dark", remember=False)
    settled(qtbot, app)

    def pixels() -> tuple[int, int]:
        image = view.viewport().grab().toImage()
        paper = centre(app, (760, 60, 790, 90))  # blank paper at the masthead's right
        return image.pixelColor(paper).lightness(), image.pixelColor(QPoint(3, 3)).lightness()

    paper, background = pixels()
    assert paper > 240 and background < 60  # white paper on a dark desk
    w.actions.dim_image.trigger()
    assert app.look.dim_image and app.settings.flag("view/dim_page_image", False)
    dimmed, _ = pixels()
    assert dimmed < 200


def test_a_damaged_pdf_says_so_instead_of_an_image(qtbot, reader_app: ReaderApp) -> None:
    with_pdfs(reader_app, damaged={1})
    w = reader_app.window
    w.show_overview_tab()
    view = w.page_image
    qtbot.waitUntil(lambda: "损坏" in view.message, timeout=10000)
    assert w.tabs.currentWidget() is view
    reader_app.reader.go_page(2)  # the other pages still draw
    settled(qtbot, reader_app)
    assert not view.message


def test_the_image_cache_stays_within_its_budget(qtbot, app: ReaderApp) -> None:
    service = app.presenter.image.render
    service.cache.budget = 6 * 1024 * 1024
    view = app.window.page_image
    for _round in range(2):
        for number in (2, 3, 4, 1):
            app.reader.go_page(number)
            app.window.show_overview_tab()
            view.zoom_in()
            settled(qtbot, app)
            assert service.cache.used <= service.cache.budget
    assert len(service.cache) > 0
