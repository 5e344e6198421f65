"""A library limited to some papers (a kiosk's) reads nothing of any other paper, through
every public method, found by introspection: a new reader method is covered as soon as it
is written, and this test says how to call it if it takes an argument not seen before.

The oracle: the shown paper imported first into two files, one holding it alone and one
holding it and then another paper, gives both the same row ids; limited to the shown
paper, the second must answer every call exactly as the first does."""

from __future__ import annotations

import inspect
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from paper_reader.core.importer import import_paths, parse_path
from paper_reader.core.library import Library, LibraryError, SearchQuery
from paper_reader.core.library.connection import Connection
from paper_reader.core.library.read import LibraryReader
from paper_reader.core.library.store import LibraryWriter
from paper_reader.kiosk.library import KioskLibrary
from tests.pdf_issue import ISSUE_PDF, digest, page_pdf_file, pdf_issue

SHOWN, HIDDEN, ABSENT = "松河晚报", "松河日报", "人民日报"


def pages(sample_dir: Path, tmp: Path, paper: str, days: tuple[str, ...]) -> list[Path]:
    """The sample issue, renamed to ``paper`` and dated on each of ``days`` (March 2024)."""
    folders = []
    for day in days:
        folder = tmp / f"{paper}-{day}"
        folder.mkdir(parents=True)
        for page in sample_dir.glob("*.txt"):
            text = page.read_text(encoding="utf-8").replace("2024年3月15日", f"2024年3月{day}日")
            (folder / page.name).write_text(text.replace("松河日报", paper), encoding="utf-8")
        folders.append(folder)
    return folders


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from tests.conftest import SAMPLE

    tmp = tmp_path_factory.mktemp("scope")
    shown = pages(SAMPLE, tmp / "pages", SHOWN, ("15", "16"))
    hidden = pages(SAMPLE, tmp / "pages", HIDDEN, ("15", "17"))  # one date the shown lacks
    made = {"one": tmp / "one.sqlite3", "two": tmp / "two.sqlite3", "empty": tmp / "empty.sqlite3",
            "hidden pages": hidden[1]}
    for name, batches in (("one", [shown]), ("two", [shown, hidden]), ("empty", [])):
        with Library(made[name]) as lib:
            for batch in batches:  # the shown paper first: its rows get the same ids in both
                report = import_paths(lib, batch)
                assert not report.errors, report.errors
                # and an issue from PDFs: one file a page for the shown paper, one file for
                # the whole issue for the other (see page_pdf)
                issue = pdf_issue(whole=batch is hidden)
                issue.paper, issue.date = (HIDDEN if batch is hidden else SHOWN), "2024-03-18"
                lib.import_issues([issue])
    return made


# Arguments each parameter is tried with, by name; the hidden paper's ids come from the file.
def candidates(files: dict[str, Path]) -> dict[str, list[Any]]:
    with Library(files["two"], readonly=True) as two:
        issue_ids = [info.id for info in two.issues()]
    queries: list[Any] = [SearchQuery(text, paper, *dates)
                          for text in ("图书馆", "馆", "春耕")
                          for paper in (None, SHOWN, HIDDEN)
                          for dates in ((None, None), ("2024-03-16", "2024-03-17"))]
    return {
        "paper": [None, SHOWN, HIDDEN, ABSENT],
        "date": [None, "2024-03-15", "2024-03-16", "2024-03-17"],
        "issue_id": [*issue_ids, 999],
        "step": [-1, 1],
        "query": [*queries, "图书馆"],
        "limit": [3, 100],
        "page": [None, 1, 3],
        "issues": [[parse_path(files["hidden pages"])]],
        "digest": [digest(page_pdf_file(1).read_bytes()), digest(ISSUE_PDF.read_bytes()),
                   "0" * 64, "not a digest"],
        "cancelled": [None],
        "refused": [None],
        "stored": [None],
    }


def public(cls: type) -> set[str]:
    return {name for name, value in vars(cls).items()
            if not name.startswith("_") and inspect.isfunction(value)}


def calls(method: Callable[..., Any], known: dict[str, list[Any]]) -> list[dict[str, Any]]:
    params = [p for p in inspect.signature(method).parameters.values() if p.name != "self"]
    unknown = [p.name for p in params if p.name not in known]
    assert not unknown, (f"{method.__qualname__}: say in this test what to try for {unknown}, "
                         "so that the scope is checked for it")
    return [dict(zip([p.name for p in params], values, strict=True))
            for values in itertools.product(*(known[p.name] for p in params))]


def outcome(lib: Library, name: str, kwargs: dict[str, Any]) -> tuple[str, Any]:
    try:
        return "value", getattr(lib, name)(**kwargs)
    except LibraryError as exc:
        return "refused", type(exc).__name__


def test_the_library_offers_what_its_parts_do_and_nothing_else() -> None:
    """Every read and write goes through the reader or the writer, where the scope is."""
    reads_and_writes = public(LibraryReader) | public(LibraryWriter)
    assert reads_and_writes <= public(Library), reads_and_writes - public(Library)
    assert public(Library) <= reads_and_writes | public(Connection), \
        public(Library) - reads_and_writes - public(Connection)
    assert {"papers", "issues", "issue_dates", "latest_issue", "find_issue", "load_issue", "export",
            "search", "neighbour_issue", "issue_stamp", "is_empty", "removal"} <= reads_and_writes


@pytest.mark.parametrize(("papers", "reference"), [((SHOWN,), "one"), ((ABSENT,), "empty"),
                                                  ((SHOWN, HIDDEN), "two")])
def test_every_read_honours_the_scope(files: dict[str, Path], papers: tuple[str, ...],
                                      reference: str) -> None:
    known = candidates(files)
    with Library(files["two"], readonly=True, papers=papers) as scoped, \
            Library(files[reference], readonly=True) as expected:
        for name in sorted(public(LibraryReader) | public(LibraryWriter)):
            for kwargs in calls(getattr(LibraryReader, name, None) or getattr(LibraryWriter, name),
                                known):
                got, want = outcome(scoped, name, kwargs), outcome(expected, name, kwargs)
                assert got == want, (name, kwargs, got, want)


def test_the_scope_is_what_hides_the_other_paper(files: dict[str, Path]) -> None:
    """The comparison above could fail: without the scope, every read that answers at all
    answers differently for some argument (the other paper shows), and the writes refuse."""
    known = candidates(files)
    with Library(files["two"], readonly=True) as everything, \
            Library(files["one"], readonly=True) as one, Library(files["empty"], readonly=True) as empty:
        for name in sorted(public(LibraryReader) | public(LibraryWriter)):
            method = getattr(LibraryReader, name, None) or getattr(LibraryWriter, name)
            tried = [(outcome(everything, name, kw), outcome(one, name, kw), outcome(empty, name, kw))
                     for kw in calls(method, known)]
            if all(answer[0] == "refused" for row in tried for answer in row):
                assert name in public(LibraryWriter), name  # a write, on a read-only library
                continue
            assert any(all_ != only for all_, only, _ in tried) or \
                any(all_ != none for all_, _, none in tried), f"{name} never shows the other paper"


def test_a_library_limited_to_some_papers_is_read_only(files: dict[str, Path]) -> None:
    with pytest.raises(ValueError, match="read-only"):
        Library(files["two"], papers=(SHOWN,))
    with KioskLibrary(files["two"], (SHOWN,)) as kiosk:
        assert kiosk.readonly and kiosk.scope.papers == (SHOWN,)
        with pytest.raises(LibraryError, match="read-only"):
            kiosk.remove(SHOWN)


def test_a_scope_of_many_papers(files: dict[str, Path]) -> None:
    """More names than SQLite takes arguments (a long configured list)."""
    many = (*(f"报{n}" for n in range(40_000)), SHOWN)
    with Library(files["two"], readonly=True, papers=many) as lib:
        assert [p.name for p in lib.papers()] == [SHOWN]
        assert {h.paper for h in lib.search("图书馆", limit=100)} == {SHOWN}
