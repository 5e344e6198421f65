"""`paper-reader remove --paper P [--date D [--page N]]`: asks on a terminal, refuses to
guess when nobody can be asked, and names what it took."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from paper_reader.core.library import Library

from .cli_support import run, sample_library


class Terminal(io.StringIO):
    """A stdin that is a terminal, with the reader's answer typed in."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def db(tmp_path: Path, sample_dir: Path, capsys) -> str:
    return sample_library(tmp_path, sample_dir, capsys)


def pages(db: str) -> list[int]:
    with Library(db, readonly=True) as lib:
        return [n for info in lib.issues() for n in info.pages]


def test_without_a_terminal_it_needs_yes(capsys, db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("y\n"))  # piped: not a terminal
    code, out, err = run(capsys, "remove", "--paper", "松河日报", "--db", db)
    assert code == 2 and out == "" and "--yes" in err and "nothing" not in out
    assert pages(db) == [1, 2, 3, 4]
    code, out, _ = run(capsys, "remove", "--paper", "松河日报", "--date", "2024-03-15", "--page", "2",
                       "--yes", "--db", db)
    assert code == 0 and out.strip() == "removed 松河日报 2024-03-15 第二版 (6 article(s))"
    assert pages(db) == [1, 3, 4]


@pytest.mark.parametrize("answer, removed", [("y\n", True), ("yes\n", True), ("n\n", False),
                                             ("\n", False), ("", False)])
def test_on_a_terminal_it_asks(capsys, db: str, monkeypatch: pytest.MonkeyPatch, answer: str,
                               removed: bool) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal(answer))
    code, out, err = run(capsys, "remove", "--paper", "松河日报", "--date", "2024-03-15", "--db", db)
    assert "Remove 松河日报 2024-03-15 (4 page(s), " in err and "cannot be undone" in err
    if removed:
        assert code == 0 and out.startswith("removed 松河日报 2024-03-15 (4 page(s), ")
        assert pages(db) == []
    else:
        assert code == 1 and "nothing was removed" in err and pages(db) == [1, 2, 3, 4]


def test_a_whole_paper(capsys, db: str) -> None:
    code, out, _ = run(capsys, "remove", "--paper", "松河日报", "--yes", "--db", db)
    assert code == 0 and out.startswith("removed 松河日报 (1 issue(s), 4 page(s), ")
    code, out, _ = run(capsys, "list", "--db", db)
    assert code == 0 and out == ""


def test_what_is_not_there_is_said(capsys, db: str, tmp_path: Path) -> None:
    for argv, words in ((["--paper", "人民日报"], "no paper named 人民日报"),
                        (["--paper", "松河日报", "--date", "2024-03-16"], "no issue dated 2024-03-16"),
                        (["--paper", "松河日报", "--date", "2024-03-15", "--page", "7"], "has no page 7")):
        code, out, err = run(capsys, "remove", *argv, "--yes", "--db", db)
        assert code == 1 and out == "" and words in err, err
    code, _, err = run(capsys, "remove", "--paper", "松河日报", "--page", "2", "--yes", "--db", db)
    assert code == 2 and "--page needs --date" in err
    assert pages(db) == [1, 2, 3, 4]
    missing = tmp_path / "none.sqlite3"
    code, _, err = run(capsys, "remove", "--paper", "松河日报", "--yes", "--db", str(missing))
    assert code == 1 and "no library here" in err and not missing.exists()
