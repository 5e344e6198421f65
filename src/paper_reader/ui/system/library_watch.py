"""Notice what other programs write to the library while the window is open.

Another window, ``paper-reader import`` in a terminal, or the window's own import thread
each write through a connection of their own. SQLite's ``PRAGMA data_version`` on the
window's connection changes whenever another connection commits, so polling it every two
seconds is enough to notice, and costs nothing measurable (it reads no table).

    watch = LibraryWatch(library, parent=window)
    follow_library(watch, reader, presenter, tools)   # what the window does when it changes
    watch.start()
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ...core.library import Library, LibraryError
from ...core.reading.history import Location

log = logging.getLogger(__name__)

INTERVAL_MS = 2000


class LibraryWatch(QObject):
    """Emits ``changed`` (at most once per poll) after another connection committed."""

    changed = Signal()

    def __init__(self, library: Library, interval_ms: int = INTERVAL_MS, parent: Any = None) -> None:
        super().__init__(parent)
        self.library = library
        self._version = self._read()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _read(self) -> int | None:
        try:
            return self.library.data_version()
        except LibraryError as exc:  # busy or gone for a moment: try again at the next tick
            log.info("library watch: %s", exc)
            return None
        except Exception:  # a closed connection (the window is going away)
            return None

    def poll(self) -> bool:
        """Look now; True (and ``changed``) when the library changed since the last look."""
        version = self._read()
        if version is None or version == self._version:
            return False
        self._version = version
        self.changed.emit()
        return True


class LibraryFollower(QObject):
    """Brings the window up to date after the library changed under it.

    - nothing open yet (an empty library got its first issue): the newest issue opens;
    - the open issue itself changed (a page added or replaced): it is read again, staying
      on the same page and article;
    - otherwise only what depends on the list of issues: the previous/next issue actions,
      the search panel's papers and dates, the archive calendar if it is open.
    """

    refreshed = Signal(str)  # "opened", "reloaded", "emptied" or "lists": what was done, for tests

    def __init__(self, reader, presenter, tools=None,  # type: ignore[no-untyped-def]
                 extra: list[Callable[[], None]] | None = None) -> None:
        super().__init__(reader)
        self.reader, self.presenter, self.tools = reader, presenter, tools
        self.extra = list(extra or [])
        self._stamp: tuple[int | None, tuple[Any, ...]] = (None, ())
        reader.issueChanged.connect(self._remember)
        self._remember(reader.issue)

    def _remember(self, issue: Any) -> None:
        issue_id = getattr(issue, "id", None)
        try:
            stamp = self.reader.library.issue_stamp(issue_id) if issue_id is not None else ()
        except LibraryError:
            stamp = ()
        self._stamp = (issue_id, stamp)

    def _forget_removed(self) -> str | None:
        """Issues and pages removed (by this window or another program): history, search
        results and the open issue let go of them. "opened"/"emptied" when the open issue
        was among them."""
        reader, library = self.reader, self.reader.library
        pages: dict[int, set[int] | None] = {}

        def present(issue_id: int) -> set[int] | None:
            if issue_id not in pages:
                info = library.issue_info(issue_id)
                pages[issue_id] = set(info.pages) if info is not None else None
            return pages[issue_id]

        reader.history.forget(lambda loc: present(loc.issue_id) is None)
        panel = getattr(self.tools, "_search", None)
        if panel is not None and panel.model.hits:
            kept = [h for h in panel.model.hits if h.page in (present(h.issue_id) or ())]
            if len(kept) != len(panel.model.hits):
                panel.model.set_hits(kept)
        loc = reader.location
        if loc is None or present(loc.issue_id) is not None:
            return None
        latest = library.latest_issue()
        if latest is None:
            reader.close_issue()
            return "emptied"
        reader.issue = None
        reader.open(Location(latest, 1, None), record=False)
        return "opened"

    def refresh(self) -> str:
        reader, what = self.reader, "lists"
        try:
            loc = reader.location
            gone = self._forget_removed()
            if gone is not None:
                what = gone
            elif loc is None:
                latest = reader.library.latest_issue()
                if latest is not None:
                    reader.open_issue(latest, 1, None)
                    what = "opened"
            elif reader.library.issue_stamp(loc.issue_id) != self._stamp[1] \
                    or self._stamp[0] != loc.issue_id:
                reader.reload()  # issueChanged: the stamp is taken again
                what = "reloaded"
            # The neighbours of the open issue are cached by the presenter; forget them.
            if hasattr(self.presenter, "_neighbours"):
                self.presenter._neighbours = None
            self.presenter.update_actions()
            if self.tools is not None:
                self.tools.refresh_papers()
                archive = getattr(self.tools, "_archive", None)
                if archive is not None and archive.isVisible():
                    issue = reader.issue
                    archive.reload(archive.paper.currentText() or (issue.paper if issue else None))
            for call in self.extra:
                call()
        except LibraryError as exc:  # e.g. busy: the next change or tick tries again
            log.info("library changed, refresh postponed: %s", exc)
            return "postponed"
        self.refreshed.emit(what)
        return what


def follow_library(watch: LibraryWatch, reader, presenter, tools=None,  # type: ignore[no-untyped-def]
                   extra: list[Callable[[], None]] | None = None) -> LibraryFollower:
    """Connect ``watch.changed`` to a LibraryFollower for this window and return it."""
    follower = LibraryFollower(reader, presenter, tools, extra)
    watch.changed.connect(follower.refresh)
    return follower
