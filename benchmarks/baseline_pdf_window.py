"""The floor of a page-image start-up: a bare PySide6 window showing one PDF page.

    python -m benchmarks.baseline_pdf_window PAGE.pdf [WxH]

Opens the PDF with pypdfium2, draws its first page at fit width for the window's width and
the screen's device pixel ratio, and shows the top of it in a QLabel's pixmap, as a reader
first sees the page. Run as a separate process by the start-up benchmark beside
baseline_window.py; prints the monotonic time of its first complete paint, measured as that
window and paper-reader measure theirs, then the pixel size of the page image.
"""

from __future__ import annotations

import sys
import time

import pypdfium2 as pdfium
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QApplication, QLabel

from .baseline_window import FirstPaint


def page_pixmap(path: str, width: int, height: int, ratio: float) -> tuple[QPixmap, str]:
    """The PDF's first page drawn ``width`` logical pixels wide at the device pixel ratio,
    and the top ``height`` of it as the window's pixmap; with the drawn size."""
    pdf = pdfium.PdfDocument(path)
    try:
        page = pdf[0]
        pixels = max(1, round(width * ratio))
        bitmap = page.render(scale=pixels / page.get_width(), prefer_bgrx=True)
        # BGRx in memory is Qt's RGB32 on little-endian machines. Only the rows the window
        # shows are copied out of PDFium's bitmap (the label would centre a taller pixmap).
        rows = min(bitmap.height, max(1, round(height * ratio)))
        image = QImage(bitmap.buffer, bitmap.width, rows, bitmap.stride, QImage.Format.Format_RGB32).copy()
        drawn = f"{bitmap.width}x{bitmap.height}"
        page.close()
    finally:
        pdf.close()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap, drawn


def main() -> int:
    path = sys.argv[1]
    width, height = (int(v) for v in (sys.argv[2] if len(sys.argv) > 2 else "1280x800").split("x"))
    app = QApplication(sys.argv[:1])
    ratio = app.primaryScreen().devicePixelRatio()
    view = QLabel()
    pixmap, drawn = page_pixmap(path, width, height, ratio)
    view.setPixmap(pixmap)
    view.resize(width, height)
    watcher = FirstPaint()
    view.installEventFilter(watcher)
    view.show()
    deadline = time.monotonic() + 10
    while not watcher.at and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    print(f"first-paint-monotonic {watcher.at:.6f}", flush=True)
    shown = view.pixmap()
    print(f"page-image {drawn} drawn, {shown.width()}x{shown.height()} shown", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
