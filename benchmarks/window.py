"""Benchmarks of the window: start-up against a bare Qt window, page turns, article opens."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import long_run

# Floors with a margin for a machine half as fast as the one they were first met on.
STARTUP_RATIO_FLOOR = 1.4
FRAME_S = 0.012  # page turn, article open; the page image's first frames
SWITCH_S = 0.020  # script switch
SEARCH_S = 0.030  # search to results shown, every query length


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    # "quit": the reader's own start (not --screenshot, which skips the single-instance lock
    # and the library watch), reporting its first complete paint and quitting.
    env.update(QT_QPA_PLATFORM="offscreen", PAPER_READER_HOME=str(home), PAPER_READER_REPORT_PAINT="quit",
               XDG_RUNTIME_DIR=str(home))
    return env


def _first_paint(cmd: list[str], env: dict[str, str]) -> float:
    start = time.monotonic()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    for line in done.stdout.splitlines():
        if line.startswith("first-paint-monotonic"):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no first paint reported by {cmd[:3]}: {done.stderr[-400:]}")


def article_html_file(library: Path, out: Path) -> Path:
    """The HTML of the front page's first article, as the reader shows it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from paper_reader.core.library import Library
    from paper_reader.ui.views.article_html import article_html

    with Library(library, readonly=True) as lib:
        issue = lib.load_issue(lib.latest_issue())
        page = issue.pages[0]
        out.write_text(article_html(issue, page, page.articles[0]), encoding="utf-8")
    return out


def startup(library: Path, runs: int, home: Path, saved: str = "") -> dict[str, float]:
    """Median seconds from process start to first paint: the app, and the bare window.

    ``saved`` is the text of a settings file to start from (a reader's saved script/theme).
    """
    home.mkdir(parents=True, exist_ok=True)
    if saved:
        (home / "config").mkdir(exist_ok=True)
        (home / "config" / "paper-reader.ini").write_text(saved, encoding="utf-8")
    html = article_html_file(library, home / "article.html")
    # As installed from a wheel: byte-code compiled (pip does it at install time; an
    # editable install under PYTHONDONTWRITEBYTECODE=1 would recompile every module).
    import paper_reader

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(paper_reader.__file__).parent)],
                   check=False, capture_output=True)
    env = _env(home)
    app_cmd = [sys.executable, "-m", "paper_reader", "--db", str(library), "--size", "1280x800"]
    base_cmd = [sys.executable, "-m", "benchmarks.baseline_window", str(html)]
    _first_paint(app_cmd, env)  # warm the file cache for both
    _first_paint(base_cmd, env)
    app_times, base_times = [], []
    for _ in range(runs):  # alternate so that machine noise hits both alike
        app_times.append(_first_paint(app_cmd, env))
        base_times.append(_first_paint(base_cmd, env))
    return {"app": statistics.median(app_times), "baseline": statistics.median(base_times),
            "app_max": max(app_times), "baseline_max": max(base_times)}


def navigation(library: Path, home: Path, rounds: int = 6) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-m", "benchmarks.window_probe", str(library), str(rounds)],
                          env=_env(home), capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-800:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def sample_library(home: Path) -> Path:
    """A library holding just the bundled sample issue."""
    from paper_reader.core.importer import import_paths
    from paper_reader.core.library import Library
    from paper_reader.core.paths import sample_issue_dir

    path = home / "sample.sqlite3"
    with Library(path) as lib:
        import_paths(lib, [sample_issue_dir()])
    return path


def p95(values: list[float]) -> float:
    data = sorted(values)
    k = (len(data) - 1) * 0.95
    lo = int(k)
    hi = min(lo + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (k - lo)


def bench_window(report, libraries: list[tuple[str, Path]], runs: int, row_type) -> None:  # type: ignore[no-untyped-def]
    """Rows for the report, on the sample issue and then on each (label, library) given:
    start-up ratio, page turn and article open p95, script switch, search, peak memory."""
    with tempfile.TemporaryDirectory(prefix="paper-reader-window-") as tmp:
        home = Path(tmp)
        targets = [("sample issue", sample_library(home)), *libraries]
        for label, lib in targets:
            s = startup(lib, runs, home / label.replace(" ", "-"))
            ratio = s["app"] / s["baseline"]
            report.add(row_type(
                "Window",
                f"start-up to first paint ({label})",
                f"{s['app'] * 1000:.0f} ms vs bare Qt window {s['baseline'] * 1000:.0f} ms: "
                f"ratio {ratio:.2f}",
                f"ratio ≤ {STARTUP_RATIO_FLOOR}", "PASS" if ratio <= STARTUP_RATIO_FLOOR else "FAIL",
                f"median of {runs} alternating runs, offscreen; "
                f"worst {s['app_max'] * 1000:.0f} / {s['baseline_max'] * 1000:.0f} ms"))
            if label == "sample issue":
                saved = startup(lib, runs, home / "saved-look", "[view]\nscript=traditional\ntheme=dark\n")
                saved_ratio = saved["app"] / saved["baseline"]
                report.add(row_type(
                    "Window", "start-up with a saved 繁體 script and dark theme (sample issue)",
                    f"{saved['app'] * 1000:.0f} ms vs bare Qt window {saved['baseline'] * 1000:.0f} ms: "
                    f"ratio {saved_ratio:.2f}", f"no worse than default ({ratio:.2f})",
                    "PASS" if saved_ratio <= ratio * 1.05 else "FAIL",
                    "the first page is converted before it is shown; 5% allowed for noise"))
                from .page_image import bench_page_image  # these import this module
                from .page_image_startup import bench_page_image_startup

                bench_page_image_startup(report, runs, home / "page-image", row_type)
                bench_page_image(report, home / "page-image-probe", row_type)
            nav = navigation(lib, home / (label.replace(" ", "-") + "-nav"))
            for key, name in (("turns", "page turn"), ("opens", "article open")):
                values = nav[key]  # type: ignore[index]
                v = p95(values)
                report.add(row_type(
                    "Window", f"{name} p95 ({label})", f"{v * 1000:.1f} ms", f"≤ {FRAME_S * 1000:.0f} ms",
                    "PASS" if v <= FRAME_S else "FAIL",
                    f"{len(values)} samples, each until the window has painted the change; "
                    f"p50 {statistics.median(values) * 1000:.1f} ms"))
            first = nav["first_switch"]  # type: ignore[index]
            report.add(row_type("Window", f"script switch, first use ({label})", f"{first * 1000:.1f} ms",
                                "—", "info", "loads OpenCC s2t and converts the page, list and article"))
            switches = nav["switches"]  # type: ignore[index]
            v = p95(switches)
            report.add(row_type("Window", f"script switch p95 ({label})", f"{v * 1000:.1f} ms",
                                f"≤ {SWITCH_S * 1000:.0f} ms", "PASS" if v <= SWITCH_S else "FAIL",
                                f"{len(switches)} switches 简⇄繁 of a whole page with an article open"))
            for group, values in nav["searches"].items():  # type: ignore[index, union-attr]
                v = p95(values)
                report.add(row_type("Window", f"search to results shown, {group} ({label})",
                                    f"p50 {statistics.median(values) * 1000:.1f} ms, p95 {v * 1000:.1f} ms",
                                    f"p95 ≤ {SEARCH_S * 1000:.0f} ms", "PASS" if v <= SEARCH_S else "FAIL",
                                    f"{len(values)} searches from the search panel, a word in no "
                                    "article among them"))
            issues = nav["issues"]  # type: ignore[index]
            if issues:
                report.add(row_type("Window", f"previous issue ({label})",
                                    f"{statistics.median(issues) * 1000:.1f} ms median", "—", "info",
                                    "loads the issue from the library"))
            report.add(row_type("Window", f"peak memory, window open ({label})",
                                f"{nav['peak_kb'] / 1024:.0f} MB", "—", "info",
                                "peak resident set (VmHWM) of the probe process"))
        long_run.bench_long_run(report, home, row_type)
