"""剪报 in the kiosk: not there unless printing is allowed; then it prints, with no dialog."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from paper_reader.app import ReaderApp
from paper_reader.core.reading.history import Location

from ..clipping_support import give_pdf, sample_layout


def no_file_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("a file dialog"))


def test_no_clipping_without_printing(qtbot, kiosk: ReaderApp, monkeypatch) -> None:
    no_file_dialog(monkeypatch)
    a = kiosk.window.actions
    assert a.clip is None  # never made
    assert "剪报" not in {action.iconText() for action in kiosk.window.navigation_bar.actions()}
    qtbot.keyClick(kiosk.window, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_with_printing_the_clipping_is_printed(qtbot, make_kiosk, monkeypatch, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from paper_reader.ui.tools import print_tools, printing

    no_file_dialog(monkeypatch)
    monkeypatch.setattr(printing, "print_dialog", lambda *a, **k: pytest.fail("a print dialog"))
    out = tmp_path / "printed.pdf"
    asked: list[str] = []

    def to_file(name: str) -> QPrinter:  # the reading room's printer, here writing a PDF
        asked.append(name)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    monkeypatch.setattr(print_tools, "native_printer", to_file)
    app = make_kiosk(printing=True, printer="Reading Room")
    app.reader.open(Location(app.reader.issue.id, 1, 0))
    button = app.window.navigation_bar.widgetForAction(app.window.actions.clip)
    assert button is not None and button.isVisible() and button.height() >= 44
    assert not app.window.actions.clip.isEnabled()  # the kiosk's pages came as text
    laid = {p["number"]: p for p in sample_layout()["pages"]}
    for page in app.reader.issue.pages:
        give_pdf(page, laid[page.number])
    app.reader.open(Location(app.reader.issue.id, 1, 1))
    assert app.window.actions.clip.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == ["Reading Room"] and out.is_file()
    assert app.window.statusBar().currentMessage() == "已送往打印机。"
    doc = pdfium.PdfDocument(str(out))
    try:
        text = doc[0].get_textpage().get_text_range()
        assert "市图书馆新馆今日起向市民开放[N]. 松河日报" in text  # the citation, as text
        assert pdfium.raw.FPDF_PAGEOBJ_IMAGE in [o.type for o in doc[0].get_objects()]
    finally:
        doc.close()
    monkeypatch.setattr(print_tools, "native_printer", lambda name: None)  # switched off
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert "打印机现在不可用" in app.window.info_bar.label.text()
