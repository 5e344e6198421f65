"""Printing the open article and exporting it as PDF: through the print dialog, or straight
to one printer by name (a reading room's), as the window's profile says.

连续阅读全文 prints what it shows: all parts, headed (and footed) by the first.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ...core.model import Article, Issue, Page
from ...core.reading.citation import gbt7714
from ..reading.reader import Reader
from ..shell.look import Look
from ..shell.main_window import MainWindow
from .citation import Citations, open_article

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

log = logging.getLogger("paper_reader.kiosk")  # printing to a named printer is a kiosk's
translate = QCoreApplication.translate

# What a print or a PDF is made of: the issue, the page and article it is headed by, its
# HTML and its citation.
PrintParts = tuple[Issue, Page, Article, str, str]


class PrintTools:
    def __init__(self, window: MainWindow, reader: Reader, look: Look, citations: Citations,
                 printer: str = "") -> None:
        self.window, self.reader, self.look, self.citations = window, reader, look, citations
        self.printer = printer  # for print_to_printer: the system's printer by name (empty: the default)

    def parts(self) -> PrintParts | None:
        from ..views.article_html import LIGHT, article_html
        from .printing import PRINT_EM_PX

        found = open_article(self.window, self.reader)
        if found is None:
            return None
        issue, first_page, first, page, art = found
        look = self.look
        joined = self.reader.parts() if self.reader.whole_article else []
        if len(joined) > 1:
            page, art = first_page, first
        html = article_html(issue, page, art, LIGHT, look.face, joined=joined if len(joined) > 1 else None,
                            convert=look.convert, em_px=PRINT_EM_PX)
        citation = gbt7714(issue, first_page, first, convert=self.citations.convert())
        return issue, page, art, html, citation

    def print_with_dialog(self) -> None:
        from . import printing

        parts = self.parts()
        if parts is not None:
            printing.print_dialog(self.window, *parts, convert=self.look.convert)

    def print_to_printer(self) -> None:
        """The open article straight to the printer: no dialog, never to a file."""
        w, look = self.window, self.look
        parts = self.parts()
        if parts is None:
            return
        printer = native_printer(self.printer)
        if printer is None:
            log.warning("printer %r not available", self.printer or "(default)")
            w.info_bar.show_message(translate("Kiosk", "打印机现在不可用，请联系工作人员。"))
            return
        from . import printing

        printer.setDocName(look.convert(parts[2].title or ""))
        try:
            printing.print_article(printer, *parts, convert=look.convert)
        except OSError as exc:
            w.info_bar.show_message(str(exc))
            return
        w.statusBar().showMessage(translate("Kiosk", "已送往打印机。"), 5000)

    def export_pdf(self, path: str | None = None) -> Path | None:
        from . import printing

        parts = self.parts()
        if parts is None:
            return None
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            issue, _page, art = parts[0], parts[1], parts[2]
            # A name, not a path: a slash in a stored title must not point into another folder.
            name = self.look.script_convert(f"{issue.paper}-{issue.date}-{art.title[:20]}")
            name = name.replace("/", "-").replace("\0", "")
            suggested = str(Path.home() / f"{name}.pdf")
            path, _ = QFileDialog.getSaveFileName(
                self.window, translate("MainWindow", "导出为 PDF"), suggested,
                translate("MainWindow", "PDF 文件 (*.pdf)"))
            if not path:
                return None
        try:
            out = printing.export_pdf(path, *parts, convert=self.look.convert)
        except OSError as exc:
            self.window.info_bar.show_message(str(exc))
            return None
        exported = translate("MainWindow", "已导出：")
        self.window.statusBar().showMessage(exported + str(out), 5000)
        return out


def native_printer(name: str) -> QPrinter | None:
    """A QPrinter on the system's printer ``name`` (empty: the default printer), never a
    file; None when there is no such printer (Qt would quietly fall back to PDF)."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    info = QPrinterInfo.printerInfo(name) if name else QPrinterInfo.defaultPrinter()
    if info.isNull():
        return None
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setOutputFileName("")
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat or printer.outputFileName():
        return None
    return printer
