"""Reading page PDFs: characters with their boxes, page sizes, bounds, one clear error for each
kind of bad file, and PDFium used from one thread at a time."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from paper_reader.core.sources import pdf_document
from paper_reader.core.sources.decoding import PageFileError
from paper_reader.core.sources.pdf_document import (
    PDFIUM_LOCK,
    PdfFileError,
    open_pdf,
    open_pdf_bytes,
)
from tests.core.test_pdf_samples import needs_fonts, new_pdf

HEAD = "市委常委会召开会议"
BODY = "本报讯(记者 王茵)7月3日上午,"


def simple_pdf(path: Path, pages: int = 1, width: float = 600, height: float = 800,
               user_password: str | None = None, owner_password: str | None = None) -> Path:
    pdf = new_pdf(width, height)
    if owner_password is not None:
        pdf.set_encryption(owner_password=owner_password, user_password=user_password)
    for n in range(pages):
        pdf.add_page()
        pdf.set_font("sans", "B", 24)
        pdf.text(50, 80, HEAD)
        pdf.set_font("sans", "", 10)
        pdf.text(50, 120, BODY + f"第{n + 1}页")
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def one_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return simple_pdf(tmp_path_factory.mktemp("pdf") / "page.pdf")


@pytest.fixture(scope="module")
def three_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return simple_pdf(tmp_path_factory.mktemp("pdf") / "issue.pdf", pages=3)


def text_of(page: pdf_document.PdfPage) -> str:
    return "".join(c.char for c in page.chars)


@needs_fonts
def test_reads_every_character_with_its_box_from_the_top_left(one_page: Path) -> None:
    with open_pdf(one_page) as doc:
        assert doc.page_count == 1
        assert doc.page_size(1) == (600.0, 800.0)
        page = doc.read_page(1)
    assert (page.width, page.height) == (600.0, 800.0)
    assert text_of(page) == HEAD + BODY + "第1页"
    first = page.chars[0]
    assert first.char == "市" and first.left == pytest.approx(50, abs=0.5)
    assert first.baseline == pytest.approx(80, abs=0.1)  # fpdf2 set it 80 pt from the top
    assert first.top < 80 < first.bottom and first.bottom - first.top > 20
    assert first.size == pytest.approx(24) and first.weight >= 600
    body = page.chars[len(HEAD)]
    assert body.char == "本" and body.size == pytest.approx(10) and body.weight < 600
    assert body.baseline == pytest.approx(120, abs=0.1)
    assert "NotoSansCJK" in body.font and "+" not in body.font
    # left to right along the line, each box after the one before
    line = page.chars[len(HEAD):]
    assert all(a.right <= b.left + 0.01 for a, b in zip(line, line[1:], strict=False))
    assert " " in text_of(page) and page.unmapped == 0


@needs_fonts
def test_a_multi_page_issue_is_read_page_by_page_in_order(three_pages: Path) -> None:
    with open_pdf(three_pages) as doc:
        assert doc.page_count == 3
        pages = list(doc.pages())
    assert [p.number for p in pages] == [1, 2, 3]
    assert [text_of(p)[-3:] for p in pages] == ["第1页", "第2页", "第3页"]


@needs_fonts
def test_bytes_in_memory_read_the_same(one_page: Path) -> None:
    with open_pdf_bytes(one_page.read_bytes(), "page.pdf") as doc:
        assert text_of(doc.read_page(1)).startswith(HEAD)


@needs_fonts
def test_a_rotated_page_is_read_as_displayed(one_page: Path, tmp_path: Path) -> None:
    import pypdfium2

    rotated = tmp_path / "rotated.pdf"
    with PDFIUM_LOCK:
        src = pypdfium2.PdfDocument(one_page)
        page = src[0]
        page.set_rotation(90)
        page.close()
        src.save(str(rotated))
        src.close()
    with open_pdf(rotated) as doc:
        assert doc.page_size(1) == (800.0, 600.0)
        page = doc.read_page(1)
    with open_pdf(one_page) as doc:
        upright = doc.read_page(1).chars
    # turned a quarter clockwise: the page's top edge is now on the right
    expected = sorted((u.char, round(800 - u.bottom, 2), round(u.left, 2), round(800 - u.top, 2),
                       round(u.right, 2), round(u.left, 2)) for u in upright)
    got = sorted((c.char, round(c.left, 2), round(c.top, 2), round(c.right, 2), round(c.bottom, 2),
                  round(c.baseline, 2)) for c in page.chars)
    assert got == expected


@needs_fonts
def test_a_page_without_a_text_layer_is_refused_as_a_scan(tmp_path: Path) -> None:
    from PIL import Image

    picture = tmp_path / "scan.png"
    Image.new("L", (300, 400), 200).save(picture)
    pdf = new_pdf(600, 800)
    pdf.add_page()
    pdf.image(str(picture), 0, 0, 600, 800)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with open_pdf(path) as doc:
        with pytest.raises(PdfFileError) as err:
            doc.read_page(1)
        assert doc.read_page(1, require_text=False).chars == []
    assert str(path) in str(err.value) and "no text to read" in str(err.value)
    assert "scanned" in str(err.value)


def _encrypted(src: Path, dest: Path) -> Path:
    return simple_pdf(dest, user_password="user-secret", owner_password="owner-secret")


@pytest.mark.parametrize("make, words", [
    (lambda src, dest: dest.write_bytes(b""), "the file is empty"),
    (lambda src, dest: dest.write_text("本报讯 这是一页文字,不是PDF。\n", encoding="utf-8"),
     "not a PDF file"),
    (lambda src, dest: dest.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500)), "not a PDF file"),
    (lambda src, dest: dest.write_bytes(src.read_bytes()[: len(src.read_bytes()) // 2]),
     "truncated"),
    (lambda src, dest: dest.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Cat\n%%EOF\n"), "damaged"),
    (_encrypted, "encrypted: it needs a password"),
])
@needs_fonts
def test_a_bad_pdf_gets_one_clear_line_naming_the_file(one_page: Path, tmp_path: Path,
                                                       make, words: str) -> None:  # noqa: ANN001
    path = tmp_path / "第3版.pdf"
    make(one_page, path)
    with pytest.raises(PdfFileError) as err:
        with open_pdf(path) as doc:
            doc.read_page(1)
    message = str(err.value)
    assert message.startswith(f"{path}: ") and words in message and "\n" not in message
    assert isinstance(err.value, PageFileError)  # the importer's one kind of bad input
    with pytest.raises(PdfFileError, match=words):
        open_pdf_bytes(path.read_bytes(), "第3版.pdf")


@needs_fonts
def test_a_pdf_with_only_an_owner_password_opens(tmp_path: Path) -> None:
    path = simple_pdf(tmp_path / "restricted.pdf", owner_password="owner-secret")
    assert b"/Encrypt" in path.read_bytes()
    with open_pdf(path) as doc:
        assert text_of(doc.read_page(1)).startswith(HEAD)


def test_what_is_not_a_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PdfFileError, match="no such file"):
        open_pdf(tmp_path / "missing.pdf")
    with pytest.raises(PdfFileError, match="not a regular file"):
        open_pdf(tmp_path)


@needs_fonts
def test_limits_are_stated_when_refused(three_pages: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_document, "MAX_PDF_PAGES", 2)
    with pytest.raises(PdfFileError, match=r"has 3 pages.*\(limit 2\)"):
        open_pdf(three_pages)
    monkeypatch.setattr(pdf_document, "MAX_PDF_PAGES", 500)
    monkeypatch.setattr(pdf_document, "MAX_PAGE_CHARS", 20)
    with open_pdf(three_pages) as doc, pytest.raises(PdfFileError) as err:
        doc.read_page(2)
    assert "page 2 has" in str(err.value) and "(limit 20)" in str(err.value)
    monkeypatch.setattr(pdf_document, "MAX_PDF_BYTES", 2048)
    with pytest.raises(PdfFileError, match=r"KB is too large for a page PDF \(limit 2 KB\)"):
        open_pdf(three_pages)


def test_the_stated_limits_cover_a_large_issue() -> None:
    # the issue's own figures: a 500-page PDF and a page of 100,000 characters are read
    assert pdf_document.MAX_PDF_PAGES >= 500 and pdf_document.MAX_PAGE_CHARS >= 100_000


@needs_fonts
def test_several_threads_reading_at_once_get_the_right_text(three_pages: Path, one_page: Path) -> None:
    with open_pdf(three_pages) as doc:
        expected = [text_of(p) for p in doc.pages()]
    shared = open_pdf(three_pages)
    inside = 0
    most_inside = 0
    guard = threading.Lock()
    original = pdf_document._chars

    def counting(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        nonlocal inside, most_inside
        with guard:
            inside += 1
            most_inside = max(most_inside, inside)
        try:
            return original(*args, **kwargs)
        finally:
            with guard:
                inside -= 1

    def work(k: int) -> list[str]:
        if k % 2:  # every other task on the one shared file, the rest each on its own
            return [text_of(shared.read_page(n)) for n in (1, 2, 3)]
        with open_pdf(three_pages) as doc:
            return [text_of(p) for p in doc.pages()]

    pdf_document._chars = counting
    try:
        with ThreadPoolExecutor(max_workers=6) as pool:
            results = list(pool.map(work, range(24)))
    finally:
        pdf_document._chars = original
        shared.close()
    assert all(r == expected for r in results)
    assert most_inside == 1  # never two threads inside PDFium at once


def test_the_lock_is_reentrant_for_callers_that_hold_it() -> None:
    with PDFIUM_LOCK, PDFIUM_LOCK:  # a caller drawing a page may read its text too
        pass
