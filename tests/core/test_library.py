from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

import opencc
import pytest

from paper_reader.core.importer import import_paths, parse_path
from paper_reader.core.library import (
    DamagedLibraryError,
    Library,
    LibraryError,
    NewerLibraryError,
    SearchHit,
    SearchQuery,
    set_aside,
)
from paper_reader.core.library.schema import SCHEMA_VERSION


@pytest.fixture
def lib(tmp_path: Path, sample_dir: Path):
    library = Library(tmp_path / "lib.sqlite3")
    report = import_paths(library, [sample_dir])
    assert not report.errors
    yield library
    library.close()


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


def test_round_trip_equals_parse(lib: Library, sample_dir: Path) -> None:
    [info] = lib.issues()
    assert info.pages == [1, 2, 3, 4] and info.page_count == 4
    assert lib.load_issue(info.id).to_dict() == parse_path(sample_dir).to_dict()


def test_schema_version_and_wal(lib: Library) -> None:
    assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert lib.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reimport_is_unchanged_then_replaced(lib: Library, sample_dir: Path, tmp_path: Path) -> None:
    again = import_paths(lib, [sample_dir])
    assert {r.status for r in again.results} == {"unchanged"}
    edited = tmp_path / "p2"
    edited.mkdir()
    text = (sample_dir / "page2.txt").read_text().replace("综合", "综合新闻", 1)
    (edited / "page2.txt").write_text(text)
    report = import_paths(lib, [edited / "page2.txt"])
    assert [(r.number, r.status) for r in report.results] == [(2, "replaced")]
    [info] = lib.issues()
    issue = lib.load_issue(info.id)
    assert issue.page(2).section == "综合新闻"
    assert lib.db.execute("SELECT count(*) FROM pages").fetchone()[0] == 4
    # the links into the replaced page were rebuilt
    assert issue.pages[0].articles[0].continues_to.article == 0


def test_importing_page_two_later_resolves_page_one(tmp_path: Path, sample_dir: Path) -> None:
    with Library(tmp_path / "l.sqlite3") as lib:
        import_paths(lib, [sample_dir])
        again = import_paths(lib, [sample_dir / "page2.txt"])  # alone, its links are unresolved
        assert [r.status for r in again.results] == ["unchanged"]
    with Library(tmp_path / "l2.sqlite3") as lib:
        import_paths(lib, [sample_dir / "page1.txt"])
        issue = lib.load_issue(lib.issues()[0].id)
        assert issue.pages[0].articles[0].continues_to.article is None
        import_paths(lib, [sample_dir / "page2.txt"])
        issue = lib.load_issue(lib.issues()[0].id)
        assert issue.pages[0].articles[0].continues_to.article == 0
        assert issue.page(2).articles[0].continued_from.article == 0


def test_failed_import_leaves_library_as_it_was(lib: Library, tmp_path: Path,
                                                sample_dir: Path) -> None:
    before = lib.export()
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 2

    edited = tmp_path / "again"
    shutil.copytree(sample_dir, edited)
    for f in edited.glob("*.txt"):
        f.write_text(f.read_text().replace("松河", "松江"))
    from paper_reader.core.library import ImportCancelled

    with pytest.raises(ImportCancelled):
        from paper_reader.core.parsing.issue import group_issues
        from paper_reader.core.sources.walk import read_pages

        pages = read_pages(edited)
        lib.import_issues(group_issues(pages), cancelled=cancel)
    assert [i.to_dict() for i in lib.export()] == [i.to_dict() for i in before]


def test_bad_files_are_reported_and_good_ones_kept(tmp_path: Path, sample_dir: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with Library(tmp_path / "l.sqlite3") as lib:
        report = import_paths(lib, [bad, sample_dir / "page1.txt", empty, tmp_path / "missing.txt"])
        assert len(report.errors) == 3
        assert any("bad.txt" in e and "binary" in e for e in report.errors)
        assert report.count("imported") == 1


def test_search_both_scripts_and_short_queries(lib: Library) -> None:
    simp = lib.search("图书馆")
    trad = lib.search("圖書館")
    assert simp and [h.article_id for h in simp] == [h.article_id for h in trad]
    assert SearchHit.MARK_START + "图书馆" + SearchHit.MARK_END in simp[0].snippet
    assert lib.search("馆") and lib.search("剪纸") and lib.search("剪紙")
    one = lib.search("鹭")
    assert one and all("鹭" in h.snippet for h in one)
    assert lib.search("不存在的词语组合") == []


@pytest.mark.parametrize("query", ['"', 'AND', '图书馆 OR', 'NEAR(a b)', '*', "a' OR 1=1 --",
                                   "\x00", "图" * 10000, "(", "title:馆", "^馆"])
def test_queries_are_text_not_syntax(lib: Library, query: str) -> None:
    lib.search(query)  # no exception


def test_search_filters(lib: Library) -> None:
    assert lib.search(SearchQuery("馆", paper="松河日报"))
    assert lib.search(SearchQuery("馆", paper="别的报")) == []
    assert lib.search(SearchQuery("馆", date_from="2024-03-16")) == []
    assert lib.search(SearchQuery("馆", date_to="2024-03-15"))


def test_traditional_text_found_by_simplified_query(tmp_path: Path, sample_dir: Path) -> None:
    s2t = opencc.OpenCC("s2t")
    trad = tmp_path / "trad"
    trad.mkdir()
    for f in sample_dir.glob("*.txt"):
        (trad / f.name).write_text(s2t.convert(f.read_text()))
    with Library(tmp_path / "l.sqlite3") as lib:
        import_paths(lib, [trad])
        hits = lib.search("图书馆")
        assert hits and "圖書館" in hits[0].snippet


def test_not_sqlite_is_refused_and_untouched(tmp_path: Path) -> None:
    f = tmp_path / "lib.sqlite3"
    f.write_bytes(b"this is a text file, not a library" * 50)
    before = _bytes(f)
    with pytest.raises(DamagedLibraryError, match="not a paper-reader library"):
        Library(f)
    assert _bytes(f) == before


def test_other_sqlite_file_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "other.db"
    con = sqlite3.connect(f)
    con.execute("CREATE TABLE t(x)")
    con.commit()
    con.close()
    with pytest.raises(DamagedLibraryError):
        Library(f)


def test_truncated_library_is_refused(lib: Library, tmp_path: Path) -> None:
    lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lib.close()
    data = _bytes(lib.path)
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(data[: len(data) // 3])
    with pytest.raises(DamagedLibraryError):
        Library(broken).search("馆")
    assert _bytes(broken) == data[: len(data) // 3]


def test_newer_library_is_refused_and_not_written(tmp_path: Path) -> None:
    f = tmp_path / "new.sqlite3"
    Library(f).close()
    con = sqlite3.connect(f)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    before = _bytes(f)
    with pytest.raises(NewerLibraryError, match="newer paper-reader"):
        Library(f)
    assert _bytes(f) == before


def test_set_aside_renames_never_deletes(tmp_path: Path) -> None:
    f = tmp_path / "lib.sqlite3"
    f.write_bytes(b"garbage")
    moved = set_aside(f)
    assert not f.exists() and moved.read_bytes() == b"garbage"
    assert moved.name.startswith("lib.sqlite3.damaged-")


def test_set_aside_that_cannot_rename_says_so_by_kind(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "lib.sqlite3"
    f.write_bytes(b"garbage")

    def refuse(self: Path, target: Path) -> None:
        raise OSError(errno.EBUSY, "Device or resource busy")

    monkeypatch.setattr(Path, "rename", refuse)
    with pytest.raises(LibraryError, match="could not be renamed") as caught:
        set_aside(f)
    assert caught.value.problem.kind == "rename_failed"
    assert caught.value.problem.value("file") == str(f) and f.read_bytes() == b"garbage"


def test_readonly_library_refuses_writes(lib: Library, sample_dir: Path) -> None:
    lib.close()
    ro = Library(lib.path, readonly=True)
    assert ro.search("馆")
    report = import_paths(ro, [sample_dir])
    assert report.errors and "read-only" in report.errors[0]
    with pytest.raises(LibraryError):
        ro.import_issues([parse_path(sample_dir)])
    ro.close()


def test_neighbour_issues(tmp_path: Path, sample_dir: Path) -> None:
    with Library(tmp_path / "l.sqlite3") as lib:
        for day in ("2024-03-14", "2024-03-15", "2024-03-16"):
            d = tmp_path / day
            d.mkdir()
            for f in sample_dir.glob("*.txt"):
                (d / f.name).write_text(f.read_text().replace("2024年3月15日", _cn(day)))
            import_paths(lib, [d])
        ids = {i.date: i.id for i in lib.issues()}
        assert lib.neighbour_issue(ids["2024-03-15"], -1) == ids["2024-03-14"]
        assert lib.neighbour_issue(ids["2024-03-15"], 1) == ids["2024-03-16"]
        assert lib.neighbour_issue(ids["2024-03-16"], 1) is None
        assert lib.latest_issue() == ids["2024-03-16"]
        assert lib.issue_dates("松河日报") == sorted(ids)


def _cn(day: str) -> str:
    y, m, d = (int(x) for x in day.split("-"))
    return f"{y}年{m}月{d}日"


def _locked_at_first(times: int) -> type[sqlite3.Connection]:
    """A connection whose switch to WAL is refused ``times`` times, as SQLite refuses it at
    once (without the busy timeout) while another program creates the same new file."""

    class LockedAtFirst(sqlite3.Connection):
        refused = 0

        def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
            if sql == "PRAGMA journal_mode = WAL" and LockedAtFirst.refused < times:
                LockedAtFirst.refused += 1
                exc = sqlite3.OperationalError("database is locked")
                exc.sqlite_errorcode = 5  # type: ignore[attr-defined]
                raise exc
            return super().execute(sql, *args)

    return LockedAtFirst


def test_a_new_library_waits_while_another_program_creates_it(tmp_path: Path) -> None:
    """Regression: three imports started together on a library not made yet; one failed
    with "the library is busy" because the switch to WAL did not wait its turn."""
    factory = _locked_at_first(3)
    db = tmp_path / "new.sqlite3"
    with Library(db, connect=lambda *a, **k: sqlite3.connect(*a, factory=factory, **k)) as lib:
        assert lib.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert factory.refused == 3


def test_a_library_locked_for_good_still_says_busy(tmp_path: Path, monkeypatch) -> None:
    from paper_reader.core.library import connection

    monkeypatch.setattr(connection, "WAL_SWITCH_WAIT", 0.05)
    factory = _locked_at_first(10_000)
    with pytest.raises(LibraryError, match="busy"):
        Library(tmp_path / "new.sqlite3",
                connect=lambda *a, **k: sqlite3.connect(*a, factory=factory, **k))
