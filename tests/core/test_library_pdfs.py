"""Pages imported from their PDFs in the library: each page's size, each article's regions
and the PDF file itself, byte for byte, once per file; the PDF wins over the text of the
same page; a removal takes the PDFs no page uses; a format-1 library is migrated (or read
as it is, read-only); crafted rows are one "damaged" line."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from paper_reader.core.importer import import_paths, parse_path
from paper_reader.core.library import (
    DamagedLibraryError,
    ForeignLibraryError,
    ImportCancelled,
    Library,
    LibraryError,
    NewerLibraryError,
    page_digest,
)
from paper_reader.core.library.indexed import spaced
from paper_reader.core.library.records import GAINED_IMAGE, KEPT_PDF, PageResult
from paper_reader.core.library.rows import MAX_REGIONS, Rows
from paper_reader.core.library.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from paper_reader.core.model import PagePdf
from paper_reader.kiosk.library import KioskLibrary
from tests.conftest import ROOT, SAMPLE
from tests.pdf_issue import ISSUE_PDF, digest, page_pdf_file, pdf_issue

PAPER, DATE = "松河日报", "2024-03-15"


def pdf_rows(path: Path) -> list[tuple[str, int]]:
    """(digest, size) of every stored PDF, read past the library's own code."""
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT digest, size FROM page_pdfs ORDER BY digest").fetchall()
    finally:
        db.close()


def user_version(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return int(db.execute("PRAGMA user_version").fetchone()[0])
    finally:
        db.close()


# -- storing and reading ---------------------------------------------------------------

def test_size_regions_and_pdf_read_back(tmp_path: Path) -> None:
    issue = pdf_issue()
    with Library(tmp_path / "lib.sqlite3") as lib:
        results = lib.import_issues([issue])
        assert [(r.number, r.status, r.note) for r in results] == [(n, "imported", "") for n in range(1, 5)]
        stored = lib.load_issue(lib.latest_issue())
        assert stored.to_dict() == issue.to_dict()  # size and regions, as the JSON gives them
        for page, source in zip(stored.pages, issue.pages, strict=True):
            assert page.size == source.size == (842.0, 1191.0)
            assert page.pdf == PagePdf(source.pdf.digest, 0) and page.pdf.data is None
            assert [a.regions for a in page.articles] == [a.regions for a in source.articles]
            assert all(a.regions for a in page.articles)
            assert lib.page_pdf(page.pdf.digest) == page_pdf_file(page.number).read_bytes()
        assert lib.page_pdf("0" * 64) is None
    with KioskLibrary(tmp_path / "lib.sqlite3") as kiosk:  # read-only, as a kiosk opens it
        front = kiosk.load_issue(kiosk.latest_issue()).page(1)
        assert kiosk.page_pdf(front.pdf.digest) == page_pdf_file(1).read_bytes()


def test_a_pdf_is_given_only_for_a_paper_shown(tmp_path: Path) -> None:
    """A kiosk limited to some papers gives no PDF of another paper's pages, even one whose
    file another paper shares (the PDFs are kept by file, not by paper)."""
    path = tmp_path / "lib.sqlite3"
    evening = pdf_issue(whole=True)
    evening.paper = "松河晚报"
    both = pdf_issue()
    both.paper = "松河晚报"
    both.date = "2024-03-16"  # the evening paper reprints the daily's front page PDF
    both.pages = both.pages[:1]
    with Library(path) as lib:
        lib.import_issues([pdf_issue(), evening, both])
    whole, front = digest(ISSUE_PDF.read_bytes()), digest(page_pdf_file(1).read_bytes())
    with KioskLibrary(path, papers=[PAPER]) as daily:
        assert daily.page_pdf(whole) is None
        assert daily.page_pdf(front) == page_pdf_file(1).read_bytes()
    with KioskLibrary(path, papers=["松河晚报"]) as kiosk:
        assert kiosk.page_pdf(whole) == ISSUE_PDF.read_bytes()
        assert kiosk.page_pdf(front) == page_pdf_file(1).read_bytes()
        assert kiosk.page_pdf(digest(page_pdf_file(2).read_bytes())) is None
    with KioskLibrary(path, papers=["另一报"]) as other:
        assert other.page_pdf(front) is None


def test_a_text_page_has_no_geometry(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite3") as lib:
        assert not import_paths(lib, [SAMPLE]).errors
        for page in lib.load_issue(lib.latest_issue()).pages:
            assert page.size is None and page.pdf is None
            assert all(a.regions == [] for a in page.articles)
        assert pdf_rows(lib.path) == []


def test_an_issue_pdf_is_stored_once_for_its_four_pages(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    whole = ISSUE_PDF.read_bytes()
    with Library(path) as lib:
        lib.import_issues([pdf_issue(whole=True)])
        pages = lib.load_issue(lib.latest_issue()).pages
        assert [p.pdf for p in pages] == [PagePdf(digest(whole), k) for k in range(4)]
        assert lib.page_pdf(digest(whole)) == whole
    assert pdf_rows(path) == [(digest(whole), len(whole))]


def test_importing_again_keeps_one_copy(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library(path) as lib:
        lib.import_issues([pdf_issue()])
        first = pdf_rows(path)
        again = lib.import_issues([pdf_issue()])
        assert {(r.status, r.note) for r in again} == {("unchanged", "")}
        assert pdf_rows(path) == first and len(first) == 4


def test_a_pdf_page_is_not_the_same_page_from_text() -> None:
    text, pdf = parse_path(SAMPLE), pdf_issue()
    assert page_digest(pdf.pages[0], pdf) != page_digest(text.pages[0], text)
    # the same text and layout from another file (a photo redone) is another page too
    redone = pdf_issue()
    redone.pages[0].pdf = PagePdf("f" * 64, 0, b"")
    assert page_digest(redone.pages[0], redone) != page_digest(pdf.pages[0], pdf)


# -- a failed import keeps nothing -------------------------------------------------------

def test_a_cancelled_import_leaves_no_pdf(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    polls = iter(range(100))
    with Library(path) as lib:
        with pytest.raises(ImportCancelled):
            lib.import_issues([pdf_issue()], cancelled=lambda: next(polls) == 2)  # after 2 pages
        assert lib.is_empty()
    assert pdf_rows(path) == []


def test_an_issue_that_cannot_be_stored_leaves_no_pdf(tmp_path: Path) -> None:
    """Refused issue by issue (the import's savepoint): the other issue and its PDFs stay."""
    path = tmp_path / "lib.sqlite3"
    good = pdf_issue()
    cases = {"its PDF's bytes are not the file its digest names":
             lambda i: setattr(i.pages[0].pdf, "data", b"%PDF-1.7 another file %%EOF"),
             "regions": lambda i: setattr(i.pages[3].articles[0], "regions",
                                          [(0, 0, 1, 1)] * (MAX_REGIONS + 1)),
             "not a region": lambda i: setattr(i.pages[3].articles[0], "regions", [(5, 5, 1, 9)]),
             "not four numbers": lambda i: setattr(i.pages[3].articles[0], "regions",
                                                   [("1", 2, 3, 4)]),
             "size": lambda i: setattr(i.pages[3], "size", (0.0, 1191.0))}
    with Library(path) as lib:
        lib.import_issues([good])
        for why, spoil in cases.items():
            bad = pdf_issue(whole=True)
            bad.date = "2024-03-16"
            spoil(bad)
            refused: list = []
            lib.import_issues([bad], refused=refused)
            assert len(refused) == 1 and why in refused[0][1], (why, refused)
            with pytest.raises(ValueError):
                lib.import_issues([bad])
            assert [i.date for i in lib.issues()] == [DATE]
            assert digest(ISSUE_PDF.read_bytes()) not in dict(pdf_rows(path))
    assert len(pdf_rows(path)) == 4


CHILD = """
import sys, time
from paper_reader.core.library import Library
from tests.pdf_issue import pdf_issue

lib = Library(sys.argv[1])
lib.db.execute("PRAGMA cache_size = 5")  # spill the open transaction into the -wal file
polls = 0

def cancelled():
    global polls
    polls += 1
    if polls == 4:  # three pages and their PDFs written, not committed
        print("inside", flush=True)
        time.sleep(120)
    return False

lib.import_issues([pdf_issue()], cancelled=cancelled)
"""


def test_kill9_inside_an_import_leaves_no_pdf(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library(path) as lib:  # a library that holds something already
        assert not import_paths(lib, [SAMPLE / "page1.txt"]).errors
        before = lib.export()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE,
                             cwd=ROOT, env=env, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "inside"
        wal = path.with_name(path.name + "-wal")
        assert wal.stat().st_size > 3 * 200_000  # the PDFs reached the disk, uncommitted
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    with Library(path) as lib:
        assert lib.integrity_check() == "ok"
        assert lib.export() == before
    assert pdf_rows(path) == []


# -- the PDF wins over the text ------------------------------------------------------------

def test_the_pdf_of_a_page_from_text_replaces_it(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite3") as lib:
        assert not import_paths(lib, [SAMPLE]).errors
        results = lib.import_issues([pdf_issue()])
        assert {(r.status, r.note) for r in results} == {("replaced", GAINED_IMAGE)}
        assert results[0].line() == f"{PAPER} {DATE} 第1版: replaced ({GAINED_IMAGE})"
        pages = lib.load_issue(lib.latest_issue()).pages
        assert all(p.pdf is not None and p.size for p in pages)
        assert lib.search("图书馆")  # the search index follows the replaced pages


def test_the_text_of_a_page_from_its_pdf_keeps_the_pdf_page(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite3") as lib:
        lib.import_issues([pdf_issue()])
        before = lib.export()
        edited = tmp_path / "edited"
        edited.mkdir()
        for page in SAMPLE.glob("*.txt"):  # other text too: still the PDF page is kept
            (edited / page.name).write_text(page.read_text(encoding="utf-8").replace("图书馆", "书馆"),
                                            encoding="utf-8")
        for folder in (SAMPLE, edited):
            report = import_paths(lib, [folder])
            assert not report.errors
            assert {(r.status, r.note) for r in report.results} == {("unchanged", KEPT_PDF)}
            assert lib.export() == before
        assert report.results[0].line() == f"{PAPER} {DATE} 第1版: unchanged ({KEPT_PDF})"


def test_a_new_pdf_of_a_pdf_page_replaces_it_and_drops_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library(path) as lib:
        lib.import_issues([pdf_issue()])
        results = lib.import_issues([pdf_issue(whole=True)])
        assert {(r.status, r.note) for r in results} == {("replaced", "")}
    whole = ISSUE_PDF.read_bytes()
    assert pdf_rows(path) == [(digest(whole), len(whole))]


# -- removing ---------------------------------------------------------------------------------

def test_removal_drops_the_pdfs_no_page_uses(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    whole = (digest(ISSUE_PDF.read_bytes()), ISSUE_PDF.stat().st_size)
    with Library(path) as lib:
        lib.import_issues([pdf_issue(whole=True)])
        for number in (1, 2, 3):  # the other pages still use the issue's file
            lib.remove(PAPER, DATE, number)
            assert pdf_rows(path) == [whole]
        lib.remove(PAPER, DATE, 4)
        assert pdf_rows(path) == [] and lib.is_empty()
        lib.import_issues([pdf_issue()])
        lib.remove(PAPER, DATE, 2)
        assert digest(page_pdf_file(2).read_bytes()) not in dict(pdf_rows(path))
        assert len(pdf_rows(path)) == 3
        lib.remove(PAPER)
    assert pdf_rows(path) == []


# -- format 1 -------------------------------------------------------------------------------

def version_1_library(path: Path, folder: Path) -> Path:
    """A library file of format 1, as the version before page PDFs wrote it: its schema
    made by MIGRATIONS[0] alone, holding the rows of the sample's text pages (copied from a
    library of this version, whose text pages are stored as format 1 stored them)."""
    modern = folder / "modern.sqlite3"
    with Library(modern) as lib:
        assert not import_paths(lib, [SAMPLE]).errors
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.create_function("spaced", 1, spaced, deterministic=True)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("ATTACH DATABASE ? AS modern", (str(modern),))
        db.execute("BEGIN")
        for statement in MIGRATIONS[0]:
            db.execute(statement)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("PRAGMA user_version = 1")
        for table in ("papers", "issues", "pages", "articles", "continuations", "article_text"):
            columns = ", ".join(r[1] for r in db.execute(f"PRAGMA main.table_info({table})"))
            db.execute(f"INSERT INTO main.{table}({columns}) SELECT {columns} FROM modern.{table}")
        db.execute("INSERT INTO article_fts(rowid, title, byline, body) "
                   "SELECT article_id, title, byline, body FROM article_text")
        db.execute("INSERT INTO article_chars(rowid, chars) SELECT article_id, "
                   "spaced(title || ' ' || byline || ' ' || body) FROM article_text")
        db.execute("COMMIT")
        db.execute("DETACH DATABASE modern")
    finally:
        db.close()
    return path


def schema_of(path: Path) -> set[tuple]:
    db = sqlite3.connect(path)
    try:
        return set(db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
    finally:
        db.close()


def test_a_version_1_library_is_read_as_it_is_read_only(tmp_path: Path) -> None:
    old = version_1_library(tmp_path / "old.sqlite3", tmp_path)
    before = old.read_bytes()
    for lib in (Library(old, readonly=True), KioskLibrary(old)):
        with lib:
            assert lib.connection.version == 1
            issue = lib.load_issue(lib.latest_issue())
            assert issue.to_dict() == parse_path(SAMPLE).to_dict()
            assert all(p.size is None and p.pdf is None for p in issue.pages)
            assert lib.search("图书馆") and lib.page_pdf("0" * 64) is None
    assert user_version(old) == 1 and old.read_bytes() == before


def test_a_version_1_library_is_migrated_keeping_every_issue(tmp_path: Path, capsys) -> None:
    from paper_reader.__main__ import main

    old = version_1_library(tmp_path / "old.sqlite3", tmp_path)
    with Library(old, readonly=True) as lib:
        before, hits = lib.export(), lib.search("图书馆")
    assert main(["list", "--db", str(old)]) == 0  # reads it, leaves it
    assert user_version(old) == 1
    assert main(["import", str(SAMPLE / "page1.txt"), "--db", str(old)]) == 0
    assert "第1版: unchanged" in capsys.readouterr().out
    assert user_version(old) == SCHEMA_VERSION == 3
    fresh = tmp_path / "fresh.sqlite3"
    Library(fresh).close()
    assert schema_of(old) == schema_of(fresh)  # exactly what a new library has
    with Library(old) as lib:
        assert lib.export() == before and lib.search("图书馆") == hits
        assert lib.integrity_check() == "ok"
        results = lib.import_issues([pdf_issue()])
        assert {r.note for r in results} == {GAINED_IMAGE}
        assert len(pdf_rows(old)) == 4


def test_a_failed_migration_leaves_format_1(tmp_path: Path) -> None:
    old = version_1_library(tmp_path / "old.sqlite3", tmp_path)

    class Failing(sqlite3.Connection):
        def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
            if sql.startswith("ALTER TABLE articles"):  # the migration's last steps
                raise sqlite3.OperationalError("disk I/O error")
            return super().execute(sql, *args)

    with pytest.raises(LibraryError, match="nothing was changed"):
        Library(old, connect=lambda *a, **k: sqlite3.connect(*a, factory=Failing, **k))
    assert user_version(old) == 1
    with Library(old, readonly=True) as lib:  # the exact format-1 schema: nothing half made
        assert lib.connection.version == 1 and lib.latest_issue() is not None


def test_foreign_and_newer_libraries_are_still_refused(tmp_path: Path) -> None:
    old = version_1_library(tmp_path / "old.sqlite3", tmp_path)
    half = tmp_path / "half.sqlite3"
    half.write_bytes(old.read_bytes())
    db = sqlite3.connect(half)  # format 1 with a table of format 2's: not ours
    db.execute(MIGRATIONS[1][0])
    db.commit()
    db.close()
    for readonly in (True, False):
        with pytest.raises(ForeignLibraryError, match="page_pdfs"):
            Library(half, readonly=readonly)
    Library(old).close()  # migrated
    db = sqlite3.connect(old)
    db.execute("CREATE TRIGGER wipe AFTER INSERT ON page_pdfs BEGIN DELETE FROM pages; END")
    db.commit()
    db.close()
    with pytest.raises(ForeignLibraryError, match="an extra trigger 'wipe'"):
        Library(old, readonly=True)
    newer = tmp_path / "newer.sqlite3"
    Library(newer).close()
    db = sqlite3.connect(newer)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    for readonly in (True, False):
        with pytest.raises(NewerLibraryError,
                           match=rf"format {SCHEMA_VERSION + 1}, this version reads up to {SCHEMA_VERSION}"):
            Library(newer, readonly=readonly)


# -- crafted rows ---------------------------------------------------------------------------

FIRST = "(SELECT min(id) FROM articles)"
CRAFTED = {
    "negative width": ("UPDATE pages SET width = -842 WHERE number = 1", "the size of page 1"),
    "text height": ("UPDATE pages SET height = 'tall' WHERE number = 1", "the size of page 1"),
    "huge width": ("UPDATE pages SET width = 1e300 WHERE number = 1", "the size of page 1"),
    "width without height": ("UPDATE pages SET height = NULL WHERE number = 1", "the size of page 1"),
    "a PDF without a size": ("UPDATE pages SET width = NULL, height = NULL WHERE number = 1",
                             "page 1 has a PDF but no size"),
    "digest not hex": ("UPDATE pages SET pdf_digest = 'zz' WHERE number = 1", "the PDF of page 1"),
    "place past any issue": ("UPDATE pages SET pdf_index = 100000 WHERE number = 1",
                             "the place of page 1 in its PDF"),
    "place without a digest": ("UPDATE pages SET pdf_digest = NULL WHERE number = 1",
                               "the PDF of page 1"),
    "regions not a list": (f"UPDATE articles SET regions = '{{}}' WHERE id = {FIRST}", "the regions"),
    "blob regions": (f"UPDATE articles SET regions = X'00ff' WHERE id = {FIRST}", "the regions"),
    "too many regions": (f"UPDATE articles SET regions = '[' || substr(replace(hex(zeroblob("
                         f"{MAX_REGIONS + 1})), '00', ',[1,2,3,4]'), 2) || ']' WHERE id = {FIRST}",
                         f"(at most {MAX_REGIONS})"),
    "inverted region": (f"UPDATE articles SET regions = '[[10, 10, 5, 20]]' WHERE id = {FIRST}",
                        "not a rectangle on a page"),
    "text in a region": (f"UPDATE articles SET regions = '[[\"1\", 2, 3, 4]]' WHERE id = {FIRST}",
                         "not four numbers"),
    "three numbers": (f"UPDATE articles SET regions = '[[1, 2, 3]]' WHERE id = {FIRST}",
                      "not a rectangle on a page"),
    "not a number": (f"UPDATE articles SET regions = '[[NaN, 1, 2, 3]]' WHERE id = {FIRST}",
                     "not a rectangle on a page"),
    "regions nested past the stack": (f"UPDATE articles SET regions = '{'[' * 100000}' "
                                      f"WHERE id = {FIRST}", "the regions"),
}


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("good") / "library.sqlite3"
    with Library(path) as lib:
        lib.import_issues([pdf_issue()])
    return path


def crafted(good: Path, folder: Path, statement: str) -> Path:
    path = folder / "library.sqlite3"
    path.write_bytes(good.read_bytes())
    db = sqlite3.connect(path)  # foreign keys off, as any other program writes
    db.execute(statement)
    db.commit()
    db.close()
    return path


def one_line(capsys, argv: list[str], path: Path) -> str:  # type: ignore[no-untyped-def]
    from paper_reader.__main__ import main

    code = main(argv)
    _, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert code == 1 and len(lines) == 1 and "Traceback" not in err, (argv, err)
    assert lines[0].startswith(f"paper-reader: {path}: the library file is damaged ("), err
    return lines[0]


@pytest.mark.parametrize("case", sorted(CRAFTED))
def test_a_crafted_row_is_one_damaged_line(qapp, capsys, good: Path, tmp_path: Path, case: str) -> None:
    from paper_reader.ui.shell.startup import check_library

    statement, said = CRAFTED[case]
    path = crafted(good, tmp_path, statement)
    before = path.read_bytes()
    line = one_line(capsys, ["export", "--json", "--db", str(path)], path)
    assert said in line, line
    one_line(capsys, ["export-page", f"{DATE}/1", "--out", str(tmp_path / "p.pdf"), "--db",
                      str(path)], path)
    assert not (tmp_path / "p.pdf").exists()
    assert not check_library(path, interactive=False)  # the window's start reads the issue
    assert path.read_bytes() == before


STORED_FILE = {
    "cut short": "UPDATE page_pdfs SET data = substr(data, 1, 1000)",
    "other bytes of the same length": "UPDATE page_pdfs SET data = zeroblob(size)",
    "a text": "UPDATE page_pdfs SET data = 'PDF'",
    "a negative size": "UPDATE page_pdfs SET size = -1",
}


@pytest.mark.parametrize("case", sorted(STORED_FILE))
def test_a_stored_pdf_that_is_not_the_file_is_damaged(capsys, good: Path, tmp_path: Path,
                                                      case: str) -> None:
    path = crafted(good, tmp_path, STORED_FILE[case])
    with Library(path, readonly=True) as lib:
        front = lib.load_issue(lib.latest_issue()).page(1)
        with pytest.raises(DamagedLibraryError, match="the library file is damaged"):
            lib.page_pdf(front.pdf.digest)
    one_line(capsys, ["export-page", f"{DATE}/1", "--out", str(tmp_path / "p.pdf"), "--db",
                      str(path)], path)
    assert not (tmp_path / "p.pdf").exists()


def test_the_checks_of_geometry() -> None:
    check = Rows(Path("lib"))
    assert check.size(None, None, "s") is None
    assert check.size(842, 1191.0, "s") == (842.0, 1191.0)
    for bad in ((0, 10), (10, None), (True, 10), ("842", 1191), (float("nan"), 10), (10, 14401)):
        with pytest.raises(DamagedLibraryError):
            check.size(*bad, "s")
    assert check.regions("[[1, 2, 3.5, 4]]", "r") == [(1.0, 2.0, 3.5, 4.0)]
    for bad in ("[[1, 2, 3, 4, 5]]", "[[true, 2, 3, 4]]", "[[1, 2, 3, 1e7]]", "[1]", "{}"):
        with pytest.raises(DamagedLibraryError):
            check.regions(bad, "r")
    assert check.digest("a" * 64, "d") == "a" * 64
    for bad in ("A" * 64, "a" * 63, None, b"a" * 64):
        with pytest.raises(DamagedLibraryError):
            check.digest(bad, "d")


def test_the_stored_limits_are_the_importers() -> None:
    from paper_reader.core.library import rows
    from paper_reader.core.sources import pdf_document

    assert rows.MAX_PDF_BYTES == pdf_document.MAX_PDF_BYTES
    assert rows.MAX_PDF_PAGES == pdf_document.MAX_PDF_PAGES


def test_a_page_result_says_its_note() -> None:
    assert PageResult(PAPER, DATE, 2, "imported").line() == f"{PAPER} {DATE} 第2版: imported"


def test_a_published_copy_holds_the_pdfs(tmp_path: Path) -> None:
    """One file for the kiosks: the PDFs go with it, nothing beside it."""
    from paper_reader.core.library.publish import publish

    (tmp_path / "kiosk").mkdir()
    with Library(tmp_path / "lib.sqlite3") as lib:
        lib.import_issues([pdf_issue(whole=True)])
        dest = publish(lib, tmp_path / "kiosk" / "library.sqlite3")
    assert sorted(p.name for p in dest.parent.iterdir()) == ["library.sqlite3"]
    with KioskLibrary(dest) as kiosk:
        page = kiosk.load_issue(kiosk.latest_issue()).page(2)
        assert page.pdf == PagePdf(digest(ISSUE_PDF.read_bytes()), 1)
        assert kiosk.page_pdf(page.pdf.digest) == ISSUE_PDF.read_bytes()
