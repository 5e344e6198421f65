"""Where an import spends its time: cProfile over a whole import, grouped by stage."""

from __future__ import annotations

import cProfile
import pstats
import sqlite3
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from paper_reader.core.importer import ImportReport, collect_pages, import_paths
from paper_reader.core.library import Library, page_digest
from paper_reader.core.parsing.issue import group_issues
from paper_reader.core.reading.script import fold

# (label, file name ending, function name) of the stages of an import, outermost first.
STAGES = [
    ("import_paths (whole import)", "core/importer.py", "import_paths"),
    ("  collect_pages: read and parse every file", "core/importer.py", "collect_pages"),
    ("    read_page_file: read and decode", "core/sources/decoding.py", "read_page_file"),
    ("    parse_page", "core/parsing/parser.py", "parse_page"),
    ("      read_top: masthead / running header", "core/parsing/masthead.py", "read_top"),
    ("      PageParser.run: articles", "core/parsing/parser.py", "run"),
    ("  group_issues: assemble issues, link 下转/上接", "core/parsing/issue.py", "group_issues"),
    ("  Library.import_issues: store", "core/library/store.py", "import_issues"),
    ("    _store_page", "core/library/store.py", "_store_page"),
    ("      page_digest: JSON + SHA-256 of the page", "core/library/store.py", "page_digest"),
    ("      fold: OpenCC t2s + lower case", "core/reading/script.py", "fold"),
    ("        OpenCC.convert", "opencc/__init__.py", "convert"),
    ("    _relink: continuations", "core/library/store.py", "_relink"),
    ("    _issue_row", "core/library/store.py", "_issue_row"),
]
BUILTINS = [
    ("sqlite3 Connection.execute (all statements)", "<method 'execute' of 'sqlite3.Connection' objects>"),
    ("json.dumps", "dumps"),
]


class TimedConnection:
    """Stands in for a Library's sqlite3 connection and times each kind of statement."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)

    def execute(self, sql: str, *args: Any) -> TimedCursor:
        key = " ".join(sql.split())[:70]
        t0 = time.perf_counter()
        try:
            return TimedCursor(self._db.execute(sql, *args), key, self)
        finally:
            self.seconds[key] += time.perf_counter() - t0
            self.calls[key] += 1

    def reset(self) -> None:
        self.seconds.clear()
        self.calls.clear()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._db, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("_db", "seconds", "calls"):
            object.__setattr__(self, name, value)
        else:
            setattr(self._db, name, value)


class TimedCursor:
    """A cursor whose fetches count towards the time of the statement that made it."""

    def __init__(self, cursor: sqlite3.Cursor, key: str, owner: TimedConnection) -> None:
        self._cursor, self._key, self._owner = cursor, key, owner

    def _timed(self, name: str) -> Any:
        t0 = time.perf_counter()
        try:
            return getattr(self._cursor, name)()
        finally:
            self._owner.seconds[self._key] += time.perf_counter() - t0

    def fetchone(self) -> Any:
        return self._timed("fetchone")

    def fetchall(self) -> Any:
        return self._timed("fetchall")

    def __iter__(self) -> Any:
        return iter(self.fetchall())

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)


def diagnose_search(library_path: Path, query: str, runs: int = 5) -> str:
    """Where one search's time goes: each statement's share, and the main query's plan."""
    lib = Library(library_path)
    statements: list[str] = []
    lib.db.set_trace_callback(statements.append)
    lib.search(query, limit=50)  # warm-up, and capture the SQL with its values
    lib.db.set_trace_callback(None)
    main_sql = next((s for s in statements if s.lstrip().startswith("SELECT t.article_id")), None)
    timed = TimedConnection(lib.db)
    real = lib.db
    lib.db = timed  # type: ignore[assignment]
    t0 = time.perf_counter()
    for _ in range(runs):
        hits = lib.search(query, limit=50)
    total = (time.perf_counter() - t0) / runs
    lib.db = real
    out = [f"`{query}`: {total * 1000:.1f} ms a search (mean of {runs}), {len(hits)} hits.", "",
           "| Statement (start) | Calls a search | ms a search |", "|---|---:|---:|"]
    sql_total = 0.0
    for key, secs in sorted(timed.seconds.items(), key=lambda kv: kv[1], reverse=True):
        sql_total += secs / runs
        out.append(f"| `{key}` | {timed.calls[key] / runs:g} | {secs / runs * 1000:.1f} |")
    out.append(f"| (Python: folding, snippets, JSON) | | {(total - sql_total) * 1000:.1f} |")
    if main_sql:
        plan = real.execute("EXPLAIN QUERY PLAN " + main_sql).fetchall()
        out += ["", "Plan of the main query:", "", "```"]
        out += [f"{row[0]:>3} {row[1]:>3} {row[3]}" for row in plan]
        out += ["```"]
    lib.close()
    return "\n".join(out)


def _find(stats: dict, file_end: str, func: str) -> tuple[int, float, float] | None:  # type: ignore[type-arg]
    best = None
    for (filename, _line, name), (_cc, nc, tt, ct, _callers) in stats.items():
        if name == func and filename.replace("\\", "/").endswith(file_end):
            if best is None or ct > best[2]:
                best = (nc, tt, ct)
    return best


def _find_builtin(stats: dict, func: str) -> tuple[int, float, float] | None:  # type: ignore[type-arg]
    nc_sum, tt_sum, ct_sum, found = 0, 0.0, 0.0, False
    for (filename, _line, name), (_cc, nc, tt, ct, _callers) in stats.items():
        if name == func and (filename == "~" or filename.endswith("json/__init__.py")):
            nc_sum, tt_sum, ct_sum, found = nc_sum + nc, tt_sum + tt, ct_sum + ct, True
    return (nc_sum, tt_sum, ct_sum) if found else None


def _short(key: tuple[str, int, str]) -> str:
    filename, line, name = key
    if filename == "~":
        return name
    path = filename.replace("\\", "/")
    if "/paper_reader/" in path:
        path = "paper_reader/" + path.split("/paper_reader/", 1)[1]
    elif "/benchmarks/" in path:
        path = "benchmarks/" + path.split("/benchmarks/", 1)[1]
    else:
        path = Path(path).name
    return f"{path}:{line} {name}"


def _fresh(library_path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(library_path) + suffix).unlink(missing_ok=True)


def staged_import(library_path: Path, folders: list[Path]) -> str:
    """Import in import_paths's own steps, each timed without a profiler; return Markdown."""
    _fresh(library_path)
    lib = Library(library_path)
    timed = TimedConnection(lib.db)
    lib.db = timed  # type: ignore[assignment]
    t0 = time.perf_counter()
    pages = collect_pages(folders, ImportReport())
    t1 = time.perf_counter()
    issues = [i for i in group_issues(pages) if i.paper and i.date]
    t2 = time.perf_counter()
    lib.import_issues(issues)
    t3 = time.perf_counter()
    lib.close()
    # Replays of pure functions import_issues calls, on the same data.
    r0 = time.perf_counter()
    for issue in issues:
        for page in issue.pages:
            page_digest(page, issue)
    r1 = time.perf_counter()
    for issue in issues:
        for page in issue.pages:
            for art in page.articles:
                body = "\n".join([*(x for x in (art.kicker, art.subtitle) if x), *art.paragraphs,
                                  *art.captions, *art.signature])
                fold(art.title), fold(art.byline or ""), fold(body)
    r2 = time.perf_counter()

    total = t3 - t0
    sql = sum(timed.seconds.values())
    digest, folding = r1 - r0, r2 - r1
    rows = [
        ("collect_pages: read, decode and parse every page file", t1 - t0),
        ("group_issues: assemble issues, link 下转/上接", t2 - t1),
        ("Library.import_issues: store, in one transaction", t3 - t2),
    ]
    by_sql = sorted(timed.seconds.items(), key=lambda kv: kv[1], reverse=True)
    for key, secs in by_sql[:3]:
        rows.append((f"  SQL `{key}` ({timed.calls[key]:,} calls)", secs))
    rows.append((f"  SQL, all other statements ({sum(timed.calls[k] for k, _ in by_sql[3:]):,} calls)",
                 sum(secs for _, secs in by_sql[3:])))
    rows.append(("  page_digest: page → dict → JSON → SHA-256 (replayed)", digest))
    rows.append(("  fold: OpenCC t2s + lower case of title, byline, body (replayed)", folding))
    rows.append(("  the rest: Python glue, JSON of the article columns",
                 max(0.0, (t3 - t2) - sql - digest - folding)))
    out = [f"The import of {len(folders):,} issues run step by step as import_paths runs it, "
           f"without a profiler: {total:.1f} s in all.", "",
           "| Step | Seconds | Share |", "|---|---:|---:|"]
    out += [f"| {label} | {secs:.1f} | {secs / total:.0%} |" for label, secs in rows]
    return "\n".join(out)


def profile_import(library_path: Path, folders: list[Path], dump: Path | None = None) -> str:
    """Import ``folders`` into a new library under cProfile; return a Markdown report."""
    _fresh(library_path)
    lib = Library(library_path)
    timed = TimedConnection(lib.db)
    lib.db = timed  # type: ignore[assignment]
    profiler = cProfile.Profile()
    t0 = time.perf_counter()
    profiler.enable()
    import_paths(lib, folders)
    profiler.disable()
    wall = time.perf_counter() - t0
    lib.close()
    if dump is not None:
        profiler.dump_stats(str(dump))
    st = pstats.Stats(profiler)
    stats = st.stats  # type: ignore[attr-defined]
    total = max(wall, 1e-9)

    out = [f"Profiled import of {len(folders)} issues: {wall:.1f} s wall under cProfile "
           "(the profiler slows Python code down; read the shares, not the seconds).", "",
           "| Stage | Calls | Cumulative s | Share | Own s |", "|---|---:|---:|---:|---:|"]
    for label, file_end, func in STAGES:
        row = _find(stats, file_end, func)
        if row:
            nc, tt, ct = row
            out.append(f"| {label} | {nc:,} | {ct:.1f} | {ct / total:.0%} | {tt:.1f} |")
    for label, func in BUILTINS:
        row = _find_builtin(stats, func)
        if row:
            nc, tt, ct = row
            out.append(f"| {label} | {nc:,} | {ct:.1f} | {ct / total:.0%} | {tt:.1f} |")

    out += ["", "Top functions by cumulative time:", "",
            "| Function | Calls | Cumulative s | Own s |", "|---|---:|---:|---:|"]
    by_ct = sorted(stats.items(), key=lambda kv: kv[1][3], reverse=True)
    shown = 0
    for key, (_cc, nc, tt, ct, _callers) in by_ct:
        if key[2] in ("<module>", "<built-in method builtins.exec>") or "cProfile" in key[0]:
            continue
        out.append(f"| `{_short(key)}` | {nc:,} | {ct:.1f} | {tt:.1f} |")
        shown += 1
        if shown >= 25:
            break

    out += ["", "Top functions by own time:", "",
            "| Function | Calls | Own s | Cumulative s |", "|---|---:|---:|---:|"]
    for key, (_cc, nc, tt, ct, _callers) in sorted(stats.items(), key=lambda kv: kv[1][2],
                                                   reverse=True)[:15]:
        out.append(f"| `{_short(key)}` | {nc:,} | {tt:.1f} | {ct:.1f} |")

    out += ["", "SQL statements by time (measured around each execute):", "",
            "| Statement (start) | Calls | Seconds |", "|---|---:|---:|"]
    for key, secs in sorted(timed.seconds.items(), key=lambda kv: kv[1], reverse=True)[:12]:
        out.append(f"| `{key}` | {timed.calls[key]:,} | {secs:.1f} |")
    return "\n".join(out)
