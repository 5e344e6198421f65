"""The kiosk's library: read-only even where its folder is, only the papers shown."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from paper_reader.core.library import Library, LibraryError, SearchQuery
from paper_reader.core.library.readonly import connect_readonly, file_uri, is_wal_file
from paper_reader.kiosk.library import KioskLibrary

from .conftest import make_library

ROOT = Path(__file__).resolve().parents[2]


def fingerprint(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


class ReadonlyFolder(sqlite3.OperationalError):
    sqlite_errorname = "SQLITE_READONLY_DIRECTORY"


def test_wal_file_in_a_folder_it_cannot_write_is_opened_immutable(kiosk_library: Path) -> None:
    """The retry logic, with SQLite's refusal simulated (the tests run as root, who may write
    anywhere): mode=ro first, then immutable=1."""
    assert is_wal_file(kiosk_library)
    tried: list[str] = []

    def connect(database: str, **kw):  # type: ignore[no-untyped-def]
        tried.append(database)
        if "immutable" not in database:
            raise ReadonlyFolder("attempt to write a readonly database")
        return sqlite3.connect(database, **kw)

    db, immutable = connect_readonly(kiosk_library, connect)
    assert immutable and tried[0].endswith("?mode=ro") and tried[1].endswith("?mode=ro&immutable=1")
    assert db.execute("SELECT count(*) FROM issues").fetchone()[0] == 2
    db.close()
    lib = KioskLibrary(kiosk_library, connect=connect)
    assert lib.immutable and lib.latest_issue() is not None
    lib.close()


def test_other_errors_are_not_retried(tmp_path: Path, kiosk_library: Path) -> None:
    tried: list[str] = []

    def connect(database: str, **kw):  # type: ignore[no-untyped-def]
        tried.append(database)
        raise sqlite3.OperationalError("disk I/O error")

    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        connect_readonly(kiosk_library, connect)
    assert len(tried) == 1
    rollback = tmp_path / "rollback.sqlite3"  # not WAL: nothing to gain from immutable
    sqlite3.connect(rollback).execute("CREATE TABLE t(x)").connection.close()
    assert not is_wal_file(rollback)
    tried.clear()

    def refuse(database: str, **kw):  # type: ignore[no-untyped-def]
        tried.append(database)
        raise ReadonlyFolder("attempt to write a readonly database")

    with pytest.raises(sqlite3.OperationalError):
        connect_readonly(rollback, refuse)
    assert len(tried) == 1


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("setpriv"),
                    reason="needs root and setpriv to become an unprivileged user")
def test_as_an_unprivileged_user_in_a_read_only_folder(sample_dir: Path) -> None:
    """The real thing: a user who may not write the folder (chmod 555) still reads it."""
    top = Path(tempfile.mkdtemp(prefix="kiosk-ro-"))
    try:
        folder = top / "shared"
        folder.mkdir()
        make_library(folder / "library.sqlite3", sample_dir, top / "pages")
        path = folder / "library.sqlite3"
        assert is_wal_file(path) and not path.with_name("library.sqlite3-wal").exists()
        before = fingerprint(path)
        os.chmod(path, 0o444)
        os.chmod(folder, 0o555)
        os.chmod(top, 0o755)
        # Copies of the package (and OpenCC, for folding the query) that the other user can
        # read whatever the checkout's permissions (a clone in a private temporary folder).
        import opencc

        for package in (ROOT / "src" / "paper_reader", Path(opencc.__file__).parent):
            shutil.copytree(package, top / "code" / package.name,
                            ignore=shutil.ignore_patterns("__pycache__"))
        for place in (top / "code", *(top / "code").rglob("*")):
            os.chmod(place, 0o755 if place.is_dir() else 0o644)
        probe = ("import sys; sys.path.insert(0, sys.argv[2])\n"
                 "from paper_reader.kiosk.library import KioskLibrary\n"
                 "lib = KioskLibrary(sys.argv[1])\n"
                 "print(lib.immutable, len(lib.issues()), len(lib.search('图书馆')))\n")
        done = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                               sys.executable, "-c", probe, str(path), str(top / "code")],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert done.stdout.split() == ["True", "2", str(done.stdout.split()[2])]
        assert int(done.stdout.split()[2]) > 0
        assert fingerprint(path) == before
        assert sorted(p.name for p in folder.iterdir()) == ["library.sqlite3"]
    finally:
        os.chmod(top / "shared", 0o755)
        shutil.rmtree(top)


def test_odd_folder_names_in_the_uri(tmp_path: Path, sample_dir: Path) -> None:
    path = make_library(tmp_path / "a?b#c%20 d" / "library.sqlite3", sample_dir, tmp_path / "pages")
    assert "%3F" in file_uri(path) and "%23" in file_uri(path)
    with KioskLibrary(path) as lib:
        assert len(lib.issues()) == 2


def test_never_writes_the_file(tmp_path: Path, kiosk_library: Path) -> None:
    os.chmod(kiosk_library, 0o444)
    before = fingerprint(kiosk_library)
    with KioskLibrary(kiosk_library) as lib:
        issue = lib.load_issue(lib.latest_issue())
        assert issue.date == "2024-03-16"
        assert lib.search("图书馆") and lib.search("鹭")
        with pytest.raises(LibraryError):
            with lib.transaction():
                pass
        with pytest.raises(sqlite3.OperationalError):
            lib.db.execute("DELETE FROM issues")
    assert fingerprint(kiosk_library) == before


def test_a_missing_library_is_not_made(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="no library here"):
        KioskLibrary(tmp_path / "none" / "library.sqlite3")
    assert not (tmp_path / "none").exists()


def test_only_the_papers_shown(tmp_path: Path, sample_dir: Path) -> None:
    path = make_library(tmp_path / "two.sqlite3", sample_dir, tmp_path / "pages", ("松河日报", "松河晚报"))
    with Library(path) as everything:
        assert {p.name for p in everything.papers()} == {"松河日报", "松河晚报"}
        all_hits = everything.search("图书馆", limit=100)
        assert {h.paper for h in all_hits} == {"松河日报", "松河晚报"}
    with KioskLibrary(path, ["松河晚报"]) as lib:
        assert [p.name for p in lib.papers()] == ["松河晚报"]
        assert {i.paper for i in lib.issues()} == {"松河晚报"}
        assert lib.issue_info(lib.latest_issue()).paper == "松河晚报"
        assert lib.latest_issue("松河日报") is None and lib.find_issue("松河日报", "2024-03-15") is None
        assert lib.issue_info(lib.find_issue(None, "2024-03-15")).paper == "松河晚报"
        hits = lib.search("图书馆", limit=100)
        assert hits and {h.paper for h in hits} == {"松河晚报"}
        assert lib.search(SearchQuery("图书馆", paper="松河日报")) == []
        with Library(path, readonly=True) as unscoped:
            hidden = unscoped.latest_issue("松河日报")
        assert hidden is not None
        with pytest.raises(LibraryError):
            lib.load_issue(hidden)
    with KioskLibrary(path, ["松河晚报", "松河日报"]) as lib:
        hits = lib.search("图书馆", limit=100)
        assert {h.paper for h in hits} == {"松河日报", "松河晚报"}
        assert [h.date for h in hits] == sorted((h.date for h in hits), reverse=True)
        assert len(lib.search("图书馆", limit=3)) == 3
