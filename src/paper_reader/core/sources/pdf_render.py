"""Draw a page PDF, or a part of it, into pixels: the page image and the clippings cut from it.

Every PDFium call is made under PDFIUM_LOCK (see pdf_document). The pixels come out as BGRx,
four bytes a pixel with the fourth unused, which is the layout of Qt's QImage.Format_RGB32 on
the machines the reader runs on; no Qt here. Work is bounded: a drawing larger than
MAX_RENDER_PIXELS is refused, whatever the zoom asked for.
"""

from __future__ import annotations

import ctypes
from typing import NamedTuple

from .pdf_document import PDFIUM_LOCK, Box, PdfFile

MAX_RENDER_PIXELS = 64_000_000  # a whole page at about 600 dpi; beyond that only a part is drawn

__all__ = ["MAX_RENDER_PIXELS", "Bitmap", "render"]


class Bitmap(NamedTuple):  # not a dataclass: on the way to a first paint of a page image
    width: int
    height: int
    stride: int  # bytes per row
    pixels: bytes  # BGRx


def render(pdf: PdfFile, number: int, scale: float, part: Box | None = None) -> Bitmap:
    """Page ``number`` (1-based) drawn at ``scale`` pixels per point, the whole page or only
    ``part`` (left, top, right, bottom in points from the page's top-left corner, clipped to
    the page). Raises ValueError for a drawing that would be empty or too large."""
    width, height = pdf.page_size(number)
    left, top, right, bottom = part if part is not None else (0.0, 0.0, width, height)
    left, top = max(0.0, left), max(0.0, top)
    right, bottom = min(width, right), min(height, bottom)
    if not (scale > 0 and right > left and bottom > top):
        raise ValueError(f"{pdf.name}: nothing to draw of page {number} at {scale!r}")
    pixels = (right - left) * scale * (bottom - top) * scale
    if pixels > MAX_RENDER_PIXELS:
        raise ValueError(f"{pdf.name}: a drawing of {pixels:,.0f} pixels is too large")
    doc = pdf.document()
    with PDFIUM_LOCK:
        page = doc[number - 1]
        try:
            # pypdfium2 crops by what is cut off each side: left, bottom, right, top.
            bitmap = page.render(scale=scale, crop=(left, height - bottom, width - right, top),
                                 prefer_bgrx=True, may_draw_forms=False)
            try:
                size = bitmap.stride * bitmap.height
                data = ctypes.string_at(bitmap.buffer, size)
                return Bitmap(bitmap.width, bitmap.height, bitmap.stride, data)
            finally:
                bitmap.close()
        finally:
            page.close()
