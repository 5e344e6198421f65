"""Removing a page, an issue or a paper: one transaction each, search indexes and the
continuations of the pages left kept consistent, and the file checkpointed afterwards."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from paper_reader.core.importer import import_paths
from paper_reader.core.library import Library, LibraryError


def next_day(sample_dir: Path, tmp_path: Path) -> Path:
    """The sample issue, dated a day later."""
    folder = tmp_path / "songhe-2024-03-16"
    folder.mkdir()
    for page in sample_dir.glob("page*.txt"):
        text = page.read_text(encoding="utf-8").replace("2024年3月15日", "2024年3月16日")
        (folder / page.name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def lib(tmp_path: Path, sample_dir: Path):
    with Library(tmp_path / "lib.sqlite3") as library:
        assert not import_paths(library, [sample_dir, next_day(sample_dir, tmp_path)]).errors
        assert [i.date for i in library.issues()] == ["2024-03-15", "2024-03-16"]
        yield library


def state(lib: Library) -> list[dict]:
    return [i.to_dict() for i in lib.export()]


def consistent(lib: Library) -> None:
    """Every index row belongs to an article and every article has its index rows."""
    db = lib.db
    assert lib.integrity_check() == "ok"
    db.execute("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')")
    db.execute("INSERT INTO article_chars(article_chars, rank) VALUES ('integrity-check', 1)")
    assert db.execute("SELECT count(*) FROM article_text WHERE article_id NOT IN "
                      "(SELECT id FROM articles)").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM articles WHERE id NOT IN "
                      "(SELECT article_id FROM article_text)").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM continuations WHERE from_article NOT IN "
                      "(SELECT id FROM articles) OR to_article NOT IN (SELECT id FROM articles)"
                      ).fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM pages WHERE issue_id NOT IN (SELECT id FROM issues)"
                      ).fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM issues WHERE paper_id NOT IN (SELECT id FROM papers)"
                      ).fetchone()[0] == 0


def dates_found(lib: Library, query: str) -> set[tuple[str, int]]:
    return {(h.date, h.page) for h in lib.search(query, limit=100)}


def test_remove_a_page(lib: Library) -> None:
    for query in ("稻", "倒春", "倒春寒"):  # each index: one character, two, a trigram
        assert dates_found(lib, query) == {("2024-03-15", 2), ("2024-03-16", 2)}
    plan = lib.removal("松河日报", "2024-03-15", 2)
    done = lib.remove("松河日报", "2024-03-15", 2)
    assert done == plan and done.pages == 1 and done.articles > 0
    issue_id = lib.find_issue("松河日报", "2024-03-15")
    issue = lib.load_issue(issue_id)
    assert [p.number for p in issue.pages] == [1, 3, 4]
    # Page 1's 下转第二版 now leads to a page not in the library; the other issue keeps its link.
    lead = issue.pages[0].articles[0]
    assert lead.continues_to is not None and lead.continues_to.page == 2
    assert lead.continues_to.article is None
    other = lib.load_issue(lib.find_issue("松河日报", "2024-03-16"))
    assert other.pages[0].articles[0].continues_to.article == 0
    for query in ("稻", "倒春", "倒春寒"):
        assert dates_found(lib, query) == {("2024-03-16", 2)}
    consistent(lib)


def test_remove_an_issue(lib: Library) -> None:
    kept = state(lib)[1]
    done = lib.remove("松河日报", "2024-03-16")
    assert (done.issues, done.pages) == (1, 4)
    assert [i.date for i in lib.issues()] == ["2024-03-15"]
    assert state(lib) == [state(lib)[0]] and state(lib)[0]["date"] == "2024-03-15"
    assert kept["date"] == "2024-03-16"
    assert {d for d, _ in dates_found(lib, "图书馆")} == {"2024-03-15"}
    consistent(lib)


def test_remove_a_paper(lib: Library) -> None:
    done = lib.remove("松河日报")
    assert (done.issues, done.pages) == (2, 8)
    assert lib.papers() == [] and lib.issues() == [] and lib.is_empty()
    assert lib.search("馆") == [] and lib.search("图书馆") == []
    assert lib.db.execute("SELECT count(*) FROM papers").fetchone()[0] == 0
    consistent(lib)


def test_the_last_page_takes_its_issue_along(tmp_path: Path, sample_dir: Path) -> None:
    with Library(tmp_path / "one.sqlite3") as lib:
        import_paths(lib, [sample_dir / "page1.txt"])
        lib.remove("松河日报", "2024-03-15", 1)
        assert lib.issues() == [] and lib.papers() == []
        consistent(lib)


def test_what_is_not_there_is_named_and_nothing_changes(lib: Library) -> None:
    before = state(lib)
    for args, words in ((("人民日报",), "no paper named 人民日报"),
                        (("松河日报", "2024-03-17"), "no issue dated 2024-03-17"),
                        (("松河日报", "2024-03-15", 9), "has no page 9")):
        with pytest.raises(LibraryError, match=words):
            lib.removal(*args)
        with pytest.raises(LibraryError, match=words):
            lib.remove(*args)
    assert state(lib) == before


def test_a_failed_removal_leaves_the_library_as_it_was(lib: Library, monkeypatch) -> None:
    before = state(lib)

    def broken(_issue_id: int) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(lib.writer, "_relink", broken)  # after the page's rows were deleted
    with pytest.raises(LibraryError):
        lib.remove("松河日报", "2024-03-15", 2)
    assert state(lib) == before
    consistent(lib)


def test_a_read_only_library_is_not_changed(tmp_path: Path, lib: Library) -> None:
    with Library(lib.path, readonly=True) as ro, pytest.raises(LibraryError, match="read-only"):
        ro.remove("松河日报")
    assert len(lib.issues()) == 2


def test_the_removal_is_in_the_library_file_itself(lib: Library) -> None:
    """Checkpointed like an import: a copy of the file alone (its -wal left behind) has it."""
    lib.remove("松河日报", "2024-03-16")
    uri = f"file:{lib.path}?immutable=1"  # reads the main file only, never the -wal
    with sqlite3.connect(uri, uri=True) as alone:
        assert alone.execute("SELECT date FROM issues").fetchall() == [("2024-03-15",)]


def test_a_removed_page_comes_back_by_importing_it(lib: Library, sample_dir: Path) -> None:
    before = state(lib)
    lib.remove("松河日报", "2024-03-15", 2)
    assert not import_paths(lib, [sample_dir / "page2.txt"]).errors
    assert state(lib) == before
    consistent(lib)
