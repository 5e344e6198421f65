"""Rows on an imported library: the import itself, its size, search, cold start, the command line.

Each import runs in a process of its own (``import_child.py``), so that its peak memory is
its own; the search rows run in this process on the library opened afresh.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from paper_reader.core.library import Library

from .profiling import diagnose_search
from .report import Report, Row, log, ms, percentile, verdict

REPO = Path(__file__).resolve().parent.parent

FULL_ISSUES = 3650  # ten years of a daily
IMPORT_FLOOR_S = 90.0  # for FULL_ISSUES; scaled in proportion for other archive sizes
SCALE_FLOOR = 2.5  # the three-paper import against the one-paper import (3× the pages)
IMPORT_PEAK_FLOOR_MIB = 300
SIZE_FLOOR_RATIO = 4.0  # library on disk against its page text
SEARCH_FLOOR_P95_MS = 50.0
CLI_SEARCH_FLOOR_MS = 40.0
CLI_VERSION_FLOOR_MS = 30.0

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
CLI_QUERY = "图书馆"


@dataclass
class Archive:
    """An archive as written: its issue folders and what its text holds."""

    label: str  # "10-year archive", "30-year library", ...
    description: str
    folders: list[Path]
    text_bytes: int
    chars: int
    trigrams: int
    papers: int


@dataclass
class Imported:
    archive: Archive
    library: Path
    seconds: float
    peak_mib: float
    ok: bool


def library_size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def import_in_child(library_path: Path, folders: list[Path]) -> dict[str, object]:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write("\n".join(str(p) for p in folders))
        listing = Path(f.name)
    try:
        cmd = [sys.executable, "-m", "benchmarks.import_child", str(library_path), str(listing)]
        done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=3600)
    finally:
        listing.unlink(missing_ok=True)
    if done.returncode != 0:
        raise RuntimeError(f"the import failed: {done.stderr[-800:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def vocabulary_row(report: Report, archive: Archive, sample: dict[str, int]) -> None:
    report.add(Row("Archive", f"{archive.label}: {archive.description}",
                   f"{archive.trigrams:,} distinct trigrams, {archive.chars:,} distinct characters",
                   notes=f"{archive.text_bytes / 1e6:.1f} MB of page text; counted over each line of "
                         f"every page as written; the sample issue alone has {sample['trigrams']:,} "
                         f"and {sample['chars']:,}"))


def bench_import(report: Report, archive: Archive, library_path: Path, floor_s: float | None) -> Imported:
    """Import rows; ``floor_s`` None: the time is judged against another import (``bench_scale``)."""
    folders = archive.folders
    pages = sum(1 for folder in folders for _ in folder.iterdir())
    log(f"Importing the {archive.label}: {len(folders):,} issues ({pages:,} pages) in one call, "
        "in a process of its own ...")
    r = import_in_child(library_path, folders)
    seconds = float(r["seconds"])  # type: ignore[arg-type]
    peak_mib = int(r["peak_kb"]) / 1024  # type: ignore[call-overload]
    size = library_size(library_path)
    problems = []
    if r["error_count"]:
        problems.append(f"{r['error_count']} errors, first: {r['errors'][0]}")  # type: ignore[index]
    if r["imported"] != pages:
        problems.append(f"only {r['imported']:,} of {pages:,} pages imported")
    name = f"{len(folders):,} issues, {pages:,} pages, one import_paths call ({archive.label})"
    notes = "; ".join(problems) or (
        f"{archive.text_bytes / 1e6:.1f} MB of page text; stored {r['issues']:,} issues of "
        f"{r['papers']} paper{'s' if r['papers'] != 1 else ''}, {r['articles']:,} articles; includes "
        "opening the new library and the commit")
    if floor_s is not None:
        scaled = ("" if len(folders) == FULL_ISSUES
                  else f" ({IMPORT_FLOOR_S:g} s × {len(folders):,}/{FULL_ISSUES:,})")
        report.add(Row("Import", name, f"{seconds:.1f} s", f"≤ {floor_s:.1f} s{scaled}",
                       verdict(seconds <= floor_s and not problems), notes))
    else:
        report.add(Row("Import", name, f"{seconds:.1f} s", notes=notes))
    report.add(Row("Import", f"rate ({archive.label})", f"{pages / seconds:.0f} pages/s",
                   notes=f"{len(folders) / seconds:.1f} issues/s, "
                         f"{archive.text_bytes / 1e6 / seconds:.2f} MB/s of page text"))
    ratio = size / max(archive.text_bytes, 1)
    report.add(Row("Import", f"library size on disk ({archive.label})",
                   f"{size / 1e6:.0f} MB, {ratio:.1f}× the page text",
                   f"≤ {SIZE_FLOOR_RATIO:g}× the page text",
                   verdict(ratio <= SIZE_FLOOR_RATIO),
                   ".sqlite3 + -wal after PRAGMA wal_checkpoint(TRUNCATE), against the UTF-8 bytes "
                   "of the page files"))
    if floor_s is not None:
        report.add(Row("Memory", f"peak RSS of the import ({archive.label})", f"{peak_mib:.0f} MiB",
                       notes="VmHWM of the importing process (interpreter and modules: "
                             f"{int(r['start_kb']) / 1024:.0f} MiB before the import)"))  # type: ignore[call-overload]
    return Imported(archive, library_path, seconds, peak_mib, not problems)


def bench_scale(report: Report, one: Imported, many: Imported) -> None:
    """The many-paper import against the one-paper import: time ratio and peak memory."""
    ratio = many.seconds / one.seconds
    pages = len(many.archive.folders) / max(len(one.archive.folders), 1)
    report.add(Row("Import", f"{many.archive.label} against the {one.archive.label}",
                   f"{ratio:.2f}× ({many.seconds:.1f} s against {one.seconds:.1f} s)",
                   f"≤ {SCALE_FLOOR:g}×", verdict(ratio <= SCALE_FLOOR and many.ok),
                   f"{pages:.0f}× the issues; each a new library in one import_paths call"))
    report.add(Row("Memory", f"peak RSS of the import ({many.archive.label})", f"{many.peak_mib:.0f} MiB",
                   f"≤ {IMPORT_PEAK_FLOOR_MIB} MiB", verdict(many.peak_mib <= IMPORT_PEAK_FLOOR_MIB),
                   f"VmHWM of the importing process; the {one.archive.label}'s import: "
                   f"{one.peak_mib:.0f} MiB"))


# -- search ----------------------------------------------------------------------------
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


def bench_search(report: Report, library_path: Path, label: str, runs: int, rare_date: str) -> None:
    log(f"Searching the {label} ({runs} timed runs per query after a warm-up) ...")
    lib = Library(library_path)  # opened afresh, as the reader does after an import
    slow: list[str] = []
    detail = ["| Group | Query | Hits | p50 ms | p95 ms | max ms |", "|---|---|---:|---:|---:|---:|"]
    hits_of: dict[str, int] = {}

    def measure(group: str, queries: list[str]) -> list[float]:
        pooled: list[float] = []
        for q in queries:
            times, hits = time_query(lib, q, runs)
            hits_of[q] = hits
            pooled += times
            if percentile(times, 95) * 1000 > SEARCH_FLOOR_P95_MS:
                slow.append(q)
            detail.append(f"| {group} | {q} | {hits} | {percentile(times, 50) * 1000:.1f} | "
                          f"{percentile(times, 95) * 1000:.1f} | {max(times) * 1000:.1f} |")
        return pooled

    for group, queries in QUERIES:
        times = measure(group, queries)
        search_row(report, f"{group} ({label})", times,
                   f"{len(queries)} queries × {runs} runs: {'、'.join(queries)}")
    for group, q in ABSENT:
        times = measure(group, [q])
        search_row(report, f"{group} ({label})", times,
                   f"{q}: in no article ({hits_of[q]} hits), {runs} runs")
    times = measure("rare", [rare_date])
    search_row(report, f"rare, the first issue's date ({label})", times,
               f"{rare_date}: {hits_of[rare_date]} hits, {runs} runs")
    name, q, simplified = CROSS_SCRIPT
    times = measure(name, [q])
    same = len(lib.search(q, limit=50)) == len(lib.search(simplified, limit=50)) > 0
    search_row(report, f"{name} ({q}) ({label})", times,
               f"{runs} runs; finds the same articles as {simplified}: {'yes' if same else 'NO'}")
    lib.close()
    report.details.append((f"Search, per query ({label})", "\n".join(detail)))
    if slow:
        log("Diagnosing the slow queries ...")
        body = "\n\n".join(diagnose_search(library_path, q) for q in slow)
        report.details.append((f"Search, queries with p95 over {SEARCH_FLOOR_P95_MS:g} ms ({label})", body))


# -- fresh processes -------------------------------------------------------------------
def fresh_process(args: list[str]) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-m", "benchmarks.coldstart", *args], cwd=REPO,
                         capture_output=True, text=True, timeout=600, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def bench_cold_start(report: Report, library_path: Path, label: str, processes: int,
                     opencc: bool) -> None:
    log(f"Cold start on the {label} ({processes} fresh processes each) ...")
    q = COLD_QUERY
    runs = [fresh_process(["--what", "search", "--library", str(library_path), "--query", q])
            for _ in range(processes)]
    first = [r["first_search_s"] for r in runs]
    second = [r["second_search_s"] for r in runs]
    opened = [r["open_s"] for r in runs]
    report.add(Row("Cold start", f"first search in a fresh process ({q}) ({label})",
                   f"median {ms(statistics.median(first))}, max {ms(max(first))}",
                   notes=f"{processes} processes; includes loading OpenCC t2s; the same search right "
                         f"after: median {ms(statistics.median(second))}"))
    if opencc:
        loads = [fresh_process(["--what", "opencc"])["opencc_t2s_s"] for _ in range(processes)]
        report.add(Row("Cold start", "loading OpenCC t2s alone", f"median {ms(statistics.median(loads))}",
                       notes=f"{processes} processes; converter('t2s') built and used once"))
    report.add(Row("Cold start", f"opening the library in a fresh process ({label})",
                   f"median {ms(statistics.median(opened))}, max {ms(max(opened))}",
                   notes=f"{processes} processes; Library(path) on the imported library"))


def command() -> list[str]:
    """The installed ``paper-reader`` script beside this interpreter, else ``python -m``."""
    script = Path(sys.executable).parent / "paper-reader"
    return [str(script)] if script.exists() else [sys.executable, "-m", "paper_reader"]


def whole_process(cmd: list[str], env: dict[str, str], runs: int) -> tuple[list[float], str]:
    """Wall times of ``runs`` runs of ``cmd`` after one warm-up, and the warm-up's output."""
    first = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    if first.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[-3:])} failed: {first.stderr[-400:]}")
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, capture_output=True, timeout=120)
        times.append(time.perf_counter() - t0)
    return times, first.stdout


def bench_command_line(report: Report, libraries: list[tuple[str, Path]], runs: int) -> None:
    """``paper-reader --version`` and ``paper-reader search`` as a user runs them: whole processes."""
    log(f"Command line as whole processes ({runs} runs each) ...")
    import paper_reader

    # As installed from a wheel: byte-code compiled at install time.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(paper_reader.__file__).parent)],
                   check=False, capture_output=True)
    with tempfile.TemporaryDirectory(prefix="paper-reader-cli-") as home:
        env = dict(os.environ, PAPER_READER_HOME=home)
        bare, _ = whole_process([sys.executable, "-c", "pass"], env, runs)
        base = f"the interpreter alone (python -c pass): median {ms(statistics.median(bare))}"
        cmd = command()
        shown = "paper-reader" if len(cmd) == 1 else "python -m paper_reader"
        times, _ = whole_process([*cmd, "--version"], env, runs)
        med = statistics.median(times)
        report.add(Row("Command line", f"{shown} --version, whole process", f"median {ms(med)}",
                       f"≤ {CLI_VERSION_FLOOR_MS:g} ms", verdict(med * 1000 <= CLI_VERSION_FLOOR_MS),
                       f"{runs} runs after one warm-up, max {ms(max(times))}; {base}"))
        for label, library in libraries:
            times, out = whole_process([*cmd, "--db", str(library), "search", CLI_QUERY], env, runs)
            med = statistics.median(times)
            lines = len(out.splitlines())
            report.add(Row("Command line", f"{shown} search {CLI_QUERY}, whole process ({label})",
                           f"median {ms(med)}", f"≤ {CLI_SEARCH_FLOOR_MS:g} ms",
                           verdict(med * 1000 <= CLI_SEARCH_FLOOR_MS),
                           f"{runs} runs after one warm-up, max {ms(max(times))}; {lines} lines of "
                           f"results to a pipe; {base}"))
