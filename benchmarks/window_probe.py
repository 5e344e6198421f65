"""Inside one process: open the real window on a library and time what a reader does.

Prints one JSON object: page-turn and article-open times (seconds, each including a
synchronous repaint of the window) and the peak resident memory.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path


def peak_rss_kb() -> int:
    """This process's own peak (ru_maxrss would carry the parent's peak over exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


SEARCHES = [
    ("1 char", ["馆", "河", "春", "鹭", "桥", "鲸"]),
    ("2 chars", ["图书", "春耕", "剪纸", "白鹭", "公交", "火箭"]),
    ("3 chars", ["图书馆", "运动会", "志愿者", "招聘会", "博物馆", "圖書館"]),
    ("4+ chars", ["全民阅读", "美丽乡村", "老旧小区", "一件事一次办", "量子计算"]),
]


def search_once(app, panel, query: str) -> float:  # type: ignore[no-untyped-def]
    """Seconds from the query being run to its results being shown in the list."""
    shown: list[int] = []
    panel.resultsShown.connect(shown.append)
    panel.query.blockSignals(True)  # no typing delay: the query is run at once
    panel.query.setText(query)
    panel.query.blockSignals(False)
    from PySide6.QtCore import QEventLoop, QTimer

    # Waited for as the window waits, in its event loop: a loop calling processEvents
    # would keep the interpreter from the search thread (its Python waits for the lock).
    loop = QEventLoop()
    panel.resultsShown.connect(loop.quit)
    QTimer.singleShot(10_000, loop.quit)  # never for ever
    t0 = time.perf_counter()
    panel.run()
    if not shown:
        loop.exec()
    panel.resultsShown.disconnect(loop.quit)
    app.processEvents()  # the list paints the results
    elapsed = time.perf_counter() - t0
    panel.resultsShown.disconnect(shown.append)
    return elapsed


def main() -> int:
    library = Path(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from paper_reader.app import build

    app = QApplication(sys.argv[:1])
    parts = build(library)
    window, reader = parts.window, parts.reader
    window.resize(1280, 800)
    window.show()
    app.processEvents()

    def pause(seconds: float = 0.2) -> None:
        """A reader's pause between two actions: the window's idle work runs here."""
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.005)

    def timed(action) -> float:  # type: ignore[no-untyped-def]
        pause()
        t0 = time.perf_counter()
        action()
        app.processEvents()  # delivers the update requests: layout and paint of what changed
        return time.perf_counter() - t0

    turns: list[float] = []
    opens: list[float] = []
    issues: list[float] = []
    for _ in range(rounds):
        numbers = reader.page_numbers()
        for _n in numbers[1:]:
            turns.append(timed(lambda: reader.turn(1)))
        for _n in numbers[1:]:
            turns.append(timed(lambda: reader.turn(-1)))
        for number in numbers:
            reader.go_page(number)
            app.processEvents()
            page = reader.page()
            for row in range(len(page.articles) if page else 0):
                opens.append(timed(lambda row=row: reader.select_article(row)))
        issues.append(timed(lambda: reader.turn_issue(-1)))
    # Script: the first switch loads OpenCC and converts; later ones should come from cache.
    tools = parts.tools
    reader.go_page(1)
    pause()
    reader.select_article(0)
    pause()
    first_switch = timed(lambda: tools.look.set_script("traditional"))
    switches = []
    for _ in range(10):
        switches.append(timed(lambda: tools.look.set_script("original")))
        switches.append(timed(lambda: tools.look.set_script("traditional")))
    tools.look.set_script("original")

    # Search from the window: typing done, until the results are in the list.
    panel = tools.search.panel()
    searches: dict[str, list[float]] = {}
    for group, queries in SEARCHES:
        for query in queries:
            for _ in range(4):
                pause(0.05)
                searches.setdefault(group, []).append(search_once(app, panel, query))
    peak_kb = peak_rss_kb()
    print(json.dumps({"turns": turns, "opens": opens, "issues": issues, "peak_kb": peak_kb,
                      "first_switch": first_switch, "switches": switches, "searches": searches}),
          flush=True)
    parts.library.close()
    os._exit(0)  # the measurement is out; skip interpreter teardown of the Qt objects


if __name__ == "__main__":
    sys.exit(main())
