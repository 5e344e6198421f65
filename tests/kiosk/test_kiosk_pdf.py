"""The kiosk on a library of page PDFs, imported as a library is (no page handed a PDF in
memory): it opens on the newest front page's image at fit width, fingertip-sized, with
nothing outlined that a patron did not choose, and an idle reset puts it back so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QToolButton

from paper_reader.app import ReaderApp
from paper_reader.core.library import Library
from paper_reader.core.reading.history import Location
from paper_reader.ui.views.page_image import FIT_WIDTH

from ..conftest import SAMPLE_PDF

TARGET = 44  # px: the smallest a fingertip hits


@pytest.fixture
def pdf_library(tmp_path: Path, sample_dir: Path) -> Path:
    """The sample issue from its page PDFs, and the day before as text pages: the newest
    issue is the one with page images."""
    from paper_reader.core.importer import import_paths

    older = tmp_path / "pages-14"
    older.mkdir()
    for page in sample_dir.glob("*.txt"):
        older.joinpath(page.name).write_text(
            page.read_text(encoding="utf-8").replace("2024年3月15日", "2024年3月14日"), encoding="utf-8")
    path = tmp_path / "pdf-library" / "library.sqlite3"
    with Library(path) as lib:
        report = import_paths(lib, [older, SAMPLE_PDF])
        assert not report.errors, report.errors
    return path


@pytest.fixture
def pdf_kiosk(make_kiosk: Callable[..., ReaderApp], pdf_library: Path) -> ReaderApp:
    return make_kiosk(pdf_library)


def settled(qtbot, kiosk: ReaderApp) -> None:
    view = kiosk.window.page_image
    qtbot.waitUntil(lambda: kiosk.window.tabs.currentWidget() is view and view.settled(), timeout=10000)


def on_front_page_image(qtbot, kiosk: ReaderApp) -> None:
    w, view = kiosk.window, kiosk.window.page_image
    settled(qtbot, kiosk)
    issue = kiosk.reader.issue
    assert issue.date == "2024-03-15" and kiosk.reader.location == Location(issue.id, 1, None)
    assert kiosk.reader.page().pdf is not None and kiosk.reader.page().pdf.data is None  # the library's
    assert w.page_view() is view and view.mode == FIT_WIDTH and not view.message
    assert view.verticalScrollBar().value() == 0 and view.horizontalScrollBar().value() == 0
    assert view.outlined == set() and view.target is None  # nothing chosen yet: nothing outlined


def test_the_kiosk_opens_on_the_newest_front_page_image_at_fit_width(qtbot, pdf_kiosk: ReaderApp) -> None:
    on_front_page_image(qtbot, pdf_kiosk)
    view = pdf_kiosk.window.page_image
    image = view.viewport().grab().toImage()
    red = image.pixelColor(view.to_view((60, 60, 120, 110)).center().toPoint())  # the masthead
    assert red.red() > 150 and red.green() < 110, red.name()


def test_after_an_idle_reset_the_same(qtbot, pdf_kiosk: ReaderApp) -> None:
    kiosk = pdf_kiosk
    w, view = kiosk.window, kiosk.window.page_image
    settled(qtbot, kiosk)
    row = next(k for k, a in enumerate(kiosk.reader.page().articles) if a.continues_to is not None)
    kiosk.reader.select_article(row)  # a patron reads on, to page 2 and zoomed in
    w.show_overview_tab()
    kiosk.reader.go_page(2)
    settled(qtbot, kiosk)
    view.zoom_in()
    view.verticalScrollBar().setValue(200)
    kiosk.kiosk.reset()
    on_front_page_image(qtbot, kiosk)


def test_its_targets_are_a_fingertip_big(qtbot, pdf_kiosk: ReaderApp) -> None:
    w, view = pdf_kiosk.window, pdf_kiosk.window.page_image
    settled(qtbot, pdf_kiosk)
    assert view.min_target >= TARGET
    qtbot.waitUntil(lambda: len(view.spots) == 4)
    for spot in view.spots:  # each 下转 marker takes a finger's tap around its printed box
        rect = view.to_view(spot.box)
        edge = QPoint(round(rect.center().x()), round(rect.center().y() + TARGET / 2 - 1))
        assert view.spot_at(edge) == spot
    buttons = [b for b in w.findChildren(QToolButton) if b.isVisible() and b.parent() is not None
               and b.parent().objectName() == "navigation"]
    assert buttons and all(b.height() >= TARGET and b.width() >= TARGET for b in buttons)
    assert w.tabs.tabBar().height() >= TARGET
    strip = w.page_strip
    for row in range(w.page_model.rowCount()):
        assert strip.visualRect(w.page_model.index(row, 0)).height() >= TARGET
