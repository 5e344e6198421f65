"""The sample pages' designs: rows of stacks of article frames on a six-column grid.

A row is a list of stacks side by side; a stack spans grid columns [first, last) and holds
frames one above the other. A row is as tall as its tallest stack (the last row reaches the
foot of the page); a shorter stack spreads its spare height between its frames, or a boxed
frame at its foot takes it.
"""

from __future__ import annotations

from frames import FrameSpec as F
from frames import Photo

PAGE_W, PAGE_H = 842.0, 1191.0  # A3 portrait, a broadsheet's proportions
EM = 10.5  # the body's size (五号)
GRID, GUTTER = 6, EM
GRID_W = 11 * EM  # a grid column holds eleven characters of the body
MARGIN_X = (PAGE_W - GRID * GRID_W - (GRID - 1) * GUTTER) / 2
MARGIN_TOP, MARGIN_BOTTOM = 40.0, 44.0


def grid_x(first: int, last: int) -> tuple[float, float]:
    """Left and right edge of grid columns first .. last - 1."""
    return MARGIN_X + first * (GRID_W + GUTTER), MARGIN_X + last * (GRID_W + GUTTER) - GUTTER


Row = list[tuple[int, int, list[F]]]

PLANS: dict[int, list[Row]] = {
    1: [
        [(0, 4, [F(0, 4, "lead", Photo(2, 3, 120))]),
         (4, 6, [F(5, 2), F(4, 2)])],
        [(0, 2, [F(2, 2, "major")]),
         (2, 6, [F(1, 4, "major"), F(3, 4), F(6, 4, boxed=True)])],
    ],
    2: [
        [(0, 6, [F(0, 5)])],
        [(0, 6, [F(5, 5, "major")])],
        [(0, 3, [F(2, 3, "major", Photo(0, 2))]),
         (3, 6, [F(3, 3, "major"), F(1, 3), F(4, 3)])],
    ],
    3: [
        [(0, 4, [F(1, 4, "major")]),
         (4, 6, [F(0, 2)])],
        [(0, 3, [F(2, 3, "major", Photo(0, 2))]),
         (3, 6, [F(4, 3), F(5, 3), F(3, 3, "notice", boxed=True)])],
    ],
    4: [
        [(0, 4, [F(0, 4)]),
         (4, 6, [F(5, 2)])],
        [(0, 3, [F(1, 3, "major", Photo(0, 2)), F(2, 3)]),
         (3, 6, [F(3, 3, "major", Photo(0, 2)), F(4, 3, "notice", boxed=True)])],
    ],
}
