"""Where the reader is, and where they have been: back and forward like a browser."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple


class Location(NamedTuple):
    """A place in the library: an issue, a page (版) of it, maybe an article on that page.

    (A named tuple, not a frozen dataclass: dataclasses write their methods as source and
    compile it when the class is made, about half a millisecond of every start-up.)
    """

    issue_id: int
    page: int
    article: int | None = None


class History:
    def __init__(self, limit: int = 200) -> None:
        self._back: list[Location] = []
        self._forward: list[Location] = []
        self.current: Location | None = None
        self.limit = limit

    def visit(self, location: Location) -> None:
        """Go somewhere new: the old place goes on the back stack, forward is forgotten."""
        if location == self.current:
            return
        if self.current is not None:
            self._back.append(self.current)
            del self._back[: -self.limit]
        self._forward.clear()
        self.current = location

    def replace(self, location: Location) -> None:
        """Move within the same place (another article on the page) without a new step."""
        self.current = location

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def back(self) -> Location | None:
        if not self._back:
            return None
        if self.current is not None:
            self._forward.append(self.current)
        self.current = self._back.pop()
        return self.current

    def forward(self) -> Location | None:
        if not self._forward:
            return None
        if self.current is not None:
            self._back.append(self.current)
        self.current = self._forward.pop()
        return self.current

    def clear(self) -> None:
        self._back.clear()
        self._forward.clear()

    def forget(self, gone: Callable[[Location], bool]) -> None:
        """Drop the places that are no longer in the library (a removed issue) from back
        and forward; the current place is the caller's to move."""
        self._back[:] = [loc for loc in self._back if not gone(loc)]
        self._forward[:] = [loc for loc in self._forward if not gone(loc)]
