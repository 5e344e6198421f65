"""The search panel asks the library with a typed SearchQuery, and the search thread's
library opener gives a kiosk's panel a library of the papers shown."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

from paper_reader.core.importer import import_paths
from paper_reader.core.library import Library, SearchQuery
from paper_reader.kiosk.profile import ScopedReadOnly
from paper_reader.ui.tools.search_panel import LibraryOpener, SearchPanel


def library(tmp_path: Path, sample_dir: Path) -> Path:
    path = tmp_path / "library.sqlite3"
    with Library(path) as lib:
        assert not import_paths(lib, [sample_dir]).errors
    return path


def test_the_fields_make_the_query(qtbot, tmp_path: Path, sample_dir: Path) -> None:
    panel = SearchPanel(library(tmp_path, sample_dir))
    qtbot.addWidget(panel)
    panel.set_papers(["松河日报"], "2024-03-15", "2024-03-16")
    panel.query.setText("  图书馆 新馆 ")
    assert panel.search_query() == SearchQuery("图书馆 新馆")
    assert panel.terms() == ["图书馆", "新馆"]
    panel.paper.setCurrentIndex(1)
    panel.limit_dates.setChecked(True)
    assert panel.search_query() == SearchQuery("图书馆 新馆", "松河日报", "2024-03-15", "2024-03-16")
    with qtbot.waitSignal(panel.resultsShown, timeout=10000):
        panel.run()
    assert panel.model.hits and {h.paper for h in panel.model.hits} == {"松河日报"}
    with qtbot.waitSignal(panel.findInArticle, timeout=1000) as found:
        panel.in_article.setChecked(True)  # the reader's find, not the library's search
    assert panel.search_query().in_article and found.args == ["图书馆 新馆"]
    panel.wait()


def test_a_kiosk_opener_shows_its_papers_and_follows_a_sync(tmp_path: Path, sample_dir: Path) -> None:
    path = library(tmp_path, sample_dir)
    kiosk, staff = ScopedReadOnly(("松河日报",)).search_opener(), LibraryOpener()
    shown, everything = kiosk(path), staff(path)
    assert shown.readonly and shown.scope.papers == ("松河日报",)
    assert everything.readonly and everything.scope.papers == ()
    assert kiosk(path) is shown and staff(path) is everything  # kept between queries
    newer = tmp_path / "newer.sqlite3"
    shutil.copy(path, newer)
    os.replace(newer, path)  # a sync renames a new copy over the file
    again = kiosk(path)
    assert again is not shown and again.scope.papers == ("松河日报",) and not again.replaced()
    assert staff(path) is everything  # the window's own library is followed by the window
    for lib in (again, everything):
        lib.close()


def test_the_search_thread_keeps_its_connection_from_query_to_query(
        tmp_path: Path, sample_dir: Path) -> None:
    """PySide gives a pool thread a new Python thread state for each job: a connection
    kept in a threading.local was gone by the next query, and every search opened the
    library anew, with a cold cache."""
    from PySide6.QtCore import QRunnable, QThreadPool

    path = library(tmp_path, sample_dir)
    opener, used = LibraryOpener(), []

    class Job(QRunnable):
        def run(self) -> None:
            used.append((threading.get_ident(), opener(path)))

    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    pool.setExpiryTimeout(-1)
    for _ in range(20):  # the pool may start its thread anew now and then: a thread seen twice
        pool.start(Job())
        pool.waitForDone()
        threads = [t for t, _ in used]
        if len(set(threads)) < len(threads):
            break
    assert len(set(threads)) < len(threads), "the pool never ran two jobs on one thread"
    for thread in set(threads):  # one connection for each thread, kept from job to job
        assert len({id(lib) for t, lib in used if t == thread}) == 1
    assert len(opener._libraries) <= LibraryOpener.KEEP  # those of threads gone are closed
    for lib in opener._libraries.values():
        lib.close()


def test_a_running_search_holds_the_idle_work_until_its_results_are_shown(
        qtbot, tmp_path: Path, sample_dir: Path) -> None:
    """Each idle step holds the interpreter for milliseconds, which the search thread would
    wait behind: none runs between a query going out and its results being shown."""
    from paper_reader.app import build

    app = build(library(tmp_path, sample_dir))
    qtbot.addWidget(app.window)
    app.window.resize(1000, 700)
    app.window.show()
    qtbot.waitExposed(app.window)
    presenter, panel = app.presenter, app.tools.search.panel()
    qtbot.waitUntil(lambda: not presenter._idle, timeout=5000)
    app.reader.turn(1)  # a new page: its idle work is planned
    assert presenter._idle
    steps_while_searching: list[int] = []
    panel.searchStarted.connect(lambda: steps_while_searching.append(len(presenter._idle)))
    with qtbot.waitSignal(panel.resultsShown, timeout=5000):
        panel.query.setText("本报")
        panel.run()
        assert not presenter._timer.isActive()
    assert steps_while_searching and len(presenter._idle) == steps_while_searching[0]
    qtbot.waitUntil(lambda: not presenter._idle, timeout=5000)  # and resumed after
    panel.wait()
    app.library.close()
