"""The page PDFs in the library: each file kept once, byte for byte, by its SHA-256.

A page imported from its PDF keeps the file's digest and its place in the file; the bytes
are in ``page_pdfs``, written inside the import's transaction (and the issue's savepoint),
so a failed or killed import leaves none behind, and two pages of one issue PDF, or the
same file imported again, share one row. A PDF no page refers to any more is deleted with
the last page that did.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Protocol

from ..model import Page, region
from .rows import HEX_DIGITS, MAX_PAGE_POINTS, MAX_PDF_BYTES, MAX_PDF_PAGES, MAX_REGIONS


class KeepsPdfs(Protocol):  # the Library (named so, not imported: the package imports this module)
    def page_pdf(self, digest: str) -> bytes | None: ...


def pdf_of(page: Page, library: KeepsPdfs | None) -> bytes | None:
    """The page's PDF, from the one place there is: the page itself while it is being
    imported, else the library that keeps it. None for a page from text. Everything that
    draws a page (the page image, clippings, export-page) asks here."""
    pdf = page.pdf
    if pdf is None:
        return None
    if pdf.data is not None:
        return pdf.data
    return library.page_pdf(pdf.digest) if library is not None else None


def check_geometry(page: Page) -> None:
    """A page's size, regions and PDF as ``rows`` reads them back; ValueError otherwise
    (the issue is then not stored: what would not read back is not written)."""
    where = f"page {page.number}"
    if page.size is not None:
        if len(page.size) != 2 or not all(
                type(v) in (int, float) and 0 < v <= MAX_PAGE_POINTS for v in page.size):
            raise ValueError(f"{where}: its size {page.size!r:.60} is not a page's")
    for art in page.articles:
        if len(art.regions) > MAX_REGIONS:
            raise ValueError(f"{where}: an article has {len(art.regions):,} regions "
                             f"(at most {MAX_REGIONS})")
        for r in art.regions:
            # JSON numbers only (region() itself takes what float() takes: "1", True)
            if not (isinstance(r, (list, tuple)) and all(type(v) in (int, float) for v in r)):
                raise ValueError(f"{where}: a region {r!r:.60} is not four numbers")
            region(r)  # ValueError names it
    pdf = page.pdf
    if pdf is None:
        return
    if page.size is None:
        raise ValueError(f"{where}: a page from a PDF has its size")
    if not (isinstance(pdf.digest, str) and len(pdf.digest) == 64 and set(pdf.digest) <= HEX_DIGITS):
        raise ValueError(f"{where}: {pdf.digest!r:.80} is not a PDF's SHA-256")
    if type(pdf.index) is not int or not 0 <= pdf.index < MAX_PDF_PAGES:
        raise ValueError(f"{where}: page {pdf.index!r:.20} of a PDF is past any issue's")
    if pdf.data is not None and not 0 < len(pdf.data) <= MAX_PDF_BYTES:
        raise ValueError(f"{where}: its PDF of {len(pdf.data):,} bytes is past the limit")


def store_pdf(db: sqlite3.Connection, page: Page) -> str | None:
    """Keep the page's PDF file (once per digest); its digest, or None for a page from text.
    ValueError when the bytes are not the file the digest names, or not in hand."""
    pdf = page.pdf
    if pdf is None:
        return None
    if db.execute("SELECT 1 FROM page_pdfs WHERE digest = ?", (pdf.digest,)).fetchone():
        return pdf.digest  # stored before, by this import or an earlier one
    if pdf.data is None:
        raise ValueError(f"page {page.number}: its PDF is not in the library and its bytes are "
                         "not in hand")
    import hashlib  # only imports of PDFs need it: kept off the window's start-up

    if hashlib.sha256(pdf.data).hexdigest() != pdf.digest:
        raise ValueError(f"page {page.number}: its PDF's bytes are not the file its digest names")
    db.execute("INSERT INTO page_pdfs(digest, size, data) VALUES (?, ?, ?)",
               (pdf.digest, len(pdf.data), sqlite3.Binary(pdf.data)))
    return pdf.digest


def drop_unused_pdfs(db: sqlite3.Connection, digests: Iterable[str]) -> None:
    """Delete the PDFs among ``digests`` (of pages just deleted) that no page uses now."""
    for digest in set(digests):
        db.execute("DELETE FROM page_pdfs WHERE digest = ? AND NOT EXISTS "
                   "(SELECT 1 FROM pages WHERE pdf_digest = ?)", (digest, digest))


def page_file(data: bytes, index: int, name: str = "<stored PDF>") -> tuple[bytes, int]:
    """The PDF of one page (0-based ``index``) of the stored file ``data``, and how many pages
    the file has: the file itself, byte for byte, when it holds that page alone; else that
    page copied on its own into a new PDF (PDFium, under its one lock). PdfFileError when
    the file cannot be read (a stored one always can), ValueError for a page it lacks."""
    import io

    import pypdfium2 as pdfium  # only here: the library's reads never load PDFium

    from ..sources.pdf_document import PDFIUM_LOCK, open_pdf_bytes

    with open_pdf_bytes(data, name) as source:
        count = source.page_count
        if not 0 <= index < count:
            raise ValueError(f"{name}: no page {index + 1} (it has {count})")
        if count == 1:
            return data, count
        with PDFIUM_LOCK:
            alone = pdfium.PdfDocument.new()
            try:
                alone.import_pages(source.document(), [index])
                out = io.BytesIO()
                alone.save(out)
            finally:
                alone.close()
    return out.getvalue(), count
