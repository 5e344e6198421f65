"""Concurrent use: several writers at once, readers during imports, two windows on one
library with a command-line import in between, and the window noticing new issues."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from paper_reader.core.importer import import_paths
from paper_reader.core.library import Library, LibraryError

from .conftest import row
from .killer import ENV


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> list[list[Path]]:
    """Four batches of five generated issues."""
    from benchmarks.archive import write_archive

    root = tmp_path_factory.mktemp("archive")
    return [write_archive(root / str(k), 5, dt.date(2015 + k, 1, 1)) for k in range(4)]


def cli_import(folders: list[Path], db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "paper_reader", "import", *map(str, folders),
                             "--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=ENV)


def test_opening_a_second_connection_keeps_the_first_ones_locks(tmp_path: Path, archive) -> None:
    """Regression: the header check used to open and close the file with Python, which drops
    every POSIX lock this process holds on it; a command-line import finishing next could
    then reset the WAL under the open connection ("database disk image is malformed")."""
    from tests.conftest import SAMPLE

    r = row("Concurrency", "a window's connection while the window opens others and the "
            "command line imports", "a long-lived connection; a second one opened and closed "
            "in the same process (as an import or search from the window does); then a "
            "command-line import; repeated")
    db = tmp_path / "library.sqlite3"
    window = Library(db)
    assert not import_paths(window, [SAMPLE]).errors
    try:
        for batch in archive:
            Library(db).close()
            done = cli_import(batch, db)
            out, err = done.communicate(timeout=120)
            assert done.returncode == 0, err
            assert window.integrity_check() == "ok"
            assert len(window.issues()) == 1 + sum(len(b) for b in archive[: archive.index(batch) + 1])
            window.load_issue(window.latest_issue())
            r.add("window reads on, sees every new issue")
    finally:
        window.close()


def test_concurrent_imports_and_reads(tmp_path: Path, archive) -> None:
    """Four command-line imports at once, while this process reads all the time."""
    r = row("Concurrency", "four command-line imports at once while a reader reads",
            "4 `paper-reader import` processes (20 pages each) started together on one library; "
            "a thread loads issues, exports and searches throughout")
    db = tmp_path / "library.sqlite3"
    Library(db).close()
    stop = threading.Event()
    reads: list[str] = []
    errors: list[str] = []

    def reader() -> None:
        with Library(db) as lib:
            while not stop.is_set():
                try:
                    for info in lib.issues():
                        lib.load_issue(info.id)
                    lib.search("图书馆")
                    lib.search("馆")
                    lib.export()
                    reads.append("ok")
                except LibraryError as exc:
                    errors.append(str(exc))

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        procs = [cli_import(batch, db) for batch in archive]
        results = [p.communicate(timeout=120) for p in procs]
    finally:
        stop.set()
        thread.join(30)
    for p, (out, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err
        assert "20 imported" in out
    assert not errors, errors[:3]
    with Library(db) as lib:
        assert lib.integrity_check() == "ok"
        assert len(lib.issues()) == 20
    r.add("all 4 imports done, reader never failed", 4)
    row("Concurrency", "reads during those imports", "issue loads, exports and searches by "
        "a thread while the imports ran").add("read whole, no error", len(reads))


def test_programs_creating_one_new_library_at_once(tmp_path: Path) -> None:
    """Regression: two programs creating the same new library both ran the schema; the
    second failed with "table papers already exists", reported as a damaged library."""
    from tests.conftest import SAMPLE

    r = row("Concurrency", "several programs creating one new library at once",
            "3 `paper-reader import` processes started together on a library that does not "
            "exist yet; 3 such libraries")
    procs = [cli_import([SAMPLE], tmp_path / f"new{k}.sqlite3") for k in range(3) for _ in range(3)]
    results = [(p, *p.communicate(timeout=120)) for p in procs]
    for p, _out, err in results:
        assert p.returncode == 0 and "damaged" not in err, err
    for k in range(3):
        with Library(tmp_path / f"new{k}.sqlite3") as lib:
            assert lib.integrity_check() == "ok" and len(lib.issues()) == 1
    r.add("all made one library, no error", len(procs))


def test_busy_library_says_so(tmp_path: Path) -> None:
    """A writer that holds the library longer than the busy timeout: a plain 'busy' message."""
    from paper_reader.core.library import connection as library_module

    r = row("Concurrency", "library held by another writer past the busy timeout",
            "a second connection holds BEGIN IMMEDIATE; an import with a 0.2 s busy timeout")
    db = tmp_path / "library.sqlite3"
    from tests.conftest import SAMPLE

    holder = Library(db)
    holder.db.execute("BEGIN IMMEDIATE")
    try:
        with Library(db) as lib:
            lib.db.execute("PRAGMA busy_timeout = 200")
            report = import_paths(lib, [SAMPLE])
        assert report.library_error and "busy" in report.library_error, report.errors
        assert "damaged" not in report.library_error
        r.add("plain 'busy, try again' message")
    finally:
        holder.db.execute("ROLLBACK")
        holder.close()
    assert library_module  # the module's error mapping is what is under test


def test_two_windows_and_a_command_line_import(qtbot, tmp_path: Path, archive) -> None:
    from paper_reader.app import build
    from paper_reader.ui.shell.wiring import follow_library
    from paper_reader.ui.system.library_watch import LibraryWatch

    r = row("Concurrency", "two windows on one library, a command-line import in between",
            "two windows built on one library holding the sample's text pages; `paper-reader "
            "import` of 20 pages while both are open; each window's LibraryWatch (polling "
            "PRAGMA data_version) must notice; then an import from window 1 while window 2 reads")
    from paper_reader.core.importer import import_paths
    from paper_reader.core.library import Library
    from paper_reader.core.paths import default_library
    from tests.conftest import SAMPLE

    db = default_library()
    db.parent.mkdir(parents=True, exist_ok=True)
    # The sample's text pages (a first run would import its PDFs, and a page imported from
    # its PDF is kept when its text comes again: below, window 1 imports an edited text page).
    with Library(db) as lib:
        assert not import_paths(lib, [SAMPLE]).errors
    one, two = build(db), build(db)
    for parts in (one, two):
        qtbot.addWidget(parts.window)
    watches = []
    try:
        followers = []
        for parts in (one, two):
            watch = LibraryWatch(parts.library, interval_ms=100, parent=parts.window)
            followers.append(follow_library(watch, parts))
            watches.append(watch)
            parts.tools.search.panel()  # its paper list must follow too
            assert not parts.window.actions.next_issue.isEnabled()
        for watch in watches:
            watch.start()
        # The generated issues are dated 2015; the sample (open) is 2024: a previous issue.
        proc = cli_import(archive[0], db)
        assert proc.wait(120) == 0
        for parts in (one, two):
            qtbot.waitUntil(lambda p=parts: p.window.actions.prev_issue.isEnabled(), timeout=5000)
            panel = parts.tools.search.panel()
            assert panel.date_from.date().year() == 2015
        r.add("both windows noticed the new issues", 2)
        # Window 1 imports a page of the open issue; window 2 reloads it where it is.
        two.reader.open_issue(two.reader.issue.id, 2, 0)
        edited = tmp_path / "songhe-2024-03-15"
        edited.mkdir()
        text = (SAMPLE / "page2.txt").read_text(encoding="utf-8").replace("综合", "综合新闻", 1)
        (edited / "page2.txt").write_text(text, encoding="utf-8")
        with qtbot.waitSignal(followers[1].refreshed, timeout=10000,
                              check_params_cb=lambda what: what == "reloaded"):
            with qtbot.waitSignal(one.importer.finished, timeout=30000):
                one.importer.start([str(edited / "page2.txt")])
        assert two.reader.issue.page(2).section == "综合新闻"
        assert two.reader.location.page == 2 and two.reader.location.article == 0
        r.add("window 2 reloaded the issue window 1 changed, staying on its page")
    finally:
        for watch in watches:
            watch.stop()
        for parts in (one, two):
            parts.tools.search.panel().wait()
            parts.library.close()


def test_watch_opens_the_first_issue_of_an_empty_library(qtbot, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from paper_reader.app import build
    from paper_reader.ui.shell import startup
    from paper_reader.ui.shell.wiring import follow_library
    from paper_reader.ui.system.library_watch import LibraryWatch
    from tests.conftest import SAMPLE

    r = row("Concurrency", "window on an empty library, an issue imported by the command line",
            "a window on an empty library (no first-run sample); `paper-reader import` of the "
            "sample issue")
    db = tmp_path / "library.sqlite3"
    monkeypatch.setattr(startup, "first_run_import", lambda *_a: None)
    parts = build(db)
    qtbot.addWidget(parts.window)
    try:
        assert parts.reader.issue is None
        watch = LibraryWatch(parts.library, interval_ms=100, parent=parts.window)
        follower = follow_library(watch, parts)
        watch.start()
        with qtbot.waitSignal(follower.refreshed, timeout=10000):
            proc = cli_import([SAMPLE], db)
            assert proc.wait(120) == 0
        assert parts.reader.issue is not None and parts.reader.issue.paper == "松河日报"
        r.add("the new issue opened in the window")
    finally:
        parts.library.close()


def test_watch_costs_nothing_when_idle(tmp_path: Path) -> None:
    from paper_reader.ui.system.library_watch import LibraryWatch

    with Library(tmp_path / "l.sqlite3") as lib:
        watch = LibraryWatch(lib)
        start = time.perf_counter()
        for _ in range(1000):
            assert not watch.poll()
        assert time.perf_counter() - start < 1.0  # well under a millisecond a poll
