"""`paper-reader export-page DATE/PAGE --out FILE.pdf`: the page's PDF as it was imported,
byte for byte; the page alone when it came in a PDF of the whole issue (--whole-file: the
file itself); a page from text, or one not in the library, is one clear line and exit 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from paper_reader.core.library import Library
from paper_reader.core.sources.pdf_document import open_pdf, open_pdf_bytes
from tests.cli_support import run, sample_library
from tests.pdf_issue import ISSUE_PDF, page_pdf_file, pdf_issue

DATE = "2024-03-15"


def pdf_library(folder: Path, whole: bool = False) -> str:
    path = folder / "lib.sqlite3"
    with Library(path) as lib:
        lib.import_issues([pdf_issue(whole)])
    return str(path)


def text_of(pdf, number: int) -> str:  # type: ignore[no-untyped-def]
    return "".join(c.char for c in pdf.read_page(number).chars)


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_a_page_pdf_comes_back_byte_for_byte(capsys, tmp_path: Path, number: int) -> None:
    db = pdf_library(tmp_path)
    out = tmp_path / "out" / f"page{number}.pdf"
    out.parent.mkdir()
    code, said, err = run(capsys, "export-page", f"{DATE}/{number}", "--out", str(out), "--db", db)
    assert code == 0 and not err, err
    assert out.read_bytes() == page_pdf_file(number).read_bytes()
    assert said.startswith(f"wrote 松河日报 {DATE} 第{number}版 to {out} (the file it was imported from")
    # --whole-file of a one-page file is that file too
    code, _, _ = run(capsys, "export-page", f"{DATE}/{number}", "--out", str(out), "--whole-file",
                     "--db", db, "--paper", "松河日报")
    assert code == 0 and out.read_bytes() == page_pdf_file(number).read_bytes()


def test_a_page_of_an_issue_pdf_comes_alone(capsys, tmp_path: Path) -> None:
    db = pdf_library(tmp_path, whole=True)
    out = tmp_path / "p3.pdf"
    code, said, err = run(capsys, "export-page", f"{DATE}/3", "--out", str(out), "--db", db)
    assert code == 0 and not err, err
    assert "page 3 of the 4-page PDF it was imported from" in said
    with open_pdf(out) as alone, open_pdf(ISSUE_PDF) as issue:
        assert alone.page_count == 1
        assert alone.page_size(1) == issue.page_size(3)
        assert text_of(alone, 1) == text_of(issue, 3) and text_of(alone, 1)
    code, said, _ = run(capsys, "export-page", f"{DATE}/3", "--out", str(out), "--whole-file",
                        "--db", db)
    assert code == 0 and "the whole file" in said
    assert out.read_bytes() == ISSUE_PDF.read_bytes()


def test_a_page_from_text_has_no_pdf_to_export(capsys, tmp_path: Path, sample_dir: Path) -> None:
    db = sample_library(tmp_path, sample_dir, capsys)
    out = tmp_path / "p.pdf"
    code, said, err = run(capsys, "export-page", f"{DATE}/1", "--out", str(out), "--db", db)
    assert code == 1 and not said and not out.exists()
    assert err.strip().splitlines() == [
        f"paper-reader: 松河日报 {DATE} 第1版 was imported from text: it has no PDF to export"]


@pytest.mark.parametrize(("where", "paper", "said"), [
    (f"{DATE}/9", None, f"松河日报 {DATE} 第9版 is not in the library (it holds pages 1, 2, 3, 4)"),
    ("2024-03-16/1", None, "the library has no issue dated 2024-03-16"),
    (f"{DATE}/1", "另一报", "no paper named 另一报 in the library"),
])
def test_what_is_not_in_the_library_is_one_line(capsys, tmp_path: Path, where: str,
                                                paper: str | None, said: str) -> None:
    db = pdf_library(tmp_path)
    out = tmp_path / "p.pdf"
    extra = ["--paper", paper] if paper else []
    code, printed, err = run(capsys, "export-page", where, "--out", str(out), "--db", db, *extra)
    lines = err.strip().splitlines()
    assert code == 1 and not printed and len(lines) == 1 and said in lines[0], err
    assert not out.exists()


@pytest.mark.parametrize("where", ["2024-03-15", "2024-13-01/1", f"{DATE}/0", f"{DATE}/x"])
def test_a_place_that_is_not_date_and_page_is_a_usage_error(capsys, tmp_path: Path, where: str) -> None:
    code, _, err = run(capsys, "export-page", where, "--out", str(tmp_path / "p.pdf"),
                       "--db", pdf_library(tmp_path))
    assert code == 2 and any(why in err for why in ("DATE/PAGE", "YYYY-MM-DD", "number from 1")), err


def test_an_out_that_cannot_be_written_leaves_nothing(capsys, tmp_path: Path) -> None:
    db = pdf_library(tmp_path)
    target = tmp_path / "kept.pdf"
    target.write_bytes(b"the reader's own file")
    link = tmp_path / "link.pdf"
    link.symlink_to(target)
    for out in (tmp_path / "no such folder" / "p.pdf", link):
        code, _, err = run(capsys, "export-page", f"{DATE}/1", "--out", str(out), "--db", db)
        lines = err.strip().splitlines()
        assert code == 1 and len(lines) == 1 and "cannot be written" in lines[0], err
    assert target.read_bytes() == b"the reader's own file"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left


def test_export_json_has_size_and_regions(capsys, tmp_path: Path) -> None:
    db = pdf_library(tmp_path)
    code, out, _ = run(capsys, "export", "--json", "--db", db)
    assert code == 0
    [issue] = json.loads(out)
    expected = pdf_issue().to_dict()
    assert issue["pages"] == expected["pages"]
    front = issue["pages"][0]
    assert front["size"] == [842.0, 1191.0] and front["articles"][0]["regions"]


def test_importing_text_over_pdf_pages_says_so(capsys, tmp_path: Path, sample_dir: Path) -> None:
    db = pdf_library(tmp_path)
    code, out, _ = run(capsys, "import", str(sample_dir), "--db", db)
    assert code == 0
    assert (f"松河日报 {DATE} 第1版: unchanged (kept the page as imported from its PDF; the text "
            "adds nothing)") in out.splitlines()
    assert out.splitlines()[-1] == "0 imported, 0 replaced, 4 unchanged, 0 failed"


def test_an_exported_page_opens_as_a_pdf(capsys, tmp_path: Path) -> None:
    """What export-page writes is a whole PDF that the importer takes (the page alone)."""
    db = pdf_library(tmp_path, whole=True)
    out = tmp_path / "p1.pdf"
    assert run(capsys, "export-page", f"{DATE}/1", "--out", str(out), "--db", db)[0] == 0
    with open_pdf_bytes(out.read_bytes(), str(out)) as pdf:
        assert pdf.page_count == 1 and "SONGHERIBAO" in text_of(pdf, 1)
