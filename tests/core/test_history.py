"""Back and forward keep how each place was being read (no Qt here)."""

from __future__ import annotations

from paper_reader.core.reading.history import History, Location, View

A, B, C = Location(1, 1, 0), Location(1, 2, 0), Location(1, 3, None)


def test_back_and_forward_return_the_view_each_place_was_left_in() -> None:
    h = History()
    h.visit(A)
    assert h.view == View()
    h.visit(B, leaving=View(article_scroll=640, overview_scroll=80))
    assert h.view == View()  # a new place is read from the top
    h.visit(C, leaving=View(article_scroll=120))
    assert h.back(leaving=View(overview_scroll=900)) == B and h.view == View(120, 0)
    assert h.back(leaving=View(article_scroll=30)) == A and h.view == View(640, 80)
    assert h.back() is None and h.current == A and h.view == View(640, 80)
    assert h.forward(leaving=View(article_scroll=641, overview_scroll=81)) == B
    assert h.view == View(30, 0)
    assert h.forward() == C and h.view == View(0, 900)
    assert h.back() == B and h.view == View(30, 0)  # no view given: the one it was entered with
    assert h.back() == A and h.view == View(641, 81)


def test_a_visit_forgets_forward_and_views_are_plain_numbers() -> None:
    h = History()
    h.visit(A)
    h.visit(B, View(5, 6))
    h.back(View(7, 8))
    h.visit(C, View(9, 10))
    assert not h.can_go_forward()
    assert h.back() == A and h.view == View(9, 10)
    assert all(type(n) is int for n in h.view)
    h.replace(Location(1, 1, 2))  # another article on the page: the same step
    assert h.current == Location(1, 1, 2) and h.can_go_forward()
    h.visit(h.current)  # where the reader already is: no step
    assert h.can_go_forward()


def test_the_limit_and_clear() -> None:
    h = History(limit=3)
    for n in range(1, 7):
        h.visit(Location(1, n, None), View(n * 10, n))  # page n - 1 left as View(n * 10, n)
    back = []
    while (loc := h.back()) is not None:
        back.append((loc.page, h.view))
    assert back == [(5, View(60, 6)), (4, View(50, 5)), (3, View(40, 4))]
    h.clear()
    assert not h.can_go_back() and not h.can_go_forward() and h.view == View()
