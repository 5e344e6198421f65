"""Notice what other programs write to the library while the window is open.

Another window, ``paper-reader import`` in a terminal, or the window's own import thread
each write through a connection of their own. SQLite's ``PRAGMA data_version`` on the
window's connection changes whenever another connection commits, so polling it every two
seconds is enough to notice, and costs nothing measurable (it reads no table).

    watch = LibraryWatch(parts.handle, parent=window)
    wiring.follow_library(watch, parts)   # the window's LibraryFollower, on every change
    watch.start()
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ...core.library import Library, LibraryError
from ...core.reading.history import Location
from ..reading.library_handle import LibraryHandle
from ..reading.reader import Reader

log = logging.getLogger(__name__)

INTERVAL_MS = 2000


class LibraryWatch(QObject):
    """Emits ``changed`` (at most once per poll) after another connection committed."""

    changed = Signal()

    def __init__(self, library: LibraryHandle | Library, interval_ms: int = INTERVAL_MS,
                 parent: Any = None) -> None:
        super().__init__(parent)
        # The window's handle (a replaced library is watched from then on), or one library.
        self.handle = library if isinstance(library, LibraryHandle) else LibraryHandle(library, self)
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
            return self.handle.library.data_version()
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
    """Brings the reading place up to date after the library changed under it.

    - nothing open yet (an empty library got its first issue): the newest issue opens;
    - the open issue itself changed (a page added or replaced): it is read again, staying
      on the same page and article;
    - issues or pages removed: the history lets go of them, and the open issue, if it went,
      gives way to the newest.

    Then each of ``issues_changed`` (what depends on the list of issues: the previous and
    next issue actions, the search panel's papers and results, the archive calendar; added
    in ``ui.shell.wiring``) is called with ``present``: ``present(issue_id)`` is that
    issue's page numbers, or None when it is gone. Called, not signalled: a library busy
    in one of them postpones the whole refresh to the next tick, as a slot's error could not.
    """

    refreshed = Signal(str)  # "opened", "reloaded", "emptied" or "lists": what was done, for tests

    def __init__(self, reader: Reader) -> None:
        super().__init__(reader)
        self.reader = reader
        self.issues_changed: list[Callable[[Callable[[int], set[int] | None]], object]] = []
        self._stamp: tuple[int | None, tuple[Any, ...]] = (None, ())

    def remember(self, issue: Any) -> None:
        """The open issue as it is stored now (on Reader.issueChanged)."""
        issue_id = getattr(issue, "id", None)
        try:
            stamp = self.reader.library.issue_stamp(issue_id) if issue_id is not None else ()
        except LibraryError:
            stamp = ()
        self._stamp = (issue_id, stamp)

    def _forget_removed(self, present: Callable[[int], set[int] | None]) -> str | None:
        """Issues and pages removed (by this window or another program): history and the
        open issue let go of them. "opened"/"emptied" when the open issue was among them."""
        reader, library = self.reader, self.reader.library
        reader.history.forget(lambda loc: present(loc.issue_id) is None)
        loc = reader.location
        if loc is None or present(loc.issue_id) is not None:
            return None
        latest = library.latest_issue()
        if latest is None:
            reader.close_issue()
            return "emptied"
        reader.forget_issue()  # the removed issue's id may be given to a new one
        reader.open(Location(latest, 1, None), record=False)
        return "opened"

    def refresh(self) -> str:
        reader, what = self.reader, "lists"
        library = reader.library
        pages: dict[int, set[int] | None] = {}

        def present(issue_id: int) -> set[int] | None:
            if issue_id not in pages:
                info = library.issue_info(issue_id)
                pages[issue_id] = set(info.pages) if info is not None else None
            return pages[issue_id]

        try:
            loc = reader.location
            gone = self._forget_removed(present)
            if gone is not None:
                what = gone
            elif loc is None:
                latest = library.latest_issue()
                if latest is not None:
                    reader.open_issue(latest, 1, None)
                    what = "opened"
            elif library.issue_stamp(loc.issue_id) != self._stamp[1] or self._stamp[0] != loc.issue_id:
                reader.reload()  # issueChanged: the stamp is taken again
                what = "reloaded"
            for step in self.issues_changed:
                step(present)
        except LibraryError as exc:  # e.g. busy: the next change or tick tries again
            log.info("library changed, refresh postponed: %s", exc)
            return "postponed"
        self.refreshed.emit(what)
        return what
