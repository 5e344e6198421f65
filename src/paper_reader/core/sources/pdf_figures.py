"""The photos and grey boxes on a page PDF: the page's drawing objects (images and filled
paths, also inside form XObjects) large enough to be a photo or its stand-in, as boxes on the
page as displayed. Called by pdf_document while it holds PDFIUM_LOCK, on an open page.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable

import pypdfium2 as pdfium
import pypdfium2.raw as raw

Box = tuple[float, float, float, float]  # left, top, right, bottom
ToPage = Callable[[float, float], tuple[float, float]]  # PDF user space to the displayed page

MAX_PAGE_OBJECTS = 50_000  # drawing objects looked at for photos and grey boxes
MAX_FIGURES = 500  # photos and boxes kept from one page


def page_figures(page: pdfium.PdfPage, to_page: ToPage) -> list[Box]:
    """Boxes of photos and filled shapes large enough to be a photo or its grey stand-in,
    also inside form XObjects (whose contents are in the form's own space)."""
    found: list[Box] = []
    seen = [0]
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    form_matrix = raw.FS_MATRIX()

    def walk(count: int, get: Callable[[int], object], matrix: tuple[float, ...] | None,
             depth: int) -> None:
        for i in range(count):
            seen[0] += 1
            if seen[0] > MAX_PAGE_OBJECTS:
                return
            obj = get(i)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_FORM and depth < 4:
                raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(form_matrix))
                m = form_matrix
                inner = (m.a, m.b, m.c, m.d, m.e, m.f)
                walk(raw.FPDFFormObj_CountObjects(obj),
                     lambda k, o=obj: raw.FPDFFormObj_GetObject(o, k),
                     inner if matrix is None else _compose(inner, matrix), depth + 1)
                continue
            if kind == raw.FPDF_PAGEOBJ_PATH:
                if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)) \
                        or fill.value == raw.FPDF_FILLMODE_NONE:
                    continue
            elif kind != raw.FPDF_PAGEOBJ_IMAGE:
                continue
            if not raw.FPDFPageObj_GetBounds(obj, ctypes.byref(left), ctypes.byref(bottom),
                                             ctypes.byref(right), ctypes.byref(top)):
                continue
            corners = [(left.value, bottom.value), (right.value, top.value),
                       (left.value, top.value), (right.value, bottom.value)]
            if matrix is not None:
                a, b, c, d, e, f = matrix
                corners = [(a * x + c * y + e, b * x + d * y + f) for x, y in corners]
            points = [to_page(x, y) for x, y in corners]
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            box = (min(xs), min(ys), max(xs), max(ys))
            if box[2] - box[0] >= 24 and box[3] - box[1] >= 24:  # rules and bullets are smaller
                found.append(box)
                if len(found) >= MAX_FIGURES:
                    return

    handle = page.raw
    walk(raw.FPDFPage_CountObjects(handle), lambda k: raw.FPDFPage_GetObject(handle, k), None, 0)
    return found


def _compose(inner: tuple[float, ...], outer: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix applying ``inner`` then ``outer`` (PDF's row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer  # noqa: N806
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)
