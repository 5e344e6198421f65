"""Benchmark paper-reader's core and print a table of results against their floors.

    python -m benchmarks.run             # full run: a 10-year archive (3,650 issues)
    python -m benchmarks.run --quick     # smoke check: 200 issues
    python -m benchmarks.run --issues 730 --out bench.md --keep --workdir /tmp/bench

Progress goes to stderr; the report (machine facts, results table, details) to stdout
and, with --out, to a Markdown file. The exit code is 0 whether floors are met or not.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from paper_reader.core.importer import import_paths
from paper_reader.core.library import Library
from paper_reader.core.parsing.parser import parse_page
from paper_reader.core.parsing.patterns import norm
from paper_reader.core.sources.decoding import read_page_file

from . import archive, machine, pdf_import, window
from .profiling import diagnose_search, profile_import, staged_import

REPO = Path(__file__).resolve().parent.parent
REFERENCE_PAGE = REPO.parent / "shared" / "corpus" / "liaoyuan-2020-07-06-p1.txt"

FULL_ISSUES = 3650
QUICK_ISSUES = 200

# Floors on a 2-core machine.
PARSE_FLOOR_MBPS = 10.0
IMPORT_FLOOR_S = 90.0  # for FULL_ISSUES; scaled in proportion for other archive sizes
SEARCH_FLOOR_P95_MS = 50.0

# Queries drawn from the sample issue's text, grouped by length in characters.
QUERIES: list[tuple[str, list[str]]] = [
    ("1 char", ["馆", "河", "春", "鹭", "桥"]),
    ("2 chars", ["图书", "春耕", "剪纸", "白鹭", "公交"]),
    ("3 chars", ["图书馆", "运动会", "志愿者", "招聘会", "博物馆"]),
    ("4+ chars", ["全民阅读", "美丽乡村", "老旧小区", "一件事一次办", "非物质文化遗产"]),
]
# Words in no article: nothing to stop a scan early, so they read everything.
ABSENT = [("absent, 1 char", "鲸"), ("absent, 2 chars", "火箭"), ("absent, 3 chars", "航天员"),
          ("absent, 4 chars", "量子计算")]
CROSS_SCRIPT = ("traditional script", "圖書館", "图书馆")
COLD_QUERY = "全民閱讀"  # traditional script, so the first search must fold it with OpenCC


@dataclass
class Row:
    section: str
    name: str
    result: str
    floor: str = "—"
    status: str = "info"
    notes: str = ""


@dataclass
class Report:
    facts: list[tuple[str, str]]
    settings: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    details: list[tuple[str, str]] = field(default_factory=list)  # (heading, Markdown body)

    def add(self, row: Row) -> None:
        self.rows.append(row)
        log(f"  {row.name}: {row.result}" + (f"  [{row.status}]" if row.status != "info" else ""))

    def summary(self) -> str:
        judged = [r for r in self.rows if r.status in ("PASS", "FAIL")]
        failed = [r for r in judged if r.status == "FAIL"]
        skipped = [r for r in self.rows if r.status == "SKIP"]
        text = f"SUMMARY: {len(judged) - len(failed)} of {len(judged)} floors met"
        if failed:
            text += "; FAIL: " + "; ".join(f"{r.name} ({r.result}, floor {r.floor})" for r in failed)
        if skipped:
            text += f"; {len(skipped)} skipped"
        return text

    def markdown(self) -> str:
        out = ["# paper-reader benchmarks", ""]
        out += [f"- {k}: {v}" for k, v in self.facts]
        out += [f"- {s}" for s in self.settings]
        out += ["", "| Measurement | Result | Floor | Status | Notes |", "|---|---|---|---|---|"]
        for r in self.rows:
            out.append(f"| {r.section}: {r.name} | {r.result} | {r.floor} | {r.status} | {r.notes} |")
        out += ["", self.summary()]
        for heading, body in self.details:
            out += ["", f"## {heading}", "", body]
        return "\n".join(out) + "\n"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100), interpolating between the nearest ranks."""
    data = sorted(values)
    if not data:
        return math.nan
    k = (len(data) - 1) * q / 100
    lo, hi = math.floor(k), math.ceil(k)
    return data[lo] + (data[hi] - data[lo]) * (k - lo)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


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


# -- 2. import -------------------------------------------------------------------------
def library_size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def bench_import(report: Report, folders: list[Path], library_path: Path, text_bytes: int) -> float:
    n = len(folders)
    floor_s = IMPORT_FLOOR_S * n / FULL_ISSUES
    pages = sum(1 for folder in folders for _ in folder.iterdir())
    log(f"Importing {n:,} issues ({pages:,} pages) in one call ...")
    gc.collect()
    t0 = time.perf_counter()
    lib = Library(library_path)
    result = import_paths(lib, folders)
    elapsed = time.perf_counter() - t0
    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    issues_stored = lib.db.execute("SELECT count(*) FROM issues").fetchone()[0]
    articles = lib.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    lib.close()
    size = library_size(library_path)

    scaled = "" if n == FULL_ISSUES else f" (90 s × {n:,}/{FULL_ISSUES:,})"
    problems = []
    if result.errors:
        problems.append(f"{len(result.errors)} errors, first: {result.errors[0]}")
    if result.count("imported") != pages:
        problems.append(f"only {result.count('imported'):,} of {pages:,} pages imported")
    report.add(Row("Import", f"{n:,} issues, {pages:,} pages, one import_paths call", f"{elapsed:.1f} s",
                   f"≤ {floor_s:.1f} s{scaled}", verdict(elapsed <= floor_s and not problems),
                   "; ".join(problems) or
                   f"{text_bytes / 1e6:.1f} MB of page text; stored {issues_stored:,} issues, "
                   f"{articles:,} articles; includes opening the new library"))
    report.add(Row("Import", "rate", f"{pages / elapsed:.0f} pages/s",
                   notes=f"{n / elapsed:.1f} issues/s, {text_bytes / 1e6 / elapsed:.2f} MB/s of page text"))
    report.add(Row("Import", "library size on disk", f"{size / 1e6:.0f} MB",
                   notes=f".sqlite3 + -wal after PRAGMA wal_checkpoint(TRUNCATE); "
                         f"{size / max(text_bytes, 1):.1f}× the page text"))
    report.add(Row("Memory", "peak RSS of the benchmark process after the import", f"{maxrss_mb:.0f} MB",
                   notes="ru_maxrss; import_paths parses every page before storing any"))
    return elapsed


# -- 3. search -------------------------------------------------------------------------
def time_query(lib: Library, query: str, runs: int) -> tuple[list[float], int]:
    hits = len(lib.search(query, limit=50))  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        lib.search(query, limit=50)
        times.append(time.perf_counter() - t0)
    return times, hits


def search_row(report: Report, name: str, times: list[float], notes: str) -> None:
    p50, p95 = percentile(times, 50), percentile(times, 95)
    report.add(Row("Search", name, f"p50 {ms(p50)}, p95 {ms(p95)}", f"p95 ≤ {SEARCH_FLOOR_P95_MS:g} ms",
                   verdict(p95 * 1000 <= SEARCH_FLOOR_P95_MS), notes))


def bench_search(report: Report, library_path: Path, runs: int, rare_date: str) -> None:
    log(f"Searching ({runs} timed runs per query after a warm-up) ...")
    lib = Library(library_path)  # opened afresh, as the reader does after an import
    slow: list[str] = []
    detail = ["| Group | Query | Hits | p50 ms | p95 ms | max ms |", "|---|---|---:|---:|---:|---:|"]

    def measure(group: str, queries: list[str]) -> list[float]:
        pooled: list[float] = []
        for q in queries:
            times, hits = time_query(lib, q, runs)
            pooled += times
            if percentile(times, 95) * 1000 > SEARCH_FLOOR_P95_MS:
                slow.append(q)
            detail.append(f"| {group} | {q} | {hits} | {percentile(times, 50) * 1000:.1f} | "
                          f"{percentile(times, 95) * 1000:.1f} | {max(times) * 1000:.1f} |")
        return pooled

    for group, queries in QUERIES:
        times = measure(group, queries)
        search_row(report, group, times, f"{len(queries)} queries × {runs} runs: {'、'.join(queries)}")
    for group, q in ABSENT:
        search_row(report, group, measure(group, [q]), f"{q}: in no article, {runs} runs")
    search_row(report, "rare, one issue's date", measure("rare", [rare_date]),
               f"{rare_date}: in one issue only (the oldest), {runs} runs")
    name, q, simplified = CROSS_SCRIPT
    times = measure(name, [q])
    same = len(lib.search(q, limit=50)) == len(lib.search(simplified, limit=50)) > 0
    search_row(report, f"{name} ({q})", times,
               f"{runs} runs; finds the same articles as {simplified}: {'yes' if same else 'NO'}")
    lib.close()
    report.details.append(("Search, per query", "\n".join(detail)))
    if slow:
        log("Diagnosing the slow queries ...")
        body = "\n\n".join(diagnose_search(library_path, q) for q in slow)
        report.details.append((f"Search, queries with p95 over {SEARCH_FLOOR_P95_MS:g} ms", body))


def fresh_process(args: list[str]) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-m", "benchmarks.coldstart", *args], cwd=REPO,
                         capture_output=True, text=True, timeout=600, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def bench_cold_start(report: Report, library_path: Path, processes: int) -> None:
    log(f"Cold start ({processes} fresh processes each) ...")
    q = COLD_QUERY
    runs = [fresh_process(["--what", "search", "--library", str(library_path), "--query", q])
            for _ in range(processes)]
    first = [r["first_search_s"] for r in runs]
    second = [r["second_search_s"] for r in runs]
    opened = [r["open_s"] for r in runs]
    loads = [fresh_process(["--what", "opencc"])["opencc_t2s_s"] for _ in range(processes)]
    report.add(Row("Cold start", f"first search in a fresh process ({q})",
                   f"median {ms(statistics.median(first))}, max {ms(max(first))}",
                   notes=f"{processes} processes; includes loading OpenCC t2s; the same search right "
                         f"after: median {ms(statistics.median(second))}"))
    report.add(Row("Cold start", "loading OpenCC t2s alone", f"median {ms(statistics.median(loads))}",
                   notes=f"{processes} processes; converter('t2s') built and used once"))
    report.add(Row("Cold start", "opening the library in a fresh process",
                   f"median {ms(statistics.median(opened))}, max {ms(max(opened))}",
                   notes=f"{processes} processes; Library(path) on the imported library"))


# -- the run ---------------------------------------------------------------------------
def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help=f"smoke check on a small archive ({QUICK_ISSUES} issues unless --issues)")
    ap.add_argument("--issues", type=int, default=None,
                    help=f"issues in the generated archive (default {FULL_ISSUES})")
    ap.add_argument("--out", type=Path, help="also write the report to this Markdown file")
    ap.add_argument("--workdir", type=Path,
                    help="where to write the archive and library (default: a new temporary folder)")
    ap.add_argument("--keep", action="store_true", help="keep the archive and library afterwards")
    ap.add_argument("--search-runs", type=int, default=20, help="timed runs per query (default 20)")
    ap.add_argument("--processes", type=int, default=5,
                    help="fresh processes for the cold-start rows (default 5)")
    ap.add_argument("--no-window", action="store_true", help="skip the window rows")
    ap.add_argument("--startup-runs", type=int, default=7,
                    help="process starts per program for the start-up ratio (default 7)")
    ap.add_argument("--parse-seconds", type=float, default=1.5,
                    help="minimum seconds of parsing per parse row (default 1.5)")
    prof = ap.add_mutually_exclusive_group()
    prof.add_argument("--profile", action="store_true",
                      help="profile a second import under cProfile even when the floor is met")
    prof.add_argument("--no-profile", action="store_true",
                      help="do not profile the import even when it misses its floor")
    args = ap.parse_args(argv)
    if args.issues is None:
        args.issues = QUICK_ISSUES if args.quick else FULL_ISSUES
    if args.issues < 1 or args.search_runs < 1 or args.processes < 1:
        ap.error("--issues, --search-runs and --processes must be at least 1")
    return args


def prepare_workdir(args: argparse.Namespace) -> tuple[Path, Callable[[], None]]:
    if args.workdir is None:
        work = Path(tempfile.mkdtemp(prefix="paper-reader-bench-"))
        return work, lambda: shutil.rmtree(work, ignore_errors=True)
    work = args.workdir.resolve()
    work.mkdir(parents=True, exist_ok=True)
    made = [work / "archive", work / "library.sqlite3", work / "library.sqlite3-wal",
            work / "library.sqlite3-shm", work / "profile.sqlite3", work / "profile.sqlite3-wal",
            work / "profile.sqlite3-shm", work / "import.prof"]
    for p in made:  # a library left by an earlier run would make the import a no-op
        shutil.rmtree(p) if p.is_dir() else p.unlink(missing_ok=True)

    def clean() -> None:
        for p in made:
            shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)

    return work, clean


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    report = Report(machine.facts())
    log("\n".join(f"{k}: {v}" for k, v in report.facts) + "\n")

    bench_parse(report, args.parse_seconds)
    log("Importing the sample issue's page PDFs ...")
    pdf_import.bench_pdf_import(report, Row)

    work, clean = prepare_workdir(args)
    report.settings.append(f"Archive: {args.issues:,} daily issues of 4 pages from "
                           f"{archive.FIRST_DATE.isoformat()}, generated from the sample issue; "
                           f"work folder {work}" + (" (kept)" if args.keep else " (removed afterwards)"))
    try:
        log(f"Writing the archive under {work} (not timed) ...")
        t0 = time.perf_counter()
        folders = archive.write_archive(work / "archive", args.issues)
        text_bytes = archive.archive_bytes(folders)
        log(f"  {len(folders):,} folders, {text_bytes / 1e6:.1f} MB in {time.perf_counter() - t0:.1f} s")

        library_path = work / "library.sqlite3"
        elapsed = bench_import(report, folders, library_path, text_bytes)
        floor_s = IMPORT_FLOOR_S * args.issues / FULL_ISSUES

        rare_date = archive.cn_date(archive.FIRST_DATE)
        bench_search(report, library_path, args.search_runs, rare_date)
        bench_cold_start(report, library_path, args.processes)
        if not args.no_window:
            log("Window: start-up against a bare Qt window, page turns, article opens ...")
            window.bench_window(report, library_path, args.startup_runs, Row)

        if args.profile or (elapsed > floor_s and not args.no_profile):
            log("Timing the steps of a second import of the same archive ...")
            body = staged_import(work / "profile.sqlite3", folders)
            log("Profiling a third import of the same archive under cProfile ...")
            dump = work / "import.prof" if args.keep else None
            body += "\n\n" + profile_import(work / "profile.sqlite3", folders, dump)
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
