"""Run in a fresh process: import an archive into a new library, as one import_paths call.

    python -m benchmarks.import_child LIBRARY FOLDER_LIST

FOLDER_LIST is a text file of issue folders, one a line. Prints one JSON object: the wall
time from opening the new library to the end of the commit, the peak resident memory of
this process (VmHWM: its own, where ru_maxrss would carry over the parent's peak through
exec), and what was stored. Run apart from the benchmark, the import's memory is its own
and nothing the benchmark holds (archives, vocabularies) weighs on it.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from pathlib import Path

from paper_reader.core.importer import import_paths
from paper_reader.core.library import Library


def peak_rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(argv: list[str]) -> int:
    library_path = Path(argv[0])
    folders = [Path(line) for line in Path(argv[1]).read_text(encoding="utf-8").splitlines() if line]
    start_kb = peak_rss_kb()
    gc.collect()
    t0 = time.perf_counter()
    lib = Library(library_path)
    result = import_paths(lib, folders)
    elapsed = time.perf_counter() - t0
    peak_kb = peak_rss_kb()
    lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    issues = lib.db.execute("SELECT count(*) FROM issues").fetchone()[0]
    papers = lib.db.execute("SELECT count(*) FROM papers").fetchone()[0]
    articles = lib.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    lib.close()
    print(json.dumps({
        "seconds": elapsed, "peak_kb": peak_kb, "start_kb": start_kb,
        "imported": result.count("imported"), "errors": [str(e) for e in result.errors[:3]],
        "error_count": len(result.errors), "issues": issues, "papers": papers, "articles": articles,
    }), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
