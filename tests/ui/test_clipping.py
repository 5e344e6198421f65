"""剪报: the open article cut from its page images at 300 dpi with the citation under it,
saved as PNG or PDF; the action only where there is a page image to cut from."""

from __future__ import annotations

import errno
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from paper_reader.app import ReaderApp
from paper_reader.core.model import Article, Page, PagePdf
from paper_reader.core.reading.citation import gbt7714
from paper_reader.core.reading.clipping import DPI
from paper_reader.core.reading.history import Location
from paper_reader.core.sources.pdf_document import open_pdf_bytes
from paper_reader.core.sources.pdf_render import render
from paper_reader.ui.tools.clipping import Clipping, cut_out, save

from ..clipping_support import give_pdf, sample_layout, sample_with_pdfs

SCALE = DPI / 72
DARK = 128  # a pixel of type: darker than mid-grey


def dark_pixels(image: QImage, rect: tuple[int, int, int, int]) -> int:
    left, top, right, bottom = rect
    return sum(QColor(image.pixel(x, y)).lightness() < DARK
               for y in range(top, bottom, 2) for x in range(left, right, 2))


def white(image: QImage, rect: tuple[int, int, int, int]) -> bool:
    left, top, right, bottom = rect
    return all(image.pixel(x, y) & 0xFFFFFF == 0xFFFFFF
               for y in range(top, bottom, 3) for x in range(left, right, 3))


def clipping_of(parts: list[tuple[Page, Article]], issue) -> Clipping:  # noqa: ANN001
    plan, image = cut_out(parts, None)
    page, article = parts[0]
    return Clipping(image, plan, gbt7714(issue, page, article), None, article.title)


def test_the_png_is_the_regions_at_300_dpi(qapp, tmp_path: Path) -> None:
    issue = sample_with_pdfs()
    front = issue.page(1)
    clipping = clipping_of([(front, front.articles[2])], issue)
    out = save(clipping, tmp_path / "剪报.png")
    image = QImage(str(out))
    assert not image.isNull() and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    regions = front.articles[2].regions
    width = max(r[2] for r in regions) - min(r[0] for r in regions)
    height = max(r[3] for r in regions) - min(r[1] for r in regions)
    cut = clipping.plan.cuts[0]
    assert cut.size == (round(width * SCALE), round(height * SCALE))
    assert image.width() == cut.size[0] + 2 * clipping.plan.margin
    assert image.height() > cut.size[1] + 2 * clipping.plan.margin  # and the citation
    assert round(image.dotsPerMeterX() * 0.0254) == DPI  # prints at the page's own size


def test_inside_the_regions_the_page_outside_them_white(qapp, tmp_path: Path) -> None:
    """An article cut to its headline and first column: the second column, inside the box,
    stays white; the first is the page's own pixels."""
    issue = sample_with_pdfs()
    front = issue.page(1)
    lead = front.articles[0]
    headline, first_column, second_column = lead.regions[0], lead.regions[1], lead.regions[2]
    lead.regions = [headline, first_column]
    clipping = clipping_of([(front, lead)], issue)
    image = QImage(str(save(clipping, tmp_path / "cut.png")))
    cut = clipping.plan.cuts[0]
    x0, y0 = cut.origin

    def at(region: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
        box = cut.box
        return (x0 + round((region[0] - box[0]) * SCALE) + 2, y0 + round((region[1] - box[1]) * SCALE) + 2,
                x0 + round((region[2] - box[0]) * SCALE) - 2, y0 + round((region[3] - box[1]) * SCALE) - 2)

    with open_pdf_bytes(front.pdf.data) as pdf:
        page_column = render(pdf, 1, SCALE, first_column)
        page_second = render(pdf, 1, SCALE, second_column)
    as_printed = QImage(page_column.pixels, page_column.width, page_column.height, page_column.stride,
                        QImage.Format.Format_RGB32)
    second_printed = QImage(page_second.pixels, page_second.width, page_second.height, page_second.stride,
                            QImage.Format.Format_RGB32)
    printed = dark_pixels(as_printed, (2, 2, as_printed.width() - 2, as_printed.height() - 2))
    cut_dark = dark_pixels(image, at(first_column))
    assert printed > 1000 and abs(cut_dark - printed) <= printed * 0.05
    assert dark_pixels(second_printed, (2, 2, second_printed.width() - 2, second_printed.height() - 2)) > 1000
    assert white(image, at(second_column))  # printed on the page, not this article's
    assert dark_pixels(image, at(headline)) > 1000
    assert white(image, (0, 0, image.width(), clipping.plan.margin - 1))  # the margin


def test_the_citation_is_set_under_the_cut(qapp, tmp_path: Path) -> None:
    issue = sample_with_pdfs()
    front = issue.page(1)
    clipping = clipping_of([(front, front.articles[2])], issue)
    image = QImage(str(save(clipping, tmp_path / "c.png")))
    cut = clipping.plan.cuts[0]
    below = cut.origin[1] + cut.size[1]
    text = clipping.text_rect
    assert text.top() >= below and text.bottom() < image.height()
    assert white(image, (0, below + 1, image.width(), text.top()))  # the gap
    assert dark_pixels(image, (text.left(), text.top(), text.right(), text.bottom())) > 50
    assert clipping.citation == gbt7714(issue, front, front.articles[2])
    assert "[N]. 松河日报" in clipping.citation


def test_the_pdf_is_the_image_and_the_citation_as_text(qapp, tmp_path: Path) -> None:
    issue = sample_with_pdfs()
    parts = [(issue.page(1), issue.page(1).articles[0]), (issue.page(2), issue.page(2).articles[0])]
    clipping = clipping_of(parts, issue)
    out = save(clipping, tmp_path / "剪报.pdf")
    assert not list(tmp_path.glob(".*"))  # no temporary file left
    doc = pdfium.PdfDocument(str(out))
    try:
        assert len(doc) == 1
        page = doc[0]
        width, height = page.get_size()
        assert abs(width - clipping.width * 72 / DPI) <= 1 and abs(height - clipping.height * 72 / DPI) <= 1
        text = page.get_textpage().get_text_range()
        assert clipping.citation in text.replace("\r\n", "").replace("\n", "")
        assert "松河日报, 2024-03-15(1)." in text
        kinds = [obj.type for obj in page.get_objects()]
        assert pdfium.raw.FPDF_PAGEOBJ_IMAGE in kinds  # the cut, as an image
    finally:
        doc.close()


# -- the window ---------------------------------------------------------------------------------
def with_pdfs(app: ReaderApp, numbers: tuple[int, ...] = (1, 2, 3, 4)) -> None:
    """The open issue's pages as if imported from their PDFs."""
    laid = {p["number"]: p for p in sample_layout()["pages"]}
    for page in app.reader.issue.pages:
        if page.number in numbers:
            give_pdf(page, laid[page.number])
    app.tools.clippings.sync()


def open_article(app: ReaderApp, page: int, row: int) -> None:
    app.reader.open(Location(app.reader.issue.id, page, row))


def test_the_action_is_off_for_a_page_from_text_and_says_why(qtbot, reader_app: ReaderApp) -> None:
    a = reader_app.window.actions
    assert a.clip is not None and a.clip.shortcut().toString() == "Ctrl+Shift+S"
    edit = next(m for m in reader_app.window.menuBar().actions() if m.text() == "编辑(&E)").menu()
    assert a.clip in edit.actions()
    others = [k.toString() for action in a.made() if action is not a.clip for k in action.shortcuts()]
    assert "Ctrl+Shift+S" not in others
    open_article(reader_app, 1, 0)
    assert not a.clip.isEnabled() and "没有版面图" in a.clip.toolTip()  # the sample came as text
    with_pdfs(reader_app, numbers=(1,))
    assert a.clip.isEnabled()
    open_article(reader_app, 3, 0)  # still text
    assert not a.clip.isEnabled()


def test_saved_from_the_window_whole_or_in_part(qtbot, reader_app: ReaderApp, tmp_path: Path) -> None:
    open_article(reader_app, 1, 0)
    with_pdfs(reader_app)
    clippings = reader_app.tools.clippings
    one = clippings.save_as(tmp_path / "one.png")
    qtbot.keyClick(reader_app.window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)  # 连续阅读
    assert reader_app.reader.whole_article
    whole = clippings.save_as(tmp_path / "whole.png")
    assert one is not None and whole is not None
    short, tall = QImage(str(one)), QImage(str(whole))
    assert tall.height() > short.height() + 400 and tall.width() > short.width()
    assert reader_app.window.statusBar().currentMessage().startswith("剪报已保存：")


def test_the_dialog_s_pdf_filter_makes_a_pdf(qtbot, reader_app: ReaderApp, tmp_path: Path,
                                              monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    open_article(reader_app, 1, 1)
    with_pdfs(reader_app)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "图书馆"), "PDF 文件 (*.pdf)"))
    qtbot.keyClick(reader_app.window, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    out = tmp_path / "图书馆.pdf"
    assert out.read_bytes()[:5] == b"%PDF-"


def test_a_damaged_page_pdf_is_a_message_and_no_file(qtbot, reader_app: ReaderApp, tmp_path: Path) -> None:
    open_article(reader_app, 1, 0)
    with_pdfs(reader_app)
    page = reader_app.reader.page()
    page.pdf = PagePdf(page.pdf.digest, 0, page.pdf.data[: len(page.pdf.data) // 2])  # cut short
    assert reader_app.tools.clippings.save_as(tmp_path / "x.png") is None
    assert "已损坏" in reader_app.window.info_bar.label.text()
    assert not (tmp_path / "x.png").exists()


def test_a_pdf_not_in_the_library_is_a_message(qtbot, reader_app: ReaderApp, tmp_path: Path) -> None:
    open_article(reader_app, 1, 0)
    with_pdfs(reader_app)
    page = reader_app.reader.page()
    page.pdf = PagePdf(page.pdf.digest)  # as read back from a library that lost the file
    assert reader_app.tools.clippings.save_as(tmp_path / "x.png") is None
    assert "不在书库中" in reader_app.window.info_bar.label.text()


def test_a_full_disk_is_a_message_and_no_file(qtbot, reader_app: ReaderApp, tmp_path: Path,
                                              monkeypatch) -> None:
    import os

    def full(*_a: object, **_k: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "x.png").write_bytes(b"an older clipping")
    open_article(reader_app, 1, 0)
    with_pdfs(reader_app)
    monkeypatch.setattr(os, "write", full)  # the disk is full as the file is written
    assert reader_app.tools.clippings.save_as(folder / "x.png") is None
    monkeypatch.undo()
    text = reader_app.window.info_bar.label.text()
    assert "无法保存" in text and os.strerror(errno.ENOSPC) in text
    assert [p.name for p in folder.iterdir()] == ["x.png"]  # no half-written file beside it
    assert (folder / "x.png").read_bytes() == b"an older clipping"  # and the old one kept


def test_a_clipping_too_large_is_refused_with_the_limit(qtbot, reader_app: ReaderApp, tmp_path: Path,
                                                        monkeypatch) -> None:
    from paper_reader.core.reading import clipping

    monkeypatch.setattr(clipping, "MAX_CLIP_PIXELS", 1_000_000)  # 150 dpi: 1.1 million
    open_article(reader_app, 1, 0)
    with_pdfs(reader_app)
    assert reader_app.tools.clippings.save_as(tmp_path / "x.png") is None
    text = reader_app.window.info_bar.label.text()
    assert "太大" in text and "上限 1 百万像素" in text
    assert not (tmp_path / "x.png").exists()


def test_a_large_clipping_is_made_smaller_and_says_so(qtbot, reader_app: ReaderApp, tmp_path: Path,
                                                     monkeypatch) -> None:
    from paper_reader.core.reading import clipping

    monkeypatch.setattr(clipping, "MAX_CLIP_PIXELS", 4_000_000)
    open_article(reader_app, 1, 0)
    with_pdfs(reader_app)
    out = reader_app.tools.clippings.save_as(tmp_path / "x.png")
    assert out is not None and "dpi" in reader_app.window.info_bar.label.text()
    image = QImage(str(out))
    assert round(image.dotsPerMeterX() * 0.0254) < DPI


@pytest.mark.parametrize("numbers", [(1,)])
def test_whole_article_without_the_second_page_s_pdf_says_what_is_left_out(
        qtbot, reader_app: ReaderApp, tmp_path: Path, numbers: tuple[int, ...]) -> None:
    open_article(reader_app, 1, 0)
    with_pdfs(reader_app, numbers)
    qtbot.keyClick(reader_app.window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert reader_app.tools.clippings.save_as(tmp_path / "x.png") is not None
    assert "不含第二版" in reader_app.window.info_bar.label.text()
