"""A library whose schema is not exactly the one paper-reader made is refused, never
written: another program's trigger would otherwise run on our writes (one planted in a
library deleted the whole archive during an import that reported success)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from paper_reader.__main__ import main
from paper_reader.core.importer import import_paths
from paper_reader.core.library import ForeignLibraryError, Library, LibraryError
from paper_reader.kiosk.library import KioskLibrary

PLANTED = {
    "trigger": "CREATE TRIGGER wipe AFTER INSERT ON pages BEGIN DELETE FROM issues; END",
    "looping trigger": "CREATE TRIGGER again AFTER INSERT ON article_text BEGIN "
                       "UPDATE papers SET pinyin = pinyin || 'x'; END",
    "view": "CREATE VIEW everything AS SELECT * FROM articles",
    "index": "CREATE INDEX papers_pinyin ON papers(pinyin)",
    "changed table": "ALTER TABLE papers ADD COLUMN note TEXT",
    "trigger on a search table": "CREATE TRIGGER chars AFTER INSERT ON article_fts_data BEGIN "
                                 "DELETE FROM pages; END",
}


@pytest.fixture
def good(sample_library: Path) -> Path:
    return sample_library


def plant(path: Path, statement: str) -> None:
    db = sqlite3.connect(path)
    db.execute(statement)
    db.commit()
    db.close()  # the last connection: the change is checkpointed into the file itself


def state(path: Path) -> tuple[bytes, int]:
    """The file's bytes, and what its -wal holds (where a write would go first); the -shm
    is only SQLite's index of the -wal, made by any reader."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes(), wal.stat().st_size if wal.exists() else 0


@pytest.mark.parametrize("kind", sorted(PLANTED))
def test_a_changed_schema_is_refused_and_never_written(capsys, good: Path, sample_dir: Path,
                                                       kind: str) -> None:
    plant(good, PLANTED[kind])
    before = state(good)
    for readonly in (False, True):
        with pytest.raises(ForeignLibraryError, match="not the one paper-reader made") as caught:
            Library(good, readonly=readonly)
        assert str(good) in str(caught.value) and "\n" not in str(caught.value)
    with pytest.raises(ForeignLibraryError):
        KioskLibrary(good)
    for argv in (["import", str(sample_dir)], ["list"], ["export", "--json"], ["search", "图书馆"],
                 ["library", "publish", str(good.parent / "copy.sqlite3")]):
        code = main([*argv, "--db", str(good)])
        err = capsys.readouterr().err
        assert code == 1, argv
        lines = err.strip().splitlines()
        assert len(lines) == 1 and "not the one paper-reader made" in lines[0], err
    assert state(good) == before
    assert not (good.parent / "copy.sqlite3").exists()


def test_the_window_refuses_it_too(qapp, good: Path) -> None:
    from paper_reader.ui.shell.startup import check_library

    plant(good, PLANTED["trigger"])
    before = state(good)
    assert not check_library(good, interactive=False)
    assert state(good) == before


def test_a_trigger_planted_while_open_stops_the_next_write(good: Path, sample_dir: Path,
                                                           tmp_path: Path) -> None:
    """Checked again under the write lock, where nobody can change it until COMMIT."""
    changed = tmp_path / "changed"
    changed.mkdir()
    for page in sample_dir.glob("*.txt"):  # a re-import that replaces pages: rows are deleted
        (changed / page.name).write_text(page.read_text(encoding="utf-8").replace("图书馆", "书馆"),
                                         encoding="utf-8")
    with Library(good) as lib:
        before = lib.export()
        plant(good, PLANTED["trigger"])
        report = import_paths(lib, [changed])
        assert report.library_error and "not the one paper-reader made" in report.library_error
        assert lib.export() == before


def test_code_in_the_file_is_not_trusted(good: Path) -> None:
    for lib in (Library(good), Library(good, readonly=True), KioskLibrary(good)):
        with lib:
            assert lib.db.execute("PRAGMA trusted_schema").fetchone()[0] == 0


def test_our_own_trigger_still_keeps_the_indexes(good: Path, sample_dir: Path, tmp_path: Path) -> None:
    """Replacing pages deletes their search rows through the library's own trigger."""
    changed = tmp_path / "changed"
    changed.mkdir()
    for page in sample_dir.glob("*.txt"):
        (changed / page.name).write_text(page.read_text(encoding="utf-8").replace("图书馆", "藏书楼"),
                                         encoding="utf-8")
    with Library(good) as lib:
        assert lib.search("图书馆")
        report = import_paths(lib, [changed])
        assert not report.errors and report.count("replaced")
        assert not lib.search("图书馆") and lib.search("藏书楼")
        assert lib.db.execute("PRAGMA trusted_schema").fetchone()[0] == 0


def test_sqlites_own_statistics_are_not_foreign(good: Path) -> None:
    plant(good, "ANALYZE")
    with Library(good) as lib:
        assert lib.latest_issue() is not None


def test_another_programs_file_is_still_not_a_library(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    plant(path, "CREATE TABLE notes(x)")
    with pytest.raises(LibraryError, match="not a paper-reader library"):
        Library(path)
