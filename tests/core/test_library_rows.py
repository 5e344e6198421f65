"""Crafted rows in a library file (the schema intact, the values not what paper-reader
writes): every command and the window's start say "damaged" in one line, never crash.
Before, a negative continuation page or a BLOB title killed the window (SIGSEGV), and a
text page number, a garbage date or a huge page count ended list and export in tracebacks.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from paper_reader.__main__ import main
from paper_reader.core.importer import import_paths
from paper_reader.core.library import DamagedLibraryError, Library
from paper_reader.core.library.rows import MAX_PAGE, Rows

FIRST = "(SELECT min(id) FROM articles)"
# name: (statement, the commands that read the value and must say so)
CRAFTED = {
    "negative continuation page": (f"UPDATE articles SET continued_from_page = -3 WHERE id = {FIRST}",
                                   {"export"}),
    "blob title": ("UPDATE articles SET title = X'00ff10'", {"export", "search"}),
    "text page number": ("UPDATE pages SET number = 'two' WHERE number = 2", {"list", "export"}),
    "garbage date": ("UPDATE issues SET date = '2024-13-45'", {"list", "export"}),
    "huge page count": ("UPDATE issues SET page_count = 1000000000000", {"list", "export"}),
    "negative serial": ("UPDATE issues SET serial = -1", {"list", "export"}),
    "paragraphs not a list": ("UPDATE articles SET paragraphs = '{\"a\": 1}'", {"export", "search"}),
    "numbers among the paragraphs": ("UPDATE articles SET paragraphs = '[1, 2]'", {"export", "search"}),
    "masthead not an object": ("UPDATE issues SET masthead = '[1]'", {"export"}),
    "nested past the stack": ("UPDATE pages SET header = '" + "[" * 100000 + "'", {"export"}),
    "blob paper name": ("UPDATE papers SET name = X'e4b8ade69687'", {"list", "export", "search"}),
    "negative position": ("UPDATE articles SET position = -id", {"export", "search"}),
    "search date": ("UPDATE article_text SET date = 'yesterday'", {"search"}),
    "search page": ("UPDATE article_text SET page = 99999", {"search"}),
    "search text of a missing article": (
        "DELETE FROM articles WHERE id IN (SELECT article_id FROM article_text WHERE "
        "instr(body, '图书馆')) AND id NOT IN (SELECT from_article FROM continuations) "
        "AND id NOT IN (SELECT to_article FROM continuations)", {"search"}),
    "blob search text": ("UPDATE article_text SET body = X'e59bbee4b9a6e9a686'", {"search"}),
    "real continuation page": (f"UPDATE articles SET continues_to_page = 2.5 WHERE id = {FIRST}",
                               {"export"}),
}


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import SAMPLE

    path = tmp_path_factory.mktemp("good") / "library.sqlite3"
    with Library(path) as lib:
        assert not import_paths(lib, [SAMPLE]).errors
    return path


def crafted(good: Path, folder: Path, statement: str) -> Path:
    path = folder / "library.sqlite3"
    path.write_bytes(good.read_bytes())
    db = sqlite3.connect(path)
    db.execute(statement)
    db.commit()
    db.close()
    return path


@pytest.mark.parametrize("case", sorted(CRAFTED))
def test_every_command_says_damaged_in_one_line(capsys, good: Path, tmp_path: Path, case: str) -> None:
    statement, readers = CRAFTED[case]
    path = crafted(good, tmp_path, statement)
    before = path.read_bytes()
    for argv in (["list"], ["export", "--json"], ["search", "图书馆"]):
        code = main([*argv, "--db", str(path)])
        _, err = capsys.readouterr()
        assert "Traceback" not in err
        if argv[0] in readers:
            lines = err.strip().splitlines()
            assert code == 1 and len(lines) == 1, (argv, err)
            assert lines[0].startswith(f"paper-reader: {path}: the library file is damaged ("), err
        else:
            assert code in (0, 1), (argv, err)
    assert path.read_bytes() == before


@pytest.mark.parametrize("case", sorted(CRAFTED))
def test_the_window_start_says_damaged(qapp, good: Path, tmp_path: Path, case: str) -> None:
    from paper_reader.app import build
    from paper_reader.ui.shell.startup import check_library

    statement, readers = CRAFTED[case]
    path = crafted(good, tmp_path, statement)
    opens = check_library(path, interactive=False)
    assert opens == ("export" not in readers)  # the start reads the newest issue whole
    if opens:  # damage in nothing the start reads (search text): the window opens
        parts = build(path)
        parts.window.close()
        parts.library.close()


@pytest.mark.parametrize("case", ["negative continuation page", "blob title", "text page number",
                                  "huge page count"])
def test_the_window_process_does_not_crash(good: Path, tmp_path: Path, case: str) -> None:
    """In a process of its own: these crashed the window with SIGSEGV."""
    path = crafted(good, tmp_path, CRAFTED[case][0])
    home = tmp_path / "home"
    env = {**os.environ, "PAPER_READER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "paper_reader", "--db", str(path), "--screenshot",
                           str(tmp_path / "shot.png")], capture_output=True, text=True, timeout=120,
                          env=env)
    assert done.returncode == 1, (done.returncode, done.stderr[-2000:])
    lines = done.stderr.strip().splitlines()
    assert lines and lines[-1].startswith(f"paper-reader: {path}: the library file is damaged ("), done.stderr
    assert "Traceback" not in done.stderr


def test_a_damaged_issue_opened_later_is_reported_not_crashed(good: Path, tmp_path: Path) -> None:
    path = crafted(good, tmp_path, CRAFTED["blob title"][0])
    with Library(path) as lib:
        assert lib.issues() and lib.papers()  # what the lists need is whole
        with pytest.raises(DamagedLibraryError, match="the title of article .* a blob of 3 bytes"):
            lib.load_issue(lib.latest_issue())


def test_the_checks() -> None:
    check = Rows(Path("lib"))
    assert check.date("2024-02-29", "d") == "2024-02-29"
    for bad in ("2023-02-29", "2024-04-31", "２０２４-01-01", "2024-1-01", 20240101, None, "2024-00-10"):
        with pytest.raises(DamagedLibraryError):
            check.date(bad, "d")
    assert check.page(MAX_PAGE, "p") == MAX_PAGE
    for bad in (0, -1, MAX_PAGE + 1, "3", 3.0, True, b"3"):
        with pytest.raises(DamagedLibraryError):
            check.page(bad, "p")
    assert check.texts('["a", "b"]', "t") == ["a", "b"]
    for bad in ('["a", null]', "{}", "[", b"[]", '"a"'):
        with pytest.raises(DamagedLibraryError):
            check.texts(bad, "t")
    with pytest.raises(DamagedLibraryError, match="at most 5"):
        check.text("abcdef", "t", 5)


def test_what_would_not_read_back_is_not_written(tmp_path: Path, sample_dir: Path) -> None:
    """A page count past any paper's is kept as printed in the masthead, not as a count."""
    from paper_reader.core.importer import parse_path

    issue = parse_path(sample_dir)
    issue.page_count = 10**12
    with Library(tmp_path / "library.sqlite3") as lib:
        lib.import_issues([issue])
        info = lib.issue_info(lib.latest_issue())
        assert info.page_count is None and info.pages == [1, 2, 3, 4]
        assert lib.load_issue(info.id).masthead == issue.masthead
