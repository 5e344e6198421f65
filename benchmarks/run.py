"""Benchmark paper-reader's core and print a table of results against their floors.

    python -m benchmarks.run             # full run: a 10-year archive and a 30-year library
    python -m benchmarks.run --quick     # smoke check: 200 issues a paper
    python -m benchmarks.run --issues 730 --papers 1 --out bench.md --keep --workdir /tmp/bench

Progress goes to stderr; the report (machine facts, results table, details) to stdout
and, with --out, to a Markdown file. The exit code is 0 whether floors are met or not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from paper_reader.core.parsing.parser import parse_page
from paper_reader.core.parsing.patterns import norm
from paper_reader.core.sources.decoding import read_page_file

from . import archive, library_rows, machine, news_archive, pdf_import, window
from .library_rows import FULL_ISSUES, IMPORT_FLOOR_S, Archive
from .profiling import profile_import, staged_import
from .report import Report, Row, log, percentile, verdict

__all__ = ["Report", "Row", "main", "percentile"]  # Report and Row: the single-row modules' own runs

REPO = Path(__file__).resolve().parent.parent
REFERENCE_PAGE = REPO.parent / "shared" / "corpus" / "liaoyuan-2020-07-06-p1.txt"

QUICK_ISSUES = 200
PAPERS = ("songhe", "qingchuan", "linjiang")  # the first alone is the 10-year archive
PROFILED_ISSUES = 730  # an import that misses its floor is profiled on its first two years

PARSE_FLOOR_MBPS = 15.0  # on a 2-core machine


# -- 1. parsing ------------------------------------------------------------------------
def time_parse(texts: list[str], min_seconds: float, min_rounds: int) -> list[float]:
    """Seconds per round of parsing every text once, norm's cache cleared before each."""
    def one_round() -> float:
        spent = 0.0
        for text in texts:
            norm.cache_clear()  # measure every parse cold, as for a page never seen before
            t0 = time.perf_counter()
            parse_page(text)
            spent += time.perf_counter() - t0
        return spent

    for _ in range(3):  # warm-up: first calls fill interpreter and re caches
        one_round()
    rounds: list[float] = []
    started = time.perf_counter()
    while len(rounds) < min_rounds or time.perf_counter() - started < min_seconds:
        rounds.append(one_round())
    return rounds


def bench_parse(report: Report, min_seconds: float) -> None:
    log("Parsing ...")
    cases: list[tuple[str, list[Path]]] = []
    if REFERENCE_PAGE.exists():
        cases.append((f"reference page {REFERENCE_PAGE.name}", [REFERENCE_PAGE]))
    else:
        report.add(Row("Parse", "reference page", "not measured", f"≥ {PARSE_FLOOR_MBPS:g} MB/s", "SKIP",
                       f"{REFERENCE_PAGE} is absent"))
    sample_files = sorted(archive.SAMPLE_DIR.glob("page*.txt"))
    cases.append((f"sample issue {archive.SAMPLE_DIR.name}, {len(sample_files)} pages", sample_files))
    for name, files in cases:
        texts = [read_page_file(f) for f in files]
        size = sum(len(t.encode("utf-8")) for t in texts)
        rounds = time_parse(texts, min_seconds, min_rounds=30)
        rates = [size / s / 1e6 for s in rounds]
        median = statistics.median(rates)
        report.add(Row(
            "Parse", name, f"{median:.1f} MB/s", f"≥ {PARSE_FLOOR_MBPS:g} MB/s",
            verdict(median >= PARSE_FLOOR_MBPS),
            f"median of {len(rounds)} runs ({sum(rounds):.1f} s of parsing), {size / 1000:.1f} kB "
            f"per run, runs ranged {min(rates):.1f}–{max(rates):.1f} MB/s; norm cache cleared "
            "before every page"))


# -- 2. the archives -------------------------------------------------------------------
def label_of(issues: int, papers: int) -> str:
    if issues == FULL_ISSUES:
        return "10-year archive" if papers == 1 else f"{papers * 10}-year library"
    return f"{issues:,}-issue archive" if papers == 1 else f"{papers} papers × {issues:,} issues"


def write_archives(root: Path, issues: int, papers: int) -> tuple[Archive, Archive | None]:
    """The one-paper archive and, with ``papers`` > 1, the library of all papers (it holds the first)."""
    vocabulary = news_archive.Vocabulary()
    folders: list[Path] = []
    one: Archive | None = None
    for k, slug in enumerate(PAPERS[:papers]):
        paper = news_archive.PAPERS[slug]
        t0 = time.perf_counter()
        folders += news_archive.write_paper(root / slug, paper, issues, vocabulary=vocabulary)
        last = paper.first + dt.timedelta(days=issues - 1)
        log(f"  {paper.name}: {issues:,} issues {paper.first.isoformat()} … {last.isoformat()} "
            f"in {time.perf_counter() - t0:.1f} s")
        counts = vocabulary.summary()
        if k == 0:
            one = Archive(label_of(issues, 1), f"{paper.name}, {issues:,} issues from {paper.first}",
                          list(folders), counts["bytes"], counts["chars"], counts["trigrams"], 1)
    assert one is not None
    if papers == 1:
        return one, None
    counts = vocabulary.summary()
    names = "、".join(news_archive.PAPERS[s].name for s in PAPERS[:papers])
    years = sorted(news_archive.PAPERS[s].first.year for s in PAPERS[:papers])
    many = Archive(label_of(issues, papers), f"{names}, {issues:,} issues each, from {years[0]}",
                   folders, counts["bytes"], counts["chars"], counts["trigrams"], papers)
    return one, many


# -- the run ---------------------------------------------------------------------------
def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help=f"smoke check on small archives ({QUICK_ISSUES} issues a paper unless --issues)")
    ap.add_argument("--issues", type=int, default=None,
                    help=f"issues of each paper in the generated archives (default {FULL_ISSUES})")
    ap.add_argument("--papers", type=int, default=len(PAPERS), choices=range(1, len(PAPERS) + 1),
                    help=f"papers in the many-paper library (default {len(PAPERS)}; 1: no such library)")
    ap.add_argument("--out", type=Path, help="also write the report to this Markdown file")
    ap.add_argument("--workdir", type=Path,
                    help="where to write the archives and libraries (default: a new temporary folder)")
    ap.add_argument("--keep", action="store_true", help="keep the archives and libraries afterwards")
    ap.add_argument("--search-runs", type=int, default=20, help="timed runs per query (default 20)")
    ap.add_argument("--processes", type=int, default=5,
                    help="fresh processes for the cold-start rows (default 5)")
    ap.add_argument("--cli-runs", type=int, default=11,
                    help="timed runs of each whole-process command-line row (default 11)")
    ap.add_argument("--no-window", action="store_true", help="skip the window rows")
    ap.add_argument("--startup-runs", type=int, default=15,
                    help="process starts per program for the start-up ratios (default 15: with 7, "
                         "the ratio moved by 0.1-0.2 from run to run with the machine's noise)")
    ap.add_argument("--parse-seconds", type=float, default=1.5,
                    help="minimum seconds of parsing per parse row (default 1.5)")
    prof = ap.add_mutually_exclusive_group()
    prof.add_argument("--profile", action="store_true",
                      help="profile the import of the first two years even when the floor is met")
    prof.add_argument("--no-profile", action="store_true",
                      help="do not profile the import even when it misses its floor")
    args = ap.parse_args(argv)
    if args.issues is None:
        args.issues = QUICK_ISSUES if args.quick else FULL_ISSUES
    if args.issues < 1 or args.search_runs < 1 or args.processes < 1 or args.cli_runs < 1:
        ap.error("--issues, --search-runs, --processes and --cli-runs must be at least 1")
    return args


MADE = ("archive", "library.sqlite3*", "library-all.sqlite3*", "profile.sqlite3*", "import.prof")


def prepare_workdir(args: argparse.Namespace) -> tuple[Path, Callable[[], None]]:
    if args.workdir is None:
        work = Path(tempfile.mkdtemp(prefix="paper-reader-bench-"))
        return work, lambda: shutil.rmtree(work, ignore_errors=True)
    work = args.workdir.resolve()
    work.mkdir(parents=True, exist_ok=True)

    def clean() -> None:
        for pattern in MADE:
            for p in work.glob(pattern):
                shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)

    clean()  # a library left by an earlier run would make the import a no-op
    return work, clean


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    report = Report(machine.facts())
    log("\n".join(f"{k}: {v}" for k, v in report.facts) + "\n")

    bench_parse(report, args.parse_seconds)
    log("Importing the sample issue's page PDFs ...")
    pdf_import.bench_pdf_import(report, Row)

    work, clean = prepare_workdir(args)
    try:
        log(f"Writing the archives under {work} (not timed) ...")
        one, many = write_archives(work / "archive", args.issues, args.papers)
        sample = news_archive.Vocabulary()
        for _, text in archive.sample_pages():
            sample.add(text)
        counts = sample.summary()
        report.settings.append(
            f"Archives: {args.issues:,} daily issues of 4 pages a paper, generated from the sample issue "
            f"by news_archive.py (its sentences recombined, its people, places and figures new in "
            f"every issue); the {one.label} is {one.description}"
            + (f"; the {many.label} holds {many.description}" if many else "")
            + f"; work folder {work}" + (" (kept)" if args.keep else " (removed afterwards)"))
        for a in (one, many):
            if a is not None:
                library_rows.vocabulary_row(report, a, counts)

        floor_s = IMPORT_FLOOR_S * args.issues / FULL_ISSUES
        first = library_rows.bench_import(report, one, work / "library.sqlite3", floor_s)
        libraries = [(one.label, first.library)]
        if many is not None:
            every = library_rows.bench_import(report, many, work / "library-all.sqlite3", None)
            library_rows.bench_scale(report, first, every)
            libraries.append((many.label, every.library))

        rare_date = archive.cn_date(news_archive.PAPERS[PAPERS[0]].first)
        for label, path in libraries:
            library_rows.bench_search(report, path, label, args.search_runs, rare_date)
        for k, (label, path) in enumerate(libraries):
            library_rows.bench_cold_start(report, path, label, args.processes, opencc=k == 0)
        library_rows.bench_command_line(report, libraries, args.cli_runs)
        if not args.no_window:
            log("Window: start-up against a bare Qt window, page turns, article opens ...")
            window.bench_window(report, libraries, args.startup_runs, Row)

        if args.profile or (first.seconds > floor_s and not args.no_profile):
            sliced = one.folders[:PROFILED_ISSUES]
            log(f"Timing the steps of an import of the first {len(sliced):,} issues ...")
            body = (f"The first {len(sliced):,} issues of the {one.label}, imported into scratch "
                    "libraries in this process.\n\n" + staged_import(work / "profile.sqlite3", sliced))
            log("Profiling the same import under cProfile ...")
            dump = work / "import.prof" if args.keep else None
            body += "\n\n" + profile_import(work / "profile.sqlite3", sliced, dump)
            if dump is not None:
                body += f"\n\nRaw profile: {dump} (open with python -m pstats)."
            report.details.append(("Import profile", body))
    finally:
        if not args.keep:
            clean()

    report.facts.append(("Load average at end (1 / 5 / 15 min)", machine.load_average()))
    text = report.markdown()
    print(text, end="", flush=True)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        log(f"Report written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
