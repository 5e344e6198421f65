"""The floor of any Qt app here: a bare PySide6 window showing one article's HTML.

Run as a separate process by the start-up benchmark; prints the monotonic time of its
first paint, to compare with paper-reader's own start-up.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTextBrowser


class FirstPaint(QObject):
    """Time of the end of the first paint pass, measured as paper-reader measures its own."""

    at = 0.0
    painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, self._complete)
        return False

    def _complete(self) -> None:
        self.at = time.monotonic()


def main() -> int:
    html = open(sys.argv[1], encoding="utf-8").read()
    app = QApplication(sys.argv[:1])
    view = QTextBrowser()
    view.setHtml(html)
    view.resize(1280, 800)
    watcher = FirstPaint()
    view.installEventFilter(watcher)
    view.viewport().installEventFilter(watcher)
    view.show()
    deadline = time.monotonic() + 10
    while not watcher.at and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    print(f"first-paint-monotonic {watcher.at:.6f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
