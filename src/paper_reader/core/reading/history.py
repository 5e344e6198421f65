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


class View(NamedTuple):
    """How a place was being read when the reader left it: the scroll positions of the
    article view and of the page overview, in pixels; the page image's zoom (thousandths of
    a pixel per PDF point, 0 when it was not shown), fit (IMAGE_ZOOMED, IMAGE_FIT_WIDTH,
    IMAGE_FIT_PAGE) and scroll position, and whether the page (1), not the article (0), was
    on screen. Plain numbers (no Qt here)."""

    article_scroll: int = 0
    overview_scroll: int = 0
    image_zoom: int = 0
    image_mode: int = 0
    image_x: int = 0
    image_y: int = 0
    on_page: int = 0


IMAGE_ZOOMED, IMAGE_FIT_WIDTH, IMAGE_FIT_PAGE = 0, 1, 2


class History:
    """Places with the view each was left in: going back or forward returns to the place
    and sets ``view`` to how it was left, for the window to restore."""

    def __init__(self, limit: int = 200) -> None:
        self._back: list[tuple[Location, View]] = []
        self._forward: list[tuple[Location, View]] = []
        self.current: Location | None = None
        self.view = View()  # of the current place: as it was left, when returned to
        self.limit = limit

    def visit(self, location: Location, leaving: View | None = None) -> None:
        """Go somewhere new: the old place (with ``leaving``, how it was being read) goes on
        the back stack, forward is forgotten."""
        if location == self.current:
            return
        if self.current is not None:
            self._back.append((self.current, self.view if leaving is None else leaving))
            del self._back[: -self.limit]
        self._forward.clear()
        self.current = location
        self.view = View()

    def replace(self, location: Location) -> None:
        """Move within the same place (another article on the page) without a new step."""
        self.current = location

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def back(self, leaving: View | None = None) -> Location | None:
        if not self._back:
            return None
        if self.current is not None:
            self._forward.append((self.current, self.view if leaving is None else leaving))
        self.current, self.view = self._back.pop()
        return self.current

    def forward(self, leaving: View | None = None) -> Location | None:
        if not self._forward:
            return None
        if self.current is not None:
            self._back.append((self.current, self.view if leaving is None else leaving))
        self.current, self.view = self._forward.pop()
        return self.current

    def clear(self) -> None:
        self._back.clear()
        self._forward.clear()
        self.view = View()

    def forget(self, gone: Callable[[Location], bool]) -> None:
        """Drop the places that are no longer in the library (a removed issue) from back
        and forward; the current place is the caller's to move."""
        self._back[:] = [entry for entry in self._back if not gone(entry[0])]
        self._forward[:] = [entry for entry in self._forward if not gone(entry[0])]
