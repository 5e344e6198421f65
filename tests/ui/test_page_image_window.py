"""The page image end to end: the window on a real library of page PDFs, imported as a
reader's first run imports them (no page handed a PDF in memory), read as a reader reads it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolTip

from paper_reader.app import ReaderApp

from .page_image_support import layout


def settled(qtbot, app: ReaderApp) -> None:
    view = app.window.page_image
    qtbot.waitUntil(lambda: app.window.tabs.currentWidget() is view and view.settled(), timeout=10000)


def row_of(app: ReaderApp, number: int, title: str) -> int:
    """Where an article stands in the page as the library has it (a PDF page lists its
    articles in reading order, not in the order of the sample's layout.json)."""
    page = app.reader.issue.page(number)
    rows = [k for k, a in enumerate(page.articles) if a.title.startswith(title)]
    assert len(rows) == 1, (title, [a.title for a in page.articles])
    return rows[0]


def known(number: int, title: str) -> dict:
    return next(a for a in layout()[number]["articles"] if a["title"].startswith(title))


def centre(app: ReaderApp, box) -> QPoint:  # noqa: ANN001
    return app.window.page_image.to_view(tuple(box)).center().toPoint()


LIBRARY = "市图书馆新馆今日起向市民开放"


def test_the_first_run_opens_on_the_front_page_image(qtbot, pdf_reader_app: ReaderApp) -> None:
    app = pdf_reader_app
    w, view = app.window, app.window.page_image
    page = app.reader.page()
    assert page is not None and page.number == 1 and page.pdf is not None
    settled(qtbot, app)
    assert w.page_view() is view and not view.message
    cache = app.presenter.image.render.cache
    sharp = [k for k in cache.keys() if k[:4] == ("tile", page.pdf.digest, 0, view.device_scale())]
    assert sharp  # drawn at the view's scale from the PDF the library keeps
    image = view.viewport().grab().toImage()
    red = image.pixelColor(centre(app, (60, 60, 120, 110)))  # the masthead's red ink
    assert red.red() > 150 and red.green() < 110, red.name()


def test_hover_shows_the_title_and_a_click_opens_the_article(qtbot, pdf_reader_app: ReaderApp) -> None:
    app = pdf_reader_app
    w, view = app.window, app.window.page_image
    settled(qtbot, app)
    row = row_of(app, 1, LIBRARY)
    point = centre(app, known(1, LIBRARY)["regions"][-1])
    QTest.mouseMove(view.viewport(), point)
    qtbot.waitUntil(lambda: view.hover == row)
    assert LIBRARY in QToolTip.text()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert app.reader.location.article == row and w.tabs.currentWidget() is w.article_view
    assert LIBRARY in w.article_view.plain_text()


LEAD = "早谋划早部署早落实"
JOBS = "“春风行动”招聘会"


@pytest.mark.parametrize("title", [LEAD, JOBS])
def test_the_marker_on_the_image_jumps_to_the_continued_part_and_back_restores_place_and_zoom(
        qtbot, pdf_reader_app: ReaderApp, title: str) -> None:
    app = pdf_reader_app
    w, view = app.window, app.window.page_image
    settled(qtbot, app)
    spec = known(1, title)
    marker = next(m for m in layout()[1]["markers"]
                  if layout()[1]["articles"][m["article"]]["title"] == spec["title"])
    qtbot.waitUntil(lambda: len(view.spots) == len(layout()[1]["markers"]))
    view.set_zoom(view.zoom * 1.6)
    view.ensure_visible(tuple(marker["rect"]))
    settled(qtbot, app)
    left = view.state()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre(app, marker["rect"]))
    loc = app.reader.location
    part = row_of(app, 2, title)
    assert (loc.page, loc.article) == (2, part)
    assert w.tabs.currentWidget() is view and view.page.number == 2
    assert view.target == part and part in view.outlined  # the part reached, outlined
    region = app.reader.page().articles[part].regions[0]
    assert view.viewport().rect().intersects(view.to_view(region).toRect())  # and in sight
    w.actions.back.trigger()
    assert app.reader.location.page == 1 and w.tabs.currentWidget() is view
    back = view.state()
    assert back[0] == pytest.approx(left[0], abs=1e-3) and back[1:] == left[1:]


def run_search(qtbot, app: ReaderApp, text: str) -> list:  # noqa: ANN001
    panel = app.tools.search.panel()
    with qtbot.waitSignal(panel.resultsShown, timeout=10000):
        panel.query.setText(text)
        panel.run()
    return list(panel.model.hits)


@pytest.mark.parametrize("query", ["图书馆", "圖書館"])
def test_a_search_marks_its_hits_on_the_image_in_either_script(qtbot, pdf_reader_app: ReaderApp,
                                                                query: str) -> None:
    app = pdf_reader_app
    w, view = app.window, app.window.page_image
    settled(qtbot, app)
    hits = run_search(qtbot, app, query)
    assert {h.page for h in hits} >= {1, 3}
    qtbot.waitUntil(lambda: len(view.hits) >= 3)  # the page on screen: marked at once
    title = known(1, LIBRARY)["regions"][0]  # 图书馆 in the headline, as printed (simplified)
    assert any(title[0] - 2 <= b[0] < b[2] <= title[2] + 2 and title[1] - 2 <= b[1] < b[3] <= title[3] + 2
               for b in view.hits)
    third = next(h for h in hits if h.page == 3)
    app.tools.search.panel().hitActivated.emit(third, [query])  # the reader opens a result
    assert app.reader.location.page == 3 and w.tabs.currentWidget() is w.article_view
    w.show_overview_tab()  # and turns to the page: its hits are marked there too
    settled(qtbot, app)
    qtbot.waitUntil(lambda: view.page.number == 3 and len(view.hits) >= 2)
    assert app.reader.location.article in view.outlined


def test_the_page_strip_shows_thumbnails_and_follows_page_turns(qtbot, pdf_reader_app: ReaderApp) -> None:
    app = pdf_reader_app
    w, model = app.window, app.window.page_model
    settled(qtbot, app)
    qtbot.waitUntil(lambda: len(model.thumbnails) == 4, timeout=10000)
    qtbot.wait(50)
    rows = [w.page_strip.visualRect(model.index(r, 0)) for r in range(4)]
    assert all(r.height() > 114 for r in rows)  # each with its image and its name
    gaps = [b.top() - a.bottom() for a, b in zip(rows, rows[1:], strict=False)]
    assert all(0 <= gap <= 24 for gap in gaps), gaps  # laid out again as the images came
    for number in (2, 3, 4):
        w.actions.next_page.trigger()
        assert w.page_strip.currentIndex().row() == number - 1
        settled(qtbot, app)
        assert w.page_image.page.number == number
    QTest.keyClick(w.page_image, Qt.Key.Key_PageUp)
    assert app.reader.location.page == 3 and w.page_strip.currentIndex().row() == 2


def test_tab_moves_between_articles_in_reading_order_and_enter_opens(qtbot,
                                                                     pdf_reader_app: ReaderApp) -> None:
    app = pdf_reader_app
    view = app.window.page_image
    settled(qtbot, app)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    titles = []
    for _ in app.reader.page().articles:
        QTest.keyClick(view, Qt.Key.Key_Tab)
        titles.append(app.reader.page().articles[view.focus_row].title)
    assert titles == [a.title for a in app.reader.page().articles]  # each once, as listed
    assert view.hasFocus()
    QTest.keyClick(view, Qt.Key.Key_Backtab)
    row = view.focus_row
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert app.reader.location.article == row
    assert app.reader.page().articles[row].title in app.window.article_view.plain_text()


def test_dark_theme_keeps_the_paper_white_and_dim_dims_it(qtbot, pdf_reader_app: ReaderApp) -> None:
    app = pdf_reader_app
    w, view = app.window, app.window.page_image
    settled(qtbot, app)
    app.tools.look.set_theme_mode("dark", remember=False)
    settled(qtbot, app)

    def lightness() -> tuple[int, int, int]:
        image = view.viewport().grab().toImage()
        paper = image.pixelColor(centre(app, (760, 60, 790, 90))).lightness()  # blank paper
        desk = image.pixelColor(QPoint(3, 3)).lightness()
        strip = w.page_strip.viewport().grab().toImage()
        return paper, desk, strip.pixelColor(QPoint(strip.width() - 3, strip.height() - 3)).lightness()

    paper, desk, strip = lightness()
    assert paper > 240 and desk < 60 and strip < 80  # white paper; nothing else turned white
    w.actions.dim_image.trigger()
    dimmed, _desk, _strip = lightness()
    assert dimmed < 200
    w.actions.dim_image.trigger()
    assert lightness()[0] > 240


def test_a_clipping_is_cut_from_the_pdf_the_library_keeps(qtbot, pdf_reader_app: ReaderApp, tmp_path) -> None:
    from PySide6.QtGui import QImage

    from paper_reader.core.reading.clipping import DPI

    app = pdf_reader_app
    settled(qtbot, app)
    row = row_of(app, 1, LIBRARY)
    app.reader.select_article(row)
    page = app.reader.page()
    assert page.pdf is not None and page.pdf.data is None  # read back from the library
    a = app.window.actions
    assert a.clip.isEnabled()
    out = app.tools.clippings.save_as(tmp_path / "剪报.png")
    assert out is not None and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(out))
    regions = page.articles[row].regions
    width = max(r[2] for r in regions) - min(r[0] for r in regions)
    assert abs(image.width() - 2 * 48 - width * DPI / 72) < 2 * 48 + 4  # at print resolution
    dark = sum(image.pixelColor(x, y).lightness() < 128
               for y in range(0, image.height(), 4) for x in range(0, image.width(), 4))
    assert dark > 500  # the page's type, not a blank


def test_export_page_gives_back_the_file_the_window_reads(qtbot, pdf_reader_app: ReaderApp, tmp_path,
                                                         capsys) -> None:
    from paper_reader.cli import main

    from ..conftest import SAMPLE_PDF

    app = pdf_reader_app
    settled(qtbot, app)
    for number in (1, 2):
        out = tmp_path / f"page{number}.pdf"
        code = main(["export-page", f"2024-03-15/{number}", "--out", str(out),
                     "--db", str(app.library.path)])
        assert code == 0, capsys.readouterr().err
        assert out.read_bytes() == (SAMPLE_PDF / f"page{number}.pdf").read_bytes()


SCREENSHOT_PROBE = """
import sys, time
from paper_reader.__main__ import main
import paper_reader.ui.shell.startup as startup

take = startup.take_screenshot

def take_and_linger(app, window, out, *rest):
    code = take(app, window, out, *rest)
    # As on a slower machine: the idle work (the page image behind its tab, thumbnails)
    # has started the page image's thread by the time the picture is saved.
    end = time.monotonic() + 1.5
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    return code

startup.take_screenshot = take_and_linger
code = main(sys.argv[1:])
from paper_reader.ui.reading import page_render
# Still running at exit, the thread met PDFium unloaded by its own exit handler: a crash.
print("page-image threads left:", len(page_render._RUNNING), flush=True)
sys.exit(code)
"""


def test_a_screenshot_ends_the_page_image_thread_before_exit(tmp_path) -> None:  # noqa: ANN001
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PAPER_READER_HOME=str(tmp_path / "home"))
    done = subprocess.run([sys.executable, "-c", SCREENSHOT_PROBE, "--screenshot",
                           str(tmp_path / "shot.png"), "--open", "2024-03-15/1/1", "--size", "900x600"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "page-image threads left: 0" in done.stdout, done.stdout


def test_the_row_chosen_in_the_list_is_outlined_and_the_focus_alone_outlines_nothing(
        qtbot, pdf_reader_app: ReaderApp) -> None:
    app = pdf_reader_app
    w, view = app.window, app.window.page_image
    settled(qtbot, app)
    w.article_list.setFocus()
    qtbot.waitUntil(w.article_list.hasFocus)
    assert view.outlined == set()  # the list took the focus: no article was chosen
    w.article_list.select_row(None)
    QTest.keyClick(w.article_list, Qt.Key.Key_Down)
    row = w.article_list.currentIndex().row()
    assert row >= 0 and view.outlined == {row} and app.reader.location.article is None


def test_a_start_on_the_page_image_asks_for_its_tiles_before_the_first_paint(
        qtbot, first_run_path) -> None:  # noqa: ANN001
    """The reader's own start (the page put up as the window is shown): the render thread
    draws the page while the window lays itself out and paints its first frame, so that the
    frame after it is sharp; asked only at the first paint, the page came a render later."""
    from paper_reader.app import build

    parts = build(first_run_path, open_when_shown=True)
    qtbot.addWidget(parts.window)
    try:
        parts.window.resize(1280, 800)
        parts.window.show()  # no event processed yet: no paint
        view = parts.window.page_image
        assert parts.window.page_view() is view and view.isVisible()
        assert parts.presenter.image.render.busy("page")
        asked = [k for k in parts.presenter.image.render._pending if k[0] == "tile"]
        assert asked and all(k[3] == view.device_scale() for k in asked)
        qtbot.waitUntil(view.settled, timeout=10000)
    finally:
        parts.presenter.stop_page_image()
        parts.library.close()
