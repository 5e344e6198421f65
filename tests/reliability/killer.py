"""kill -9 during imports, many times, and check the library after each kill.

    python -m tests.reliability.killer --runs 300 [--seed N] [--workdir DIR] [--keep]

Each run starts ``python -m paper_reader import FOLDER... --db LIB`` in a new process and
sends it SIGKILL, either at a random moment of the import (uniform over 0 to 1.15 times the
length of such an import, start-up included) or at a random moment after the process starts
writing (when the library's -wal file changes; up to 1.1 times the length of the writing),
so that many kills land in the transaction and its commit. The lengths are measured before
the first run and again by every 20th run, which is not killed, as the library grows. The
library is one file that grows over the runs; a connection from this process stays open on
it throughout, as a reader's window would.

After every kill the library must open, pass ``PRAGMA integrity_check`` and both full-text
indexes' integrity checks, and hold every issue either exactly as it was before the run or
exactly as the run's input says, never a mixture: each issue's pages (their source hashes
and article counts), its continuations and its search index are compared with what parsing
the input gives; the issues of the run's own batch are compared whole (``load_issue``) and
must all have come in, or none. A fifth of the runs re-import an edited copy of a batch
that is already in (every page changed), so kills also hit the replacement of stored pages.

Prints one summary line per kind of kill; with PAPER_READER_RELIABILITY_OUT set, writes
``kill9.json`` there for docs/reliability.md. Exit code 1 when any check failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # benchmarks.archive writes the issues
    sys.path.insert(0, str(ROOT))

from benchmarks.archive import cn_date, rewrite_page, sample_pages  # noqa: E402

from paper_reader.core.library import Library, LibraryError, page_digest  # noqa: E402
from paper_reader.core.parsing.issue import group_issues  # noqa: E402
from paper_reader.core.sources.walk import read_pages  # noqa: E402

from .record import Row, write  # noqa: E402

FIRST_DAY = dt.date(2001, 1, 1)
SMALL, BIG = 10, 40  # issues (of 4 pages) per batch; a big batch's WAL passes the auto-checkpoint
SMALL_BATCHES, BIG_BATCHES = 8, 2

IssueKey = tuple[str, str]  # paper, date
Fingerprint = tuple[tuple[tuple[int, str, int], ...], int]  # ((number, hash, articles)...), links


@dataclass
class Version:
    folders: list[Path]
    prints: dict[IssueKey, Fingerprint]
    whole: dict[IssueKey, dict]  # issue.to_dict() as parsing gives it


@dataclass
class Batch:
    index: int
    days: list[dt.date]
    versions: dict[str, Version] = field(default_factory=dict)  # "original", "edited"


def edit(text: str) -> str:
    """Every page different, paper, date and page number untouched."""
    return text.replace("的", "之", 1)


def expected(folders: list[Path]) -> tuple[dict[IssueKey, Fingerprint], dict[IssueKey, dict]]:
    prints: dict[IssueKey, Fingerprint] = {}
    whole: dict[IssueKey, dict] = {}
    for folder in folders:
        pages = read_pages(folder)
        [issue] = group_issues(pages)
        key = (issue.paper, issue.date)
        rows = tuple(sorted((p.number, page_digest(p, issue), len(p.articles)) for p in issue.pages))
        links = sum(1 for p in issue.pages for a in p.articles
                    if a.continues_to and a.continues_to.article is not None)
        prints[key] = (rows, links)  # type: ignore[index]
        whole[key] = issue.to_dict()  # type: ignore[index]
    return prints, whole


def make_batches(root: Path) -> list[Batch]:
    pages = sample_pages()
    batches: list[Batch] = []
    day = FIRST_DAY
    for index, size in enumerate([SMALL] * SMALL_BATCHES + [BIG] * BIG_BATCHES):
        batch = Batch(index, [day + dt.timedelta(days=k) for k in range(size)])
        day += dt.timedelta(days=size)
        for version, change in (("original", lambda t: t), ("edited", edit)):
            folders = []
            for d in batch.days:
                folder = root / version / f"songhe-{d.isoformat()}"
                folder.mkdir(parents=True, exist_ok=True)
                for name, text in pages:
                    (folder / name).write_text(change(rewrite_page(text, d)), encoding="utf-8")
                folders.append(folder)
            batch.versions[version] = Version(folders, *expected(folders))
        original, edited = batch.versions["original"].prints, batch.versions["edited"].prints
        for key in original:
            pairs = zip(original[key][0], edited[key][0], strict=True)
            assert all(a != b for a, b in pairs), "the edit must change every page"
        batches.append(batch)
    return batches


def observed(db: sqlite3.Connection) -> dict[IssueKey, Fingerprint]:
    pages: dict[IssueKey, list[tuple[int, str, int]]] = {}
    for paper, date, number, digest, count in db.execute(
            "SELECT pa.name, i.date, p.number, p.source_hash, "
            "(SELECT count(*) FROM articles a WHERE a.page_id = p.id) "
            "FROM pages p JOIN issues i ON i.id = p.issue_id JOIN papers pa ON pa.id = i.paper_id"):
        pages.setdefault((paper, date), []).append((number, digest, count))
    for paper, date in db.execute("SELECT pa.name, i.date FROM issues i JOIN papers pa "
                                  "ON pa.id = i.paper_id"):
        pages.setdefault((paper, date), [])  # an issue without pages shows up as a mismatch
    links = dict(((paper, date), n) for paper, date, n in db.execute(
        "SELECT pa.name, i.date, count(*) FROM continuations c JOIN articles a ON a.id = c.from_article "
        "JOIN pages p ON p.id = a.page_id JOIN issues i ON i.id = p.issue_id "
        "JOIN papers pa ON pa.id = i.paper_id GROUP BY i.id"))
    return {key: (tuple(sorted(rows)), links.get(key, 0)) for key, rows in pages.items()}


def index_checks(path: Path) -> list[str]:
    """SQLite's and FTS5's own checks; run in a transaction that is rolled back."""
    problems = []
    with Library(path) as lib:
        verdict = lib.integrity_check()
        if verdict != "ok":
            problems.append(f"integrity_check: {verdict}")
        db = lib.db
        db.execute("BEGIN IMMEDIATE")
        try:
            for table in ("article_fts", "article_chars"):
                try:
                    db.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
                except sqlite3.DatabaseError as exc:
                    problems.append(f"{table} integrity-check: {exc}")
            n_text, n_articles = db.execute(
                "SELECT (SELECT count(*) FROM article_text), (SELECT count(*) FROM articles)").fetchone()
            if n_text != n_articles:
                problems.append(f"{n_articles} articles but {n_text} rows of search text")
        finally:
            db.execute("ROLLBACK")
    return problems


COMMITTED = "killed after its commit: all of it kept"
ROLLED_BACK = "killed before its commit: none of it kept"


@dataclass
class Harness:
    workdir: Path
    seed: int
    log: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.db = self.workdir / "library.sqlite3"
        self.batches = make_batches(self.workdir / "input")
        # What the library holds, as far as the checks have seen: issue -> version name.
        self.state: dict[IssueKey, str] = {}
        self.in_library: dict[int, str] = {}  # batch index -> version
        Library(self.db).close()
        self.reader = Library(self.db)  # stays open, as a reader's window would
        self.timing = {size: self.calibrate(size) for size in (SMALL, BIG)}
        self.timing_runs = 0

    def command(self, folders: list[Path], db: Path) -> list[str]:
        return [sys.executable, "-m", "paper_reader", "import", *map(str, folders), "--db", str(db)]

    def calibrate(self, size: int) -> tuple[float, float]:
        """How long a whole import of a batch of this size takes, start-up included, and how
        long its writing (from the first change of the -wal to the end); into a new library.
        Runs without a kill ("timing" runs, every 20th) keep these up to date as the library
        grows."""
        batch = next(b for b in self.batches if len(b.days) == size)
        scratch = self.workdir / f"calibrate-{size}.sqlite3"
        times = []
        for _ in range(2):
            for f in scratch.parent.glob(scratch.name + "*"):
                f.unlink()
            Library(scratch).close()
            wal = Path(str(scratch) + "-wal")
            start = time.monotonic()
            proc = subprocess.Popen(self.command(batch.versions["original"].folders, scratch),
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
            wrote_at = None
            while proc.poll() is None:
                if wrote_at is None and wal.exists() and wal.stat().st_size:
                    wrote_at = time.monotonic()
                time.sleep(0.0005)
            done = time.monotonic()
            assert proc.returncode == 0
            times.append((done - start, done - (wrote_at or start)))
        for f in scratch.parent.glob(scratch.name + "*"):
            f.unlink()
        return min(times)

    def choose(self) -> tuple[Batch, str]:
        """Mostly a batch not yet in; a fifth of the time a new version of one that is."""
        absent = [b for b in self.batches if b.index not in self.in_library]
        present = [b for b in self.batches if b.index in self.in_library]
        if present and (not absent or self.rng.random() < 0.2):
            batch = self.rng.choice(present)
            other = "edited" if self.in_library[batch.index] == "original" else "original"
            return batch, other
        small = [b for b in absent if len(b.days) == SMALL]
        big = [b for b in absent if len(b.days) == BIG]
        pool = big if big and (not small or self.rng.random() < 0.15) else small
        return self.rng.choice(pool), "original"

    def wal_stamp(self) -> tuple[int, int]:
        try:
            st = os.stat(str(self.db) + "-wal")
            return st.st_size, st.st_mtime_ns
        except FileNotFoundError:
            return 0, 0

    def one_run(self, strategy: str) -> tuple[str, list[str]]:
        """One import and (unless strategy is "timing") one SIGKILL, then the checks."""
        batch, version = self.choose()
        size = len(batch.days)
        total, write = self.timing[size]
        before = dict(self.state)
        wal_before = self.wal_stamp()
        proc = subprocess.Popen(self.command(batch.versions[version].folders, self.db),
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
        start = time.monotonic()
        wrote_at = None
        if strategy == "random":
            try:
                proc.wait(timeout=self.rng.uniform(0, 1.15 * total))
            except subprocess.TimeoutExpired:
                pass
        else:  # wait for the -wal to change: the transaction is being written
            deadline = start + 10 * total + 5
            while proc.poll() is None and time.monotonic() < deadline:
                if self.wal_stamp() != wal_before:
                    wrote_at = time.monotonic()
                    break
                time.sleep(0.0005)
            if strategy == "write" and wrote_at is not None:
                time.sleep(self.rng.choice([0.0, self.rng.uniform(0, 0.2 * write),
                                            self.rng.uniform(0, 1.1 * write)]))
            elif strategy == "timing":
                proc.wait()
                if proc.returncode == 0 and wrote_at is not None:  # learn how long it now takes
                    done = time.monotonic()
                    self.timing[size] = (0.7 * total + 0.3 * (done - start),
                                         0.7 * write + 0.3 * (done - wrote_at))
        finished = proc.poll() is not None
        if not finished:
            proc.send_signal(signal.SIGKILL)
        _, err = proc.communicate()
        problems: list[str] = []
        if finished and proc.returncode != 0:
            problems.append(f"the import failed by itself (exit {proc.returncode}): "
                            f"{err.decode(errors='replace').strip()[-300:]}")
        outcome, found = self.check(batch, version, before, problems)
        if finished and outcome != COMMITTED and not problems:
            problems.append(f"the import exited 0 but its batch was not kept ({outcome})")
        if problems:
            return "FAILED", [f"run with batch {batch.index} ({version}, {strategy}): {p}"
                              for p in problems]
        self.state = found
        if strategy == "timing":
            return "timing run, not killed", []
        return ("finished before the kill" if finished else outcome), []

    def check(self, batch: Batch, version: str, before: dict[IssueKey, str],
              problems: list[str]) -> tuple[str, dict[IssueKey, str]]:
        try:
            problems += index_checks(self.db)
            with Library(self.db, readonly=True) as lib:
                seen = observed(lib.db)
                found: dict[IssueKey, str] = {}
                for key, fingerprint in seen.items():
                    names = [name for b in self.batches for name, v in b.versions.items()
                             if v.prints.get(key) == fingerprint]
                    if not names:
                        problems.append(f"{key}: half-imported or damaged (matches no input)")
                    else:
                        found[key] = names[0] if before.get(key) not in names else before[key]
                for key in before:
                    if key not in found:
                        problems.append(f"{key}: was in the library before the run, now gone")
                batch_keys = set(batch.versions[version].prints)
                for key in set(found) | set(before):
                    if key not in batch_keys and found.get(key) != before.get(key):
                        problems.append(f"{key}: outside the run's batch, yet changed "
                                        f"({before.get(key)} -> {found.get(key)})")
                came = {key for key in batch_keys if found.get(key) == version}
                if came and came != batch_keys:
                    problems.append(f"batch {batch.index}: {len(came)} of {len(batch_keys)} issues "
                                    "came in (one transaction must bring all or none)")
                for key in batch_keys:  # whole issues, links and search index
                    if key not in found:
                        continue
                    issue_id = lib.find_issue(*key)
                    want = next(b.versions[found[key]].whole[key] for b in self.batches
                                if key in b.versions[found[key]].whole)
                    if lib.load_issue(issue_id).to_dict() != want:
                        problems.append(f"{key}: stored issue differs from its input")
                    y, m, d = (int(x) for x in key[1].split("-"))
                    hits = lib.search(cn_date(dt.date(y, m, d)), limit=20)
                    if not any(h.date == key[1] for h in hits):
                        problems.append(f"{key}: its own date is not found by search")
                self.reader.is_empty()  # the "window" reads on
        except (LibraryError, sqlite3.Error) as exc:
            problems.append(f"the library could not be checked: {exc}")
            return "unreadable", before
        if problems:
            return "FAILED", before
        if came:
            self.in_library[batch.index] = version
            return COMMITTED, found
        return ROLLED_BACK, found

    def run(self, runs: int, budget: float | None = None) -> dict[str, Row]:
        rows = {
            "random": Row("Faults", "kill -9 at a random moment of an import",
                          "SIGKILL to `python -m paper_reader import` (40 or 160 pages) after a "
                          "random delay, uniform over 0-1.15x a whole import (its length measured "
                          "as the library grows); library checked after each kill"),
            "write": Row("Faults", "kill -9 while an import writes to the library",
                         "SIGKILL a random moment after the library's -wal file starts "
                         "changing, i.e. while the transaction is written (up to 1.1x its measured "
                         "length); library checked after each kill"),
        }
        started = time.monotonic()
        for k in range(runs):
            if budget is not None and time.monotonic() - started > budget:
                break
            strategy = "timing" if k % 20 == 19 else "random" if k % 2 == 0 else "write"
            outcome, problems = self.one_run(strategy)
            if strategy == "timing" and not problems:
                self.timing_runs += 1
                continue
            if strategy == "timing":
                strategy = "write"  # a failure in a run without a kill still fails the harness
            if problems:
                rows[strategy].fail("; ".join(problems[:3]))
                self.log += problems
            else:
                rows[strategy].add(outcome)
        self.reader.close()
        return rows


# The child processes run the package from this checkout, whatever is installed.
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(
    [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--runs", type=int, default=300)
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--budget", type=float, default=None, help="stop after this many seconds")
    p.add_argument("--workdir", type=Path, default=None)
    p.add_argument("--keep", action="store_true")
    p.add_argument("--run-name", default="reliability")
    args = p.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="paper-reader-kill-"))
    workdir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    try:
        harness = Harness(workdir, seed)
        rows = harness.run(args.runs, args.budget)
        write("kill9", list(rows.values()), args.run_name, time.monotonic() - started,
              {"seed": seed, "timing_runs": harness.timing_runs, "import_seconds_at_end": {
                  f"{4 * k} pages": [round(x, 3) for x in v] for k, v in harness.timing.items()}})
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"[kill9] seed {seed}, {time.monotonic() - started:.0f} s", flush=True)
    return 0 if all(r.ok for r in rows.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
