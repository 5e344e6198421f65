"""The PDF import rows: the sample issue's page PDFs imported into a new library.

    python -m benchmarks.pdf_import [--runs N]   # these rows alone

Each run is one ``import_paths`` call into a library made for it, timed from opening the new
library to its commit: reading each PDF with PDFium, the text layer laid out by geometry
(lines, frames, reading order), the text parser, every article's regions, and storing the
pages with their PDFs. One run first, reported apart: it loads PDFium and the layout code.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from paper_reader.core.importer import import_paths
from paper_reader.core.library import Library
from paper_reader.core.paths import sample_pdf_dir

REPO = Path(__file__).resolve().parent.parent
ISSUE_PDF = REPO / "tests" / "fixtures" / "pdf" / "issue-songhe-2024-03-15.pdf"
FLOOR_PAGES_PER_S = 5.0
RUNS = 7


def import_once(source: Path, work: Path) -> tuple[float, int, int, list[str]]:
    """Seconds, pages imported, articles stored and errors of one import into a new library."""
    path = work / f"pdf-import-{time.monotonic_ns()}.sqlite3"
    t0 = time.perf_counter()
    with Library(path) as lib:
        report = import_paths(lib, [source])
        elapsed = time.perf_counter() - t0
        articles = lib.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    for leftover in work.glob(path.name + "*"):
        leftover.unlink()
    return elapsed, report.count("imported"), articles, report.errors


def bench_pdf_import(report, row_type, runs: int = RUNS) -> None:  # type: ignore[no-untyped-def]
    folder = sample_pdf_dir()
    cases = [(f"sample issue's page PDFs ({folder.parent.name}/pdf, one file a page)", folder),
             (f"the issue in one PDF ({ISSUE_PDF.name})", ISSUE_PDF)]
    floor = f"≥ {FLOOR_PAGES_PER_S:g} pages/s"
    with tempfile.TemporaryDirectory(prefix="paper-reader-pdf-import-") as tmp:
        work = Path(tmp)
        first = import_once(folder, work)  # loads PDFium, the layout and the parser
        for name, source in cases:
            if not source.exists():
                report.add(row_type("Import PDF", name, "not measured", floor, "SKIP", f"{source} is absent"))
                continue
            done = [import_once(source, work) for _ in range(runs)]
            pages = done[0][1]
            rates = [d[1] / d[0] for d in done]
            problems = sorted({e for d in done for e in d[3]})[:1]
            if any(d[1] != pages for d in done) or not pages:
                problems.append(f"pages imported varied: {sorted({d[1] for d in done})}")
            rate = statistics.median(rates)
            notes = (f"median of {runs} imports into a new library each ({pages} pages, {done[0][2]} "
                     f"articles stored), {statistics.median(d[0] for d in done) * 1000:.0f} ms an import, "
                     f"runs ranged {min(rates):.1f}–{max(rates):.1f} pages/s; text layer, layout, "
                     "parse, regions and storing the PDFs")
            if source == folder:
                notes += f"; the process's first import (loads PDFium) {first[1] / first[0]:.1f} pages/s"
            report.add(row_type("Import PDF", name, f"{rate:.1f} pages/s", floor,
                                "PASS" if rate >= FLOOR_PAGES_PER_S and not problems else "FAIL",
                                "; ".join(problems) or notes))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.pdf_import")
    ap.add_argument("--runs", type=int, default=RUNS, help=f"imports per source (default {RUNS})")
    args = ap.parse_args(argv)
    from . import machine
    from .run import Report, Row

    report = Report(machine.facts())
    bench_pdf_import(report, Row, args.runs)
    print(report.markdown(), end="", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
