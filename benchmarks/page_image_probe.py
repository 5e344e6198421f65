"""Inside one process: the real window on a library of page PDFs, timing the page image.

    python -m benchmarks.page_image_probe LIBRARY turns [ROUNDS]   # turns, zoom, hover
    python -m benchmarks.page_image_probe LIBRARY memory [PASSES]  # every page of every issue

Prints one JSON object (seconds). ``turns``, on the sample issue's PDFs: pages turned forward
and back with the page's tiles dropped from the image cache first, so that every turn draws
the page anew (the page strip's thumbnails are kept: they are what stands in). For each turn
``scaled`` is the turn plus the event processing that paints its first frame, and whether
that frame showed a stand-in image; ``sharp`` runs on until the view has painted every
visible tile at the fit-width scale (PageImageView.settled). Then Ctrl+wheel zoom steps in
and out (each to its first frame, from a settled page) and pointer moves onto articles
(each to the repaint with the article highlighted). ``memory`` opens every page of every
issue in date order, each until sharp, and reports the peak resident set and the cache.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import threading
import time
from pathlib import Path

from .window_probe import peak_rss_kb


def rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main() -> int:
    library = Path(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "turns"
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QPoint, QPointF, Qt, QTimer
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from paper_reader.app import build
    from paper_reader.ui.reading import page_render

    # What the render thread does, job by job (kind, start, seconds): the notes of a slow
    # row say what a page waited for. Wrapped before the window makes its worker.
    jobs: list[tuple[str, float, float]] = []
    run_job = page_render._Worker.run

    main_thread = threading.get_ident()

    @functools.wraps(run_job)  # the slot's own name: the connection stays queued to the thread
    def timed_run(worker, job) -> None:  # type: ignore[no-untyped-def]
        if threading.get_ident() == main_thread:
            raise RuntimeError("a render job ran on the window's thread: the timing wrapper is wrong")
        started = time.perf_counter()
        run_job(worker, job)
        jobs.append((job.kind, started, time.perf_counter() - started))

    page_render._Worker.run = page_render.Slot(object)(timed_run)
    from paper_reader.core.reading.history import Location
    from paper_reader.ui.views.page_image import THUMB_WIDTH

    app = QApplication(sys.argv[:1])
    parts = build(library)
    window, reader = parts.window, parts.reader
    view = parts.presenter.image.view
    cache = parts.presenter.image.render.cache
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    keep_awake = QTimer()  # processEvents(WaitForMoreEvents) returns at least this often
    keep_awake.start(20)

    class Paints(QObject):
        """Counts the viewport's paints and whether a stand-in image was there for each."""

        def __init__(self) -> None:
            super().__init__()
            self.count = 0
            self.stand_in = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.count += 1
                self.stand_in = cache.peek(("thumb", view.digest, view.index, THUMB_WIDTH)) is not None \
                    or bool(view._before_scale)
            return False

    paints = Paints()
    view.viewport().installEventFilter(paints)

    def wait(until, seconds: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
        """Process events (sleeping in the event loop, not spinning) until ``until()``."""
        end = time.perf_counter() + seconds
        while not until():
            if time.perf_counter() > end:
                return False
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            # What the window's event loop does and processEvents does not: the objects
            # given up with deleteLater (the documents the cache let go of) are deleted.
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return True

    def pause(seconds: float = 0.2) -> None:
        """A reader's pause: the window's idle work (thumbnails, documents) runs here."""
        end = time.perf_counter() + seconds
        wait(lambda: time.perf_counter() >= end, seconds + 1)

    def sharp() -> bool:
        return view.isVisible() and view.page is not None and not view.message and view.settled()

    def drop_tiles(keep_scale: float | None = None) -> None:
        """The image cache without the pages' tiles (but those at ``keep_scale``, the ones on
        screen): what comes next is drawn anew."""
        kept = [(k, cache.peek(k)) for k in cache.keys() if k[0] != "tile" or k[3] == keep_scale]
        cache.clear()
        for key, image in kept:
            cache.put(key, image)

    out: dict[str, object] = {}
    waits: list[dict[str, float]] = []  # per page shown: seconds of each kind of job before sharp

    def waited_for(t0: float) -> None:
        spent: dict[str, float] = {"tiles": 0.0}
        now = time.perf_counter()
        for kind, started, seconds in jobs:
            if started <= now and started + seconds > t0:  # ran (in part) after the turn
                spent[kind] = spent.get(kind, 0.0) + min(seconds, started + seconds - t0)
                spent["tiles"] += kind == "tile"
        waits.append(spent)
        jobs.clear()
    wait(sharp)
    if mode == "memory":
        ids = []
        at = reader.library.latest_issue()
        while at is not None:
            ids.append(at)
            at = reader.library.neighbour_issue(at, -1)
        opened, sharp_times, unsettled, most_cached = 0, [], 0, 0
        resident: dict[int, int] = {}  # pages opened -> VmRSS, kB: flat once the cache is full
        for issue_id in list(reversed(ids)) * rounds:  # ROUNDS passes through the archive
            info = reader.library.issue_info(issue_id)
            for number in sorted(info.pages) if info else []:
                jobs.clear()
                t0 = time.perf_counter()
                reader.open(Location(issue_id, number, None))
                app.processEvents()
                if wait(sharp):
                    sharp_times.append(time.perf_counter() - t0)
                else:
                    unsettled += 1
                waited_for(t0)
                opened += 1
                most_cached = max(most_cached, cache.used)
                pause(0.05)
                if opened % 25 == 0:
                    resident[opened] = rss_kb()
        out.update(pages=opened, issues=len(ids), sharp=sharp_times, unsettled=unsettled,
                   waits=waits, peak_kb=peak_rss_kb(), rss_kb=rss_kb(), resident=resident,
                   cache_used=cache.used, cache_most=most_cached, cache_budget=cache.budget,
                   cache_images=len(cache))
    else:
        # The strip's thumbnails come on idle time after the page is sharp.
        wait(lambda: all(cache.peek(("thumb", p.pdf.digest, p.pdf.index, THUMB_WIDTH)) is not None
                         for p in reader.issue.pages if p.pdf is not None), 10)
        scaled, stand_ins, sharp_times, unsettled = [], 0, [], 0
        numbers = reader.page_numbers()
        for _ in range(rounds):
            for step in [1] * (len(numbers) - 1) + [-1] * (len(numbers) - 1):
                pause()
                drop_tiles()
                before = paints.count
                jobs.clear()
                t0 = time.perf_counter()
                reader.turn(step)
                app.processEvents()  # the update request: the turn's first frame
                first = time.perf_counter() - t0
                if paints.count > before:
                    scaled.append(first)
                    stand_ins += paints.stand_in
                if wait(sharp):
                    sharp_times.append(time.perf_counter() - t0)
                else:
                    unsettled += 1
                waited_for(t0)
        out.update(scaled=scaled, stand_ins=stand_ins, sharp=sharp_times, unsettled=unsettled, waits=waits,
                   turns=rounds * 2 * (len(numbers) - 1))

        # Zoom: Ctrl+wheel steps about the viewport's middle, four in, four out.
        reader.go_page(numbers[0])
        wait(sharp)
        vp = view.viewport()
        middle = QPointF(vp.width() / 2, vp.height() / 2)
        zooms, zoom_sharp = [], []
        for k in range(24):
            wait(sharp)
            pause(0.05)
            drop_tiles(view.device_scale())  # the next scale's tiles are drawn anew
            notch = 120 if (k // 4) % 2 == 0 else -120
            event = QWheelEvent(middle, vp.mapToGlobal(middle), QPoint(0, 0), QPoint(0, notch),
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                                Qt.ScrollPhase.NoScrollPhase, False)
            zoom, before = view.zoom, paints.count
            t0 = time.perf_counter()
            QApplication.sendEvent(vp, event)
            app.processEvents()
            elapsed = time.perf_counter() - t0
            if view.zoom != zoom and paints.count > before:
                zooms.append(elapsed)
            if wait(sharp):
                zoom_sharp.append(time.perf_counter() - t0)
        out.update(zoom=zooms, zoom_sharp=zoom_sharp)

        # Hover: the pointer moved onto an article (from another), to the highlighted repaint.
        view.fit_width()
        wait(sharp)
        page = reader.page()
        targets = []
        for row, article in enumerate(page.articles if page else []):
            for region in article.regions:
                centre = view.to_view(region).center()
                if vp.rect().contains(centre.toPoint()) and view.article_at(centre) == row:
                    targets.append((row, centre.toPoint()))
                    break
        hovers: list[float] = []
        missed = 0
        for k in range(max(24, 3 * len(targets)) if len(targets) > 1 else 0):
            row, point = targets[k % len(targets)]
            pause(0.05)
            before = paints.count
            t0 = time.perf_counter()
            QTest.mouseMove(vp, point)
            app.processEvents()
            if view.hover == row and paints.count > before:
                hovers.append(time.perf_counter() - t0)
            else:
                missed += 1
        out.update(hover=hovers, hover_missed=missed, hover_articles=len(targets),
                   peak_kb=peak_rss_kb(), cache_used=cache.used, cache_budget=cache.budget)
    print(json.dumps(out), flush=True)
    parts.library.close()
    os._exit(0)  # the measurement is out; skip interpreter teardown of the Qt objects


if __name__ == "__main__":
    sys.exit(main())
