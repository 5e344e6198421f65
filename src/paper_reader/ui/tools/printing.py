"""Printing an article, and saving it as PDF, with a reference footer on every page.

The document is laid out in the CSS pixels ``article_html`` sets indents and leading in (96
per inch) and painted through a scaled painter, page by page (translate + clip), since
``QTextDocument.print_`` cannot add a footer. Build the HTML with
``article_html(..., pal=LIGHT, em_px=PRINT_EM_PX)``: paper is white.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QPageSize,
    QPainter,
    QPalette,
    QRawFont,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ...core.model import Article, Issue, Page, page_label
from ...core.reading.citation import UNTITLED, chinese_date, identity
from ..shell.fonts import SANS_SC, SERIF_SC
from ..views.plain import message_box

LAYOUT_DPI = 96  # the px of the article HTML
PRINT_EM_PX = 16  # body text: 16 px at 96/inch = 12 pt
MARGIN_MM = 20
FOOTER_PX = 11  # about 8 pt
FOOTER_GAP_MM = 6  # from the text block down to the footer rule

# Written as translate("Printing", ...) where used: lupdate reads the context from the call.
translate = QCoreApplication.translate

# Dialogs opened with open() must outlive the call that opened them.
_open_dialogs: set[QDialog] = set()


def _px(mm: float) -> float:
    return mm / 25.4 * LAYOUT_DPI


def print_font(pixel_size: int = PRINT_EM_PX) -> QFont:
    """A Chinese face named outright: left to itself Qt may pick a Japanese variant, or a
    face without CJK glyphs, and the PDF then shows boxes."""
    available = set(QFontDatabase.families())
    font = QFont()
    wanted = [f for f in (*SERIF_SC, *SANS_SC) if f in available]
    if wanted:
        font.setFamilies(wanted)
    font.setPixelSize(pixel_size)  # pixels, not points: independent of the screen's DPI
    return font


def article_document(html: str) -> QTextDocument:
    doc = QTextDocument()
    # Laid out at 96 dpi, painted at the printer's: hinted screen metrics would drift.
    doc.setUseDesignMetrics(True)
    doc.setDefaultFont(print_font())
    doc.setDocumentMargin(0)  # the page margins are ours
    doc.setHtml(html)
    return doc


def footer_text(issue: Issue, page: Page, citation: str,
                convert: Callable[[str], str] = identity) -> str:
    paper = convert(issue.paper or page.paper or "")
    label = convert(page.label or page_label(page.number))
    return " · ".join(p for p in (paper, chinese_date(issue, page), label, citation) if p)


def print_article(printer: QPrinter, issue: Issue, page: Page, article: Article, html: str,
                  citation: str, *, convert: Callable[[str], str] = identity) -> None:
    """Paint the article onto ``printer``, page by page, each with the footer.

    ``convert`` puts the footer's paper name and page label in the reader's script (HTML and
    citation come converted). Sets full-page mode: the margins, footer in the bottom one, are ours.
    """
    printer.setFullPage(True)
    scale = printer.resolution() / LAYOUT_DPI
    paper = printer.pageLayout().fullRectPixels(printer.resolution())
    margin = _px(MARGIN_MM)
    body = QRectF(margin, margin, paper.width() / scale - 2 * margin,
                  paper.height() / scale - 2 * margin)
    doc = article_document(html)
    doc.setPageSize(body.size())  # paginates: a line never straddles two pages
    total = doc.pageCount()
    left = footer_text(issue, page, citation, convert)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(translate("Printing", "无法开始打印：打印机或输出文件不可用。"))
    # The range the print dialog asked for; 0 means all pages.
    first = max(printer.fromPage(), 1) - 1
    last = min(printer.toPage() or total, total)
    try:
        for index in range(first, last):
            if index > first and not printer.newPage():
                raise OSError(translate("Printing", "打印中断：无法开始新的一页。"))
            painter.save()
            painter.scale(scale, scale)
            _paint_body(painter, doc, body, index)
            _paint_footer(painter, body, left, page_numbers(index + 1, total, convert))
            painter.restore()
    finally:
        painter.end()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        fix_pdf_text(Path(printer.outputFileName()))


def _paint_body(painter: QPainter, doc: QTextDocument, body: QRectF, index: int) -> None:
    painter.save()
    painter.translate(body.left(), body.top() - index * body.height())
    view = QRectF(0, index * body.height(), body.width(), body.height())
    painter.setClipRect(view)
    ctx = QAbstractTextDocumentLayout.PaintContext()
    ctx.clip = view
    ctx.palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
    doc.documentLayout().draw(painter, ctx)
    painter.restore()


def page_numbers(number: int, total: int, convert: Callable[[str], str] = identity) -> str:
    """``第 1 / 3 页`` in the reader's script (``第 1 / 3 頁``), like the rest of the footer."""
    return convert(translate("Printing", "第 {number} / {total} 页").format(number=number, total=total))


def _paint_footer(painter: QPainter, body: QRectF, left: str, numbers: str) -> None:
    top = body.bottom() + _px(FOOTER_GAP_MM)
    painter.save()
    painter.setPen(QColor("#c8c3b8"))
    painter.drawLine(body.left(), top, body.right(), top)
    painter.setFont(print_font(FOOTER_PX))
    painter.setPen(QColor("#5f6368"))
    width = painter.fontMetrics().horizontalAdvance(numbers)
    room = QRectF(body.left(), top + _px(1.5), body.width(), _px(MARGIN_MM - FOOTER_GAP_MM - 3))
    painter.drawText(room, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, numbers)
    # A long reference wraps onto a second line rather than running under the page number.
    room.setWidth(body.width() - width - _px(6))
    painter.drawText(room, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                     | Qt.TextFlag.TextWordWrap, left)
    painter.restore()


# Qt's PDF ToUnicode map names, for each glyph, the lowest code point the font draws with
# it; CJK faces share glyphs between 日 and the Kangxi radical ⽇ (U+2F47), 食 and ⻝, so
# copied or searched text came out as radicals. Those entries are put right afterwards.
_SUSPECTS = [(0x2E80, 0x2FDF), (0x3190, 0x319F), (0x31C0, 0x31EF), (0x3400, 0x4DBF)]
_TOUNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
_ENTRY = re.compile(rb"<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4})> (\[[^\]]*\]|<[0-9A-Fa-f]{4}>)")
_CODE = re.compile(rb"<([0-9A-Fa-f]{4})>")


@cache
def _unified(family: str | None) -> dict[int, int]:
    """Code point Qt may name -> the unified ideograph drawn with the same glyph."""
    raw = QRawFont.fromFont(QFont(family) if family else print_font())
    uro = "".join(map(chr, range(0x4E00, 0xA000)))
    first: dict[int, int] = {}
    for ch, glyph in zip(uro, raw.glyphIndexesForString(uro), strict=True):
        if glyph:
            first.setdefault(glyph, ord(ch))
    suspects = "".join(chr(c) for lo, hi in _SUSPECTS for c in range(lo, hi + 1))
    out = {ord(ch): first[g] for ch, g in zip(suspects, raw.glyphIndexesForString(suspects), strict=True)
           if g in first}
    for c in range(0x2F00, 0x2FD6):  # Kangxi radicals: their compatibility decomposition
        out.setdefault(c, ord(unicodedata.normalize("NFKC", chr(c))))
    out.update(dict.fromkeys(range(0x09, 0x0E), 0x20))  # Qt draws tabs and newlines as spaces
    return out


def fix_pdf_text(path: Path) -> None:
    """Rewrite the ToUnicode maps of a PDF Qt wrote, in place and at the same length (so
    the cross-reference table stays valid), to name the characters actually drawn."""
    families = print_font().families()
    mapping = _unified(families[0] if families else None)

    def code(m: re.Match[bytes]) -> bytes:
        cp = int(m.group(1), 16)
        return b"<%04X>" % mapping.get(cp, cp)

    def entry(m: re.Match[bytes]) -> bytes:
        first, last, dst = m.groups()
        if dst.startswith(b"[") or first == last:  # a linear range would need splitting: rare
            dst = _CODE.sub(code, dst)
        return b"<%s> <%s> %s" % (first, last, dst)

    data = bytearray(path.read_bytes())
    for num in set(_TOUNICODE.findall(data)):
        head = re.search(rb"(?m)^%s 0 obj\s*<<\s*/Length (\d+)\s*>>\s*stream\r?\n" % num, data)
        if head:
            start, end = head.end(), head.end() + int(head.group(1))
            data[start:end] = _ENTRY.sub(entry, bytes(data[start:end]))
    path.write_bytes(data)


def _check_writable(target: Path) -> None:
    """QPrinter fails silently on a path it cannot write; say why before trying."""
    folder = target.parent
    if not folder.is_dir():
        exc: OSError = FileNotFoundError(translate(
            "Printing", "无法保存“{path}”：文件夹“{folder}”不存在。").format(path=target, folder=folder))
    elif target.is_dir():
        exc = IsADirectoryError(
            translate("Printing", "无法保存“{path}”：这是一个文件夹。").format(path=target))
    elif not os.access(folder, os.W_OK | os.X_OK):
        exc = PermissionError(translate(
            "Printing", "无法保存“{path}”：没有写入文件夹“{folder}”的权限。").format(
                path=target, folder=folder))
    else:
        return
    exc.filename = str(target)
    raise exc


def export_pdf(path: str | Path, issue: Issue, page: Page, article: Article, html: str,
               citation: str, *, convert: Callable[[str], str] = identity) -> Path:
    """Save the article as an A4 PDF at ``path`` and return the path. Written to a temporary
    file beside it first: a failed export leaves no broken file, nor an old one passing as new."""
    target = Path(path)
    _check_writable(target)
    from ...core.safe_file import fresh_file

    tmp = fresh_file(target, ".part")  # new and ours, never a link planted at a known name
    try:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setOutputFileName(str(tmp))
        printer.setDocName(convert(article.title or UNTITLED))  # the PDF's title
        printer.setCreator("paper-reader")
        print_article(printer, issue, page, article, html, citation, convert=convert)
        if not tmp.is_file() or tmp.stat().st_size == 0:
            raise OSError(translate("Printing", "无法保存“{path}”：PDF 没有写出。").format(path=target))
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def print_dialog(parent: QWidget | None, issue: Issue, page: Page, article: Article, html: str,
                 citation: str, *, convert: Callable[[str], str] = identity) -> None:
    """Ask for a printer (window-modal, without blocking) and print when accepted."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(convert(article.title or UNTITLED))
    dialog = _keep(QPrintDialog(printer, parent))
    dialog.setWindowTitle(translate("Printing", "打印文章"))

    # finished, not accepted: QPrintDialog's accepted(QPrinter*) hides QDialog's.
    def finished(result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            return
        try:
            print_article(printer, issue, page, article, html, citation, convert=convert)
        except OSError as exc:
            box = message_box(QMessageBox.Icon.Warning, translate("Printing", "打印失败"), str(exc), parent)
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            _keep(box).open()

    dialog.finished.connect(finished)
    QDialog.open(dialog)  # QPrintDialog.open in Python is only the (receiver, member) overload


def _keep(dialog: QDialog) -> QDialog:
    """open() returns at once: hold the dialog until it is done, then let Qt delete it."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_dialogs.add(dialog)
    dialog.finished.connect(lambda _result: _open_dialogs.discard(dialog))
    return dialog
