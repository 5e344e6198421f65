"""Faults during an import: the disk fills, the library becomes read-only.

How the faults are made (no mounts, nothing that could harm the machine):

- disk full: SQLite's ``PRAGMA max_page_count`` set to the file's current size on the
  importing connection, so the next page the import needs fails with SQLITE_FULL, exactly
  what a full disk gives. Set between two pages of the import (through the importer's
  ``cancelled`` poll) at every page of a 20-page import, and at open for the command line
  and the window;
- read-only: ``PRAGMA query_only`` switched on between two pages (SQLite then refuses the
  next write with SQLITE_READONLY, as for a file that became read-only), and the library
  opened through a ``mode=ro`` URI by the command line and the window (a read-only file or
  folder; chmod cannot show it here, the tests run as root).

Each time: a plain message, nothing changed in the library (same export, integrity ok),
and the same import succeeds once the fault is gone.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from paper_reader.core.importer import import_paths
from paper_reader.core.library import DamagedLibraryError, Library, LibraryError
from paper_reader.core.library import connection as library_module
from paper_reader.core.library.connection import Connection

from .conftest import row

DISK_FULL = "the disk is full; nothing was changed"
READ_ONLY = "cannot be written"
# The same, as the window says them (ui.problem_text).
DISK_FULL_SHOWN, READ_ONLY_SHOWN = "磁盘已满，书库没有任何改动", "书库无法写入"


@pytest.fixture(scope="module")
def batches(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list[Path]]:
    """Two batches of five generated issues (20 pages each)."""
    import datetime as dt

    from benchmarks.archive import write_archive

    root = tmp_path_factory.mktemp("archive")
    first = write_archive(root / "a", 5, dt.date(2010, 1, 1))
    second = write_archive(root / "b", 5, dt.date(2011, 1, 1))
    return first, second


def state(path: Path) -> tuple[str, list[dict]]:
    with Library(path, readonly=True) as lib:
        return lib.integrity_check(), [i.to_dict() for i in lib.export()]


def library_with(tmp_path: Path, folders: list[Path]) -> Path:
    path = tmp_path / "library.sqlite3"
    with Library(path) as lib:
        assert not import_paths(lib, folders).errors
    return path


def pin(db: sqlite3.Connection) -> None:
    """From now on the file cannot grow: SQLITE_FULL on the next page it needs."""
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")


def fault_after(lib: Library, k: int, fault: str):  # type: ignore[no-untyped-def]
    """The importer's cancel poll (called before each page), used to make the fault at page k."""
    polls = []

    def cancelled() -> bool:
        polls.append(1)
        if len(polls) == k:
            if fault == "disk full":
                pin(lib.db)
            else:
                lib.db.execute("PRAGMA query_only = ON")
        return False

    return cancelled


@pytest.mark.parametrize("fault", ["disk full", "read-only"])
def test_fault_between_any_two_pages_changes_nothing(tmp_path: Path, batches, fault: str) -> None:
    first, second = batches
    path = library_with(tmp_path, first)
    before = state(path)
    r = row("Faults", f"{fault} during an import (library API)",
            ("PRAGMA max_page_count pinned to the file's size" if fault == "disk full" else
             "PRAGMA query_only switched on") +
            " between page k and k+1 of a 20-page import, for every k; then the import again")
    for k in range(1, 21):
        with Library(path) as lib:
            report = import_paths(lib, second, cancelled=fault_after(lib, k, fault))
            want = DISK_FULL if fault == "disk full" else READ_ONLY
            ok = (report.library_error is not None and want in report.library_error
                  and not report.results and state(path) == before)
            # A full disk may leave room for a page or two: the fault must then come later.
            if not ok and not report.errors and k > 1:
                r.add("import fitted in the room left")
                continue
            if not ok:
                r.fail(f"k={k}: {report.errors}")
                raise AssertionError((k, report.errors))
            r.add("refused with a plain message, library unchanged")
            lib.db.execute("PRAGMA query_only = OFF")
            lib.db.execute("PRAGMA max_page_count = 1073741823")
            again = import_paths(lib, second)
            assert not again.errors and again.count("imported") == 20
        # Back to the state before, for the next k: a fresh copy of the library.
        path.unlink()
        for side in ("-wal", "-shm"):
            Path(str(path) + side).unlink(missing_ok=True)
        library_with(tmp_path, first)


def test_disk_full_while_a_new_library_is_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    r = row("Faults", "disk full while a new library is created",
            "max_page_count = 1 before the schema is written")
    original = Connection._check_and_migrate

    def full(self: Connection) -> None:
        self.db.execute("PRAGMA max_page_count = 1")
        original(self)

    monkeypatch.setattr(Connection, "_check_and_migrate", full)
    with pytest.raises(LibraryError) as err:
        Library(tmp_path / "new.sqlite3")
    assert not isinstance(err.value, DamagedLibraryError)  # never offered to be set aside
    assert "disk is full" in str(err.value)
    r.add("plain message, not called damaged")


def ro_connect(real=sqlite3.connect):  # type: ignore[no-untyped-def]
    """sqlite3.connect, but every library file opens read-only, as from a read-only folder."""
    def connect(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if not kwargs.get("uri"):
            path, kwargs["uri"] = f"file:{path}?mode=ro", True
        return real(path, *args, **kwargs)

    return connect


def pinned_library(real=Library):  # type: ignore[no-untyped-def]
    class Pinned(real):  # type: ignore[misc, valid-type]
        def __init__(self, *a, **k) -> None:  # type: ignore[no-untyped-def]
            super().__init__(*a, **k)
            pin(self.db)

    return Pinned


@pytest.mark.parametrize("fault", ["disk full", "read-only file"])
def test_command_line_says_so_in_one_line(tmp_path: Path, batches, fault: str, capsys,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from paper_reader.__main__ import main
    from paper_reader.cli import commands as cli

    first, second = batches
    path = library_with(tmp_path, first)
    before = state(path)
    r = row("Faults", f"{fault}: paper-reader import",
            "the command line's library connection pinned (max_page_count) or opened mode=ro")
    if fault == "disk full":
        monkeypatch.setattr(cli, "Library", pinned_library())
    else:
        monkeypatch.setattr(library_module.sqlite3, "connect", ro_connect())
    code = main(["import", *map(str, second), "--db", str(path)])
    out, err = capsys.readouterr()
    monkeypatch.undo()
    want = DISK_FULL if fault == "disk full" else READ_ONLY
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert code == 1 and "Traceback" not in err, err
    assert len(errors) == 1 and want in errors[0], err
    assert state(path) == before
    r.add("exit 1, one plain line, library unchanged")


def test_read_only_folder_for_a_new_library(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    from paper_reader.__main__ import main

    r = row("Faults", "read-only folder: a new library cannot be made",
            "the command line's connection opened mode=ro where no library exists yet")
    monkeypatch.setattr(library_module.sqlite3, "connect", ro_connect())
    from tests.conftest import SAMPLE

    code = main(["import", str(SAMPLE), "--db", str(tmp_path / "new.sqlite3")])
    _, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "cannot be opened" in err and "damaged" not in err, err
    r.add("exit 1, one plain line, not called damaged")


@pytest.mark.parametrize("fault", ["disk full", "read-only file"])
def test_window_import_says_so_and_keeps_reading(qtbot, tmp_path: Path, batches, fault: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from paper_reader.app import build
    from paper_reader.ui.tools import import_thread

    first, second = batches
    path = library_with(tmp_path, first)
    before = state(path)
    r = row("Faults", f"{fault}: import from the window",
            "the import thread's library connection pinned (max_page_count) or opened mode=ro")
    parts = build(path)
    qtbot.addWidget(parts.window)
    try:
        if fault == "disk full":
            monkeypatch.setattr(import_thread, "Library", pinned_library())
        else:
            monkeypatch.setattr(library_module.sqlite3, "connect", ro_connect())
        with qtbot.waitSignal(parts.importer.finished, timeout=30000) as blocker:
            parts.importer.start([str(f) for f in second])
        report, cancelled = blocker.args
        monkeypatch.undo()
        text = parts.window.info_bar.label.text()
        want = DISK_FULL_SHOWN if fault == "disk full" else READ_ONLY_SHOWN
        assert not cancelled and want in text and "书库保持原样" in text, text
        assert state(path) == before
        parts.reader.turn(1)  # the window reads on
        assert parts.reader.location.page == 2
        r.add("message in the window, library unchanged, reading goes on")
    finally:
        parts.library.close()
