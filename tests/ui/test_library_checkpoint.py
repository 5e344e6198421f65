"""A library written by the window is whole in its file once the import is done and once the
window closes: copied alone to a kiosk (as the kiosk guide says), it holds everything.
Before, the window's import sat in the -wal, and the kiosk refused the copy."""

from __future__ import annotations

import shutil
from pathlib import Path

from paper_reader.app import ReaderApp
from paper_reader.kiosk.library import KioskLibrary


def wal_size(path: Path) -> int:
    wal = path.with_name(path.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def test_a_window_import_is_in_the_file_when_the_window_closes(qtbot, reader_app: ReaderApp,
                                                               library_path: Path, sample_dir: Path,
                                                               tmp_path: Path) -> None:
    later = tmp_path / "later"
    later.mkdir()
    for page in sample_dir.glob("*.txt"):
        (later / page.name).write_text(
            page.read_text(encoding="utf-8").replace("2024年3月15日", "2024年3月16日"), encoding="utf-8")
    importer = reader_app.importer
    with qtbot.waitSignal(importer.finished, timeout=60000) as done:  # type: ignore[attr-defined]
        assert importer.start([str(later)])  # type: ignore[attr-defined]
    report, cancelled = done.args
    assert not cancelled and report.count("imported") == 4, report.errors
    assert wal_size(library_path) == 0  # checkpointed as the import finished
    with reader_app.library.transaction() as db:  # type: ignore[attr-defined]
        db.execute("UPDATE papers SET pinyin = 'SONGHE RIBAO'")  # a later write, still in -wal
    reader_app.window.close()  # type: ignore[attr-defined]
    assert wal_size(library_path) == 0
    kiosk_copy = tmp_path / "kiosk" / "library.sqlite3"
    kiosk_copy.parent.mkdir()
    shutil.copyfile(library_path, kiosk_copy)  # the file alone, as a careless copy does
    with KioskLibrary(kiosk_copy) as kiosk:
        assert [i.date for i in kiosk.issues()] == ["2024-03-15", "2024-03-16"]
        assert kiosk.db.execute("SELECT pinyin FROM papers").fetchone()[0] == "SONGHE RIBAO"
