"""Peak memory and wall time of ``paper-reader import`` as a whole process.

    python -m benchmarks.import_memory --issues 3650             # the 10-year library
    python -m benchmarks.import_memory --issues 3650 --papers 3  # the 30-year one

Writes an archive of ``--papers`` papers of ``--issues`` daily issues each (one folder per
issue, from ``archive.write_archive``), imports every folder into a new library in a child
process, and prints the child's peak resident memory and the import's wall time. The run
of the main benchmark calls ``import_peak``.

Each paper after the first is the generated archive with the paper's name rewritten on
every page (masthead, running headers, publisher line), so that the papers are distinct
issues in one library.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import archive

# The papers of a library of several: the sample's own name first. Each is one the
# masthead's pattern reads as a paper's name (…日报, …晚报).
PAPERS = [("songhe", "松河日报", "SONG HE RI BAO"), ("qingchuan", "青川日报", "QING CHUAN RI BAO"),
          ("linjiang", "临江晚报", "LIN JIANG WAN BAO"), ("baishan", "白山日报", "BAI SHAN RI BAO"),
          ("yuxi", "玉溪晚报", "YU XI WAN BAO")]
SAMPLE_PAPER, SAMPLE_PINYIN = PAPERS[0][1:]


def write_papers(root: Path, issues: int, papers: int = 1) -> list[Path]:
    """``papers`` papers of ``issues`` issues each under ``root``; every issue's folder."""
    if not 1 <= papers <= len(PAPERS):
        raise ValueError(f"--papers is from 1 to {len(PAPERS)}")
    folders: list[Path] = []
    for slug, name, pinyin in PAPERS[:papers]:
        done = root / f".{slug}-{issues}"  # written by an earlier run with --workdir
        if done.exists():
            folders += sorted(p for p in (root / slug).iterdir() if p.is_dir())
            continue
        written = archive.write_archive(root / slug, issues)
        if name != SAMPLE_PAPER:
            for folder in written:
                for page in folder.iterdir():
                    text = page.read_text(encoding="utf-8")
                    text = text.replace(SAMPLE_PAPER, name).replace(SAMPLE_PINYIN, pinyin)
                    page.write_text(text, encoding="utf-8")
        done.touch()
        folders += written
    return folders


def paper_reader_command() -> list[str]:
    """The installed ``paper-reader`` beside this Python, else the module."""
    script = Path(sys.executable).with_name("paper-reader")
    return [str(script)] if script.exists() else [sys.executable, "-m", "paper_reader"]


def import_peak(folders: list[Path], db: Path) -> tuple[float, float]:
    """Import ``folders`` into the library ``db`` in a child process: (seconds, peak MiB).

    The peak is the child's own maximum resident set (``wait4``'s rusage, the figure
    ``getrusage(RUSAGE_CHILDREN)`` gives for the largest child), so earlier children of
    this process do not count."""
    seconds, peak, _cpu = import_usage(folders, db)
    return seconds, peak


def import_usage(folders: list[Path], db: Path) -> tuple[float, float, float]:
    """As import_peak, with the child's processor time (user and system) in seconds: on a
    shared machine it varies less than the wall time."""
    command = [*paper_reader_command(), "import", *map(str, folders), "--db", str(db)]
    env = dict(os.environ, PAPER_READER_HOME=str(db.parent / "home"))
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert child.stderr is not None
    errors = child.stderr.read()  # read while it runs: a full pipe would stop it
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        tail = errors.decode("utf-8", "replace").strip().splitlines()[-5:]
        raise RuntimeError(f"the import failed ({child.returncode}): " + " | ".join(tail))
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime  # KiB on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--issues", type=int, default=3650, help="issues per paper (3650: ten years)")
    parser.add_argument("--papers", type=int, default=1, help="papers in the library")
    parser.add_argument("--workdir", type=Path, help="keep the archive and library here")
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="paper-reader-import-memory-"))
    try:
        work.mkdir(parents=True, exist_ok=True)
        db = work / "library.sqlite3"
        for leftover in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            leftover.unlink(missing_ok=True)  # an earlier run's library would make it a no-op
        print(f"writing {args.papers} × {args.issues:,} issues ...", file=sys.stderr)
        folders = write_papers(work / "archive", args.issues, args.papers)
        pages = sum(1 for folder in folders for _ in folder.iterdir())
        print(f"importing {len(folders):,} issues, {pages:,} page files ...", file=sys.stderr)
        seconds, peak, cpu = import_usage(folders, db)
        size = db.stat().st_size / 2**20
        print(f"issues {len(folders):,}  pages {pages:,}  import {seconds:.1f} s (cpu {cpu:.1f} s)  "
              f"peak RSS {peak:.0f} MiB  library {size:.0f} MiB")
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
