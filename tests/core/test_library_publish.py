"""The library file alone is the whole library after every import and close (checkpointed),
a copy that lacks its -wal says so plainly, and ``paper-reader library publish DEST`` writes
a whole, self-contained copy atomically."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from paper_reader.__main__ import main
from paper_reader.core.importer import import_paths
from paper_reader.core.library import Library, LibraryError
from paper_reader.core.library.readonly import connect_readonly, is_wal_file
from paper_reader.kiosk.library import KioskLibrary


def wal_size(path: Path) -> int:
    wal = path.with_name(path.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def file_alone(path: Path, folder: Path) -> Path:
    """The library file copied without its -wal and -shm, as a careless copy does."""
    folder.mkdir(exist_ok=True)
    return Path(shutil.copy(path, folder / path.name))


def test_an_import_is_in_the_file_itself(capsys, tmp_path: Path, sample_dir: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with Library(path) as window:  # another connection stays open: SQLite's close-time
        assert main(["import", str(sample_dir), "--db", str(path)]) == 0  # checkpoint is not enough
        capsys.readouterr()
        assert wal_size(path) == 0
        with KioskLibrary(file_alone(path, tmp_path / "kiosk")) as kiosk:
            assert [i.date for i in kiosk.issues()] == ["2024-03-15"]
        assert window.latest_issue() is not None


def test_closing_the_library_checkpoints(tmp_path: Path, sample_dir: Path) -> None:
    path = tmp_path / "library.sqlite3"
    reader = Library(path)
    writer = Library(path)
    writer.db.execute("PRAGMA wal_autocheckpoint = 0")
    with writer.transaction() as db:  # a write that checkpoints nothing by itself
        db.execute("INSERT INTO papers(name) VALUES ('松河晚报')")
    assert wal_size(path) > 0
    writer.close()
    assert wal_size(path) == 0
    reader.close()


def test_a_copy_without_its_wal_says_what_to_do(capsys, tmp_path: Path, sample_dir: Path) -> None:
    """The old trap: the data still in -wal, the file copied alone to a kiosk."""
    path = tmp_path / "library.sqlite3"
    lib = Library(path)  # new: the schema is in -wal until a checkpoint
    try:
        assert wal_size(path) > 0
        copy = file_alone(path, tmp_path / "kiosk")
        assert is_wal_file(copy)
        for open_ in (KioskLibrary, lambda p: Library(p, readonly=True)):
            with pytest.raises(LibraryError) as caught:
                open_(copy)
            said = str(caught.value)
            assert str(copy) in said and "library publish" in said and "staff machine" in said
            assert "upgrade" not in said and "\n" not in said
        assert main(["list", "--db", str(copy)]) == 1
        err = capsys.readouterr().err
        assert "library publish" in err and "upgrade" not in err
    finally:
        lib.close()


class ReadonlyFolder(sqlite3.OperationalError):
    sqlite_errorname = "SQLITE_READONLY_DIRECTORY"


def test_a_wal_with_data_in_a_read_only_folder_is_not_ignored(tmp_path: Path, sample_dir: Path) -> None:
    """immutable=1 would read the file without its -wal: refused, saying what to do."""
    path = tmp_path / "library.sqlite3"
    writer = Library(path)
    try:
        writer.db.execute("PRAGMA wal_autocheckpoint = 0")
        with writer.transaction() as db:
            db.execute("INSERT INTO papers(name) VALUES ('松河晚报')")
        assert wal_size(path) > 0

        def connect(database: str, **kw):  # type: ignore[no-untyped-def]
            if "immutable" not in database:
                raise ReadonlyFolder("attempt to write a readonly database")
            return sqlite3.connect(database, **kw)

        with pytest.raises(LibraryError, match="library publish") as caught:
            connect_readonly(path, connect)
        assert str(path) in str(caught.value)
    finally:
        writer.close()


# -- publish -------------------------------------------------------------------------
@pytest.fixture
def library(tmp_path: Path, sample_dir: Path) -> Path:
    path = tmp_path / "staff" / "library.sqlite3"
    with Library(path) as lib:
        assert not import_paths(lib, [sample_dir]).errors
    return path


def publish(capsys, library: Path, dest: Path) -> tuple[int, str]:
    code = main(["library", "publish", str(dest), "--db", str(library)])
    out, err = capsys.readouterr()
    return code, err


def test_publish_writes_a_whole_self_contained_copy(capsys, library: Path, tmp_path: Path) -> None:
    dest = tmp_path / "kiosk" / "library.sqlite3"
    dest.parent.mkdir()
    with Library(library) as open_elsewhere:  # the staff window is open, its last write in -wal
        open_elsewhere.db.execute("PRAGMA wal_autocheckpoint = 0")
        with open_elsewhere.transaction() as db:
            db.execute("UPDATE papers SET pinyin = 'SONGHE RIBAO'")
        assert wal_size(library) > 0
        code, err = publish(capsys, library, dest)
        assert code == 0, err
        assert not is_wal_file(dest)  # rollback mode: read-only media need no -wal or -shm
        assert sorted(p.name for p in dest.parent.iterdir()) == ["library.sqlite3"]
        with KioskLibrary(dest) as kiosk, Library(library, readonly=True) as staff:
            assert kiosk.export() == staff.export()
            assert kiosk.db.execute("SELECT pinyin FROM papers").fetchone()[0] == "SONGHE RIBAO"


def test_publish_replaces_the_old_copy_in_one_rename(capsys, library: Path, tmp_path: Path) -> None:
    dest = tmp_path / "library.sqlite3"
    dest.write_bytes(b"yesterday's copy")
    old = os.stat(dest).st_ino
    code, err = publish(capsys, library, dest)
    assert code == 0, err
    assert os.stat(dest).st_ino != old  # a new file renamed over it, never rewritten in place
    assert not [p for p in tmp_path.iterdir() if "publish" in p.name]  # no temporary left
    with KioskLibrary(dest) as kiosk:
        assert kiosk.latest_issue() is not None


def test_publish_refuses_a_link_a_folder_a_pipe_and_the_library(capsys, library: Path,
                                                                tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("not to be touched")
    link = tmp_path / "link.sqlite3"
    link.symlink_to(target)
    folder = tmp_path / "folder"
    folder.mkdir()
    pipe = tmp_path / "pipe.sqlite3"
    os.mkfifo(pipe)
    for dest, said in ((link, "symbolic link"), (folder, "not a regular file"),
                       (pipe, "not a regular file"), (library, "the library itself")):
        code, err = publish(capsys, library, dest)
        assert code == 1 and said in err and len(err.strip().splitlines()) == 1, err
    assert target.read_text() == "not to be touched" and link.is_symlink()
    assert sorted(p.name for p in folder.iterdir()) == []
    assert not [p for p in tmp_path.iterdir() if "publish" in p.name]


def test_publish_refuses_a_library_in_use(capsys, library: Path, tmp_path: Path) -> None:
    """A -wal beside DEST would be applied to the new copy by the next reader."""
    dest = tmp_path / "used.sqlite3"
    shutil.copy(library, dest)
    user = Library(dest)
    try:
        user.db.execute("PRAGMA wal_autocheckpoint = 0")
        with user.transaction() as db:
            db.execute("INSERT INTO papers(name) VALUES ('松河晚报')")
        before = dest.read_bytes()
        code, err = publish(capsys, library, dest)
        assert code == 1 and "in use" in err, err
        assert dest.read_bytes() == before
    finally:
        user.close()
