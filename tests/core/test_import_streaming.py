"""The import reads file by file and stores each issue once the files have moved on from it
(core.gathering), in one transaction: what it holds stays bounded however many files it
is given, and what it makes of them is what reading every page first made.

The oracle for the latter is the import as it was, every page read before any is stored
(``in_one_go`` below, from the importer's own parts); the streamed import is run with the
pages it may hold cut to none, a few, and the default, on pages of one issue spread over
folders and single files in shuffled orders, with duplicates, a page as text and as its
PDF, pages that say neither paper nor date, and a library that held some of them before.
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import shutil
import sqlite3
from pathlib import Path

import pytest
from benchmarks.archive import rewrite_page, sample_pages, write_archive

from paper_reader.core import gathering
from paper_reader.core.importer import TEXT_NOT_NEEDED, ImportReport, PageNote, collect_pages, import_paths
from paper_reader.core.library import ImportCancelled, Library, LibraryError
from paper_reader.core.model import Issue, Page
from paper_reader.core.parsing.issue import group_issues, unfiled
from tests.conftest import SAMPLE_PDF

SAMPLE_DAY = dt.date(2024, 3, 15)
DAYS = [SAMPLE_DAY + dt.timedelta(days=k) for k in range(-3, 3)]  # the sample's among them


def in_one_go(library: Library, paths: list[Path]) -> ImportReport:
    """The import as it was before it streamed: parse everything, then store in one go."""
    report = ImportReport()
    pages = collect_pages(paths, report)
    replaced: list[tuple[Page, Page]] = []
    grouped = group_issues(pages, replaced)

    def file_of(page: Page) -> str:
        return str(page.origin) if page.origin is not None else "?"

    for earlier, later in replaced:
        a, b = file_of(earlier), file_of(later)
        if later.pdf is not None and earlier.pdf is None:
            report.warnings.append(f"{a} {earlier.label}: the text was not needed; the page "
                                   f"was taken from its PDF, {b}")
            report.notes.append(PageNote(a, earlier.label, TEXT_NOT_NEEDED, 0, report.warnings[-1], b))
            continue
        where = a if a == b else f"{a} and {b}"
        report.refuse(f"{where}: two pages of one issue are both {earlier.label}; only "
                      f"the later one (from {b}) was kept")
    issues = []
    for issue in grouped:
        files = sorted({file_of(p) for p in issue.pages})
        where = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
        why = unfiled(issue, where)
        if why:
            report.refuse(why)
            continue
        issues.append(issue)
    if issues:
        refused: list[tuple[Issue, str]] = []
        try:
            report.results = library.import_issues(issues, refused=refused)
            for issue, reason in refused:
                where = sorted({file_of(p) for p in issue.pages})
                report.refuse(f"{', '.join(where)}: cannot be stored ({reason}); "
                              "the other files were imported"[:300])
        except LibraryError as exc:
            report.refuse_all(exc)
    return report


def page_text(day: dt.date, number: int, edit: str = "") -> str:
    """Page ``number`` of the sample issue as printed on ``day``; ``edit`` replaces its
    first 的, so that the page says something else."""
    text = rewrite_page(sample_pages()[number - 1][1], day)
    return text.replace("的", edit, 1) if edit else text


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def spread(root: Path) -> list[Path]:
    """Paths to import: the pages of six issues spread over folders and single files."""
    paths: list[Path] = []
    for day in DAYS[:2]:  # a folder an issue
        for n in range(1, 5):
            write(root / f"songhe-{day}" / f"page{n}.txt", page_text(day, n))
        paths.append(root / f"songhe-{day}")
    for day in DAYS[2:4]:  # one folder of two issues: page 1 of both, then page 2 of both, ...
        for n in range(1, 5):
            write(root / "flat" / f"songhe-{day}-p{n}.txt", page_text(day, n))
    paths.append(root / "flat")
    for day in DAYS[4:]:  # an issue's pages in two folders and two files on their own
        for n in range(1, 5):
            where = root / f"half-{n % 2}" / f"songhe-{day}-p{n}.txt" if n < 3 else \
                root / "single" / f"songhe-{day}-p{n}.txt"
            write(where, page_text(day, n))
            if n >= 3:
                paths.append(where)
    paths += [root / "half-0", root / "half-1"]
    # Twice the same page, and a page twice, the later edited (each: an error, the later kept)
    paths.append(write(root / "again" / f"songhe-{DAYS[0]}-p2.txt", page_text(DAYS[0], 2)))
    paths.append(write(root / "edited" / f"songhe-{DAYS[1]}-p3.txt", page_text(DAYS[1], 3, "之")))
    # Two of the sample's pages from their PDFs: kept over the text whichever comes first
    paths += [SAMPLE_PDF / "page1.pdf", SAMPLE_PDF / "page2.pdf", SAMPLE_PDF / "page3.pdf"]
    # A page that says neither paper nor date (twice), and one with a date but no paper
    loose = "\n".join(page_text(DAYS[0], 3).split("\n")[2:])
    paths.append(write(root / "loose" / "page3.txt", loose))
    paths.append(write(root / "loose-again" / "page3.txt", loose))
    paths.append(write(root / "dated" / "page4.txt", "\n".join(page_text(DAYS[5], 4).split("\n")[1:])))
    return paths


def earlier_library(path: Path) -> None:
    """A library that holds some of the pages before: other words, the same words, and the
    sample issue as text (its PDFs then bring the page image)."""
    folder = path.parent / "before"
    for n in (1, 2, 3):
        write(folder / f"songhe-{DAYS[0]}-p{n}.txt", page_text(DAYS[0], n, "得"))
    for n in range(1, 5):
        write(folder / f"songhe-{DAYS[1]}-p{n}.txt", page_text(DAYS[1], n, "地"))
        write(folder / f"songhe-{SAMPLE_DAY}-p{n}.txt", page_text(SAMPLE_DAY, n))
    write(folder / f"songhe-{DAYS[2]}-p1.txt", page_text(DAYS[2], 1))
    with Library(path) as lib:
        assert not import_paths(lib, [folder]).errors


def state(path: Path) -> tuple[list[dict], list[tuple[int, int]], str]:
    with Library(path, readonly=True) as lib:
        issues = [issue.to_dict() for issue in lib.export()]
        ok = lib.integrity_check()
    db = sqlite3.connect(path)
    try:
        links = db.execute("SELECT count(*), count(DISTINCT to_article) FROM continuations").fetchall()
        db.execute("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')")
        db.execute("INSERT INTO article_chars(article_chars, rank) VALUES ('integrity-check', 0)")
    finally:
        db.close()
    return issues, links, ok


def told(report: ImportReport) -> tuple[object, ...]:
    return (report.results, report.errors, report.warnings, report.notes, report.unplaced,
            report.library_error)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], Path]:
    root = tmp_path_factory.mktemp("spread")
    paths = spread(root / "pages")
    before = root / "before.sqlite3"
    earlier_library(before)
    return paths, before


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("held", [0, 2, None])
def test_a_streamed_import_is_the_import_of_every_page_at_once(
        archive: tuple[list[Path], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        seed: int, held: int | None) -> None:
    paths, before = archive
    paths = random.Random(seed).sample(paths, len(paths))
    one_go, streamed = tmp_path / "one-go.sqlite3", tmp_path / "streamed.sqlite3"
    shutil.copy(before, one_go)
    shutil.copy(before, streamed)
    with Library(one_go) as lib:
        want = in_one_go(lib, paths)
    if held is not None:
        monkeypatch.setattr(gathering, "MAX_OPEN_PAGES", held)
    with Library(streamed) as lib:
        got = import_paths(lib, paths)
    # The scenario has what it is meant to: every kind of result and message.
    assert {r.status for r in want.results} == {"imported", "replaced", "unchanged"}
    assert any(r.kind == "gained_image" for r in want.results)
    assert sum("two pages of one issue" in e for e in want.errors) >= 3
    assert sum("says neither its paper nor its date" in e for e in want.errors) == 2
    assert any("the text was not needed" in w for w in want.warnings)
    assert told(got) == told(want)
    assert state(streamed) == state(one_go)


def test_pages_of_one_issue_in_any_order_make_one_issue(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each page in its own folder, among another issue's, each stored on its own (nothing
    may be held): one issue, with the continuations between its pages, as from one folder."""
    whole = tmp_path / "whole.sqlite3"
    for n in range(1, 5):
        write(tmp_path / "folder" / f"page{n}.txt", page_text(SAMPLE_DAY, n))
    with Library(whole) as lib:
        assert not import_paths(lib, [tmp_path / "folder"]).errors
    paths = []
    for n in (3, 1, 4, 2):
        paths.append(write(tmp_path / f"part{n}" / f"page{n}.txt", page_text(SAMPLE_DAY, n)))
        paths.append(write(tmp_path / f"other{n}" / f"page{n}.txt", page_text(DAYS[0], n)))
    monkeypatch.setattr(gathering, "MAX_OPEN_PAGES", 0)
    parts = tmp_path / "parts.sqlite3"
    with Library(parts) as lib:
        report = import_paths(lib, [p.parent for p in paths])
        assert not report.errors and report.count("imported") == 8
        assert report.issues == [("松河日报", str(DAYS[0])), ("松河日报", str(SAMPLE_DAY))]
        [info] = lib.issues(date=str(SAMPLE_DAY))
        assert info.pages == [1, 2, 3, 4] and info.serial is not None
        got = lib.load_issue(info.id).to_dict()
    with Library(whole, readonly=True) as lib:
        want = lib.load_issue(lib.issues()[0].id).to_dict()
    assert got == want
    links = sum(1 for p in want["pages"] for a in p["articles"]
                if a["continues_to"] and a["continues_to"]["article"] is not None)
    assert links > 0  # the sample's 下转/上接 met across pages that came apart


def live_pages() -> int:
    """Pages alive in the process (an earlier test's window may still hold some: each test
    counts from what was alive before it began)."""
    gc.collect()
    return sum(1 for o in gc.get_objects() if type(o) is Page)


def test_the_pages_held_during_an_import_stay_bounded(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """However many files: the pages alive at any time are the few in hand, not the archive."""
    folders = write_archive(tmp_path / "archive", 40, dt.date(2001, 1, 1))  # 160 pages
    monkeypatch.setattr(gathering, "MAX_OPEN_PAGES", 12)
    seen: list[int] = []
    before = live_pages()

    def progress(done: int, total: int) -> None:
        if done % 8 == 0:
            seen.append(live_pages() - before)

    with Library(tmp_path / "library.sqlite3") as lib:
        report = import_paths(lib, folders, progress=progress)
    assert not report.errors and report.count("imported") == 160
    assert len(seen) == 20
    # In hand at most 12, the issue being stored (4), the file just read (1).
    assert max(seen) <= 12 + 4 + 1, seen
    assert live_pages() <= before  # and nothing of the pages is kept by the report


def test_more_pages_than_are_held_by_default(tmp_path: Path) -> None:
    """The default bound itself, on an archive past it."""
    issues = gathering.MAX_OPEN_PAGES // 4 + 30
    folders = write_archive(tmp_path / "archive", issues, dt.date(2001, 1, 1))
    seen: list[int] = []
    before = live_pages()

    def progress(done: int, total: int) -> None:
        if done % 60 == 0:
            seen.append(live_pages() - before)

    with Library(tmp_path / "library.sqlite3") as lib:
        report = import_paths(lib, folders, progress=progress)
    assert report.count("imported") == 4 * issues
    assert max(seen) <= gathering.MAX_OPEN_PAGES + 4 + 1, seen


@pytest.fixture
def library_of_ten(tmp_path: Path) -> tuple[Path, list[Path]]:
    """A library of ten issues, and thirty more to import."""
    path = tmp_path / "library.sqlite3"
    with Library(path) as lib:
        assert not import_paths(lib, write_archive(tmp_path / "a", 10, dt.date(2001, 1, 1))).errors
    return path, write_archive(tmp_path / "b", 30, dt.date(2002, 1, 1))


def test_a_failure_late_in_an_import_leaves_the_library_as_it_was(
        library_of_ten: tuple[Path, list[Path]], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path, folders = library_of_ten
    before = state(path)
    bad = write(tmp_path / "zz" / "page1.txt", "\x00" * 50)  # after the failure: still told
    monkeypatch.setattr(gathering, "MAX_OPEN_PAGES", 4)  # most issues are stored by then
    with Library(path) as lib:
        polls = []

        def cancelled() -> bool:  # the disk fills at the 100th of 120 pages
            polls.append(1)
            if len(polls) == 100:
                pages = lib.db.execute("PRAGMA page_count").fetchone()[0]
                lib.db.execute(f"PRAGMA max_page_count = {pages}")
            return False

        report = import_paths(lib, [*folders, bad.parent], cancelled=cancelled)
    assert report.library_error is not None and "disk is full" in report.library_error
    assert not report.results
    assert report.errors[-1] == report.library_error and str(bad) in report.errors[0]
    assert state(path) == before


def test_a_late_cancel_leaves_nothing(library_of_ten: tuple[Path, list[Path]]) -> None:
    path, folders = library_of_ten
    before = state(path)
    with Library(path) as lib:
        polls = []
        with pytest.raises(ImportCancelled):
            import_paths(lib, folders, cancelled=lambda: polls.append(1) or len(polls) == 110)
    assert state(path) == before

    def progress(done: int, total: int) -> None:  # the window cancels between files
        if done == total - 1:
            raise ImportCancelled()

    with Library(path) as lib, pytest.raises(ImportCancelled):
        import_paths(lib, folders, progress=progress)
    assert state(path) == before


def segments(path: Path) -> tuple[int, int, list[tuple[str, int]]]:
    """How many segments each search index has, and the merge settings FTS5 keeps."""
    db = sqlite3.connect(path)
    try:
        counts = [db.execute(f"SELECT count(DISTINCT segid) FROM {t}_idx").fetchone()[0]
                  for t in ("article_fts", "article_chars")]
        kept = db.execute("SELECT k, v FROM article_fts_config WHERE k LIKE '%merge' "
                          "UNION ALL SELECT k, v FROM article_chars_config WHERE k LIKE '%merge' "
                          "ORDER BY 1, 2").fetchall()
    finally:
        db.close()
    return counts[0], counts[1], kept


def test_an_archive_at_once_is_indexed_in_one_pass(tmp_path: Path) -> None:
    """An import that brings at least as much as the library held merges nothing while it
    writes and leaves each index one segment (its cost per page does not grow with the
    archive); a smaller one keeps FTS5's own merging; both leave FTS5's defaults."""
    path = tmp_path / "library.sqlite3"
    defaults = [("automerge", 4), ("automerge", 4), ("crisismerge", 16), ("crisismerge", 16)]
    with Library(path) as lib:
        assert not import_paths(lib, write_archive(tmp_path / "a", 60, dt.date(2001, 1, 1))).errors
    assert segments(path) == (1, 1, defaults)
    with Library(path) as lib:
        assert not import_paths(lib, write_archive(tmp_path / "b", 3, dt.date(2002, 1, 1))).errors
        hits = lib.search(str(dt.date(2002, 1, 2).year) + "年1月2日")
    fts, chars, kept = segments(path)
    assert fts > 1 and chars > 1 and kept == defaults
    assert hits and all(h.date == "2002-01-02" for h in hits)
