"""Page PDFs on the command line: parse and import take them, a bad one is one line naming the
file and exit 1 with nothing of it stored, a long one tells how far the reading has come."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from paper_reader.core.library import Library
from paper_reader.core.sources import pdf_document
from paper_reader.core.sources.pdf_document import MAX_PDF_PAGES

from .cli_support import run
from .conftest import SAMPLE_PDF

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pdf"

BAD = {
    "image-only.pdf": "has no text to read (it is a scanned image, without a text layer)",
    "encrypted.pdf": "the PDF is encrypted: it needs a password to open",
    "truncated.pdf": "the PDF is truncated (it does not end with %%EOF)",
    "not-a-pdf.pdf": "this is not a PDF file (it does not begin with %PDF-)",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_pdf_is_one_line_and_exit_1_in_parse(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "parse", str(FIXTURES / name))
    assert code == 1 and out == ""
    [line] = err.splitlines()
    assert str(FIXTURES / name) in line and BAD[name] in line


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_pdf_is_one_line_and_exit_1_in_import_and_nothing_is_stored(
        name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "lib.sqlite3"
    code, out, err = run(capsys, "import", str(FIXTURES / name), "--db", str(db))
    assert code == 1
    errors = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and str(FIXTURES / name) in errors[0] and BAD[name] in errors[0]
    assert "0 imported" in out
    with Library(db, readonly=True) as lib:
        assert lib.issues() == []


def test_a_bad_pdf_beside_good_ones_fails_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "lib.sqlite3"
    code, out, err = run(capsys, "import", str(SAMPLE_PDF / "page1.pdf"), str(FIXTURES / "truncated.pdf"),
                         "--db", str(db))
    assert code == 1 and "1 imported" in out and "truncated.pdf: the PDF is truncated" in err


def test_a_pdf_above_the_page_limit_is_refused_with_the_limit(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_document, "MAX_PDF_PAGES", 3)
    code, _, err = run(capsys, "parse", str(FIXTURES / "issue-songhe-2024-03-15.pdf"))
    assert code == 1 and "the PDF has 4 pages, more than an issue can have (limit 3)" in err
    assert MAX_PDF_PAGES == 500


def test_a_page_above_the_character_limit_is_refused_with_the_limit(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_document, "MAX_PAGE_CHARS", 1000)
    code, _, err = run(capsys, "parse", str(SAMPLE_PDF / "page1.pdf"))
    assert code == 1 and "more than a newspaper page can hold (limit 1,000)" in err


def test_a_pdf_above_the_size_limit_is_refused_with_the_limit(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_document, "MAX_PDF_BYTES", 1024 * 1024)
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.7\n" + b"0" * (2 * 1024 * 1024) + b"\n%%EOF\n")
    code, _, err = run(capsys, "parse", str(big))
    assert code == 1 and f"{big}: 2.0 MB is too large for a page PDF (limit 1 MB)" in err


def test_parse_json_has_the_size_and_the_regions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", str(SAMPLE_PDF / "page1.pdf"), "--json")
    assert code == 0
    [page] = json.loads(out)["pages"]
    assert page["size"] == [842.0, 1191.0]
    for article in page["articles"]:
        assert article["regions"] and all(len(r) == 4 and r[0] < r[2] and r[1] < r[3]
                                          for r in article["regions"])


def test_the_issue_pdf_gives_four_pages_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", str(FIXTURES / "issue-songhe-2024-03-15.pdf"), "--json")
    assert code == 0
    assert [p["number"] for p in json.loads(out)["pages"]] == [1, 2, 3, 4]


def test_text_and_pdf_side_by_side_in_one_folder_are_both_taken(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "songhe-2024-03-15"
    folder.mkdir()
    (folder / "page1.txt").write_bytes((SAMPLE_PDF.parent / "page1.txt").read_bytes())
    (folder / "page2.pdf").write_bytes((SAMPLE_PDF / "page2.pdf").read_bytes())
    (folder / "page3.txt").write_bytes((SAMPLE_PDF.parent / "page3.txt").read_bytes())
    (folder / "page3.pdf").write_bytes((SAMPLE_PDF / "page3.pdf").read_bytes())
    db = tmp_path / "lib.sqlite3"
    code, out, err = run(capsys, "import", str(folder), "--db", str(db))
    assert code == 0, err
    assert "3 imported" in out
    assert f"warning: {folder / 'page3.txt'} 第三版: the text was not needed; the page was taken " \
        f"from its PDF, {folder / 'page3.pdf'}" in err
    assert "radical code points read as the ideographs they stand for" in err


def test_a_long_pdf_tells_how_far_the_reading_has_come(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from paper_reader.cli import commands

    real = commands.PdfPages.__init__

    def few(self, stream, quiet=20, every=50):  # type: ignore[no-untyped-def]
        real(self, stream, quiet=2, every=2)  # the four-page issue stands in for a long one

    monkeypatch.setattr(commands.PdfPages, "__init__", few)
    code, _, err = run(capsys, "parse", str(FIXTURES / "issue-songhe-2024-03-15.pdf"))
    assert code == 0
    name = FIXTURES / "issue-songhe-2024-03-15.pdf"
    assert f"{name}: page 2 of 4 read" in err and f"{name}: page 4 of 4 read" in err
    assert f"{name}: page 1 of 4 read" not in err


def test_a_short_pdf_reads_without_a_counter(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "parse", str(FIXTURES / "issue-songhe-2024-03-15.pdf"))
    assert code == 0 and "read" not in err
