"""The page-image start-up row: the reader opening on a page that has a PDF, with the page's
image as its first paint, against a bare PySide6 window drawing the same page with pypdfium2.

    python -m benchmarks.page_image_startup [--runs N]   # this row alone

Timed as window.startup() times the text start-up: fresh processes, alternating reader and
bare window (baseline_pdf_window.py), from process start to the end of the first complete
paint; medians. Both open the sample issue's front page (``pdf/page1.pdf``) in a 1280x800
window; the bare window draws it at fit width for the window's width.

The reader says that its first paint held the page image by printing a line starting with
``first-paint-page-image`` after its ``first-paint-monotonic`` line (PAPER_READER_REPORT_PAINT=
quit). Until it does, or while the sample's PDFs cannot be imported, the row gives the bare
window's time and says what it needs instead of a ratio.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .window import STARTUP_RATIO_FLOOR, _env

PAGE_IMAGE_MARK = "first-paint-page-image"
SIZE = "1280x800"
ROW = "start-up with the front page's image as the first paint (sample issue PDF)"


def paint_run(cmd: list[str], env: dict[str, str]) -> tuple[float, list[str]]:
    """Seconds from process start to the first complete paint, and the lines printed."""
    start = time.monotonic()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    lines = done.stdout.splitlines()
    for line in lines:
        if line.startswith("first-paint-monotonic"):
            return float(line.split()[1]) - start, lines
    raise RuntimeError(f"no first paint reported by {cmd[:3]}: {done.stderr[-400:]}")


def pdf_library(home: Path) -> Path | None:
    """A library of the sample issue's page PDFs; None when they cannot be imported."""
    from paper_reader.core.importer import import_paths
    from paper_reader.core.library import Library
    from paper_reader.core.paths import sample_issue_dir

    path = home / "sample-pdf.sqlite3"
    with Library(path) as lib:
        report = import_paths(lib, [sample_issue_dir() / "pdf"])
    return path if report.count("imported") else None


def startup(library: Path | None, pdf: Path, runs: int, home: Path) -> tuple[dict[str, float], str]:
    """Medians (and worst) of the bare window and, when the reader's first paint shows the
    page image, of the reader; and what the reader still needs when it cannot be measured."""
    home.mkdir(parents=True, exist_ok=True)
    env = _env(home)
    base_cmd = [sys.executable, "-m", "benchmarks.baseline_pdf_window", str(pdf), SIZE]
    app_cmd: list[str] = []
    needs = "the PDF page source and the page image"
    if library is not None:
        # As installed from a wheel: byte-code compiled (window.startup() says why).
        import paper_reader

        subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(paper_reader.__file__).parent)],
                       check=False, capture_output=True)
        app_cmd = [sys.executable, "-m", "paper_reader", "--db", str(library), "--size", SIZE]
        # The warm-up run also says whether the reader can be measured at all.
        _seconds, lines = paint_run(app_cmd, env)
        needs = "" if any(line.startswith(PAGE_IMAGE_MARK) for line in lines) else "the page image"
    paint_run(base_cmd, env)
    app_times: list[float] = []
    window_times: list[float] = []  # the reader's own first frame, before the page is sharp
    base_times: list[float] = []
    for _ in range(runs):  # alternate so that machine noise hits both alike
        if not needs:
            start = time.monotonic()
            seconds, lines = paint_run(app_cmd, env)
            mark = next((line.split() for line in lines if line.startswith(PAGE_IMAGE_MARK)), None)
            if mark is None:
                raise RuntimeError("the reader's first paint held the page image once, then not")
            app_times.append(seconds)
            if "window-first-paint" in mark:
                window_times.append(float(mark[mark.index("window-first-paint") + 1]) - start)
        base_times.append(paint_run(base_cmd, env)[0])
    times = {"baseline": statistics.median(base_times), "baseline_max": max(base_times)}
    if app_times:
        times.update(app=statistics.median(app_times), app_max=max(app_times))
    if window_times:
        times.update(window=statistics.median(window_times))
    return times, needs


def bench_page_image_startup(report, runs: int, home: Path, row_type) -> None:  # type: ignore[no-untyped-def]
    from paper_reader.core.paths import sample_issue_dir

    home.mkdir(parents=True, exist_ok=True)
    pdf = sample_issue_dir() / "pdf" / "page1.pdf"
    s, needs = startup(pdf_library(home), pdf, runs, home)
    bare = f"bare PySide6 + pypdfium2 window {s['baseline'] * 1000:.0f} ms"
    floor = f"ratio ≤ {STARTUP_RATIO_FLOOR}"
    if needs:
        report.add(row_type("Window", ROW, f"needs {needs}; {bare}", floor, "SKIP",
                            f"reader not measured: its first paint is not the page image; the bare "
                            f"window is the median of {runs} runs, worst {s['baseline_max'] * 1000:.0f} ms"))
        return
    ratio = s["app"] / s["baseline"]
    report.add(row_type(
        "Window", ROW, f"{s['app'] * 1000:.0f} ms vs {bare}: ratio {ratio:.2f}", floor,
        "PASS" if ratio <= STARTUP_RATIO_FLOOR else "FAIL",
        f"median of {runs} alternating runs, offscreen, {SIZE}; worst {s['app_max'] * 1000:.0f} / "
        f"{s['baseline_max'] * 1000:.0f} ms; the reader's time is its first frame with the page sharp "
        f"(every visible tile drawn); its window's first frame, the blank paper, came at "
        f"{s.get('window', float('nan')) * 1000:.0f} ms"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.page_image_startup")
    ap.add_argument("--runs", type=int, default=15, help="process starts per program (default 15)")
    args = ap.parse_args(argv)
    from . import machine
    from .run import Report, Row

    report = Report(machine.facts())
    with tempfile.TemporaryDirectory(prefix="paper-reader-page-image-") as tmp:
        bench_page_image_startup(report, args.runs, Path(tmp), Row)
    print(report.markdown(), end="", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
