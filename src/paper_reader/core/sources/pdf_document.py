"""Open a page PDF and read its text layer: every character with its box, size and weight.

PDFium is not thread-safe. Every call into it, here and anywhere else in the program (the page
image too), is made while holding ``PDFIUM_LOCK``, one lock for the whole process, so no two
threads are ever inside PDFium at once. Each PDFium object is closed explicitly while the lock is
held, never left to the garbage collector, whose finalizers would run in whatever thread drops
the last reference.

Coordinates are PDF points with the origin at the top-left corner of the page as displayed
(the page's crop box, after its /Rotate), x to the right and y downwards.
"""

from __future__ import annotations

import ctypes
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from ..problems import Problem, told, where_of
from .decoding import PageFileError, not_there, unreadable
from .pdf_figures import Box, ToPage, page_figures

PDFIUM_LOCK = threading.RLock()

MAX_PDF_BYTES = 200 * 1024 * 1024  # a whole issue of page PDFs with photos stays well below
MAX_PDF_PAGES = 500  # the thickest dailies run to a few hundred pages
MAX_PAGE_CHARS = 200_000  # a dense broadsheet page holds about 20,000
_TAIL = 2048  # %%EOF must stand within the last bytes of a complete file


_FORCE_BOLD = 1 << 18  # PDF font flag 19
_BOLD_NAMES = ("bold", "heavy", "black", "semibold", "demibold", "extrabold", "ultrabold")


class PdfFileError(PageFileError):
    """A PDF that cannot be read as newspaper pages; the message names the file."""


# Written without dataclasses: the page image draws the first page of a reader's start,
# and the dataclasses module is kept off that path (tests/ui/test_start_up_rules.py).
class PdfChar(NamedTuple):
    char: str
    left: float
    top: float
    right: float
    bottom: float
    baseline: float  # y of the glyph's origin
    size: float  # font size in points, as set on the page (text matrix included)
    weight: int  # 100-900; 400 when the font does not say
    font: str  # the font's name without its subset prefix (ABCDEF+)


class PdfPage:
    def __init__(self, number: int, width: float, height: float, chars: list[PdfChar],
                 figures: list[Box] | None = None, unmapped: int = 0) -> None:
        self.number = number  # 1-based, in the file
        self.width = width
        self.height = height
        self.chars = chars
        self.figures: list[Box] = [] if figures is None else figures  # photos and filled boxes
        # characters whose font gives no Unicode value (shown as U+FFFD or PUA)
        self.unmapped = unmapped

    def __repr__(self) -> str:
        return (f"PdfPage(number={self.number}, width={self.width}, height={self.height}, "
                f"{len(self.chars)} chars, {len(self.figures)} figures)")


def _refuse(kind: str, name: str, **values: object) -> PdfFileError:
    return PdfFileError(told(kind, file=name, **values))


def check_pdf_bytes(head: bytes, tail: bytes, size: int, name: str) -> None:
    """Refuse what is not a whole PDF before PDFium sees it."""
    if size == 0:
        raise _refuse("empty", name)
    if size > MAX_PDF_BYTES:
        raise _refuse("pdf_too_large", name, size=_amount(size), limit=_amount(MAX_PDF_BYTES, 0))
    if b"%PDF-" not in head[:1024]:
        raise _refuse("not_pdf", name)
    if b"%%EOF" not in tail:
        # PDFium would rebuild what it can of a cut-off file and give part of its text.
        raise _refuse("pdf_truncated", name)


def _amount(size: int, digits: int = 1) -> str:
    if size >= 1048576:
        return f"{size / 1048576:.{digits}f} MB"
    return f"{size / 1024:.{digits}f} KB"


class PdfFile:
    """One open page PDF. Use as a context manager, or call close()."""

    def __init__(self, doc: pdfium.PdfDocument, name: str, keep: object = None) -> None:
        self._doc: pdfium.PdfDocument | None = doc
        self._keep = keep  # the file object or bytes PDFium reads from
        self.name = name
        with PDFIUM_LOCK:
            self.page_count = len(doc)

    def __enter__(self) -> PdfFile:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def __del__(self) -> None:  # a safety net: close under the lock, not in a bare finalizer
        if getattr(self, "_doc", None) is not None:
            self.close()

    def close(self) -> None:
        with PDFIUM_LOCK:
            if self._doc is not None:
                self._doc.close()
                self._doc = None
            if hasattr(self._keep, "close"):
                self._keep.close()  # type: ignore[union-attr]
            self._keep = None

    def page_size(self, number: int) -> tuple[float, float]:
        """Width and height in points of page ``number`` (1-based), as displayed."""
        doc = self._open_doc()
        self._check_number(number)
        with PDFIUM_LOCK:
            w, h = doc.get_page_size(number - 1)
            return float(w), float(h)

    def pages(self, require_text: bool = True) -> Iterator[PdfPage]:
        """The pages in order, one at a time: only one page's characters are held."""
        for number in range(1, self.page_count + 1):
            yield self.read_page(number, require_text)

    def read_page(self, number: int, require_text: bool = True) -> PdfPage:
        """Page ``number`` (1-based) with its characters. Raises PdfFileError for a page with
        too many characters, a damaged page and, with ``require_text``, a page without text."""
        doc = self._open_doc()
        self._check_number(number)
        where, shown = where_of(number, self.page_count)
        with PDFIUM_LOCK:
            try:
                page = doc[number - 1]
            except pdfium.PdfiumError:
                raise _refuse("pdf_page_damaged", self.name, where=where, page=shown) from None
            try:
                try:
                    textpage = page.get_textpage()
                except pdfium.PdfiumError:
                    raise _refuse("pdf_text_damaged", self.name, where=where, page=shown) from None
                try:
                    result = self._read(page, textpage, number, where, shown)
                finally:
                    textpage.close()
            finally:
                page.close()
        if require_text and not any(not c.char.isspace() for c in result.chars):
            raise _refuse("pdf_no_text", self.name, where=where, page=shown)
        return result

    def document(self) -> pdfium.PdfDocument:
        """The open PDFium document, for drawing it (pdf_render); use it under PDFIUM_LOCK."""
        return self._open_doc()

    def _open_doc(self) -> pdfium.PdfDocument:
        if self._doc is None:
            raise ValueError(f"{self.name}: the PDF is closed")
        return self._doc

    def _check_number(self, number: int) -> None:
        if not 1 <= number <= self.page_count:
            raise ValueError(f"{self.name}: no page {number} (it has {self.page_count})")

    def _read(self, page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, number: int,
              where: str, shown: str) -> PdfPage:
        count = textpage.count_chars()
        if count > MAX_PAGE_CHARS:
            raise _refuse("pdf_too_many_chars", self.name, where=where, page=shown,
                          count=f"{count:,}", limit=f"{MAX_PAGE_CHARS:,}")
        width, height = (float(v) for v in page.get_size())
        m = _display_matrix(page)
        chars, unmapped = _chars(textpage, count, m)
        return PdfPage(number, width, height, chars, page_figures(page, _to_page(m)), unmapped)


Affine = tuple[float, float, float, float, float, float]  # X = a*x + b*y + c, Y = d*x + e*y + f


def _display_matrix(page: pdfium.PdfPage) -> Affine:
    """From PDF user space to the displayed page's top-left frame (crop box, /Rotate)."""
    left, bottom, right, top = page.get_bbox()
    rotation = page.get_rotation()
    if rotation == 90:
        return (0, 1, -bottom, 1, 0, -left)
    if rotation == 180:
        return (-1, 0, right, 0, 1, -bottom)
    if rotation == 270:
        return (0, -1, top, -1, 0, right)
    return (1, 0, -left, 0, -1, top)


def _to_page(m: Affine) -> ToPage:
    a, b, c, d, e, f = m
    return lambda x, y: (a * x + b * y + c, d * x + e * y + f)


def _chars(textpage: pdfium.PdfTextPage, count: int, m: Affine) -> tuple[list[PdfChar], int]:
    tp = textpage.raw
    a, b, c, d, e, f = m
    rect = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    flags = ctypes.c_int()
    rect_p, matrix_p, ox_p, oy_p, flags_p = (ctypes.byref(v) for v in (rect, matrix, ox, oy, flags))
    name_buf = ctypes.create_string_buffer(128)
    fonts: dict[bytes, tuple[str, bool]] = {}  # name as stored -> name shown, bold by name or flag
    chars: list[PdfChar] = []
    unmapped = 0
    pending_high: PdfChar | None = None
    is_generated, unicode_of, map_error = (raw.FPDFText_IsGenerated, raw.FPDFText_GetUnicode,
                                           raw.FPDFText_HasUnicodeMapError)
    for i in range(count):
        if is_generated(tp, i) == 1:  # spaces and line ends PDFium made up
            continue
        code = unicode_of(tp, i)
        if code < 32 or code == 0xFFFE or code == 0xFFFF or code > 0x10FFFF:
            continue
        if map_error(tp, i) == 1:
            unmapped += 1
        raw.FPDFText_GetLooseCharBox(tp, i, rect_p)
        raw.FPDFText_GetCharOrigin(tp, i, ox_p, oy_p)
        raw.FPDFText_GetMatrix(tp, i, matrix_p)
        scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5 or 1.0
        size = raw.FPDFText_GetFontSize(tp, i) * scale
        need = raw.FPDFText_GetFontInfo(tp, i, name_buf, len(name_buf), flags_p)
        if need > len(name_buf):
            name_buf = ctypes.create_string_buffer(need)
            raw.FPDFText_GetFontInfo(tp, i, name_buf, len(name_buf), flags_p)
        key = name_buf.value
        known = fonts.get(key)
        if known is None:
            text = key.decode("utf-8", "replace")
            name = text.split("+", 1)[1] if text[6:7] == "+" else text
            known = fonts[key] = (name, bool(flags.value & _FORCE_BOLD)
                                  or any(w in name.lower() for w in _BOLD_NAMES))
        font, bold_font = known
        weight = raw.FPDFText_GetFontWeight(tp, i)
        if weight <= 0:
            weight = 400
        if bold_font and weight < 600:
            weight = 700
        x1, y1, x2, y2 = rect.left, rect.bottom, rect.right, rect.top
        px1, py1 = a * x1 + b * y1 + c, d * x1 + e * y1 + f
        px2, py2 = a * x2 + b * y2 + c, d * x2 + e * y2 + f
        ch = PdfChar(chr(code), min(px1, px2), min(py1, py2), max(px1, px2), max(py1, py2),
                     d * ox.value + e * oy.value + f, round(size, 2), weight, font)
        # Where PDFium hands a character beyond the BMP over as two halves, join them.
        if 0xD800 <= code <= 0xDBFF:
            pending_high = ch
            continue
        if 0xDC00 <= code <= 0xDFFF:
            if pending_high is None:
                continue
            hi = pending_high
            pending_high = None
            joined = chr(0x10000 + ((ord(hi.char) - 0xD800) << 10) + (code - 0xDC00))
            ch = PdfChar(joined, min(hi.left, ch.left), min(hi.top, ch.top), max(hi.right, ch.right),
                         max(hi.bottom, ch.bottom), hi.baseline, hi.size, hi.weight, hi.font)
        pending_high = None
        chars.append(ch)
    return chars, unmapped


def open_pdf(path: str | Path) -> PdfFile:
    """Open a page PDF for reading. Raises PdfFileError (naming the file) for what is not a
    whole, readable, unencrypted PDF within the limits."""
    path = Path(path)
    name = str(path)
    missing = not_there(path)
    if missing is not None:
        raise PdfFileError(missing.problem)
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise _refuse("not_regular", name)
        handle = path.open("rb")
    except PdfFileError:
        raise
    except (OSError, ValueError) as exc:
        raise PdfFileError(unreadable(name, exc, path)) from None
    try:
        head = handle.read(1024)
        handle.seek(max(0, st.st_size - _TAIL))
        tail = handle.read(_TAIL)
        handle.seek(0)
        check_pdf_bytes(head, tail, st.st_size, name)
        return _load(handle, name)
    except BaseException:
        handle.close()
        raise


def open_pdf_bytes(data: bytes, name: str = "<input>") -> PdfFile:
    """The same as open_pdf, for a PDF already in memory."""
    check_pdf_bytes(data[:1024], data[-_TAIL:], len(data), name)
    return _load(data, name)


def _load(source: object, name: str) -> PdfFile:
    with PDFIUM_LOCK:
        try:
            doc = pdfium.PdfDocument(source)
        except pdfium.PdfiumError as exc:
            raise PdfFileError(_load_error(exc, name)) from None
        try:
            pages = len(doc)
            if pages > MAX_PDF_PAGES:
                raise _refuse("pdf_too_many_pages", name, pages=f"{pages:,}", limit=MAX_PDF_PAGES)
        except BaseException:
            doc.close()
            raise
        return PdfFile(doc, name, source)


def _load_error(exc: pdfium.PdfiumError, name: str) -> Problem:
    code = getattr(exc, "err_code", None)
    kind = {raw.FPDF_ERR_PASSWORD: "pdf_encrypted", raw.FPDF_ERR_SECURITY: "pdf_security",
            raw.FPDF_ERR_FORMAT: "pdf_damaged"}.get(code)  # type: ignore[call-overload]
    return told(kind, file=name) if kind else told("pdf_unreadable", file=name, reason=exc)
