"""The window on a page with a 5 MB run of Latin letters and no break in it.

    python -m benchmarks.long_run            # just this row, printed as a table row

Qt lays out such a run in time that grows with the square of its length; the reader puts
break opportunities into long runs and shows at most a set amount of an article's text. This
times opening the article in the real window, in a fresh process, offscreen.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUN_LETTERS = 5_000_000  # MB = 10⁶ bytes: one letter, one byte
FLOOR_S = 1.0
OPENS = 3
LEAD = "本报讯(记者 林晓雯)3月14日,"  # the front page's lead article begins so


def long_run_library(folder: Path) -> tuple[Path, float, int]:
    """The sample issue with the run in the lead's first paragraph: library, import seconds,
    bytes of the page file (under the importer's limit)."""
    from paper_reader.core.importer import import_paths
    from paper_reader.core.library import Library
    from paper_reader.core.paths import sample_issue_dir
    from paper_reader.core.sources.decoding import MAX_PAGE_BYTES

    pages = folder / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    for page in sample_issue_dir().glob("*.txt"):
        text = page.read_text(encoding="utf-8")
        if page.name == "page1.txt":
            assert LEAD in text
            text = text.replace(LEAD, LEAD + "x" * RUN_LETTERS, 1)
        (pages / page.name).write_text(text, encoding="utf-8")
    size = (pages / "page1.txt").stat().st_size
    assert size <= MAX_PAGE_BYTES, size
    path = folder / "long-run.sqlite3"
    t0 = time.perf_counter()
    with Library(path) as lib:
        report = import_paths(lib, [pages])
    if report.errors:
        raise RuntimeError(f"the long-run page was refused: {report.errors}")
    return path, time.perf_counter() - t0, size


def probe(library: Path, opens: int) -> dict[str, object]:
    """In this process: the window, page 1 shown and idle; then the lead article opened from
    the page, ``opens`` times, each from a cleared document cache, until it is painted."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from paper_reader.app import build

    app = QApplication(sys.argv[:1])
    parts = build(library)
    window, reader, presenter = parts.window, parts.reader, parts.presenter
    window.resize(1280, 800)
    window.show()

    def pause(seconds: float) -> None:  # the window's idle work runs here
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.005)

    pause(0.5)
    times = []
    for _ in range(opens):
        reader.go_page(2)
        pause(0.5)
        reader.go_page(1)
        pause(0.5)
        presenter.cache.clear()  # what the idle work prepared: this open lays the article out
        t0 = time.perf_counter()
        reader.select_article(0)
        app.processEvents()  # layout and paint of the article view
        times.append(time.perf_counter() - t0)
        shown = window.article_view.browser.document().characterCount()
    parts.library.close()
    return {"times": times, "shown_chars": shown}


def bench_long_run(report, home: Path, row_type) -> None:  # type: ignore[no-untyped-def]
    """The row: open an article with a 5 MB unbroken Latin run."""
    folder = home / "long-run"
    library, import_s, size = long_run_library(folder)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PAPER_READER_HOME=str(folder / "home"),
               XDG_RUNTIME_DIR=str(folder))
    done = subprocess.run([sys.executable, "-m", "benchmarks.long_run", "--probe", str(library), str(OPENS)],
                          env=env, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-800:])
    result = json.loads(done.stdout.strip().splitlines()[-1])
    times = result["times"]
    worst = max(times)
    report.add(row_type(
        "Window", "open an article with a 5 MB unbroken Latin run",
        f"median {statistics.median(times) * 1000:.0f} ms, worst {worst * 1000:.0f} ms",
        f"≤ {FLOOR_S:.0f} s", "PASS" if worst <= FLOOR_S else "FAIL",
        f"{OPENS} opens from page 1 in the real window, each from a cleared document cache, until "
        f"painted; page file {size / 1e6:.1f} MB, imported in {import_s:.1f} s; "
        f"{result['shown_chars']:,} characters laid out"))


def main(argv: list[str]) -> int:
    if argv[:1] == ["--probe"]:
        print(json.dumps(probe(Path(argv[1]), int(argv[2]))), flush=True)
        os._exit(0)  # skip interpreter teardown of the Qt objects
    from . import machine
    from .run import Report, Row

    report = Report(machine.facts())
    with tempfile.TemporaryDirectory(prefix="paper-reader-long-run-") as tmp:
        bench_long_run(report, Path(tmp), Row)
    print(report.markdown(), end="", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
