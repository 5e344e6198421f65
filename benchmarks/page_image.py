"""The page-image rows: the real window on libraries of page PDFs (page_image_probe.py).

    python -m benchmarks.page_image [--rounds N] [--issues N]   # these rows alone

On the sample issue's four page PDFs: a page turn's first frame (a stand-in image on screen)
and its sharp image at fit width, a zoom step's first frame, the hover highlight. On an
archive of page PDFs (the sample's text with its dates moved, archive.py, typeset by the
sample's own typesetter, packaging/sample/typeset_sample.py): every page opened once, for
the peak memory with the image cache bounded, and a page's first sharp image when nothing of
it was drawn or read before. Writing and importing the archive is not timed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from . import archive
from .window import FRAME_S, _env, p95

REPO = Path(__file__).resolve().parent.parent
TYPESETTER = REPO / "packaging" / "sample" / "typeset_sample.py"
SHARP_S = 0.100
MEMORY_MB = 400
ISSUES = 25  # 100 page images
MIN_SAMPLES = 20

# Typesets each folder's pages in one process (the typesetter's main, once per issue). A
# moved date can make a line a little longer: such a row is drawn all the same.
TYPESET = """
import sys
sys.path.insert(0, sys.argv[1])
import typeset_sample
for folder in sys.argv[2:]:
    typeset_sample.main(["--sample", folder])
"""


def pdf_archive(home: Path, issues: int) -> Path | None:
    """A library of ``issues`` four-page issues as page PDFs; None when they cannot be made."""
    from paper_reader.core.importer import import_paths
    from paper_reader.core.library import Library

    folders = archive.write_archive(home / "pdf-archive", issues)
    for folder in folders:
        (folder / "pdf").mkdir(exist_ok=True)
    done = subprocess.run([sys.executable, "-c", TYPESET, str(TYPESETTER.parent), *map(str, folders)],
                          cwd=REPO, env=dict(os.environ, TYPESET_LENIENT="1", QT_QPA_PLATFORM="offscreen"),
                          capture_output=True, text=True, timeout=1200)
    if done.returncode != 0:
        print(done.stderr[-800:], file=sys.stderr)
        return None
    path = home / "pdf-archive.sqlite3"
    with Library(path) as lib:
        report = import_paths(lib, [folder / "pdf" for folder in folders])
    return path if report.count("imported") == 4 * issues else None


def probe(library: Path, home: Path, mode: str, rounds: int = 5) -> dict[str, object]:
    cmd = [sys.executable, "-m", "benchmarks.page_image_probe", str(library), mode, str(rounds)]
    done = subprocess.run(cmd, env=_env(home), capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-800:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def _row(report, row_type, name: str, values: list[float], floor_s: float, notes: str) -> None:  # type: ignore[no-untyped-def]
    ok = len(values) >= MIN_SAMPLES
    v = p95(values) if values else float("nan")
    report.add(row_type(
        "Window", name, f"p95 {v * 1000:.1f} ms", f"p95 ≤ {floor_s * 1000:.0f} ms",
        ("PASS" if v <= floor_s else "FAIL") if ok else "FAIL",
        f"{len(values)} samples{'' if ok else f' (fewer than {MIN_SAMPLES})'}, p50 "
        f"{statistics.median(values) * 1000 if values else float('nan'):.1f} ms, worst "
        f"{max(values, default=float('nan')) * 1000:.1f} ms; {notes}"))


def waits_table(rows: list[tuple[str, list[float], list[dict[str, float]]]]) -> str:
    """What the render thread did between a page turn and the page's sharp frame: per kind
    of job, the median milliseconds a turn spent on it (the thread runs one job at a time)."""
    out = ["| Pages shown | to sharp p50 / p95 ms | tiles a page | tiles ms | markers ms (text layer) "
           "| thumbnails ms | other ms |", "|---|---:|---:|---:|---:|---:|---:|"]
    for name, sharp, waits in rows:
        if not waits:
            continue

        def med(kind: str, w: list[dict[str, float]] = waits) -> float:
            return statistics.median(x.get(kind, 0.0) for x in w) * 1000

        other = statistics.median(sum(v for k, v in x.items() if k not in ("tiles", "tile", "marks", "thumb"))
                                  for x in waits) * 1000
        out.append(f"| {name} | {statistics.median(sharp) * 1000:.0f} / {p95(sharp) * 1000:.0f} | "
                   f"{statistics.median(x['tiles'] for x in waits):.0f} | {med('tile'):.0f} | "
                   f"{med('marks'):.0f} | {med('thumb'):.0f} | {other:.0f} |")
    return "\n".join(out)


def bench_page_image(report, home: Path, row_type, rounds: int = 5, issues: int = ISSUES) -> None:  # type: ignore[no-untyped-def]
    from .page_image_startup import pdf_library

    home.mkdir(parents=True, exist_ok=True)
    sample = pdf_library(home)
    if sample is None:
        report.add(row_type("Window", "page image rows", "not measured", "—", "SKIP",
                            "the sample issue's page PDFs could not be imported"))
        return
    t = probe(sample, home / "turns", "turns", rounds)
    turns = t["turns"]
    _row(report, row_type, "page turn to the first frame, page image (sample issue PDF)", t["scaled"],
         FRAME_S,
         f"{t['stand_ins']} of {turns} first frames showed the page's thumbnail scaled to fit width "
         "while its tiles were drawn; each turn with the page's tiles dropped from the image cache")
    _row(report, row_type, "page turn to the sharp page image at fit width (sample issue PDF)", t["sharp"],
         SHARP_S, f"until every visible tile is painted at the fit-width scale (settled), the page's "
         f"tiles dropped from the cache before each turn; {t['unsettled']} turns never sharp within 5 s")
    _row(report, row_type, "zoom step to the first frame, page image (sample issue PDF)", t["zoom"], FRAME_S,
         f"Ctrl+wheel on the page, 4 steps in and 4 out, 3 times, the new scale's tiles not cached: the "
         f"first frame shows the last tiles scaled; to sharp p95 {p95(t['zoom_sharp']) * 1000:.0f} ms")
    _row(report, row_type, "hover highlight, page image (sample issue PDF)", t["hover"], FRAME_S,
         f"QTest.mouseMove onto one of {t['hover_articles']} articles of the front page after another, to "
         f"the repaint with it highlighted (its title as tooltip); {t['hover_missed']} moves missed")
    pdfs = pdf_archive(home, issues)
    if pdfs is None:
        report.add(row_type("Window", "peak memory after turning through page images", "not measured",
                            f"≤ {MEMORY_MB} MB", "FAIL", "the archive of page PDFs could not be made"))
        return
    m = probe(pdfs, home / "memory", "memory", 1)
    peak = m["peak_kb"] / 1024
    cache_mb = 1024 * 1024
    report.add(row_type(
        "Window", f"peak memory after turning through {m['pages']} page images ({issues}-issue PDF archive)",
        f"{peak:.0f} MB", f"≤ {MEMORY_MB} MB", "PASS" if peak <= MEMORY_MB and m["pages"] >= 100 else "FAIL",
        f"VmHWM of the probe process; every page of {m['issues']} issues opened in date order until sharp; "
        f"image cache at the end {m['cache_used'] / cache_mb:.0f} MB in {m['cache_images']} images, at most "
        f"{m['cache_most'] / cache_mb:.0f} MB, budget {m['cache_budget'] / cache_mb:.0f} MB; "
        "resident after " + ", ".join(f"{n} pages {kb / 1024:.0f} MB" for n, kb in m["resident"].items())))
    _row(report, row_type, f"first sharp image of a page never drawn ({issues}-issue PDF archive)",
         m["sharp"], SHARP_S, "each page opened the first time: its PDF read from the library and opened, "
         f"its markers read from its text layer, its tiles drawn; {m['unsettled']} never sharp within 5 s")
    report.details.append(("Page image: the render thread's work before a page was sharp", waits_table([
        ("sample issue PDF, page turns (tiles dropped)", t["sharp"], t["waits"]),  # type: ignore[arg-type]
        (f"{issues}-issue PDF archive, each page the first time", m["sharp"], m["waits"]),  # type: ignore[arg-type]
    ]) + "\n\nOne PDFium thread draws every tile one after another; a page's continuation "
        "markers are read from its text layer in the same thread, the first time it is shown."))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.page_image")
    ap.add_argument("--rounds", type=int, default=5, help="rounds of page turns (default 5: 30 turns)")
    ap.add_argument("--issues", type=int, default=ISSUES,
                    help=f"issues in the PDF archive (default {ISSUES})")
    args = ap.parse_args(argv)
    from . import machine
    from .run import Report, Row

    report = Report(machine.facts())
    with tempfile.TemporaryDirectory(prefix="paper-reader-page-image-") as tmp:
        bench_page_image(report, Path(tmp), Row, args.rounds, args.issues)
    print(report.markdown(), end="", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
