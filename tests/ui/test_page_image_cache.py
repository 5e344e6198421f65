"""The page image's cache of drawn tiles and thumbnails: bounded in bytes, oldest used out."""

from __future__ import annotations

from PySide6.QtGui import QImage

from paper_reader.ui.reading.render_cache import RenderCache


def image(width: int) -> QImage:
    out = QImage(width, 100, QImage.Format.Format_RGB32)
    out.fill(0xFFFFFF)
    return out


def test_the_cache_keeps_within_its_budget_dropping_the_oldest_used() -> None:
    cache = RenderCache(budget=5 * 400 * 100)  # five images of 100x100
    for k in range(20):
        cache.put(k, image(100))
        assert cache.used <= cache.budget
    assert cache.keys() == [15, 16, 17, 18, 19]
    assert cache.get(15) is not None  # used: kept over 16
    cache.put("new", image(100))
    assert 16 not in cache.keys() and 15 in cache.keys()
    cache.put("huge", image(10_000))  # larger than the whole budget: not kept, nothing lost
    assert "huge" not in cache.keys() and len(cache) == 5
    cache.put("new", image(50))  # replaced: counted once
    assert cache.used == 4 * 40_000 + 20_000
