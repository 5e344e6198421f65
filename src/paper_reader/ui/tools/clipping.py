"""剪报: the open article cut from its page images at print resolution, its parts joined when it
is read whole (连续阅读), the GB/T 7714 citation set under it; saved as PNG or PDF, or, in a
kiosk that may print, printed.

The plan (which boxes of which pages, and where) is core.reading.clipping's; here each part's
box is drawn once from its page PDF (core.sources.pdf_render, under PDFium's lock: a
front-page article takes some tens of milliseconds, so on the GUI thread under a busy cursor)
and only its regions are kept. In a PDF the cut is an image at the plan's resolution and the
citation real text, so it can be selected, searched and copied.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter

from ...core.library.pdfs import pdf_of
from ...core.model import Page
from ...core.reading.clipping import part_label

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtPrintSupport import QPrinter

    from ...core.library import Library
    from ...core.model import Article, Region
    from ...core.reading.clipping import ClippingPlan
    from ...core.sources.pdf_document import PdfFile

translate = QCoreApplication.translate

CITATION_PT = 9.0  # the citation's type size under the cut
MAX_CITATION_CHARS = 600  # a stored title may be any length; a reference line is not
INK, GREY, RULE = "#1a1a1a", "#555555", "#b8b2a6"


class ClippingFailed(Exception):
    """What kept a clipping from being made or saved, in a line for the reader."""


def reading_font(face: str | None, pixels: int) -> QFont:
    from ..shell.fonts import SANS_SC, SERIF_SC

    font = QFont()
    font.setFamilies([f for f in (face, *SERIF_SC, *SANS_SC) if f])  # named: see printing.print_font
    font.setPixelSize(max(1, pixels))
    return font


def _identity(text: str) -> str:
    return text


def cut_out(parts: list[tuple[Page, Article]], library: Library | None,
            convert: Callable[[str], str] = _identity) -> tuple[ClippingPlan, QImage]:
    """The plan of the clipping of ``parts`` and its image without the citation. Each page's
    PDF is opened once, for its photos' boxes and then for drawing. Raises ClippingFailed
    (a PDF missing or damaged) and the plan's ClippingError."""
    from ...core.reading.clipping import can_cut, plan_clipping
    from ...core.sources.pdf_document import PdfFileError, open_pdf_bytes

    opened: dict[int, PdfFile] = {}
    figures: dict[int, list[Region]] = {}
    try:
        for page, article in parts:
            if page.number in opened or not can_cut(page, article):
                continue
            label = convert(part_label(page))
            data = pdf_of(page, library)
            if data is None:
                raise ClippingFailed(translate("Clipping", "{page}的版面 PDF 不在书库中，无法剪报。")
                                     .format(page=label))
            try:
                opened[page.number] = pdf = open_pdf_bytes(data, label)
                figures[page.number] = pdf.read_page(page.pdf.index + 1, require_text=False).figures
            except (PdfFileError, ValueError) as exc:
                raise damaged(label, exc) from None
        plan = plan_clipping(parts, figures=figures)
        return plan, draw_cuts(plan, opened, convert)
    finally:
        for pdf in opened.values():
            pdf.close()


def damaged(label: str, exc: Exception) -> ClippingFailed:
    return ClippingFailed(translate("Clipping", "{page}的版面 PDF 已损坏，无法剪报（{why}）。")
                          .format(page=label, why=exc))


def draw_cuts(plan: ClippingPlan, pdfs: dict[int, PdfFile],
              convert: Callable[[str], str] = _identity) -> QImage:
    """White, each part's regions drawn from its page's PDF (``pdfs`` by page number), the
    labels and rules between parts. Raises ClippingFailed."""
    from PySide6.QtGui import QRegion

    from ...core.sources.pdf_render import render

    image = QImage(plan.width, plan.height, QImage.Format.Format_RGB32)
    if image.isNull():
        raise ClippingFailed(translate("Clipping", "内存不足，无法生成剪报。"))
    image.fill(QColor("white"))
    dots = round(plan.dpi / 0.0254)  # the PNG says it is 300 dpi: prints at the paper's size
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    painter = QPainter(image)
    try:
        label_font = reading_font(None, plan.label_px)
        for cut in plan.cuts:
            label = convert(cut.label)
            try:
                bitmap = render(pdfs[cut.page.number], cut.page.pdf.index + 1, plan.scale, cut.box)
            except ValueError as exc:
                raise damaged(label, exc) from None
            drawn = QImage(bitmap.pixels, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB32)
            keep = QRegion()
            for left, top, right, bottom in cut.rects:
                keep = keep.united(QRegion(QRect(left, top, right - left, bottom - top)))
            painter.setClipRegion(keep)
            painter.drawImage(QPoint(*cut.origin), drawn)
            painter.setClipping(False)
            if cut.rule_y is not None:
                painter.fillRect(QRect(plan.margin, cut.rule_y, plan.width - 2 * plan.margin, plan.rule_px),
                                 QColor(RULE))
            if cut.label_rect is not None:
                left, top, right, bottom = cut.label_rect
                painter.setFont(label_font)
                painter.setPen(QColor(GREY))
                painter.drawText(QRect(left, top, right - left, bottom - top),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), label)
    finally:
        painter.end()
    return image


class Clipping:
    """A clipping ready to save or print: the cut, its plan, the citation and its face."""

    def __init__(self, image: QImage, plan: ClippingPlan, citation: str, face: str | None,
                 title: str) -> None:
        self.image, self.plan, self.title = image, plan, title
        if len(citation) > MAX_CITATION_CHARS:
            citation = citation[:MAX_CITATION_CHARS] + "…"
        self.citation = citation
        self.font = reading_font(face, round(CITATION_PT * plan.scale))
        self.text_rect = self._text_rect()

    def _text_rect(self) -> QRect:
        plan = self.plan
        width = plan.width - 2 * plan.margin
        metrics = QFontMetrics(self.font)
        needed = metrics.boundingRect(QRect(0, 0, width, 1 << 20), self._flags(), self.citation)
        # Just under the cut: the plan's bottom margin less half of it, so the line reads as its caption.
        return QRect(plan.margin, plan.height - plan.margin // 2, width, needed.height() + metrics.descent())

    @staticmethod
    def _flags() -> int:
        return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)

    @property
    def width(self) -> int:
        return self.plan.width

    @property
    def height(self) -> int:
        return self.text_rect.bottom() + 1 + self.plan.margin

    def paint(self, painter: QPainter) -> None:
        """The cut at (0, 0) in the plan's pixels, and the citation as text under it."""
        # Into a PDF Qt would otherwise write the cut as a JPEG, blurring small type.
        painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)
        painter.drawImage(QPoint(0, 0), self.image)
        painter.setFont(self.font)
        painter.setPen(QColor(INK))
        painter.drawText(self.text_rect, self._flags(), self.citation)

    def png(self) -> bytes:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice

        whole = QImage(self.width, self.height, QImage.Format.Format_RGB32)
        if whole.isNull():
            raise ClippingFailed(translate("Clipping", "内存不足，无法生成剪报。"))
        whole.fill(QColor("white"))
        whole.setDotsPerMeterX(self.image.dotsPerMeterX())
        whole.setDotsPerMeterY(self.image.dotsPerMeterY())
        painter = QPainter(whole)
        try:
            self.paint(painter)
        finally:
            painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not whole.save(buffer, "PNG"):
            raise ClippingFailed(translate("Clipping", "无法生成 PNG 图片。"))
        return bytes(data.data())

    def pdf(self) -> bytes:
        """One page the clipping's size: the cut as an image at the plan's resolution, the
        citation as text."""
        import math

        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
        from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        dpi = self.plan.dpi
        # Whole points, rounded up: a PDF's page box is kept in whole points.
        size = QSizeF(math.ceil(self.width * 72 / dpi), math.ceil(self.height * 72 / dpi))
        writer.setPageLayout(QPageLayout(QPageSize(size, QPageSize.Unit.Point, "",
                                                   QPageSize.SizeMatchPolicy.ExactMatch),
                                         QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        writer.setResolution(dpi)
        writer.setTitle(self.title)
        writer.setCreator("paper-reader")
        painter = QPainter()
        if not painter.begin(writer):
            raise ClippingFailed(translate("Clipping", "无法生成 PDF。"))
        try:
            self.paint(painter)
        finally:
            painter.end()
        buffer.close()
        return bytes(data.data())

    def print_on(self, printer: QPrinter) -> None:
        """On one sheet: at its own size when it fits, else scaled down to fit; centred."""
        from PySide6.QtPrintSupport import QPrinter

        from .printing import fix_pdf_text

        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(translate("Printing", "无法开始打印：打印机或输出文件不可用。"))
        try:
            room = printer.pageLayout().paintRectPixels(printer.resolution())
            scale = min(printer.resolution() / self.plan.dpi, room.width() / self.width,
                        room.height() / self.height)
            painter.translate((room.width() - self.width * scale) / 2, 0)
            painter.scale(scale, scale)
            self.paint(painter)
        finally:
            painter.end()
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
            fix_pdf_text(Path(printer.outputFileName()))


def save(clipping: Clipping, path: str | Path) -> Path:
    """The clipping at ``path``: PDF for a .pdf name, else PNG; in one rename, so a failed save
    leaves no broken file and no old one passing as new. Raises OSError, ClippingFailed."""
    from ...core.safe_file import fresh_file, write_atomic

    target = Path(path)
    if target.suffix.lower() != ".pdf":
        write_atomic(target, clipping.png(), mode=0o644)
        return target
    from .printing import fix_pdf_text

    data = clipping.pdf()
    tmp = fresh_file(target, ".part")
    try:
        with tmp.open("wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        fix_pdf_text(tmp)  # Qt names radicals for some ideographs in the text layer
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def why_not_saved(target: str | Path, exc: OSError) -> str:
    why = exc.strerror or str(exc)
    return translate("Clipping", "无法保存“{path}”：{why}").format(path=target, why=why)


class busy:  # noqa: N801  (used as a context manager, like contextlib's)
    """A wait cursor over the window while a clipping is drawn or written."""

    def __enter__(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_: object) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.restoreOverrideCursor()
