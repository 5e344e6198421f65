"""Write docs/reliability.md from the harnesses' own numbers.

    python -m tests.reliability.report [RESULTS_DIR] [OUT.md]

RESULTS_DIR (default build/reliability) holds the JSON files the harnesses wrote with
PAPER_READER_RELIABILITY_OUT set: kill9.json (tests/reliability/killer.py), and
pytest-<run>.json (the pytest harnesses; <run> is "reliability" for make reliability and
"long" for make fuzz). Every number in the tables comes from those files.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

RUNS = {
    "reliability": "`make reliability` (the size CI runs)",
    "long": "`make fuzz` (the long run, hypothesis profile `long`)",
    "test": "`make test` (the short run in the test suite)",
}

INTRO = """\
# Reliability

What paper-reader was put through on purpose, how often, and what came of it: faults
(kill -9, full disk, read-only library), damaged libraries, concurrent use, and bad input.
Every number below is printed by the harnesses themselves; this file is written from their
output by `tests/reliability/report.py` (`make reliability` runs the harnesses at the size
CI can afford and rewrites it; `make fuzz` adds the long run's numbers).

A **try** is one case: one kill, one damaged file, one generated input. An outcome names
what happened; FAILED would be an exception other than the documented ones (PageFileError,
LibraryError, each with a one-line message), a lost line, a half-imported page, or a library
changed by a failed or read-only operation. A row passes when no try failed.
"""

HOW = """\
## How the faults were produced

Honestly, since some faults cannot be made for real on a test machine:

- **kill -9**: real. `tests/reliability/killer.py` starts `python -m paper_reader import`
  (40 or 160 pages) as a separate process and sends SIGKILL at a random moment, or a random
  0-300 ms after the library's `-wal` file starts changing (so the kill lands while the
  transaction is written). One library grows over all the runs; a connection from the
  harness stays open on it throughout, as a reader's window would. After each kill:
  `PRAGMA integrity_check`, both FTS5 indexes' `integrity-check`, every issue compared page
  by page (source hash, article count, continuations) with its input, the run's own batch
  compared whole and searched for, and all-or-nothing checked for the batch.
- **Disk full**: simulated with SQLite's own limit, `PRAGMA max_page_count` set to the
  file's current size on the importing connection, which makes SQLite fail the next page
  it needs with SQLITE_FULL, the error a full disk gives. No small filesystem is mounted.
  The limit is set between page k and k+1 of a 20-page import for every k, and at open for
  the command line and the window's import thread.
- **Read-only library**: simulated. The tests run as root, for whom `chmod 555` changes
  nothing, so the library is opened through a `mode=ro` URI (as SQLite opens a file it may
  not write) for the command line and the window, and `PRAGMA query_only` is switched on
  between two pages of an import (SQLite then refuses the next write with SQLITE_READONLY).
  A folder that turns read-only in the middle of an import does not stop SQLite's already
  open files on Linux; the simulation covers the refusals a read-only file or folder gives.
- **I/O errors** (SQLITE_IOERR) were not produced: they would need a failing disk or a VFS
  shim. They map to a plain "could not be read or written" message (not "damaged").
- **Damaged library**: real bytes. A good 11-issue library (checkpointed into one file) is
  copied and damaged by a seeded random generator, one kind of damage per row; then `list`,
  `export`, two searches and `import` run against it in-process, and the window's start-up
  check; for every third of the first 120 cases the window is built on what passes it.
- **Concurrency**: real processes and threads: several `paper-reader import` processes at
  once into one library while this process reads, two windows on one library with a
  command-line import in between, and a second start of the reader.
- **Bad input**: hypothesis, seeded with the publisher's real page
  (`../shared/corpus/liaoyuan-2020-07-06-p1.txt`) and the four pages of the bundled sample
  issue; the mutations are listed in each row. Text fields: hypothesis strings of any
  Unicode (control characters, FTS and SQL syntax, up to 10,000 characters) in every
  command-line argument, the search box and the import paths.
"""

FOUND = """\
## What these runs found, and what was fixed

- **A second connection in one process silently dropped the first one's locks.** Opening a
  library ran a header check with Python's `open()`/`close()` on the file; on POSIX,
  closing any descriptor of a file drops every lock the process holds on it, SQLite's
  included. With the window open (its own connection), each import from the window and
  each search opened another connection and so dropped the window's locks; a command-line
  import finishing at that moment could take the library for unused and reset its WAL
  under the window, which then read "database disk image is malformed" (and would have
  offered to set a whole library aside). Found by the kill -9 harness within a few dozen
  kills; fixed in `core/library.py` (the check is skipped for a file this process already
  has open), with a regression test.
- **A full disk was reported as a damaged library**: SQLite rolls back by itself on
  SQLITE_FULL, the importer's own ROLLBACK then failed ("no transaction is active") and that
  error was mapped to DamagedLibraryError. Now: "the disk is full; nothing was changed".
  A failed COMMIT no longer leaves the transaction open.
- **A read-only folder, a missing folder, a busy or full disk at open** were all reported
  as "damaged" (so the window offered to set a good library aside). Errors are now mapped
  by SQLite's result code; only corruption is "damaged".
- **Reads during another program's import** could see a page replaced between two
  statements of one read (a dangling reference); `load_issue`, `export` and `search` now
  read one snapshot.
- **Damaged files** could end in a traceback: garbled text in the schema (UnicodeDecodeError
  from SQLite's message), search text of a missing article (TypeError), garbled stored
  records (JSON); SQLite's message could quote kilobytes of garbage. All now end in one
  plain line.
- **Bad paths** could end in a traceback or a hang: a 10,000-character name (ENAMETOOLONG),
  a NUL in a name, a FIFO or device given as a page file (read for ever), a `--db` name over
  255 bytes. Now each is one error line and the rest of the import goes on.
- **Arguments in another encoding** (bytes that are not UTF-8 reach Python as lone
  surrogates) ended in UnicodeEncodeError in search, export and read-only opens; an
  over-long `--limit` in an OverflowError. Now they are searched as text and match nothing.
- **A start-up location like `--open 2024-03-15/²`** raised ValueError (`isdigit`).
- **Two pages of one issue with one number in a single import** (e.g. two page files
  without page numbers) silently kept only the later one. Now the import says so.
- **Two programs creating one new library at once** (a first start of the window and an
  import in a terminal): the second ran the schema again and failed with "table papers
  already exists", reported as a damaged library. The schema is now made once, checked
  again inside the creating transaction.
- **A garbled format number** (negative `user_version`) ended in an IndexError; it is now a
  damaged library.
- **A `?` or `#` in the library's folder name** broke read-only opens (the URI was not
  quoted).
"""


LIMITS = """\
## Not covered, or not yet

- The command line says a damaged library is damaged, in one line, but cannot yet set it
  aside itself: the window does (at start-up, and when damage turns up while reading).
- Real I/O errors and a disk that fills at the operating-system level were not produced
  (see above); nor power loss, which WAL with `synchronous = NORMAL` may cost the last
  commits of (never the file's integrity).
- kill -9 of the window itself during an import from the window is the same case for the
  library as kill -9 of the command line (one SQLite transaction in a process that dies),
  and was not run separately.
"""


def outcome_text(outcomes: dict[str, int]) -> str:
    return "; ".join(f"{name}: {count:,}" for name, count in outcomes.items())


def table(rows: list[dict]) -> list[str]:
    out = ["| Area | Fault or bad input | How | Tries | Outcomes | Result |",
           "|---|---|---|---:|---|---|"]
    areas = ["Faults", "Damaged library", "Concurrency", "Bad input"]
    for r in sorted(rows, key=lambda r: (areas.index(r["area"]) if r["area"] in areas else 9,
                                         r["fault"])):
        result = "FAIL" if r["outcomes"].get("FAILED") else "pass"
        cell = r["how"].replace("|", "\\|")
        out.append(f"| {r['area']} | {r['fault']} | {cell} | {r['tries']:,} | "
                   f"{outcome_text(r['outcomes'])} | {result} |")
        for failure in r.get("failures", [])[:3]:
            out.append(f"| | | ↳ {failure.replace('|', '/')} | | | |")
    return out


def build(results: Path) -> str:
    files = sorted(results.glob("*.json"))
    by_run: dict[str, list[dict]] = {}
    meta: dict[str, list[str]] = {}
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        run = data.get("run", "reliability")
        by_run.setdefault(run, []).extend(data["rows"])
        note = f"{data['harness']}: {data['finished']}, {data['seconds']:,.0f} s on {data['machine']}"
        if "seed" in data:
            note += f", seed {data['seed']}"
        if "examples_base" in data:
            note += f", hypothesis examples base {data['examples_base']:,}"
        meta.setdefault(run, []).append(note)
    lines = [INTRO]
    if not by_run:
        lines.append("_No results yet: run `make reliability`._\n")
    order = [r for r in RUNS if r in by_run] + [r for r in by_run if r not in RUNS]
    for run in order:
        rows = by_run[run]
        total = sum(r["tries"] for r in rows)
        failed = sum(r["outcomes"].get("FAILED", 0) for r in rows)
        lines.append(f"## {RUNS.get(run, run)}\n")
        lines.append(f"{total:,} tries in {len(rows)} rows, {failed:,} failed.\n")
        for note in meta[run]:
            lines.append(f"- {note}")
        lines.append("")
        lines += table(rows)
        lines.append("")
    lines.append(HOW)
    lines.append(FOUND)
    lines.append(LIMITS)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    results = Path(args[0]) if args else ROOT / "build" / "reliability"
    out = Path(args[1]) if len(args) > 1 else ROOT / "docs" / "reliability.md"
    text = build(results)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} from {len(list(results.glob('*.json')))} result file(s) in {results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
